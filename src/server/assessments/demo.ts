// Demo test results, reproducible from a seed: Cito-like M/E results for PO groups 3–8 (rekenen, spelling, begrijpend
// lezen, DMT, AVI) and a few VO results, from an invented model of each pupil (a general ability, a per-domain offset,
// a trend that makes some pupils drop and some climb, and noise per test). Levels and DLEs are read from the school's
// (illustrative) norm tables, so the charts' norm bands, the dwarsdoorsnede, the trend and the signals agree.
import { sql } from 'drizzle-orm';
import { AVI_LEVELS, parseMoment, standardDl } from '../../domain/assessments/instruments';
import { DEFAULT_NORMS, dleForScore, levelForScore } from '../../domain/assessments/norms';
import { levelFromPercentile } from '../../domain/assessments/scales';
import { rows, type DbOrTx } from '../db/client';

/** Instruments the demo fills (by code); `full` adds more per pupil for board-size data. */
const PO_DEMO = ['cito-rekenen', 'cito-spelling', 'cito-begrijpend-lezen', 'cito-dmt', 'avi'];
const PO_FULL = [...PO_DEMO, 'cito-woordenschat', 'boom-rekenen', 'boom-spelling', 'boom-begrijpend-lezen', 'iep-rekenen', 'iep-taalverzorging', 'iep-lezen', 'zien', 'seo-lijst'];
const VO_DEMO = ['cito-vo-nederlands', 'cito-vo-rekenen'];
const VO_FULL = [...VO_DEMO, 'cito-vo-engels'];

export interface DemoResultsInput {
  schoolId: number;
  sector: 'po' | 'vo';
  seed: number;
  today: string;
  /** The school years, with the calendar year they start in. */
  years: { id: number; startYear: number }[];
  /** Every enrolment of the school's pupils: the grade per school year. */
  enrolments: { pupilId: number; schoolYearId: number; grade: number }[];
  /** At most this many results per pupil (the most recent), drawn from a larger set of instruments; default: the demo set, uncapped. */
  resultsPerPupil?: number;
}

/** Small, fast, seedable PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, normal };
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26). */
function phi(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Mean and spread of a moment, read back from its (illustrative) level norm. */
function momentModel(code: string, moment: string): { mean: number; sd: number } | null {
  const norm = DEFAULT_NORMS[code]?.levelNorms.find((n) => n.moment === moment);
  if (!norm) return null;
  const min = (level: string) => norm.bands.find((b) => b.level === level)?.minScore;
  if (norm.scale === 'IV') {
    const ii = min('II');
    const iii = min('III');
    if (ii == null || iii == null) return null;
    return { mean: (ii + iii) / 2, sd: Math.max(1, (ii - iii) / 0.5066) };
  }
  const a = min('A');
  const b = min('B');
  if (a == null || b == null) return null;
  return { mean: b, sd: Math.max(1, (a - b) / 0.6745) };
}

const DOMAIN_OF: Record<string, string> = {
  'cito-rekenen': 'rekenen', 'boom-rekenen': 'rekenen', 'cito-vo-rekenen': 'rekenen',
  'cito-spelling': 'spelling', 'boom-spelling': 'spelling',
  'cito-begrijpend-lezen': 'lezen', 'boom-begrijpend-lezen': 'lezen', 'cito-vo-nederlands': 'lezen',
  'cito-dmt': 'technisch', avi: 'technisch', 'cito-woordenschat': 'woorden', 'cito-vo-engels': 'engels', zien: 'seo', 'seo-lijst': 'seo',
  'iep-rekenen': 'rekenen', 'iep-taalverzorging': 'spelling', 'iep-lezen': 'lezen',
};

/** Generates and inserts the demo results of one school; returns how many. */
export async function seedDemoResults(db: DbOrTx, input: DemoResultsInput): Promise<number> {
  const codes = input.sector === 'po' ? (input.resultsPerPupil ? PO_FULL : PO_DEMO) : (input.resultsPerPupil ? VO_FULL : VO_DEMO);
  const instruments = await rows<{ id: number; code: string; moments: string[]; score_kinds: string[]; level_scale: 'AE' | 'IV' | null }>(db, sql`
    select id, code, moments, score_kinds, level_scale from instruments where school_id = ${input.schoolId} and code = any(${sql.param(codes)}::text[])`);
  if (instruments.length === 0) return 0;
  const rnd = prng((input.seed * 7919 + input.schoolId * 104_729) >>> 0);
  const yearStart = new Map(input.years.map((y) => [y.id, y.startYear]));
  const firstYear = Math.min(...input.years.map((y) => y.startYear));

  // One test date per school, instrument, year and moment (a group takes a test on the same day).
  const dates = new Map<string, string>();
  const dateOf = (instrumentId: number, startYear: number, moment: string) => {
    const key = `${instrumentId}:${startYear}:${moment}`;
    let d = dates.get(key);
    if (!d) {
      const part = moment[0];
      const from = part === 'B' ? `${startYear}-09-22` : part === 'M' ? `${startYear + 1}-01-19` : `${startYear + 1}-06-02`;
      d = addDays(from, Math.floor(rnd.next() * 18));
      dates.set(key, d);
    }
    return d;
  };

  // Only the score kinds an instrument records (Boom gives no raw score, for instance): what an import would accept.
  const kindsOf = new Map(instruments.map((i) => [i.id, new Set(i.score_kinds)]));
  const KIND_OF_COLUMN = { raw_score: 'raw', ability_score: 'ability', level: 'level', percentile: 'percentile', dle: 'dle' } as const;
  const usedKindsOnly = (row: Record<string, unknown>) => {
    const kinds = kindsOf.get(row.instrument_id as number)!;
    for (const [column, kind] of Object.entries(KIND_OF_COLUMN)) if (!kinds.has(kind)) row[column] = null;
    return row;
  };

  const byPupil = new Map<number, { schoolYearId: number; grade: number }[]>();
  for (const e of input.enrolments) {
    const list = byPupil.get(e.pupilId) ?? [];
    list.push(e);
    byPupil.set(e.pupilId, list);
  }
  const out: Record<string, unknown>[] = [];
  for (const [pupilId, enrolments] of byPupil) {
    enrolments.sort((a, b) => yearStart.get(a.schoolYearId)! - yearStart.get(b.schoolYearId)!);
    const repeated = enrolments.some((e, i) => i > 0 && e.grade === enrolments[i - 1].grade);
    const general = rnd.normal() * 0.7 - (repeated ? 0.7 : 0);
    const offsets = new Map<string, number>();
    const kind = rnd.next();
    // About one in eight pupils declines (drops a level, gets behind), one in twelve climbs.
    const slope = kind < 0.12 ? -0.45 - rnd.next() * 0.3 : kind < 0.2 ? 0.3 : rnd.normal() * 0.1;
    const candidates: Record<string, unknown>[] = [];
    for (const e of enrolments) {
      const startYear = yearStart.get(e.schoolYearId)!;
      for (const inst of instruments) {
        for (const moment of inst.moments) {
          const m = parseMoment(moment);
          if (!m || m.grade !== e.grade) continue;
          if (input.sector === 'po' && m.part === 'B' && !inst.score_kinds.includes('observation')) continue;
          const takenOn = dateOf(inst.id, startYear, moment);
          if (takenOn > input.today) continue;
          const domain = DOMAIN_OF[inst.code] ?? inst.code;
          if (!offsets.has(domain)) offsets.set(domain, rnd.normal() * 0.45);
          const t = startYear - firstYear + (m.part === 'B' ? 0 : m.part === 'M' ? 0.4 : 0.8);
          const z = general + offsets.get(domain)! + slope * t + rnd.normal() * 0.25;
          const percentile = Math.min(99, Math.max(1, Math.round(phi(z) * 100)));
          const row: Record<string, unknown> = {
            pupil_id: pupilId, instrument_id: inst.id, school_year_id: e.schoolYearId, moment, taken_on: takenOn, grade: e.grade,
            raw_score: null, ability_score: null, level: null, percentile: null, dle: null, text_value: null,
          };
          if (inst.code === 'avi') {
            // Expected AVI level at M3 is M3 (index 1), E3 → 2, … from M8 on AVI-Plus.
            const expected = Math.min(AVI_LEVELS.length - 1, 1 + (m.grade - 3) * 2 + (m.part === 'E' ? 1 : 0));
            row.text_value = AVI_LEVELS[Math.max(0, Math.min(AVI_LEVELS.length - 1, expected + Math.round(z * 1.5)))];
          } else if (inst.score_kinds.includes('observation')) {
            row.text_value = z < -1.2 ? '--' : z < -0.3 ? '-' : z < 0.8 ? '+' : '++';
          } else if (input.sector === 'vo') {
            row.ability_score = Math.round(100 + 12 * m.grade + (m.part === 'E' ? 6 : 0) + z * 12);
            row.percentile = percentile;
          } else {
            const model = momentModel(inst.code, moment);
            const dl = standardDl(moment);
            if (!model) {
              // An instrument without (illustrative) norms, such as IEP: an invented ontwikkelscore, percentile and DLE.
              if (dl == null) continue;
              row.ability_score = Math.round(100 + 2 * dl + z * 15);
              row.percentile = percentile;
              if (inst.score_kinds.includes('dle')) row.dle = Math.max(0, Math.min(60, Math.round((dl + z * 8) * 10) / 10));
              candidates.push(row);
              continue;
            }
            const score = Math.max(0, Math.round(model.mean + z * model.sd));
            const norms = DEFAULT_NORMS[inst.code];
            const levelNorm = norms.levelNorms.find((n) => n.moment === moment);
            const dleNorm = norms.dleNorms.find((n) => n.moment === moment) ?? norms.dleNorms.find((n) => n.moment == null);
            if (inst.code === 'cito-dmt') row.raw_score = score;
            else {
              row.ability_score = score;
              row.raw_score = Math.max(0, Math.round(20 + 20 * percentile / 100 + rnd.normal() * 2));
            }
            row.level = levelNorm ? levelForScore(levelNorm, score) : inst.level_scale ? levelFromPercentile(inst.level_scale, percentile) : null;
            row.percentile = percentile;
            row.dle = dleNorm && dl != null ? Math.round(dleForScore(dleNorm, score) * 10) / 10 : null;
          }
          candidates.push(row);
        }
      }
    }
    candidates.sort((a, b) => String(a.taken_on).localeCompare(String(b.taken_on)));
    out.push(...(input.resultsPerPupil ? candidates.slice(-input.resultsPerPupil) : candidates).map(usedKindsOnly));
  }
  const chunk = 5000;
  for (let i = 0; i < out.length; i += chunk) {
    await db.execute(sql`insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, grade, raw_score, ability_score, level, percentile, dle, text_value)
      select pupil_id, instrument_id, school_year_id, moment, taken_on, grade, raw_score, ability_score, level, percentile, dle, text_value
      from json_to_recordset(${JSON.stringify(out.slice(i, i + chunk))}::json) as x(pupil_id int, instrument_id int, school_year_id int, moment text,
        taken_on date, grade smallint, raw_score numeric, ability_score numeric, level text, percentile smallint, dle numeric, text_value text)`);
  }
  return out.length;
}
