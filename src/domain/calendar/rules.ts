// The date rules of the care calendar: warnings per item (never a refusal — the care coordinator decides).
// - seed 002: "Leestoetsen niet op maandag, bij voorkeur vanaf dinsdag" (readingTestOnMonday, a school setting);
// - seed 002: "Niet toetsen op maandag na een vakantie" (testOnMondayAfterHoliday, a school setting);
// - any item in a holiday, on a weekend, or outside the school year;
// - PO: a groepsbespreking held before the test week of its period (the results are not in yet).
import { addDays, dutchDate, type DateRange } from '../school/periods';
import { holidayOn, isWeekend, periodOf, weekday } from './generate';
import type { CalendarSettings, Holiday } from './model';
import type { CalendarWarning, PeriodFact } from './views';

/** Domains whose tests are reading tests (seed 002's "leestoetsen"). */
export const READING_DOMAINS: readonly string[] = ['technisch-lezen', 'begrijpend-lezen'];

/** What the rules need to know about one item. */
export interface RuleItem {
  kind: string;
  title: string;
  startsOn: string;
  endsOn: string;
  domain: string | null;
  groupId: number | null;
  /** Grades it is for (empty = all); a group's grades for a groepsbespreking. */
  grades: readonly number[];
}

export interface RuleContext {
  sector: 'po' | 'vo';
  year: DateRange;
  periods: readonly PeriodFact[];
  holidays: readonly Holiday[];
  rules: CalendarSettings['rules'];
}

/** The days from start to end (inclusive), at most 31. */
function daysOf(item: { startsOn: string; endsOn: string }): string[] {
  const out: string[] = [];
  for (let d = item.startsOn; d <= item.endsOn && out.length < 31; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Mondays that directly follow a holiday (the first Monday after its last day). */
export function mondaysAfterHolidays(holidays: readonly Holiday[]): Map<string, Holiday> {
  const out = new Map<string, Holiday>();
  for (const h of holidays) {
    let d = addDays(h.endsOn, 1);
    while (weekday(d) !== 1) d = addDays(d, 1);
    if (!holidayOn(d, holidays)) out.set(d, h);
  }
  return out;
}

const gradesMeet = (a: readonly number[], b: readonly number[]) => a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** The warnings of every item, in the order of `items`. */
export function calendarWarnings(items: readonly RuleItem[], ctx: RuleContext): CalendarWarning[][] {
  const afterHoliday = mondaysAfterHolidays(ctx.holidays);
  const out = items.map((item) => itemWarnings(item, ctx, afterHoliday));
  if (ctx.sector === 'po') {
    items.forEach((item, i) => {
      const w = meetingBeforeResults(item, items, ctx.periods);
      if (w) out[i].push(w);
    });
  }
  return out;
}

function itemWarnings(item: RuleItem, ctx: RuleContext, afterHoliday: Map<string, Holiday>): CalendarWarning[] {
  const warnings: CalendarWarning[] = [];
  const days = daysOf(item);
  const test = item.kind === 'testWeek';
  if (test && ctx.rules.noReadingTestOnMonday && item.domain !== null && READING_DOMAINS.includes(item.domain)) {
    const monday = days.find((d) => weekday(d) === 1);
    if (monday) {
      warnings.push({
        code: 'readingTestOnMonday',
        message: `Leestoetsen niet op maandag (${dutchDate(monday)}): laat ‘${item.title}’ bij voorkeur op dinsdag beginnen.`,
      });
    }
  }
  if (test && ctx.rules.noTestOnMondayAfterHoliday) {
    const monday = days.find((d) => afterHoliday.has(d));
    if (monday) {
      warnings.push({
        code: 'testOnMondayAfterHoliday',
        message: `Niet toetsen op maandag na een vakantie: ${dutchDate(monday)} is de eerste dag na de ${afterHoliday.get(monday)!.name.toLowerCase()}.`,
      });
    }
  }
  const holidayDay = days.find((d) => !isWeekend(d) && holidayOn(d, ctx.holidays));
  if (holidayDay) {
    const h = holidayOn(holidayDay, ctx.holidays)!;
    warnings.push({
      code: 'inHoliday',
      message: `${dutchDate(holidayDay)} valt in de ${h.name.toLowerCase()} (${dutchDate(h.startsOn)} t/m ${dutchDate(h.endsOn)}).`,
    });
  }
  const weekendDay = [item.startsOn, item.endsOn].find(isWeekend);
  if (weekendDay) {
    warnings.push({ code: 'weekend', message: `${dutchDate(weekendDay)} valt in het weekend.` });
  }
  if (item.startsOn < ctx.year.startsOn || item.endsOn > ctx.year.endsOn) {
    warnings.push({
      code: 'outsideYear',
      message: `Dit valt buiten het schooljaar (${dutchDate(ctx.year.startsOn)} t/m ${dutchDate(ctx.year.endsOn)}).`,
    });
  }
  return warnings;
}

/**
 * PO: the last groepsbespreking of a group in a care period comes before a test week of that period for the group's
 * grades — that test's results are then discussed in no groepsbespreking of the period.
 */
function meetingBeforeResults(item: RuleItem, items: readonly RuleItem[], periods: readonly PeriodFact[]): CalendarWarning | null {
  if (item.kind !== 'groupDiscussion' || item.groupId === null) return null;
  const seq = periodOf(item.startsOn, periods);
  if (seq === null) return null;
  const sameGroup = items.filter((x) => x.kind === 'groupDiscussion' && x.groupId === item.groupId && periodOf(x.startsOn, periods) === seq);
  if (sameGroup.some((x) => x.startsOn > item.startsOn)) return null; // not the last one of the period
  const later = items
    .filter((x) => x.kind === 'testWeek' && periodOf(x.startsOn, periods) === seq && x.endsOn >= item.startsOn && gradesMeet(x.grades, item.grades))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (!later) return null;
  return {
    code: 'meetingBeforeResults',
    message: `De groepsbespreking van ${dutchDate(item.startsOn)} is vóór de resultaten van ‘${later.title}’ (${dutchDate(later.startsOn)} t/m ${dutchDate(later.endsOn)}); plan de bespreking na de toetsweek.`,
  };
}
