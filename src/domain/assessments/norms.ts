import { z } from 'zod';
import { parseDecimal, parseTable, type RowError } from './csv';
import { MOMENT_PATTERN, parseMoment, standardDl } from './instruments';
import { LEVEL_SCALES, type LevelScale, levelFromPercentile, levelOptions, normalizeLevel, parseLevel } from './scales';

// Norm tables are data: score → level per moment, and score → DLE. Schools import the supplier's tables as CSV.

export interface LevelNorm {
  moment: string;
  scale: LevelScale;
  /** Best first; a score ≥ minScore gets that level; a score below the last band gets the last level. */
  bands: { level: string; minScore: number }[];
}

export interface DleNorm {
  /** null = one table for every moment (a vaardigheidsscore is one continuous scale). */
  moment: string | null;
  /** Linear interpolation between points, clamped to the ends. */
  points: { score: number; dle: number }[];
}

export interface InstrumentNorms {
  levelNorms: LevelNorm[];
  dleNorms: DleNorm[];
}

export const levelNormSchema = z
  .object({
    moment: z.string().regex(MOMENT_PATTERN),
    scale: z.enum(LEVEL_SCALES),
    bands: z.array(z.object({ level: z.string(), minScore: z.number().finite() })).min(1),
  })
  .refine((n) => n.bands.every((b) => normalizeLevel(n.scale, b.level) === b.level), 'level not on the scale');

export const dleNormSchema = z.object({
  moment: z.string().regex(MOMENT_PATTERN).nullable(),
  points: z.array(z.object({ score: z.number().finite(), dle: z.number().finite().min(0) })).min(1),
});

export const instrumentNormsSchema = z.object({ levelNorms: z.array(levelNormSchema), dleNorms: z.array(dleNormSchema) });

export function levelForScore(norm: LevelNorm, score: number): string {
  for (const band of norm.bands) if (score >= band.minScore) return band.level;
  return norm.bands[norm.bands.length - 1].level;
}

export function dleForScore(norm: DleNorm, score: number): number {
  const pts = [...norm.points].sort((a, b) => a.score - b.score);
  if (score <= pts[0].score) return pts[0].dle;
  const last = pts[pts.length - 1];
  if (score >= last.score) return last.dle;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (score <= b.score) {
      if (b.score === a.score) return b.dle;
      return a.dle + ((score - a.score) * (b.dle - a.dle)) / (b.score - a.score);
    }
  }
  return last.dle;
}

/** The score a norm table is read with: the vaardigheidsscore when there is one, else the raw score. */
export function scoreForNorms(values: { abilityScore: number | null; rawScore: number | null }): number | null {
  return values.abilityScore ?? values.rawScore ?? null;
}

/**
 * Fills a result's missing level and DLE: the level from the percentile (exact, by the scale's definition) or else
 * from the moment's level norm; the DLE from the moment's DLE norm or else the moment-independent one (rounded to one
 * decimal). Given values are kept.
 */
export function deriveFromNorms(
  instrument: { levelScale: LevelScale | null },
  norms: InstrumentNorms | undefined,
  moment: string,
  values: { abilityScore: number | null; rawScore: number | null; percentile: number | null; level: string | null; dle: number | null },
): { level: string | null; dle: number | null } {
  let level = values.level;
  let dle = values.dle;
  const score = scoreForNorms(values);
  if (level === null && instrument.levelScale) {
    if (values.percentile !== null) level = levelFromPercentile(instrument.levelScale, values.percentile);
    else if (score !== null) {
      const norm = norms?.levelNorms.find((n) => n.moment === moment && n.scale === instrument.levelScale);
      if (norm) level = levelForScore(norm, score);
    }
  }
  if (dle === null && score !== null && norms) {
    const norm = norms.dleNorms.find((n) => n.moment === moment) ?? norms.dleNorms.find((n) => n.moment === null);
    if (norm && norm.points.length) dle = Math.round(dleForScore(norm, score) * 10) / 10;
  }
  return { level, dle };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

const NORM_MESSAGES: Record<string, (p: Record<string, string | number>) => string> = {
  normHeader: () => 'De kopregel moet de kolommen soort en moment hebben, met niveau en vanaf (soort niveau) of score en dle (soort dle).',
  normEmpty: () => 'Het bestand bevat geen normregels.',
  normKind: (p) => `Onbekende soort "${p.value}": gebruik "niveau" of "dle".`,
  normMomentMissing: () => 'Het toetsmoment ontbreekt (bijvoorbeeld M5 of E5).',
  normMomentInvalid: (p) => `"${p.value}" is geen toetsmoment (gebruik bijvoorbeeld M5, E5 of B1).`,
  normLevelInvalid: (p) => `"${p.value}" is geen niveau van de schaal A–E of I–V.`,
  normScaleMixed: (p) => `Moment ${p.moment} mengt de schalen A–E en I–V.`,
  normLevelDuplicate: (p) => `Niveau ${p.level} staat twee keer bij moment ${p.moment}.`,
  normNumberInvalid: (p) => `"${p.value}" is geen getal.`,
  normNumberMissing: (p) => `De kolom ${p.field} is leeg.`,
  normBandsOrder: (p) => `Bij moment ${p.moment} moet de ondergrens van ${p.level} lager zijn dan die van ${p.better}.`,
  normDleNegative: (p) => `Een DLE kan niet negatief zijn (${p.value}).`,
  normScoreDuplicate: (p) => `Score ${p.score} staat twee keer in de DLE-tabel${p.moment ? ` van moment ${p.moment}` : ''}.`,
};

function normError(row: number, column: string | null, code: string, params: Record<string, string | number> = {}): RowError {
  return { row, column, code, params, message: NORM_MESSAGES[code](params) };
}

const key = (s: string) => s.trim().toLowerCase();

/**
 * Norm tables from CSV: rows `soort;moment;niveau;vanaf` (soort = niveau) and `soort;moment;score;dle` (soort = dle),
 * in one file or two, columns in any order, semicolon/comma/tab, Dutch decimal commas. An empty moment in a DLE row
 * means "every moment". The scale of a level table follows from its levels (A–E or I–V). All or nothing: with any
 * error the tables are returned as far as they could be read, and the caller should store nothing.
 */
export function parseNormCsv(text: string): InstrumentNorms & { errors: RowError[] } {
  const table = parseTable(text);
  const errors: RowError[] = [];
  const col = (name: string) => table.header.findIndex((h) => key(h) === name);
  const iKind = col('soort');
  const iMoment = col('moment');
  const iLevel = col('niveau');
  const iFrom = col('vanaf');
  const iScore = col('score');
  const iDle = col('dle');
  if (iKind < 0 || iMoment < 0 || ((iLevel < 0 || iFrom < 0) && (iScore < 0 || iDle < 0))) {
    return { levelNorms: [], dleNorms: [], errors: [normError(1, null, 'normHeader')] };
  }
  if (table.rows.length === 0) return { levelNorms: [], dleNorms: [], errors: [normError(0, null, 'normEmpty')] };

  type Band = { level: string; minScore: number; row: number };
  const levelRows = new Map<string, { scale: LevelScale; bands: Band[] }>();
  const dleRows = new Map<string | null, { score: number; dle: number; row: number }[]>();
  const h = (i: number) => table.header[i] ?? null;

  const num = (cells: string[], i: number, row: number, field: string): number | null => {
    const v = parseDecimal(cells[i] ?? '');
    if (v === undefined) errors.push(normError(row, h(i), 'normNumberMissing', { field }));
    else if (v === null) errors.push(normError(row, h(i), 'normNumberInvalid', { value: cells[i] }));
    return typeof v === 'number' ? v : null;
  };

  table.rows.forEach((cells, idx) => {
    const row = table.rowNumbers[idx] ?? idx + 2;
    const kind = key(cells[iKind] ?? '');
    const momentText = (cells[iMoment] ?? '').trim().toUpperCase();
    if (kind === 'niveau' && iLevel >= 0 && iFrom >= 0) {
      if (momentText === '') return void errors.push(normError(row, h(iMoment), 'normMomentMissing'));
      if (!parseMoment(momentText)) return void errors.push(normError(row, h(iMoment), 'normMomentInvalid', { value: cells[iMoment] }));
      const raw = cells[iLevel] ?? '';
      const scale: LevelScale | null = parseLevel('IV', raw) ? 'IV' : parseLevel('AE', raw) ? 'AE' : null;
      const from = num(cells, iFrom, row, 'vanaf');
      if (!scale) return void errors.push(normError(row, h(iLevel), 'normLevelInvalid', { value: raw }));
      if (from === null) return;
      const level = normalizeLevel(scale, raw) as string;
      const entry = levelRows.get(momentText) ?? { scale, bands: [] };
      if (entry.scale !== scale) return void errors.push(normError(row, h(iLevel), 'normScaleMixed', { moment: momentText }));
      if (entry.bands.some((b) => b.level === level)) {
        return void errors.push(normError(row, h(iLevel), 'normLevelDuplicate', { level, moment: momentText }));
      }
      entry.bands.push({ level, minScore: from, row });
      levelRows.set(momentText, entry);
    } else if (kind === 'dle' && iScore >= 0 && iDle >= 0) {
      let moment: string | null = null;
      if (momentText !== '') {
        if (!parseMoment(momentText)) return void errors.push(normError(row, h(iMoment), 'normMomentInvalid', { value: cells[iMoment] }));
        moment = momentText;
      }
      const score = num(cells, iScore, row, 'score');
      const dle = num(cells, iDle, row, 'dle');
      if (score === null || dle === null) return;
      if (dle < 0) return void errors.push(normError(row, h(iDle), 'normDleNegative', { value: cells[iDle] }));
      const points = dleRows.get(moment) ?? [];
      if (points.some((p) => p.score === score)) {
        return void errors.push(normError(row, h(iScore), 'normScoreDuplicate', { score, moment: moment ?? '' }));
      }
      points.push({ score, dle, row });
      dleRows.set(moment, points);
    } else {
      errors.push(normError(row, h(iKind), 'normKind', { value: cells[iKind] ?? '' }));
    }
  });

  const levelNorms: LevelNorm[] = [];
  for (const [moment, { scale, bands }] of levelRows) {
    const order = levelOptions(scale);
    const sorted = [...bands].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].minScore >= sorted[i - 1].minScore) {
        errors.push(normError(sorted[i].row, h(iFrom), 'normBandsOrder', { moment, level: sorted[i].level, better: sorted[i - 1].level }));
      }
    }
    levelNorms.push({ moment, scale, bands: sorted.map(({ level, minScore }) => ({ level, minScore })) });
  }
  const dleNorms: DleNorm[] = [];
  for (const [moment, points] of dleRows) {
    dleNorms.push({ moment, points: [...points].sort((a, b) => a.score - b.score).map(({ score, dle }) => ({ score, dle })) });
  }
  errors.sort((a, b) => a.row - b.row);
  return { levelNorms, dleNorms, errors };
}

const fmt = (n: number) => String(n).replace('.', ',');

/** Norm tables as CSV in the layout parseNormCsv reads (semicolons, Dutch decimal commas), for download and editing. */
export function normsToCsv(norms: InstrumentNorms): string {
  const lines = ['soort;moment;niveau;vanaf;score;dle'];
  for (const n of norms.levelNorms) for (const b of n.bands) lines.push(`niveau;${n.moment};${b.level};${fmt(b.minScore)};;`);
  for (const n of norms.dleNorms) for (const p of n.points) lines.push(`dle;${n.moment ?? ''};;;${fmt(p.score)};${fmt(p.dle)}`);
  return lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Illustrative defaults

// ILLUSTRATIVE DEMO TABLES — NOT THE SUPPLIERS' NORMS. The real Cito, Boom and DMT norm and DLE tables are proprietary
// and no open tables exist (standards.md §5). These tables are generated from an invented model so that a new school
// and the demo show levels, DLEs and norm bands out of the box; the UI must say they are illustrative, and a school
// replaces them by importing its supplier's tables (PUT /api/instruments/:id/norms).
//
// Model: the mean score of the average pupil grows linearly with didactic age (mean = base + perMonth × DL, DL being
// the standard DL of the moment: M = 5, E = 10 months into the grade); the spread is sd. Level bands follow the
// scale's percentages under a normal distribution; the DLE table is the inverse of the mean line (DLE 0–60).

const Z_IV: [string, number][] = [
  ['I+', 1.2816],
  ['I', 0.8416],
  ['II', 0.2533],
  ['III', -0.2533],
  ['IV', -0.8416],
  ['V', -1.2816],
];
const Z_AE: [string, number][] = [
  ['A', 0.6745],
  ['B', 0],
  ['C', -0.6745],
  ['D', -1.2816],
];

function illustrative(moments: readonly string[], scale: LevelScale, base: number, perMonth: number, sd: number, withDle: boolean): InstrumentNorms {
  const levelNorms: LevelNorm[] = [];
  for (const moment of moments) {
    const dl = standardDl(moment);
    if (dl === null) continue;
    const mean = base + perMonth * dl;
    const bands: { level: string; minScore: number }[] = [];
    for (const [level, z] of [...(scale === 'IV' ? Z_IV : Z_AE), [scale === 'IV' ? 'V-' : 'E', -3] as [string, number]]) {
      const prev = bands[bands.length - 1];
      // Strictly falling bounds, also where rounding would make two equal.
      bands.push({ level, minScore: Math.min(Math.round(mean + z * sd), prev ? prev.minScore - 1 : Infinity) });
    }
    levelNorms.push({ moment, scale, bands });
  }
  const dleNorms: DleNorm[] = withDle
    ? [{ moment: null, points: Array.from({ length: 13 }, (_, i) => ({ score: Math.round((base + perMonth * i * 5) * 10) / 10, dle: i * 5 })) }]
    : [];
  return { levelNorms, dleNorms };
}

const POM = (from: number): string[] => {
  const out: string[] = [];
  for (let g = from; g <= 8; g++) out.push(`M${g}`, ...(g < 8 ? [`E${g}`] : []));
  return out;
};

/** ILLUSTRATIVE demo norm tables for the default instruments that have a level scale (see the comment above). */
export const DEFAULT_NORMS: Record<string, InstrumentNorms> = {
  'cito-rekenen': illustrative(POM(3), 'IV', 120, 2.5, 14, true),
  'cito-spelling': illustrative(POM(3), 'IV', 110, 1.6, 10, true),
  'cito-begrijpend-lezen': illustrative(POM(4), 'IV', 100, 1.4, 13, true),
  'cito-woordenschat': illustrative(POM(3), 'IV', 105, 1.5, 12, false),
  'cito-dmt': illustrative(POM(3), 'AE', 10, 1.4, 10, true),
  'boom-rekenen': illustrative(POM(3), 'IV', 200, 3, 18, true),
  'boom-spelling': illustrative(POM(3), 'IV', 200, 2.4, 15, true),
  'boom-begrijpend-lezen': illustrative(POM(4), 'IV', 200, 2.2, 17, true),
};
