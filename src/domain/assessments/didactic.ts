
// Didactische leeftijd (DL), leerrendement and achterstand (standards.md §5).
// DL = months of education from the start of groep 3: 10 per school year (September–June), at most 60.

/** One school year the pupil was enrolled; grade = the pupil's own PO groep (also in a combination group). */
export interface GradeYear {
  schoolYearStartsOn: string;
  grade: number | null;
}

export const MAX_DL = 60;

// Dates here are ISO strings (YYYY-MM-DD, checked where they enter): read by position, compared as text. The didactic
// age is computed for every result a page shows, so it avoids building Date objects.

/** The calendar year a school year is named after (2026 for a year starting on 2026-08-01). */
function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Teaching months of the school year starting in `startYear` up to and including the month of `onDate`: Sept = 1 … June = 10. */
function monthsInYear(startYear: number, onDate: string): number {
  const months = (Number(onDate.slice(0, 4)) - startYear) * 12 + (Number(onDate.slice(5, 7)) - 9) + 1;
  return Math.max(0, Math.min(10, months));
}

/**
 * DL in months on a date. The month of the date counts as taught (end of March in groep 6 = 30 + 7 = 37).
 * - Every earlier school year in groep 3 or higher counts 10 months, so repeating a grade adds and skipping one
 *   subtracts; years in groep 1–2 (also repeating groep 2) count nothing.
 * - Years missing from the history (a pupil who came from another school, a gap) are assumed to have gone normally:
 *   counting back one grade per year from the next known year.
 * - null when the date lies in no enrolled school year, when the grade of that year is unknown, or before groep 3.
 */
export function didacticAge(history: readonly GradeYear[], onDate: string): number | null {
  const byYear = new Map<number, number | null>();
  for (const h of history) byYear.set(yearOf(h.schoolYearStartsOn), h.grade);
  const startsBefore = history
    .filter((h) => h.schoolYearStartsOn <= onDate)
    .sort((a, b) => (a.schoolYearStartsOn < b.schoolYearStartsOn ? -1 : 1));
  const current = startsBefore[startsBefore.length - 1];
  if (!current) return null;
  const currentYear = yearOf(current.schoolYearStartsOn);
  // The date must lie within a year of the start of that school year.
  const end = `${currentYear + 1}${current.schoolYearStartsOn.slice(4, 10)}`;
  if (onDate.slice(0, 10) >= end) return null;
  const grade = byYear.get(currentYear) ?? null;
  if (grade === null || !Number.isInteger(grade) || grade < 3 || grade > 8) return null;

  let months = monthsInYear(currentYear, onDate);
  // Walk back year by year; `expected` is the grade a year would have had if it went normally from the next known year.
  let expected = grade - 1;
  for (let year = currentYear - 1; expected >= 3 || hasKnownYearBefore(byYear, year); year--) {
    const known = byYear.get(year);
    const g = known === undefined || known === null || !Number.isInteger(known) ? expected : known;
    if (g >= 3) months += 10;
    expected = g - 1;
    if (months >= MAX_DL + 10 * 8) break; // safety against absurd histories
  }
  return Math.min(MAX_DL, months);
}

function hasKnownYearBefore(byYear: Map<number, number | null>, yearInclusive: number): boolean {
  for (const [y, g] of byYear) if (y <= yearInclusive && g !== null && g >= 3) return true;
  return false;
}

function finite(n: number): boolean {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Leerrendement = DLE / DL × 100, rounded to a whole percent; null when DL ≤ 0. */
export function learningEfficiency(dle: number, dl: number): number | null {
  if (!finite(dle) || !finite(dl) || dl <= 0) return null;
  return Math.round((dle / dl) * 100) + 0;
}

/** Leerrendement over a period = ΔDLE / ΔDL × 100 (whole percent); null when no didactic time passed. */
export function periodEfficiency(prev: { dl: number; dle: number }, cur: { dl: number; dle: number }): number | null {
  if (![prev.dl, prev.dle, cur.dl, cur.dle].every(finite)) return null;
  const ddl = cur.dl - prev.dl;
  if (ddl <= 0) return null;
  return Math.round(((cur.dle - prev.dle) / ddl) * 100) + 0;
}

/** Achterstand = DL − DLE in months (one decimal) and weeks (1 month = 4 weeks, whole weeks); negative = ahead. */
export function delay(dl: number, dle: number): { months: number; weeks: number } {
  const months = dl - dle;
  return { months: Math.round(months * 10) / 10 + 0, weeks: Math.round(months * 4) + 0 };
}
