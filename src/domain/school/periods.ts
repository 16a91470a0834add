// School years and care-cycle periods (zorgperiodes). Dates are ISO strings (YYYY-MM-DD), no time zones.

export interface DateRange {
  startsOn: string;
  endsOn: string;
}

export interface PeriodDraft extends DateRange {
  name: string;
}

/**
 * The cycle patterns the seeds use:
 * - `halves`: two halves, Aug–Feb and Mar–Jul (seed 001: groepsplannen per half year);
 * - `three_cycles`: three cycles split at the winter and spring test moments;
 * - `four_ten_weeks`: four periods of ten weeks (seed 004), the last one running to the end of the year.
 */
export const PERIOD_PATTERNS = ['halves', 'three_cycles', 'four_ten_weeks'] as const;
export type PeriodPattern = (typeof PERIOD_PATTERNS)[number];

const DAY = 86_400_000;

export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) throw new RangeError(`no such date: ${iso}`);
  return d;
}

export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(iso).getTime() + days * DAY));
}

/** Whole days from `a` to `b` (negative when `b` lies before `a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / DAY);
}

/** The Monday on or after a date: periods start on Mondays. */
function mondayOnOrAfter(iso: string): string {
  const dow = parseIsoDate(iso).getUTCDay(); // 0 = Sunday
  const shift = (8 - dow) % 7;
  return addDays(iso, dow === 1 ? 0 : shift);
}

/** Split a school year into care-cycle periods following a pattern; `names` gives the label per index. */
export function generatePeriods(year: DateRange, pattern: PeriodPattern, name: (i: number, n: number) => string): PeriodDraft[] {
  const bounds: string[] = [year.startsOn];
  const y0 = parseIsoDate(year.startsOn).getUTCFullYear();
  const y1 = parseIsoDate(year.endsOn).getUTCFullYear();
  if (pattern === 'halves') {
    bounds.push(clampInto(year, `${y1 === y0 ? y0 : y1}-03-01`));
  } else if (pattern === 'three_cycles') {
    bounds.push(clampInto(year, mondayOnOrAfter(`${y0}-12-01`)));
    bounds.push(clampInto(year, mondayOnOrAfter(`${y1}-03-15`)));
  } else {
    const first = mondayOnOrAfter(year.startsOn);
    for (let i = 1; i < 4; i++) bounds.push(clampInto(year, addDays(first, i * 70)));
  }
  const unique = [...new Set(bounds)].sort();
  return unique.map((start, i) => ({
    name: name(i, unique.length),
    startsOn: start,
    endsOn: i + 1 < unique.length ? addDays(unique[i + 1], -1) : year.endsOn,
  }));
}

/** A split date outside the year is dropped (returned as the year's start, which the caller de-duplicates). */
function clampInto(year: DateRange, iso: string): string {
  if (iso <= year.startsOn || iso > year.endsOn) return year.startsOn;
  return iso;
}

export type PeriodProblem =
  | { code: 'empty' }
  | { code: 'bad_range'; index: number }
  | { code: 'outside_year'; index: number }
  | { code: 'overlap'; index: number }
  | { code: 'gap'; index: number };

/** Periods must lie inside the year, not overlap and leave no gap; they are checked in date order. */
export function checkPeriods(year: DateRange, periods: readonly DateRange[]): PeriodProblem[] {
  if (periods.length === 0) return [{ code: 'empty' }];
  const problems: PeriodProblem[] = [];
  const order = periods.map((p, i) => ({ p, i })).sort((a, b) => a.p.startsOn.localeCompare(b.p.startsOn));
  order.forEach(({ p, i }, k) => {
    if (p.endsOn < p.startsOn) problems.push({ code: 'bad_range', index: i });
    if (p.startsOn < year.startsOn || p.endsOn > year.endsOn) problems.push({ code: 'outside_year', index: i });
    if (k > 0) {
      const prev = order[k - 1].p;
      if (p.startsOn <= prev.endsOn) problems.push({ code: 'overlap', index: i });
      else if (daysBetween(prev.endsOn, p.startsOn) > 1) problems.push({ code: 'gap', index: i });
    }
  });
  return problems;
}

/** The school year (of a list) that contains a date, or null. */
export function yearContaining<T extends DateRange>(years: readonly T[], today: string): T | null {
  return years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? null;
}

/** Default Dutch school-year bounds: 1 August to 31 July. */
export function schoolYearOf(today: string): DateRange & { name: string } {
  const d = parseIsoDate(today);
  const y = d.getUTCMonth() >= 7 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return { name: `${y}-${y + 1}`, startsOn: `${y}-08-01`, endsOn: `${y + 1}-07-31` };
}

/** A date as Dutch users write it: 2026-09-01 → 01-09-2026 (as the web's formatDate shows it); '' for none, anything else unchanged. */
export function dutchDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}
