// Reading and writing pupil-monitoring data: instruments, norm tables, results, signal rules.
// Every function takes the db (or a transaction) it works in; access decisions and audit entries are the routes' job.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { didacticAge, type GradeYear } from '../../domain/assessments/didactic';
import type { Domain, ScoreKind } from '../../domain/assessments/instruments';
import { deriveFromNorms, type DleNorm, type LevelNorm } from '../../domain/assessments/norms';
import { levelsOf, parseLevel, type LevelScale } from '../../domain/assessments/scales';
import { signalRuleSchema, type ResultPoint, type SignalRule } from '../../domain/assessments/signals';
import { readSchoolSettings } from '../../domain/school/settings';
import { intArray, isRootDb, rows, type DbOrTx } from '../db/client';

// ---- Instruments ----

export const instrumentSchema = z.object({
  id: z.number(), code: z.string(), name: z.string(), domain: z.string(), supplier: z.string(),
  moments: z.array(z.string()), scoreKinds: z.array(z.string()), levelScale: z.enum(['AE', 'IV']).nullable(),
  active: z.boolean(), version: z.number(), hasLevelNorms: z.boolean(), hasDleNorms: z.boolean(),
});
export type Instrument = z.infer<typeof instrumentSchema> & { schoolId: number };

interface InstrumentRow {
  id: number; school_id: number; code: string; name: string; domain: string; supplier: string; moments: string[];
  score_kinds: string[]; level_scale: LevelScale | null; active: boolean; version: number; has_level: boolean; has_dle: boolean;
}

export async function loadInstruments(db: DbOrTx, where: ReturnType<typeof sql>): Promise<Instrument[]> {
  const list = await rows<InstrumentRow>(db, sql`
    select i.id, i.school_id, i.code, i.name, i.domain, i.supplier, i.moments, i.score_kinds, i.level_scale, i.active, i.version,
      exists (select 1 from norm_tables n where n.instrument_id = i.id and n.kind = 'level') as has_level,
      exists (select 1 from norm_tables n where n.instrument_id = i.id and n.kind = 'dle') as has_dle
    from instruments i where ${where}
    order by i.domain, i.name, i.id`);
  return list.map((i) => ({
    id: i.id, schoolId: i.school_id, code: i.code, name: i.name, domain: i.domain, supplier: i.supplier, moments: i.moments,
    scoreKinds: i.score_kinds, levelScale: i.level_scale, active: i.active, version: i.version, hasLevelNorms: i.has_level, hasDleNorms: i.has_dle,
  }));
}

export async function loadInstrument(db: DbOrTx, id: number): Promise<Instrument | null> {
  return (await loadInstruments(db, sql`i.id = ${id}`))[0] ?? null;
}

/** The public shape of an instrument (without the school id). */
export function publicInstrument(i: Instrument): z.infer<typeof instrumentSchema> {
  const { schoolId: _schoolId, ...rest } = i;
  return rest;
}

// ---- Norm tables ----

export interface NormSet { levelNorms: LevelNorm[]; dleNorms: DleNorm[] }

export async function loadNorms(db: DbOrTx, instrumentIds: readonly number[]): Promise<Map<number, NormSet>> {
  const out = new Map<number, NormSet>();
  for (const id of instrumentIds) out.set(id, { levelNorms: [], dleNorms: [] });
  if (instrumentIds.length === 0) return out;
  const list = await rows<{ instrument_id: number; kind: 'level' | 'dle'; data: LevelNorm | DleNorm }>(db, sql`
    select instrument_id, kind, data from norm_tables where instrument_id = any(${intArray(instrumentIds)}) order by instrument_id, kind, moment nulls first`);
  for (const n of list) {
    const set = out.get(n.instrument_id)!;
    if (n.kind === 'level') set.levelNorms.push(n.data as LevelNorm);
    else set.dleNorms.push(n.data as DleNorm);
  }
  return out;
}

/**
 * Fills `level` and `dle` from the percentile or the instrument's norm tables when a score is given and they are not
 * (the domain's deriveFromNorms; the import validation uses the same, so a re-import compares exactly).
 */
export function fillFromNorms<T extends { rawScore: number | null; abilityScore: number | null; percentile: number | null; level: string | null; dle: number | null }>(
  values: T, levelScale: LevelScale | null, norms: NormSet | undefined, moment: string,
): T {
  return { ...values, ...deriveFromNorms({ levelScale }, norms, moment, values) };
}

// ---- School settings and norm thresholds ----

export async function schoolInfo(db: DbOrTx, schoolId: number) {
  const [s] = await rows<{ sector: 'po' | 'vo'; settings: unknown; board_id: number }>(db, sql`select sector, settings, board_id from schools where id = ${schoolId}`);
  if (!s) return null;
  return { sector: s.sector, boardId: s.board_id, settings: readSchoolSettings(s.sector, s.settings) };
}

const EQUIVALENT: Record<LevelScale, Record<string, string>> = {
  // The school norm is set on one scale; an instrument on the other scale is judged at the level with the same rank.
  IV: { A: 'I', B: 'II', C: 'III', D: 'IV', E: 'V' },
  AE: { I: 'A', II: 'B', III: 'C', IV: 'D', V: 'E' },
};

/** The main levels of `scale` that count as "at or above" the school norm level (set on `normScale`). */
export function levelsAtOrAbove(scale: LevelScale, normScale: LevelScale, normLevel: string): string[] {
  const parsed = parseLevel(normScale, normLevel);
  const main = parsed?.main ?? normLevel;
  const threshold = scale === normScale ? main : EQUIVALENT[scale][main] ?? main;
  const levels = levelsOf(scale);
  const idx = levels.indexOf(threshold);
  return idx < 0 ? [] : [...levels.slice(0, idx + 1)];
}

/** The school's result norm, e.g. "75 % scores III or higher". */
export function resultNormOf(settings: unknown): { scale: LevelScale; level: string; percent: number } {
  const n = (settings as { resultNorm?: { scale: LevelScale; level: string; percent: number } }).resultNorm;
  return n ?? { scale: 'IV', level: 'III', percent: 75 };
}

// ---- Results ----

export interface StoredResult {
  id: number; pupilId: number; instrumentId: number; schoolYearId: number; moment: string; takenOn: string; grade: number | null;
  rawScore: number | null; abilityScore: number | null; level: string | null; percentile: number | null; dle: number | null;
  textValue: string | null; version: number;
}

export const RESULT_COLUMNS = sql`r.id, r.pupil_id, r.instrument_id, r.school_year_id, r.moment, r.taken_on, r.grade,
  r.raw_score::float8 as raw_score, r.ability_score::float8 as ability_score, r.level, r.percentile, r.dle::float8 as dle, r.text_value, r.version`;

export interface ResultRow {
  id: number; pupil_id: number; instrument_id: number; school_year_id: number; moment: string; taken_on: string; grade: number | null;
  raw_score: number | null; ability_score: number | null; level: string | null; percentile: number | null; dle: number | null;
  text_value: string | null; version: number;
}

export function toResult(r: ResultRow): StoredResult {
  return {
    id: r.id, pupilId: r.pupil_id, instrumentId: r.instrument_id, schoolYearId: r.school_year_id, moment: r.moment, takenOn: r.taken_on,
    grade: r.grade, rawScore: r.raw_score, abilityScore: r.ability_score, level: r.level, percentile: r.percentile, dle: r.dle,
    textValue: r.text_value, version: r.version,
  };
}

export const resultValuesSchema = z.object({
  rawScore: z.number().nullable(), abilityScore: z.number().nullable(), level: z.string().nullable(), percentile: z.number().nullable(),
  dle: z.number().nullable(), textValue: z.string().nullable(), takenOn: z.string(),
});

type GradeHistory = (GradeYear & { schoolYearId: number; schoolYear: string })[];

/** The school years of the pupils and the grade they were in, for the didactic age. */
export async function gradeHistories(db: DbOrTx, pupilIds: readonly number[]): Promise<Map<number, GradeHistory>> {
  const out = new Map<number, GradeHistory>();
  if (pupilIds.length === 0) return out;
  const list = await rows<{ pupil_id: number; school_year_id: number; name: string; starts_on: string; grade: number | null }>(db, sql`
    select e.pupil_id, e.school_year_id, y.name, y.starts_on, e.grade from enrolments e join school_years y on y.id = e.school_year_id
    where e.pupil_id = any(${intArray(pupilIds)}) order by e.pupil_id, y.starts_on`);
  for (const e of list) {
    const h = out.get(e.pupil_id) ?? [];
    h.push({ schoolYearStartsOn: e.starts_on, grade: e.grade, schoolYearId: e.school_year_id, schoolYear: e.name });
    out.set(e.pupil_id, h);
  }
  return out;
}

/**
 * Which results `resultPoints` reads. Default: all of the pupils' results. A group document asks only what it shows and
 * what the signal rules look at: results up to a date, of some domains, the latest `latest` per pupil and instrument
 * (plus any at the `moments` that rules name, such as E5), so its cost does not grow with history.
 */
export interface ResultScope { until?: string; domains?: readonly string[]; latest?: number; moments?: readonly string[] }

/** The most recent results a signal-rule set looks at per instrument, and the moments its rules name. */
export function signalScope(rules: readonly SignalRule[], shown: number): { latest: number; moments: string[] } {
  let latest = Math.max(shown, 2);
  const moments = new Set<string>();
  for (const rule of rules) {
    if (!rule.active) continue;
    // A few more than the rule counts: results without a level are skipped by the rules, not by the query.
    if (rule.kind === 'consecutiveLow') latest = Math.max(latest, rule.params.count + 2);
    if (rule.kind === 'dleBehindAtGrade') moments.add(`${rule.params.part}${rule.params.grade}`);
  }
  return { latest, moments: [...moments] };
}

/** A pupil's results as the signal rules and charts see them (with DL where the school is PO). */
export async function resultPoints(db: DbOrTx, pupilIds: readonly number[], sector: 'po' | 'vo', scope: ResultScope = {}) {
  const byPupil = new Map<number, { result: StoredResult; point: ResultPoint; instrument: Instrument; schoolYear: string }[]>();
  if (pupilIds.length === 0) return byPupil;
  const scoped = scope.until != null || scope.domains != null || scope.latest != null;
  // On the root database the grade histories load alongside the results; a transaction's one connection takes them in turn.
  const loadHistories = () => (sector === 'po' ? gradeHistories(db, pupilIds) : Promise.resolve(new Map<number, GradeHistory>()));
  const early = isRootDb(db) ? loadHistories() : null;
  // Scoped: per pupil and instrument of the pupil's school (in the domains) the latest `latest` results through the
  // results_key_uq index (pupil, instrument, …), so no sort of the whole history; plus the results at the named moments.
  const list = await rows<ResultRow & { year_name: string; year_starts_on: string }>(db, scoped
    ? sql`
      select ${RESULT_COLUMNS}, y.name as year_name, y.starts_on as year_starts_on
      from (
        select r.* from unnest(${intArray(pupilIds)}) as p(id)
        join pupils pu on pu.id = p.id
        join instruments i on i.school_id = pu.school_id
        cross join lateral (
          select r.* from results r where r.pupil_id = p.id and r.instrument_id = i.id and r.taken_on <= ${scope.until ?? '9999-12-31'}::date
          order by r.taken_on desc, r.id desc limit ${scope.latest ?? 1_000_000}
        ) r
        where (${scope.domains == null} or i.domain = any(${sql.param([...(scope.domains ?? [])])}::text[]))
        union
        select r.* from results r join instruments i on i.id = r.instrument_id
        where r.pupil_id = any(${intArray(pupilIds)}) and r.moment = any(${sql.param([...(scope.moments ?? [])])}::text[])
          and r.taken_on <= ${scope.until ?? '9999-12-31'}::date
          and (${scope.domains == null} or i.domain = any(${sql.param([...(scope.domains ?? [])])}::text[]))
      ) r join school_years y on y.id = r.school_year_id
      order by r.pupil_id, r.taken_on, r.id`
    : sql`
      select ${RESULT_COLUMNS}, y.name as year_name, y.starts_on as year_starts_on
      from results r join school_years y on y.id = r.school_year_id
      where r.pupil_id = any(${intArray(pupilIds)})
      order by r.pupil_id, r.taken_on, r.id`);
  const instrumentIds = [...new Set(list.map((r) => r.instrument_id))];
  const instrumentList = await loadInstruments(db, sql`i.id = any(${intArray(instrumentIds)})`);
  const histories = await (early ?? loadHistories());
  const instruments = new Map(instrumentList.map((i) => [i.id, i]));
  // Results of one pupil on one day share their didactic age (a test day holds several tests).
  const dls = new Map<string, number | null>();
  for (const r of list) {
    const result = toResult(r);
    const instrument = instruments.get(r.instrument_id)!;
    const history = histories.get(r.pupil_id) ?? [];
    let dl: number | null = null;
    if (sector === 'po' && history.length) {
      const key = `${r.pupil_id}|${result.takenOn}`;
      dl = dls.has(key) ? dls.get(key)! : didacticAge(history, result.takenOn);
      dls.set(key, dl);
    }
    const point: ResultPoint = {
      instrumentId: instrument.id, instrumentName: instrument.name, domain: instrument.domain as Domain, levelScale: instrument.levelScale,
      moment: result.moment, takenOn: result.takenOn, schoolYearStartsOn: r.year_starts_on, grade: result.grade,
      level: result.level, dle: result.dle, dl,
    };
    const items = byPupil.get(r.pupil_id) ?? [];
    items.push({ result, point, instrument, schoolYear: r.year_name });
    byPupil.set(r.pupil_id, items);
  }
  return byPupil;
}

// ---- Signal rules ----

const COMMON_RULE_KEYS = new Set(['id', 'kind', 'label', 'domains', 'active', 'version', 'params']);

/** A rule as stored: the common fields as columns, the kind's own parameters as jsonb. */
export function ruleToRow(rule: SignalRule | (SignalRule & { version?: number })): { kind: string; label: string; params: Record<string, unknown>; domains: string[]; active: boolean } {
  const r = rule as unknown as Record<string, unknown>;
  const params = (r.params && typeof r.params === 'object')
    ? r.params as Record<string, unknown>
    : Object.fromEntries(Object.entries(r).filter(([k]) => !COMMON_RULE_KEYS.has(k)));
  return { kind: String(r.kind), label: String(r.label), params, domains: (r.domains as string[] | undefined) ?? [], active: r.active !== false };
}

export type StoredRule = SignalRule & { id: number; version: number };

/** Rules from their rows; a row the current rule schema no longer accepts is left out (and kept in the database). */
export async function loadRules(db: DbOrTx, schoolId: number, activeOnly = false): Promise<StoredRule[]> {
  const list = await rows<{ id: number; kind: string; label: string; params: Record<string, unknown>; domains: string[]; active: boolean; version: number }>(db, sql`
    select id, kind, label, params, domains, active, version from signal_rules where school_id = ${schoolId} ${activeOnly ? sql`and active` : sql``} order by id`);
  const out: StoredRule[] = [];
  for (const r of list) {
    const common = { id: r.id, kind: r.kind, label: r.label, domains: r.domains, active: r.active };
    const nested = signalRuleSchema.safeParse({ ...common, params: r.params });
    const flat = nested.success ? nested : signalRuleSchema.safeParse({ ...r.params, ...common });
    if (flat.success) out.push({ ...(flat.data as SignalRule), id: r.id, version: r.version });
  }
  return out;
}

export type { ScoreKind };
