// CSV import of results: upload (decode + parse), preview (validate, write nothing), and the commit job, which
// writes every row in ONE transaction (batched multi-row inserts with `on conflict`), so a failing row or a killed
// process leaves nothing half-written, and re-importing the same file changes nothing.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  decodeBytes, detectLayout, parseTable, resultKey, validateImport,
  type ColumnMapping, type ImportContext, type ImportDefaults, type ResultValues, type RowError, type ValidRow,
} from '../../domain/assessments/import';
import type { ScoreKind } from '../../domain/assessments/instruments';
import type { LevelScale } from '../../domain/assessments/scales';
import { audit } from '../audit/audit';
import { bulkTransaction, intArray, rows, type Db, type DbOrTx } from '../db/client';
import { fillFromNorms, loadInstruments, loadNorms, type NormSet } from './repo';

export interface ImportRecord {
  id: number; schoolId: number; fileName: string; sha256: string; status: 'uploaded' | 'committing' | 'committed' | 'failed';
  uploadedBy: number | null; total: number; inserted: number; updated: number; unchanged: number; error: string | null;
  /** Rows written by the running commit as its job last reported, and whether that report is recent (the job lives). */
  processed: number; alive: boolean;
}

interface Table { delimiter: ';' | ',' | '\t'; header: string[]; rows: string[][] }

/** Parsed tables of recent uploads (parsing a large file again for every preview would cost seconds). */
const tables = new Map<number, Table>();
const MAX_CACHED = 4;

function remember(id: number, table: Table) {
  tables.delete(id);
  tables.set(id, table);
  while (tables.size > MAX_CACHED) tables.delete(tables.keys().next().value!);
}

/** Progress of commits running in this process. */
interface Progress { total: number; processed: number; inserted: number; updated: number; unchanged: number }
const running = new Map<number, Progress>();

/** Test hook: make the commit job fail after this many rows were written (inside its transaction). */
export const importTestHooks: { failAfterRows: number | null } = { failAfterRows: null };

export async function loadImport(db: DbOrTx, id: number): Promise<ImportRecord | null> {
  const [r] = await rows<{ id: number; school_id: number; file_name: string; sha256: string; status: ImportRecord['status']; uploaded_by: number | null; total: number; inserted: number; updated: number; unchanged: number; error: string | null; processed: number; alive: boolean }>(db, sql`
    select id, school_id, file_name, sha256, status, uploaded_by, total, inserted, updated, unchanged, error, processed,
      coalesce(heartbeat_at > now() - make_interval(secs => ${HEARTBEAT_TIMEOUT_S}), false) as alive
    from result_imports where id = ${id}`);
  if (!r) return null;
  return {
    id: r.id, schoolId: r.school_id, fileName: r.file_name, sha256: r.sha256, status: r.status, uploadedBy: r.uploaded_by,
    total: r.total, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, error: r.error, processed: r.processed, alive: r.alive,
  };
}

/**
 * A commit job reports its progress every HEARTBEAT_MS outside its transaction; a 'committing' import whose job has
 * not reported for HEARTBEAT_TIMEOUT_S was interrupted (the process died): its transaction rolled back, nothing is stored.
 */
const HEARTBEAT_MS = 500;
export const HEARTBEAT_TIMEOUT_S = 60;

/**
 * The import's state as the progress bar shows it. `runningBefore`: this process's job progress read BEFORE the record
 * was loaded (a job that ends in between has then committed or failed in the database, never 'interrupted').
 */
export function progressOf(imp: ImportRecord, runningBefore = running.get(imp.id)) {
  const p = running.get(imp.id) ?? runningBefore;
  const interrupted = imp.status === 'committing' && !p && !imp.alive;
  return {
    id: imp.id, fileName: imp.fileName,
    status: interrupted ? 'failed' as const : imp.status,
    total: imp.total,
    processed: p ? p.processed : imp.status === 'committed' ? imp.total : imp.status === 'committing' ? imp.processed : 0,
    inserted: p ? p.inserted : imp.inserted,
    updated: p ? p.updated : imp.updated,
    unchanged: p ? p.unchanged : imp.unchanged,
    error: interrupted ? 'De import is onderbroken; er is niets van opgeslagen. Start de import opnieuw.' : imp.error,
  };
}

/** This process's progress of a running commit (read it before loading the record, see progressOf). */
export function runningProgress(id: number) {
  return running.get(id);
}

export function isRunning(id: number) {
  return running.has(id);
}

export async function createImport(db: DbOrTx, p: { schoolId: number; userId: number; fileName: string; bytes: Uint8Array }) {
  const decoded = decodeBytes(p.bytes);
  const table = parseTable(decoded.text);
  const sha256 = createHash('sha256').update(p.bytes).digest('hex');
  const [r] = await rows<{ id: number }>(db, sql`insert into result_imports (school_id, file_name, sha256, status, uploaded_by, total, content)
    values (${p.schoolId}, ${p.fileName}, ${sha256}, 'uploaded', ${p.userId}, ${table.rows.length}, ${decoded.text}) returning id`);
  remember(r.id, table);
  const layout = detectLayout(table.header);
  return {
    id: r.id, fileName: p.fileName, encoding: decoded.encoding, delimiter: table.delimiter, header: table.header,
    sample: table.rows.slice(0, 10), total: table.rows.length, layoutId: layout.layoutId, mapping: layout.mapping,
  };
}

async function tableOf(db: DbOrTx, id: number): Promise<Table | null> {
  const cached = tables.get(id);
  if (cached) return cached;
  const [r] = await rows<{ content: string | null }>(db, sql`select content from result_imports where id = ${id}`);
  if (r?.content == null) return null;
  const table = parseTable(r.content);
  remember(id, table);
  return table;
}

export interface Validation {
  total: number;
  rows: ValidRow[];
  unchanged: number;
  errors: RowError[];
  /** Keys of the rows that replace a stored result. */
  existingKeys: Set<string>;
  norms: Map<number, NormSet>;
  scales: Map<number, LevelScale | null>;
  grades: Map<string, number | null>;
}

/** Validates the uploaded file against the school's pupils (only those the user may write care data of), instruments and stored results. */
export async function validateUpload(db: DbOrTx, imp: ImportRecord, pupilIds: readonly number[], mapping: ColumnMapping, defaults: ImportDefaults, today: string): Promise<Validation | null> {
  const table = await tableOf(db, imp.id);
  if (!table) return null;
  const pupils = await rows<{ id: number; first_name: string; last_name: string; birth_date: string }>(db, sql`
    select id, first_name, last_name, birth_date from pupils where id = any(${intArray(pupilIds)})`);
  const instruments = await loadInstruments(db, sql`i.school_id = ${imp.schoolId} and i.active`);
  const years = await rows<{ id: number; starts_on: string; ends_on: string }>(db, sql`select id, starts_on, ends_on from school_years where school_id = ${imp.schoolId} order by starts_on`);
  const existing = new Map<string, ResultValues>();
  const stored = await rows<{ pupil_id: number; instrument_id: number; school_year_id: number; moment: string; taken_on: string; raw_score: number | null; ability_score: number | null; level: string | null; percentile: number | null; dle: number | null; text_value: string | null }>(db, sql`
    select r.pupil_id, r.instrument_id, r.school_year_id, r.moment, r.taken_on, r.raw_score::float8 as raw_score, r.ability_score::float8 as ability_score,
      r.level, r.percentile, r.dle::float8 as dle, r.text_value
    from results r join instruments i on i.id = r.instrument_id where i.school_id = ${imp.schoolId}`);
  for (const s of stored) {
    existing.set(resultKey(s.pupil_id, s.instrument_id, s.school_year_id, s.moment), {
      rawScore: s.raw_score, abilityScore: s.ability_score, level: s.level, percentile: s.percentile, dle: s.dle, textValue: s.text_value, takenOn: s.taken_on,
    });
  }
  const ctx: ImportContext = {
    pupils: pupils.map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date })),
    instruments: instruments.map((i) => ({ id: i.id, code: i.code, name: i.name, moments: i.moments, scoreKinds: i.scoreKinds as ScoreKind[], levelScale: i.levelScale })),
    existing,
    schoolYearOf: (date) => {
      const y = years.find((x) => x.starts_on <= date && date <= x.ends_on);
      return y ? { id: y.id, startsOn: y.starts_on } : null;
    },
    today,
  };
  const norms = await loadNorms(db, instruments.map((i) => i.id));
  ctx.norms = norms;
  const result = validateImport(table, mapping, { layoutId: detectLayout(table.header).layoutId, ...defaults }, ctx);
  const existingKeys = new Set<string>();
  for (const r of result.rows) {
    const key = resultKey(r.pupilId, r.instrumentId, r.schoolYearId, r.moment);
    if (existing.has(key)) existingKeys.add(key);
  }
  const scales = new Map(instruments.map((i) => [i.id, i.levelScale]));
  const enrolments = await rows<{ pupil_id: number; school_year_id: number; grade: number | null }>(db, sql`
    select pupil_id, school_year_id, grade from enrolments where pupil_id = any(${intArray(pupilIds)})`);
  const grades = new Map(enrolments.map((e) => [`${e.pupil_id}:${e.school_year_id}`, e.grade]));
  return { total: result.total, rows: result.rows, unchanged: result.unchanged, errors: result.errors, existingKeys, norms, scales, grades };
}

/** Errors that block a commit: every error, except "changes a stored result" when the user chose to overwrite. */
export function blockingErrors(v: Validation, overwrite: boolean): RowError[] {
  return overwrite ? v.errors.filter((e) => e.code !== 'changesExisting') : v.errors;
}

const BATCH = 5000;

/**
 * Starts the commit in the background. All rows go in one transaction; the status row is updated in that same
 * transaction, so the import is either committed with all its rows or not at all. Returns at once.
 */
export function startCommit(db: Db, imp: ImportRecord, v: Validation, p: { userId: number; overwrite: boolean; ip: string }): void {
  const list = v.rows.filter((r) => p.overwrite || !v.existingKeys.has(resultKey(r.pupilId, r.instrumentId, r.schoolYearId, r.moment)));
  const progress: Progress = { total: imp.total, processed: 0, inserted: 0, updated: 0, unchanged: v.unchanged + (v.rows.length - list.length) };
  running.set(imp.id, progress);
  // Progress for other processes (and the 'interrupted' check): written outside the transaction, never awaited by it
  // (on PGlite the one connection is busy with the transaction; the update then simply waits until it ends).
  let lastBeat = Date.now();
  const beat = () => {
    lastBeat = Date.now();
    void db.execute(sql`update result_imports set processed = ${progress.processed}, heartbeat_at = now() where id = ${imp.id} and status = 'committing'`)
      .catch(() => undefined);
  };
  void (async () => {
    try {
      await bulkTransaction(db, async (tx, copyIn) => {
        let written = 0;
        const filled = (r: ValidRow) => fillFromNorms({ ...r }, v.scales.get(r.instrumentId) ?? null, v.norms.get(r.instrumentId), r.moment);
        const afterRows = (n: number) => {
          written += n;
          progress.processed = Math.min(progress.total, written + v.unchanged);
          if (Date.now() - lastBeat >= HEARTBEAT_MS) beat();
          if (importTestHooks.failAfterRows != null && written >= importTestHooks.failAfterRows) throw new Error('test: import job killed');
        };
        if (copyIn) {
          // PostgreSQL: the rows stream through COPY into a temporary table, then one insert moves them into results.
          await tx.execute(sql`create temporary table import_rows (pupil_id int, instrument_id int, school_year_id int, moment text, taken_on date,
            grade smallint, raw_score numeric, ability_score numeric, level text, percentile smallint, dle numeric, text_value text) on commit drop`);
          await copyIn('copy import_rows from stdin', (function* () {
            for (let i = 0; i < list.length; i += BATCH) {
              const batch = list.slice(i, i + BATCH);
              yield batch.map((r0) => {
                const r = filled(r0);
                return [r.pupilId, r.instrumentId, r.schoolYearId, r.moment, r.takenOn, v.grades.get(`${r.pupilId}:${r.schoolYearId}`) ?? null,
                  r.rawScore, r.abilityScore, r.level, r.percentile, r.dle, r.textValue].map(copyField).join('\t') + '\n';
              }).join('');
              afterRows(batch.length);
            }
          })());
          const [c] = await rows<{ total: number; inserted: number }>(tx, sql`
            with w as (
              insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, grade, raw_score, ability_score, level, percentile, dle, text_value, import_id, entered_by)
              select u.*, ${imp.id}::int, ${p.userId}::int from import_rows u
              ${onConflict(p.overwrite)}
              returning (xmax = 0) as inserted)
            select count(*)::int as total, (count(*) filter (where inserted))::int as inserted from w`);
          progress.inserted = c.inserted;
          progress.updated = c.total - c.inserted;
          progress.unchanged += list.length - c.total;
        } else {
          for (let i = 0; i < list.length; i += BATCH) {
            const batch = list.slice(i, i + BATCH).map(filled);
            const [c] = await insertBatch(tx, batch, v.grades, imp.id, p.userId, p.overwrite);
            progress.inserted += c.inserted;
            progress.updated += c.total - c.inserted;
            progress.unchanged += batch.length - c.total;
            afterRows(batch.length);
          }
        }
        // One audit entry per pupil whose results this import wrote, in the same transaction.
        const perPupil = new Map<number, { rows: number; replaced: number }>();
        for (const r of list) {
          const e = perPupil.get(r.pupilId) ?? { rows: 0, replaced: 0 };
          e.rows++;
          if (v.existingKeys.has(resultKey(r.pupilId, r.instrumentId, r.schoolYearId, r.moment))) e.replaced++;
          perPupil.set(r.pupilId, e);
        }
        const entries = [...perPupil].map(([pupilId, e]) => ({
          actorId: p.userId, schoolId: imp.schoolId, pupilId, action: e.replaced > 0 ? 'update' : 'create', entity: 'result',
          entityId: null, detail: { importId: imp.id, rows: e.rows, replaced: e.replaced }, ip: p.ip,
        }));
        for (let i = 0; i < entries.length; i += 5000) await audit(tx, entries.slice(i, i + 5000));
        await tx.execute(sql`update result_imports set status = 'committed', committed_at = now(), content = null, error = null,
          inserted = ${progress.inserted}, updated = ${progress.updated}, unchanged = ${progress.unchanged} where id = ${imp.id}`);
        progress.processed = progress.total;
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await db.execute(sql`update result_imports set status = 'failed', error = ${`De import is mislukt; er is niets van opgeslagen. (${message.slice(0, 300)})`}
        where id = ${imp.id}`).catch(() => undefined);
    } finally {
      running.delete(imp.id);
      tables.delete(imp.id);
    }
  })();
}

/** A stored result for the same pupil, instrument, year and moment: kept, or (the user chose to overwrite) replaced. */
function onConflict(overwrite: boolean) {
  return sql`on conflict (pupil_id, instrument_id, school_year_id, moment) do ${overwrite ? sql`update set
    taken_on = excluded.taken_on, grade = excluded.grade, raw_score = excluded.raw_score, ability_score = excluded.ability_score,
    level = excluded.level, percentile = excluded.percentile, dle = excluded.dle, text_value = excluded.text_value,
    import_id = excluded.import_id, entered_by = excluded.entered_by, updated_at = now(), version = results.version + 1` : sql`nothing`}`;
}

/** A field of COPY's text format. */
function copyField(v: string | number | null): string {
  if (v == null) return '\\N';
  return typeof v === 'number' ? String(v) : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One multi-row insert of a batch; returns how many rows were written and how many of those were new. */
async function insertBatch(tx: DbOrTx, batch: ValidRow[], grades: Map<string, number | null>, importId: number, userId: number, overwrite: boolean) {
  const col = <T>(f: (r: ValidRow) => T) => sql.param(batch.map(f));
  return rows<{ total: number; inserted: number }>(tx, sql`
    with w as (
      insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, grade, raw_score, ability_score, level, percentile, dle, text_value, import_id, entered_by)
      select u.*, ${importId}::int, ${userId}::int from unnest(
        ${col((r) => r.pupilId)}::int[], ${col((r) => r.instrumentId)}::int[], ${col((r) => r.schoolYearId)}::int[], ${col((r) => r.moment)}::text[],
        ${col((r) => r.takenOn)}::date[], ${col((r) => grades.get(`${r.pupilId}:${r.schoolYearId}`) ?? null)}::smallint[],
        ${col((r) => r.rawScore)}::numeric[], ${col((r) => r.abilityScore)}::numeric[], ${col((r) => r.level)}::text[],
        ${col((r) => r.percentile)}::smallint[], ${col((r) => r.dle)}::numeric[], ${col((r) => r.textValue)}::text[]) as u
      ${onConflict(overwrite)}
      returning (xmax = 0) as inserted)
    select count(*)::int as total, (count(*) filter (where inserted))::int as inserted from w`);
}
