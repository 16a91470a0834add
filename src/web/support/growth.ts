// The data behind an OPP domain's growth chart: the planned growth line (DLE or ability score per date) and the
// pupil's actual results of the linked instrument, merged into one date-ordered list for the chart and its table.
import type { GrowthPoint } from '../../domain/support/model';

export interface ActualPoint {
  on: string;
  value: number;
  label: string;
}

/** One date of the chart: the planned value and/or an actual result on that date. */
export interface GrowthRow {
  on: string;
  planned: number | null;
  actual: number | null;
  /** The result's label (test moment, e.g. "M6"), when there is an actual result. */
  actualLabel: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Merges planned points and actual results by date, oldest first. A planned point and an actual result on the same
 * date share a row; several actual results on one date each get a row (the first one carries the planned value).
 * Points without a valid ISO date or value are left out (a half-filled row of the editor).
 */
export function growthRows(growth: readonly GrowthPoint[], actuals: readonly ActualPoint[]): GrowthRow[] {
  const planned = new Map<string, number>();
  for (const p of growth) if (ISO.test(p.on) && finite(p.value)) planned.set(p.on, p.value);
  const actualByDate = new Map<string, ActualPoint[]>();
  for (const a of actuals) {
    if (!ISO.test(a.on) || !finite(a.value)) continue;
    actualByDate.set(a.on, [...(actualByDate.get(a.on) ?? []), a]);
  }
  const dates = [...new Set([...planned.keys(), ...actualByDate.keys()])].sort();
  const rows: GrowthRow[] = [];
  for (const on of dates) {
    const plan = planned.get(on) ?? null;
    const list = actualByDate.get(on) ?? [];
    if (list.length === 0) {
      rows.push({ on, planned: plan, actual: null, actualLabel: null });
      continue;
    }
    list.forEach((a, i) => rows.push({ on, planned: i === 0 ? plan : null, actual: a.value, actualLabel: a.label || null }));
  }
  return rows;
}

/**
 * The planned value on a date by straight-line interpolation between the planned points (null outside the planned
 * span or with fewer than one point on each side). Used to say whether an actual result is on, above or below plan.
 */
export function plannedAt(growth: readonly GrowthPoint[], on: string): number | null {
  const pts = growth.filter((p) => ISO.test(p.on) && finite(p.value)).sort((a, b) => a.on.localeCompare(b.on));
  if (pts.length === 0 || !ISO.test(on)) return null;
  const exact = pts.find((p) => p.on === on);
  if (exact) return exact.value;
  const before = [...pts].reverse().find((p) => p.on < on);
  const after = pts.find((p) => p.on > on);
  if (!before || !after) return null;
  const span = dayNumber(after.on) - dayNumber(before.on);
  const share = (dayNumber(on) - dayNumber(before.on)) / span;
  return Math.round((before.value + (after.value - before.value) * share) * 10) / 10;
}

/** Days since 1970-01-01 of an ISO date: the chart's x value, so that time on the axis is proportional. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** The ISO date of a day number (the axis ticks). */
export function isoOfDay(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

/** The chart's two datasets as points on a time-proportional x axis (day numbers); rows without a value are left out. */
export function growthSeries(rows: readonly GrowthRow[]): { planned: { x: number; y: number }[]; actual: { x: number; y: number }[] } {
  return {
    planned: rows.flatMap((r) => (r.planned === null ? [] : [{ x: dayNumber(r.on), y: r.planned }])),
    actual: rows.flatMap((r) => (r.actual === null ? [] : [{ x: dayNumber(r.on), y: r.actual }])),
  };
}
