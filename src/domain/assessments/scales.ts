// The two level scales of Dutch pupil-monitoring tests (standards.md §5):
// - A–E: A = top 25 %, B = next 25 %, C = next 25 %, D = next 15 %, E = lowest 10 %;
// - I–V: five bands of 20 %, III holds the national mean; I+ = top 10 %, V- = bottom 10 % (optional sub-levels).

export const LEVEL_SCALES = ['AE', 'IV'] as const;
export type LevelScale = (typeof LEVEL_SCALES)[number];

const MAIN: Record<LevelScale, readonly string[]> = {
  AE: Object.freeze(['A', 'B', 'C', 'D', 'E']),
  IV: Object.freeze(['I', 'II', 'III', 'IV', 'V']),
};

/** Every level a result may hold, best first, sub-levels included: IV → I+, I, II, III, IV, V, V-. */
const OPTIONS: Record<LevelScale, readonly string[]> = {
  AE: MAIN.AE,
  IV: Object.freeze(['I+', 'I', 'II', 'III', 'IV', 'V', 'V-']),
};

export interface ParsedLevel {
  main: string;
  sub: '+' | '-' | null;
  /** 0 = best main level. */
  rank: number;
}

export function isLevelScale(value: unknown): value is LevelScale {
  return value === 'AE' || value === 'IV';
}

/** The main levels, best first. */
export function levelsOf(scale: LevelScale): readonly string[] {
  return MAIN[scale];
}

/** Every valid level including the sub-levels, best first (for pickers and norm tables). */
export function levelOptions(scale: LevelScale): readonly string[] {
  return OPTIONS[scale];
}

/**
 * Reads a level as typed by a person or found in an export: case and surrounding spaces do not matter
 * (`i+`, ` III `, `a`). Only the sub-levels the scale knows are accepted: `I+` and `V-` on I–V, none on A–E.
 */
export function parseLevel(scale: LevelScale, input: string): ParsedLevel | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().toUpperCase().replace(/[−–]/g, '-').replace(/\s+(?=[+-]$)/, '');
  const m = /^([A-Z]+)([+-]?)$/.exec(s);
  if (!m) return null;
  const rank = MAIN[scale].indexOf(m[1]);
  if (rank < 0) return null;
  const sub = m[2] === '+' ? '+' : m[2] === '-' ? '-' : null;
  if (sub !== null) {
    if (scale !== 'IV') return null;
    if (sub === '+' && m[1] !== 'I') return null;
    if (sub === '-' && m[1] !== 'V') return null;
  }
  return { main: m[1], sub, rank };
}

/** The canonical spelling of a level (`i+` → `I+`), or null when it is not on the scale. */
export function normalizeLevel(scale: LevelScale, input: string): string | null {
  const p = parseLevel(scale, input);
  return p ? p.main + (p.sub ?? '') : null;
}

/**
 * The level of a percentile (the share of the national group scoring lower, 0–100).
 * A–E: A ≥ 75, B ≥ 50, C ≥ 25, D ≥ 10, E below. I–V: I+ ≥ 90, I ≥ 80, II ≥ 60, III ≥ 40, IV ≥ 20, V ≥ 10, V- below.
 */
export function levelFromPercentile(scale: LevelScale, pct: number): string {
  if (scale === 'AE') {
    if (pct >= 75) return 'A';
    if (pct >= 50) return 'B';
    if (pct >= 25) return 'C';
    if (pct >= 10) return 'D';
    return 'E';
  }
  if (pct >= 90) return 'I+';
  if (pct >= 80) return 'I';
  if (pct >= 60) return 'II';
  if (pct >= 40) return 'III';
  if (pct >= 20) return 'IV';
  if (pct >= 10) return 'V';
  return 'V-';
}

function rankOf(scale: LevelScale, level: string): number {
  const p = parseLevel(scale, level);
  return p ? p.rank : MAIN[scale].length;
}

/** Negative when a is better than b, by main level (I+ and I are equal). A level not on the scale sorts last. */
export function compareLevels(scale: LevelScale, a: string, b: string): number {
  return rankOf(scale, a) - rankOf(scale, b);
}

/** True when the level is the threshold's main level or better; false for a level not on the scale. */
export function isAtOrAbove(scale: LevelScale, level: string, threshold: string): boolean {
  const l = parseLevel(scale, level);
  const t = parseLevel(scale, threshold);
  if (!l || !t) return false;
  return l.rank <= t.rank;
}

/**
 * Whether a level matches a pattern as used in signal rules: a pattern with a sub-level (`I+`, `V-`) matches only that
 * sub-level; a pattern without one (`V`) matches the main level with or without sub-level (`V` and `V-`).
 */
export function levelMatches(scale: LevelScale, level: string, pattern: string): boolean {
  const l = parseLevel(scale, level);
  const p = parseLevel(scale, pattern);
  if (!l || !p) return false;
  if (l.main !== p.main) return false;
  return p.sub === null || p.sub === l.sub;
}
