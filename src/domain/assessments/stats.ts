import { type LevelScale, isAtOrAbove, levelsOf, parseLevel } from './scales';

// Group and school figures: the dwarsdoorsnede (levels per moment) and the share at or above a school norm.

/** Count per main level, best first, then `{ level: '?', count }` for missing results or levels not on the scale. */
export function levelDistribution(scale: LevelScale, levels: readonly (string | null)[]): { level: string; count: number }[] {
  const main = levelsOf(scale);
  const counts = new Array<number>(main.length + 1).fill(0);
  for (const l of levels) {
    const p = l === null ? null : parseLevel(scale, l);
    counts[p ? p.rank : main.length]++;
  }
  return [...main.map((level, i) => ({ level, count: counts[i] })), { level: '?', count: counts[main.length] }];
}

/**
 * How many of the pupils WITH a result on the scale score the threshold's main level or better ("75 % scores III or
 * higher"). Missing results do not count in the total. percent is rounded to a whole percent; 0 when total is 0.
 */
export function shareAtOrAbove(scale: LevelScale, levels: readonly (string | null)[], threshold: string): { count: number; total: number; percent: number } {
  let count = 0;
  let total = 0;
  for (const l of levels) {
    if (l === null || !parseLevel(scale, l)) continue;
    total++;
    if (isAtOrAbove(scale, l, threshold)) count++;
  }
  return { count, total, percent: total ? Math.round((count / total) * 100) : 0 };
}

/** Whether a share meets the school norm (`percent` ≥ the norm's percent), compared on the unrounded share. */
export function meetsNorm(share: { count: number; total: number }, normPercent: number): boolean {
  return share.total > 0 && share.count * 100 >= normPercent * share.total;
}
