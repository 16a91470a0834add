// Generates a school year's care calendar (jaarplanning / toetskalender) from the school's template: every template item
// lands in school weeks (weeks that are not wholly a holiday) of a care period, a month or a fixed rhythm; a date that
// falls in a holiday or a weekend moves to the next school week (or back, at the end of the year). A groepsbespreking
// becomes one meeting per group; a leerlingbespreking or care-team meeting one meeting for the school. Pure.
import { addDays, daysBetween, parseIsoDate, type DateRange } from '../school/periods';
import type { Holiday, TemplateItem } from './model';
import type { CalendarDraft, GroupFact, PeriodFact } from './views';

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return parseIsoDate(iso).getUTCDay();
}

/** The Monday of the week of a date. */
export function mondayOf(iso: string): string {
  const dow = weekday(iso);
  return addDays(iso, dow === 0 ? -6 : 1 - dow);
}

export function isWeekend(iso: string): boolean {
  const d = weekday(iso);
  return d === 0 || d === 6;
}

/** The holiday a date lies in, or null. */
export function holidayOn(iso: string, holidays: readonly Holiday[]): Holiday | null {
  return holidays.find((h) => h.startsOn <= iso && iso <= h.endsOn) ?? null;
}

/** A day pupils are at school: a weekday outside the holidays. */
export function isSchoolDay(iso: string, holidays: readonly Holiday[]): boolean {
  return !isWeekend(iso) && holidayOn(iso, holidays) === null;
}

/** The Mondays of the weeks overlapping `range` that have at least one school day inside the range. */
export function schoolWeeks(range: DateRange, holidays: readonly Holiday[]): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(range.startsOn); monday <= range.endsOn; monday = addDays(monday, 7)) {
    for (let i = 0; i < 5; i++) {
      const day = addDays(monday, i);
      if (day >= range.startsOn && day <= range.endsOn && isSchoolDay(day, holidays)) {
        weeks.push(monday);
        break;
      }
    }
  }
  return weeks;
}

/** The end of an item of `days` school days (weekdays; holidays are not skipped, the rules warn about those). */
export function endAfterDays(startsOn: string, days: number): string {
  let end = startsOn;
  for (let left = days - 1; left > 0;) {
    end = addDays(end, 1);
    if (!isWeekend(end)) left--;
  }
  return end;
}

/**
 * Moves a date that is not a school day to the same weekday of the next week where it is one; when that leaves the
 * year, to the previous such week instead. Returns the date and whether it moved.
 */
export function moveToSchoolDay(iso: string, year: DateRange, holidays: readonly Holiday[]): { date: string; moved: boolean } {
  let date = iso;
  let moved = false;
  if (date < year.startsOn) {
    date = addDays(date, Math.ceil(daysBetween(date, year.startsOn) / 7) * 7);
    moved = true;
  }
  if (date > year.endsOn) {
    date = addDays(date, -Math.ceil(daysBetween(year.endsOn, date) / 7) * 7);
    moved = true;
  }
  if (isSchoolDay(date, holidays)) return { date, moved };
  for (let w = 1; w <= 12; w++) {
    const later = addDays(date, 7 * w);
    if (later > year.endsOn) break;
    if (isSchoolDay(later, holidays)) return { date: later, moved: true };
  }
  for (let w = 1; w <= 12; w++) {
    const earlier = addDays(date, -7 * w);
    if (earlier < year.startsOn) break;
    if (isSchoolDay(earlier, holidays)) return { date: earlier, moved: true };
  }
  return { date, moved };
}

/** The week's Thursday decides which month a week belongs to (as ISO weeks belong to a year). */
const monthOfWeek = (monday: string) => parseIsoDate(addDays(monday, 3)).getUTCMonth() + 1;

const at = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[Math.max(0, Math.min(list.length - 1, index))]);

/**
 * The Mondays of the school weeks a template item lands in. A period with fewer school weeks than the template counts
 * on (`periodWeeks`, the largest periodWeek of the template) keeps the order of its weeks from its end: in a period of
 * seven school weeks, seed 004's weeks 8, 9 and 10 become its last three.
 */
export function anchorWeeks(item: TemplateItem, year: DateRange, periods: readonly PeriodFact[], holidays: readonly Holiday[], periodWeeks = 0): string[] {
  const anchor = item.anchor;
  const inPeriods = (list: readonly number[]) => [...periods].sort((a, b) => a.seq - b.seq).filter((p) => list.length === 0 || list.includes(p.seq));
  /** The period's school weeks whose item day (the weekday) lies inside the period (a period ending on a Monday). */
  const weeksOf = (p: PeriodFact) => {
    const all = schoolWeeks(p, holidays);
    const inside = all.filter((w) => { const day = addDays(w, item.weekday - 1); return day >= p.startsOn && day <= p.endsOn; });
    return inside.length > 0 ? inside : all;
  };
  switch (anchor.at) {
    case 'periodWeek':
      return inPeriods(anchor.periods).map((p) => {
        const weeks = weeksOf(p);
        const short = weeks.length < Math.max(periodWeeks, anchor.week);
        return at(weeks, short ? weeks.length - 1 - (Math.max(periodWeeks, anchor.week) - anchor.week) : anchor.week - 1);
      }).filter((w): w is string => w !== undefined);
    case 'periodEnd':
      return inPeriods(anchor.periods).map((p) => {
        const weeks = weeksOf(p);
        return at(weeks, weeks.length - 1 - anchor.weeksBefore);
      }).filter((w): w is string => w !== undefined);
    case 'month': {
      const weeks = schoolWeeks(year, holidays).filter((w) => monthOfWeek(w) === anchor.month);
      const w = at(weeks, anchor.week - 1);
      return w ? [w] : [];
    }
    case 'every': {
      const weeks = schoolWeeks(year, holidays);
      return weeks.filter((_, i) => i % anchor.weeks === 0);
    }
  }
}

export interface GenerateInput {
  year: DateRange;
  periods: readonly PeriodFact[];
  template: readonly TemplateItem[];
  groups: readonly GroupFact[];
  holidays: readonly Holiday[];
  /** VO names a group "klas", PO "groep". */
  sector: 'po' | 'vo';
}

/** The care period (seq) a date lies in. */
export function periodOf(iso: string, periods: readonly PeriodFact[]): number | null {
  return periods.find((p) => p.startsOn <= iso && iso <= p.endsOn)?.seq ?? null;
}

const MEETING_KINDS = new Set(['groupDiscussion', 'pupilDiscussion', 'careTeam']);
export const isMeetingKind = (kind: string): kind is 'groupDiscussion' | 'pupilDiscussion' | 'careTeam' => MEETING_KINDS.has(kind);

/** The drafts of a school year, in date order (then template order, then group name). */
export function generateCalendar(input: GenerateInput): CalendarDraft[] {
  const { year, periods, template, groups, holidays, sector } = input;
  const drafts: (CalendarDraft & { order: number })[] = [];
  const periodWeeks = Math.max(0, ...template.map((i) => (i.anchor.at === 'periodWeek' ? i.anchor.week : 0)));
  template.forEach((item, order) => {
    const seen = new Set<string>();
    for (const monday of anchorWeeks(item, year, periods, holidays, periodWeeks)) {
      const { date, moved } = moveToSchoolDay(addDays(monday, item.weekday - 1), year, holidays);
      if (seen.has(date)) continue;
      seen.add(date);
      const endsOn = item.days > 1 ? endAfterDays(date, item.days) : date;
      const base = {
        templateKey: item.key, kind: item.kind, title: item.title, startsOn: date, endsOn: endsOn > year.endsOn ? year.endsOn : endsOn,
        domain: item.domain, audience: item.audience, periodSeq: periodOf(date, periods), moved, order,
      };
      if (item.kind === 'groupDiscussion') {
        for (const g of groups) {
          if (item.grades.length > 0 && !g.grades.some((x) => item.grades.includes(x))) continue;
          drafts.push({ ...base, title: `${item.title} ${sector === 'vo' ? 'klas' : 'groep'} ${g.name}`, groupId: g.id, groupName: g.name, grades: [...g.grades] });
        }
      } else {
        drafts.push({ ...base, groupId: null, groupName: null, grades: [...item.grades] });
      }
    }
  });
  drafts.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.order - b.order || (a.groupName ?? '').localeCompare(b.groupName ?? '', 'nl', { numeric: true }));
  return drafts.map(({ order: _order, ...d }) => d);
}
