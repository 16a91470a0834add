// Pupil monitoring (leerlingvolgsysteem): instruments and norms, the group grid, a pupil's results with chart data and
// signals, the group's dwarsdoorsnede and signals, the school trend, signal rules, and the CSV import.
// Results are care data: reading needs pupil.viewCare (a parent: pupil.viewPublished, and only when the school publishes
// results), writing needs pupil.editCare; every read and write of a pupil's results leaves an audit entry.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decidePupil, type SchoolAction } from '../../domain/access/policy';
import { delay, learningEfficiency } from '../../domain/assessments/didactic';
import { IMPORT_FIELDS, importMessage, readScores, type ResultValues } from '../../domain/assessments/import';
import {
  DOMAINS, MOMENT_PATTERN, SCORE_KINDS, momentOrder, previousMoment,
} from '../../domain/assessments/instruments';
import { parseNormCsv } from '../../domain/assessments/norms';
import type { LevelScale } from '../../domain/assessments/scales';
import { evaluateSignals, signalRuleSchema } from '../../domain/assessments/signals';
import { levelDistribution, shareAtOrAbove } from '../../domain/assessments/stats';
import { authorizeSchool, parseId, visiblePupils } from '../access/guard';
import { audit, type AuditEntry } from '../audit/audit';
import { intArray, rows, type DbOrTx } from '../db/client';
import { conflict, forbidden, HttpError, invalid, notFound } from '../http/errors';
import { requireUser } from '../http/context';
import { groupInfo, groupPupils, type GroupInfo } from '../groups/repo';
import { isoDate } from '../students/repo';
import {
  blockingErrors, createImport, HEARTBEAT_TIMEOUT_S, isRunning, loadImport, progressOf, runningProgress, startCommit, validateUpload,
} from './import';
import {
  fillFromNorms, instrumentSchema, levelsAtOrAbove, loadInstrument, loadInstruments, loadNorms, loadRules, publicInstrument,
  RESULT_COLUMNS, resultNormOf, resultPoints, ruleToRow, schoolInfo, toResult, type Instrument, type ResultRow, type StoredResult,
} from './repo';

// ---- Shapes ----

const levelNormSchema = z.object({ moment: z.string(), scale: z.enum(['AE', 'IV']), bands: z.array(z.object({ level: z.string(), minScore: z.number() })) });
const dleNormSchema = z.object({ moment: z.string().nullable(), points: z.array(z.object({ score: z.number(), dle: z.number() })) });
const normsSchema = z.object({ levelNorms: z.array(levelNormSchema), dleNorms: z.array(dleNormSchema) });
const rowErrorSchema = z.object({ row: z.number(), column: z.string().nullable(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() });
const signalSchema = z.object({
  ruleId: z.number().nullable(), kind: z.string(), tone: z.enum(['concern', 'enrichment']), domain: z.string(), instrumentId: z.number(),
  moment: z.string(), reason: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }), message: z.string(),
});
const gridResultSchema = z.object({
  id: z.number(), version: z.number(), rawScore: z.number().nullable(), abilityScore: z.number().nullable(), level: z.string().nullable(),
  percentile: z.number().nullable(), dle: z.number().nullable(), textValue: z.string().nullable(), takenOn: z.string(),
});
const gridSchema = z.object({
  group: z.object({ id: z.number(), name: z.string(), schoolYearId: z.number() }),
  instrument: instrumentSchema,
  moment: z.string(),
  takenOn: z.string().nullable(),
  rows: z.array(z.object({ pupilId: z.number(), firstName: z.string(), lastName: z.string(), grade: z.number().nullable(), result: gridResultSchema.nullable() })),
});
const pupilResultSchema = gridResultSchema.extend({
  instrumentId: z.number(), instrumentName: z.string(), domain: z.string(), moment: z.string(), schoolYear: z.string(), grade: z.number().nullable(),
  dl: z.number().nullable(), efficiency: z.number().nullable(), delay: z.object({ months: z.number(), weeks: z.number() }).nullable(),
});
const seriesSchema = z.object({
  instrumentId: z.number(), instrumentName: z.string(), domain: z.string(), levelScale: z.enum(['AE', 'IV']).nullable(),
  points: z.array(z.object({ moment: z.string(), takenOn: z.string(), abilityScore: z.number().nullable(), level: z.string().nullable(), dle: z.number().nullable(), dl: z.number().nullable() })),
  bands: z.array(z.object({ moment: z.string(), bands: z.array(z.object({ level: z.string(), minScore: z.number() })) })),
});
const countSchema = z.array(z.object({ level: z.string(), count: z.number() }));
const ruleOut = z.object({
  id: z.number(), version: z.number(), kind: z.string(), label: z.string(), domains: z.array(z.string()), active: z.boolean(),
}).catchall(z.unknown());
const mappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));
const defaultsSchema = z.object({
  instrumentCode: z.string().trim().max(60).optional(),
  moment: z.string().trim().max(10).optional(),
  takenOn: isoDate.optional(),
  layoutId: z.enum(['cito-lib', 'iep', 'generic']).optional(),
});

// 422 bodies: the usual validation error (`fields`), plus the rows at fault where a request holds many.
const gridInvalidSchema = z.object({
  error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(),
  rowErrors: z.array(z.object({ pupilId: z.number(), field: z.string(), message: z.string() })).optional(),
});
const rowsInvalidSchema = z.object({
  error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(),
  errors: z.array(rowErrorSchema).optional(), errorCount: z.number().optional(),
});

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const schoolParams = z.object({ schoolId: z.coerce.number().int().positive().max(2_147_483_647) });
const gridQuery = z.object({ instrumentId: z.coerce.number().int().positive().max(2_147_483_647), moment: z.string().trim().regex(MOMENT_PATTERN, 'Kies een toetsmoment zoals M5 of E4.') });

const momentsField = z.array(z.string().trim().toUpperCase().regex(MOMENT_PATTERN, 'Een toetsmoment is B, M of E gevolgd door de groep of het leerjaar (bijv. M5).'))
  .min(1, 'Geef minstens één toetsmoment.').max(40)
  .refine((m) => new Set(m).size === m.length, 'Een toetsmoment staat er dubbel in.');
const instrumentFields = {
  name: z.string().trim().min(2, 'Vul een naam in.').max(120),
  domain: z.enum(DOMAINS, 'Kies een domein.'),
  supplier: z.string().trim().max(80),
  moments: momentsField,
  scoreKinds: z.array(z.enum(SCORE_KINDS, 'Onbekend soort score.')).min(1, 'Kies minstens één soort score.')
    .refine((k) => new Set(k).size === k.length, 'Een soort score staat er dubbel in.'),
  levelScale: z.enum(['AE', 'IV'], 'Kies de niveauschaal A–E of I–V.').nullable(),
};

/** A number from the grid: a JSON number or text as typed or pasted (Dutch decimal comma allowed). */
const gridNumber = z.union([z.number(), z.string().max(40)]).nullable().optional();
const gridRowSchema = z.object({
  pupilId: z.number().int(),
  version: z.number().int().optional(),
  rawScore: gridNumber, abilityScore: gridNumber, percentile: gridNumber, dle: gridNumber,
  level: z.string().max(20).nullable().optional(),
  textValue: z.string().max(200).nullable().optional(),
});

// ---- Helpers ----



/** The instrument named in a query or body, which must belong to the school, with a moment it has. */
async function instrumentAt(db: DbOrTx, schoolId: number, instrumentId: number, moment?: string): Promise<Instrument> {
  const instrument = await loadInstrument(db, instrumentId);
  if (!instrument || instrument.schoolId !== schoolId) throw invalid({ instrumentId: 'Kies een toets van deze school.' });
  if (moment !== undefined && !instrument.moments.includes(moment)) {
    throw invalid({ moment: `${instrument.name} heeft geen toetsmoment ${moment} (wel: ${instrument.moments.join(', ')}).` });
  }
  return instrument;
}


function gridResult(r: StoredResult) {
  return {
    id: r.id, version: r.version, rawScore: r.rawScore, abilityScore: r.abilityScore, level: r.level, percentile: r.percentile,
    dle: r.dle, textValue: r.textValue, takenOn: r.takenOn,
  };
}

function listEntries(req: FastifyRequest, schoolId: number, pupilIds: readonly number[], detail: Record<string, unknown>): AuditEntry[] {
  const user = requireUser(req);
  return pupilIds.map((pupilId) => ({ actorId: user.userId, schoolId, pupilId, action: 'list', entity: 'result', entityId: null, detail: { route: req.routeOptions.url, ...detail }, ip: req.ip }));
}

/** Any role at the school, or a board role over it (instruments, norms and rules are not pupil data). */
async function requireSchoolMember(req: FastifyRequest, db: DbOrTx, schoolId: number) {
  const user = requireUser(req);
  const info = await schoolInfo(db, schoolId);
  if (!info || !user.grants.some((g) => g.schoolId === schoolId || g.boardId === info.boardId)) throw forbidden();
  return info;
}

type GridValues = Omit<ResultValues, 'takenOn'>;

/** Reads one grid row against the instrument with the import's rule for scores: normalised values, or Dutch messages per field. */
function readGridRow(instrument: Instrument, row: z.infer<typeof gridRowSchema>): { values: GridValues; errors: { field: string; message: string }[] } {
  const { values, errors } = readScores(instrument, row);
  return { values, errors: errors.map((e) => ({ field: e.field, message: importMessage(e.code, e.params) })) };
}

const isEmpty = (v: GridValues) => v.rawScore == null && v.abilityScore == null && v.level == null && v.percentile == null && v.dle == null && v.textValue == null;
const sameValues = (a: GridValues & { takenOn: string }, b: StoredResult) =>
  a.rawScore === b.rawScore && a.abilityScore === b.abilityScore && a.level === b.level && a.percentile === b.percentile &&
  a.dle === b.dle && a.textValue === b.textValue && a.takenOn === b.takenOn;


/** Which school a school-level route is about: from the `schoolId` parameter, or the instrument or import it names. */
type SchoolOf = (db: DbOrTx, params: Record<string, string>) => Promise<number | null>;
const bySchoolParam: SchoolOf = async (_db, params) => parseId(params.schoolId);
const byInstrument: SchoolOf = async (db, params) => {
  const id = parseId(params.id);
  return id == null ? null : ((await rows<{ school_id: number }>(db, sql`select school_id from instruments where id = ${id}`))[0]?.school_id ?? null);
};
const byImport: SchoolOf = async (db, params) => {
  const id = parseId(params.id);
  return id == null ? null : ((await rows<{ school_id: number }>(db, sql`select school_id from result_imports where id = ${id}`))[0]?.school_id ?? null);
};

/**
 * Decides a school-level route before its input is validated (as the guard does for pupil and group routes), so that
 * somebody without the right learns nothing from validation errors. 'member' = any role at the school or its board.
 * The handler does not ask again: the school it touches is the one the gate decided on.
 */
function gate(action: 'member' | SchoolAction, schoolOf: SchoolOf) {
  return async (req: FastifyRequest) => {
    const db = req.server.ctx.db;
    const schoolId = await schoolOf(db, req.params as Record<string, string>);
    if (schoolId == null) throw notFound();
    if (action === 'member') await requireSchoolMember(req, db, schoolId);
    else await authorizeSchool(req, schoolId, action);
  };
}

// ---- Routes ----

export async function assessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  // ---- Instruments and norms (school set-up of the care coordinator) ----

  r.get('/api/schools/:schoolId/instruments', {
    config: { access: { kind: 'school' } },
    preValidation: gate('member', bySchoolParam),
    schema: { tags: ['assessments'], params: schoolParams, response: { 200: z.object({ items: z.array(instrumentSchema) }) } },
  }, async (req) => {
    await requireSchoolMember(req, db, req.params.schoolId);
    const list = await loadInstruments(db, sql`i.school_id = ${req.params.schoolId}`);
    return { items: list.map(publicInstrument) };
  });

  r.post('/api/schools/:schoolId/instruments', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', bySchoolParam),
    schema: {
      tags: ['assessments'], params: schoolParams,
      body: z.object({ code: z.string().trim().toLowerCase().min(2, 'Vul een code in.').max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een code bestaat uit kleine letters, cijfers en streepjes (bijv. cito-rekenen).'), ...instrumentFields }),
      response: { 201: instrumentSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const schoolId = req.params.schoolId;
    const b = req.body;
    if (b.scoreKinds.includes('level') && !b.levelScale) throw invalid({ levelScale: 'Kies de niveauschaal: dit instrument geeft een niveau.' });
    const id = await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number }>(tx, sql`insert into instruments (school_id, code, name, domain, supplier, moments, score_kinds, level_scale)
        values (${schoolId}, ${b.code}, ${b.name}, ${b.domain}, ${b.supplier}, ${sql.param(b.moments)}::text[], ${sql.param(b.scoreKinds)}::text[], ${b.levelScale})
        on conflict (school_id, code) do nothing returning id`);
      if (!created) throw invalid({ code: 'Deze school heeft al een toets met deze code.' });
      await audit(tx, { actorId: user.userId, schoolId, pupilId: null, action: 'create', entity: 'instrument', entityId: created.id, detail: { code: b.code, name: b.name }, ip: req.ip });
      return created.id;
    });
    return reply.status(201).send(publicInstrument((await loadInstrument(db, id))!));
  });

  r.patch('/api/instruments/:id', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', byInstrument),
    schema: {
      tags: ['assessments'], params: idParams,
      body: z.object({ version: z.number().int(), ...z.object(instrumentFields).partial().shape, active: z.boolean().optional() }),
      response: { 200: instrumentSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    const cur = await loadInstrument(db, req.params.id);
    if (!cur) throw notFound('Deze toets');
    const { version, ...b } = req.body;
    const scoreKinds = b.scoreKinds ?? cur.scoreKinds;
    const levelScale = b.levelScale === undefined ? cur.levelScale : b.levelScale;
    if (scoreKinds.includes('level') && !levelScale) throw invalid({ levelScale: 'Kies de niveauschaal: dit instrument geeft een niveau.' });
    await db.transaction(async (tx) => {
      const done = await rows<{ id: number }>(tx, sql`update instruments set
        name = ${b.name ?? cur.name}, domain = ${b.domain ?? cur.domain}, supplier = ${b.supplier ?? cur.supplier},
        moments = ${sql.param(b.moments ?? cur.moments)}::text[], score_kinds = ${sql.param(scoreKinds)}::text[], level_scale = ${levelScale},
        active = ${b.active ?? cur.active}, version = version + 1
        where id = ${cur.id} and version = ${version} returning id`);
      if (done.length === 0) throw conflict();
      await audit(tx, { actorId: user.userId, schoolId: cur.schoolId, pupilId: null, action: 'update', entity: 'instrument', entityId: cur.id, detail: { changed: Object.keys(b) }, ip: req.ip });
    });
    return publicInstrument((await loadInstrument(db, cur.id))!);
  });

  r.get('/api/instruments/:id/norms', {
    config: { access: { kind: 'school' } },
    preValidation: gate('member', byInstrument),
    schema: { tags: ['assessments'], params: idParams, response: { 200: normsSchema } },
  }, async (req) => {
    const cur = await loadInstrument(db, req.params.id);
    if (!cur) throw notFound('Deze toets');
    await requireSchoolMember(req, db, cur.schoolId);
    return (await loadNorms(db, [cur.id])).get(cur.id)!;
  });

  r.put('/api/instruments/:id/norms', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', byInstrument),
    schema: { tags: ['assessments'], params: idParams, body: z.object({ csv: z.string().max(2_000_000, 'Dit normbestand is te groot.') }), response: { 200: normsSchema, 422: rowsInvalidSchema } },
  }, async (req, reply) => {
    const user = requireUser(req);
    const cur = await loadInstrument(db, req.params.id);
    if (!cur) throw notFound('Deze toets');
    const parsed = parseNormCsv(req.body.csv);
    const errors = [...parsed.errors];
    for (const n of [...parsed.levelNorms, ...parsed.dleNorms]) {
      if (n.moment != null && !cur.moments.includes(n.moment)) {
        errors.push({ row: 0, column: 'moment', code: 'unknownMoment', params: { moment: n.moment }, message: `${cur.name} heeft geen toetsmoment ${n.moment}.` });
      }
    }
    for (const n of parsed.levelNorms) {
      if (n.scale !== cur.levelScale) {
        errors.push({ row: 0, column: 'niveau', code: 'wrongScale', params: { moment: n.moment }, message: `De niveaus bij ${n.moment} horen niet bij de schaal van ${cur.name} (${cur.levelScale === 'IV' ? 'I–V' : cur.levelScale === 'AE' ? 'A–E' : 'geen niveaus'}).` });
      }
    }
    if (errors.length) return reply.status(422).send({ error: 'invalid' as const, message: 'Het normbestand bevat fouten; er is niets opgeslagen.', errors, errorCount: errors.length });
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from norm_tables where instrument_id = ${cur.id}`);
      const all = [
        ...parsed.levelNorms.map((n) => ({ kind: 'level', moment: n.moment, data: n })),
        ...parsed.dleNorms.map((n) => ({ kind: 'dle', moment: n.moment, data: n })),
      ];
      if (all.length) {
        await tx.execute(sql`insert into norm_tables (instrument_id, kind, moment, data)
          select ${cur.id}, kind, moment, data from json_to_recordset(${JSON.stringify(all)}::json) as x(kind text, moment text, data jsonb)`);
      }
      await audit(tx, { actorId: user.userId, schoolId: cur.schoolId, pupilId: null, action: 'update', entity: 'norm_table', entityId: cur.id, detail: { levelNorms: parsed.levelNorms.length, dleNorms: parsed.dleNorms.length }, ip: req.ip });
    });
    return (await loadNorms(db, [cur.id])).get(cur.id)!;
  });

  // ---- The group grid ----

  async function readGrid(req: FastifyRequest, group: GroupInfo, instrument: Instrument, moment: string) {
    const pupils = await groupPupils(db, group.id);
    const visible = await visiblePupils(req, pupils.map((p) => p.id), 'pupil.viewCare');
    const shown = pupils.filter((p) => visible.has(p.id));
    const stored = await rows<ResultRow>(db, sql`select ${RESULT_COLUMNS} from results r
      where r.instrument_id = ${instrument.id} and r.school_year_id = ${group.schoolYearId} and r.moment = ${moment} and r.pupil_id = any(${intArray(shown.map((p) => p.id))})`);
    const byPupil = new Map(stored.map((s) => [s.pupil_id, toResult(s)]));
    await audit(db, listEntries(req, group.schoolId, shown.filter((p) => byPupil.has(p.id)).map((p) => p.id), { groupId: group.id, instrumentId: instrument.id, moment }));
    // The date most results of this moment were taken on (the grid's default for new entries).
    const dates = new Map<string, number>();
    for (const s of byPupil.values()) dates.set(s.takenOn, (dates.get(s.takenOn) ?? 0) + 1);
    const takenOn = [...dates].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    return {
      group: { id: group.id, name: group.name, schoolYearId: group.schoolYearId },
      instrument: publicInstrument(instrument), moment, takenOn,
      rows: shown.map((p) => {
        const res = byPupil.get(p.id);
        return { pupilId: p.id, firstName: p.first_name, lastName: p.last_name, grade: p.grade, result: res ? gridResult(res) : null };
      }),
    };
  }

  r.get('/api/groups/:id/results', {
    config: { access: { kind: 'group', action: 'group.view' } },
    schema: { tags: ['assessments'], params: z.object({ id: z.string() }), querystring: gridQuery, response: { 200: gridSchema } },
  }, async (req) => {
    const group = await groupInfo(db, req.groupScope!.groupId);
    const instrument = await instrumentAt(db, group.schoolId, req.query.instrumentId, req.query.moment);
    return readGrid(req, group, instrument, req.query.moment);
  });

  r.put('/api/groups/:id/results', {
    config: { access: { kind: 'group', action: 'group.editCare' } },
    schema: {
      tags: ['assessments'], params: z.object({ id: z.string() }),
      body: z.object({
        instrumentId: z.number().int().positive(),
        moment: z.string().trim().regex(MOMENT_PATTERN, 'Kies een toetsmoment zoals M5 of E4.'),
        takenOn: isoDate.nullable().optional(),
        rows: z.array(gridRowSchema).max(200, 'Te veel rijen in één keer.'),
      }),
      response: { 200: gridSchema, 422: gridInvalidSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const group = await groupInfo(db, req.groupScope!.groupId);
    const b = req.body;
    const instrument = await instrumentAt(db, group.schoolId, b.instrumentId, b.moment);
    const pupils = new Map((await groupPupils(db, group.id)).map((p) => [p.id, p]));
    const rowErrors: { pupilId: number; field: string; message: string }[] = [];
    const seen = new Set<number>();
    const parsed = b.rows.map((row) => {
      if (!pupils.has(row.pupilId)) rowErrors.push({ pupilId: row.pupilId, field: 'pupilId', message: 'Deze leerling zit niet in deze groep.' });
      if (seen.has(row.pupilId)) rowErrors.push({ pupilId: row.pupilId, field: 'pupilId', message: 'Deze leerling staat twee keer in de invoer.' });
      seen.add(row.pupilId);
      const { values, errors } = readGridRow(instrument, row);
      for (const e of errors) rowErrors.push({ pupilId: row.pupilId, ...e });
      return { row, values };
    });
    const fields: Record<string, string> = {};
    const anyValues = parsed.some((p) => !isEmpty(p.values));
    const takenOn = b.takenOn ?? null;
    if (anyValues) {
      if (!takenOn) fields.takenOn = 'Vul de afnamedatum in.';
      else if (takenOn > clock.today()) fields.takenOn = 'De afnamedatum ligt in de toekomst.';
      else if (takenOn < group.startsOn || takenOn > group.endsOn) fields.takenOn = `De afnamedatum valt buiten het schooljaar van deze groep (${group.startsOn} tot ${group.endsOn}).`;
    }
    if (rowErrors.length || Object.keys(fields).length) {
      for (const e of rowErrors) {
        const i = b.rows.findIndex((x) => x.pupilId === e.pupilId);
        fields[`rows.${i}.${e.field}`] ??= e.message;
      }
      return reply.status(422).send({ error: 'invalid' as const, message: 'Controleer de gemarkeerde cellen; er is niets opgeslagen.', fields, rowErrors });
    }
    // Every pupil written must pass the policy for writing care data (before the transaction: the guard reads the root db).
    const allowed = await visiblePupils(req, [...seen], 'pupil.editCare');
    if ([...seen].some((id) => !allowed.has(id))) throw forbidden();
    const norms = (await loadNorms(db, [instrument.id])).get(instrument.id);

    await db.transaction(async (tx) => {
      const stored = new Map((await rows<ResultRow>(tx, sql`select ${RESULT_COLUMNS} from results r
        where r.instrument_id = ${instrument.id} and r.school_year_id = ${group.schoolYearId} and r.moment = ${b.moment}
          and r.pupil_id = any(${intArray([...seen])}) for update`)).map((s) => [s.pupil_id, toResult(s)]));
      const entries: AuditEntry[] = [];
      for (const { row, values } of parsed) {
        const cur = stored.get(row.pupilId);
        // No lost update: the row must carry the version it was loaded with (none when it was empty then).
        if ((cur?.version ?? undefined) !== row.version) throw conflict();
        const grade = pupils.get(row.pupilId)!.grade;
        const base = { actorId: user.userId, schoolId: group.schoolId, pupilId: row.pupilId, entity: 'result', ip: req.ip };
        const detail = { instrumentId: instrument.id, moment: b.moment, schoolYearId: group.schoolYearId, route: req.routeOptions.url };
        if (isEmpty(values)) {
          if (cur) {
            await tx.execute(sql`delete from results where id = ${cur.id}`);
            entries.push({ ...base, action: 'delete', entityId: cur.id, detail });
          }
          continue;
        }
        const v = { ...fillFromNorms(values, instrument.levelScale, norms, b.moment), takenOn: takenOn! };
        if (cur && sameValues(v, cur)) continue;
        if (cur) {
          await tx.execute(sql`update results set taken_on = ${v.takenOn}, grade = ${grade}, raw_score = ${v.rawScore}, ability_score = ${v.abilityScore},
            level = ${v.level}, percentile = ${v.percentile}, dle = ${v.dle}, text_value = ${v.textValue}, entered_by = ${user.userId}, import_id = null,
            updated_at = now(), version = version + 1 where id = ${cur.id}`);
          entries.push({ ...base, action: 'update', entityId: cur.id, detail });
        } else {
          const [created] = await rows<{ id: number }>(tx, sql`insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, grade,
              raw_score, ability_score, level, percentile, dle, text_value, entered_by)
            values (${row.pupilId}, ${instrument.id}, ${group.schoolYearId}, ${b.moment}, ${v.takenOn}, ${grade}, ${v.rawScore}, ${v.abilityScore},
              ${v.level}, ${v.percentile}, ${v.dle}, ${v.textValue}, ${user.userId})
            on conflict (pupil_id, instrument_id, school_year_id, moment) do nothing returning id`);
          if (!created) throw conflict();
          entries.push({ ...base, action: 'create', entityId: created.id, detail });
        }
      }
      await audit(tx, entries);
    });
    return readGrid(req, group, instrument, b.moment);
  });

  // ---- A pupil's results ----

  r.get('/api/pupils/:id/results', {
    // viewPublished admits the pupil's staff and care roles, and parents with gezag; a parent additionally needs the school to publish results.
    config: { access: { kind: 'pupil', action: 'pupil.viewPublished' } },
    schema: {
      tags: ['assessments'], params: z.object({ id: z.string() }),
      response: { 200: z.object({ pupil: z.object({ id: z.number(), firstName: z.string(), lastName: z.string() }), results: z.array(pupilResultSchema), series: z.array(seriesSchema), signals: z.array(signalSchema) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId, basis, relation } = req.pupilScope!;
    const school = (await schoolInfo(db, schoolId))!;
    const asCare = decidePupil(user, 'pupil.viewCare', relation).allow;
    if (!asCare && !(school.settings as { publishResultsToParents?: boolean }).publishResultsToParents) {
      await audit(db, { actorId: user.userId, schoolId, pupilId, action: 'denied', entity: 'result', entityId: pupilId, detail: { route: req.routeOptions.url, method: req.method, wanted: 'pupil.viewPublished', reason: 'results_not_published' }, ip: req.ip });
      throw forbidden();
    }
    // Independent reads in parallel (on PostgreSQL each takes its own pool connection): latency is the slowest, not the sum.
    const [[pupil], points, rules] = await Promise.all([
      rows<{ id: number; first_name: string; last_name: string }>(db, sql`select id, first_name, last_name from pupils where id = ${pupilId}`),
      resultPoints(db, [pupilId], school.sector),
      asCare ? loadRules(db, schoolId, true) : Promise.resolve([]),
    ]);
    const items = points.get(pupilId) ?? [];
    const instrumentIds = [...new Set(items.map((i) => i.instrument.id))];
    const norms = await loadNorms(db, instrumentIds);
    const signals = asCare ? evaluateSignals(rules, items.map((i) => i.point)) : [];
    await audit(db, { actorId: user.userId, schoolId, pupilId, action: 'read', entity: 'result', entityId: pupilId, detail: { basis, route: req.routeOptions.url, results: items.length }, ip: req.ip });
    const results = items.map(({ result, point, instrument, schoolYear }) => ({
      ...gridResult(result), instrumentId: instrument.id, instrumentName: instrument.name, domain: instrument.domain, moment: result.moment,
      schoolYear, grade: result.grade, dl: point.dl,
      efficiency: point.dl != null && result.dle != null ? learningEfficiency(result.dle, point.dl) : null,
      delay: point.dl != null && result.dle != null ? delay(point.dl, result.dle) : null,
    }));
    const series = instrumentIds.map((id) => {
      const its = items.filter((i) => i.instrument.id === id);
      const instrument = its[0].instrument;
      const moments = new Set(its.map((i) => i.result.moment));
      return {
        instrumentId: id, instrumentName: instrument.name, domain: instrument.domain, levelScale: instrument.levelScale,
        points: its.map((i) => ({ moment: i.result.moment, takenOn: i.result.takenOn, abilityScore: i.result.abilityScore, level: i.result.level, dle: i.result.dle, dl: i.point.dl })),
        bands: norms.get(id)!.levelNorms.filter((n) => moments.has(n.moment)).sort((a, b) => momentOrder(a.moment, b.moment)).map((n) => ({ moment: n.moment, bands: n.bands })),
      };
    });
    return { pupil: { id: pupil.id, firstName: pupil.first_name, lastName: pupil.last_name }, results, series, signals };
  });

  // ---- The group's dwarsdoorsnede and signals ----

  r.get('/api/groups/:id/cross-section', {
    config: { access: { kind: 'group', action: 'group.view' } },
    schema: {
      tags: ['assessments'], params: z.object({ id: z.string() }), querystring: gridQuery,
      response: {
        200: z.object({
          instrument: instrumentSchema, moment: z.string(), previousMoment: z.string().nullable(), current: countSchema, previous: countSchema.nullable(),
          norm: z.object({ level: z.string(), percent: z.number(), share: z.object({ count: z.number(), total: z.number(), percent: z.number() }) }),
          pupils: z.array(z.object({ pupilId: z.number(), firstName: z.string(), lastName: z.string(), level: z.string().nullable(), previousLevel: z.string().nullable() })),
        }),
      },
    },
  }, async (req) => {
    const { moment } = req.query;
    const [group, pupils] = await Promise.all([groupInfo(db, req.groupScope!.groupId), groupPupils(db, req.groupScope!.groupId)]);
    const [instrument, visible, school] = await Promise.all([
      instrumentAt(db, group.schoolId, req.query.instrumentId, moment),
      visiblePupils(req, pupils.map((p) => p.id), 'pupil.viewCare'),
      schoolInfo(db, group.schoolId),
    ]);
    const scale = instrument.levelScale;
    if (!scale) throw invalid({ instrumentId: `${instrument.name} geeft geen niveaus; kies een toets met niveaus I–V of A–E.` });
    const shown = pupils.filter((p) => visible.has(p.id));
    const ids = shown.map((p) => p.id);
    const prev = previousMoment(instrument.moments, moment);
    const levels = await rows<{ pupil_id: number; moment: string; level: string | null }>(db, sql`
      select distinct on (r.pupil_id, r.moment) r.pupil_id, r.moment, r.level from results r
      where r.instrument_id = ${instrument.id} and r.pupil_id = any(${intArray(ids)})
        and ((r.moment = ${moment} and r.school_year_id = ${group.schoolYearId}) or (r.moment = ${prev ?? ''} and r.taken_on <= ${group.endsOn}::date))
      order by r.pupil_id, r.moment, r.taken_on desc`);
    const cur = new Map(levels.filter((l) => l.moment === moment).map((l) => [l.pupil_id, l.level]));
    const before = new Map(levels.filter((l) => l.moment === prev).map((l) => [l.pupil_id, l.level]));
    const norm = resultNormOf(school!.settings);
    const atOrAbove = levelsAtOrAbove(scale, norm.scale, norm.level);
    const threshold = atOrAbove[atOrAbove.length - 1] ?? norm.level;
    const withResult = shown.filter((p) => cur.has(p.id));
    const currentLevels = withResult.map((p) => cur.get(p.id) ?? null);
    await audit(db, listEntries(req, group.schoolId, shown.filter((p) => cur.has(p.id) || before.has(p.id)).map((p) => p.id), { groupId: group.id, instrumentId: instrument.id, moment }));
    return {
      instrument: publicInstrument(instrument), moment, previousMoment: prev,
      current: levelDistribution(scale, currentLevels),
      previous: prev ? levelDistribution(scale, shown.filter((p) => before.has(p.id)).map((p) => before.get(p.id) ?? null)) : null,
      norm: { level: threshold, percent: norm.percent, share: shareAtOrAbove(scale, currentLevels.filter((l): l is string => l != null), threshold) },
      pupils: shown.map((p) => ({ pupilId: p.id, firstName: p.first_name, lastName: p.last_name, level: cur.get(p.id) ?? null, previousLevel: before.get(p.id) ?? null })),
    };
  });

  r.get('/api/groups/:id/signals', {
    config: { access: { kind: 'group', action: 'group.view' } },
    schema: {
      tags: ['assessments'], params: z.object({ id: z.string() }),
      response: { 200: z.object({ items: z.array(z.object({ pupilId: z.number(), firstName: z.string(), lastName: z.string(), signals: z.array(signalSchema) })) }) },
    },
  }, async (req) => {
    const group = await groupInfo(db, req.groupScope!.groupId);
    const pupils = await groupPupils(db, group.id);
    const visible = await visiblePupils(req, pupils.map((p) => p.id), 'pupil.viewCare');
    const shown = pupils.filter((p) => visible.has(p.id));
    const points = await resultPoints(db, shown.map((p) => p.id), group.sector);
    const rules = await loadRules(db, group.schoolId, true);
    await audit(db, listEntries(req, group.schoolId, shown.filter((p) => points.has(p.id)).map((p) => p.id), { groupId: group.id }));
    return {
      items: shown.map((p) => ({
        pupilId: p.id, firstName: p.first_name, lastName: p.last_name,
        signals: evaluateSignals(rules, (points.get(p.id) ?? []).map((x) => x.point)),
      })),
    };
  });

  // ---- School trend (aggregates only) ----

  r.get('/api/schools/:schoolId/trend', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.viewCareOverview', bySchoolParam),
    schema: {
      tags: ['assessments'], params: schoolParams,
      querystring: z.object({ domain: z.enum(DOMAINS, 'Kies een domein.').optional(), instrumentId: z.coerce.number().int().positive().max(2_147_483_647).optional() }),
      response: {
        200: z.object({
          years: z.array(z.string()),
          grades: z.array(z.object({ grade: z.number(), points: z.array(z.object({ schoolYear: z.string(), moment: z.string(), total: z.number(), atOrAbove: z.number(), percent: z.number() })) })),
          norm: z.object({ level: z.string(), percent: z.number() }),
        }),
      },
    },
  }, async (req) => {
    const user = requireUser(req);
    const schoolId = req.params.schoolId;
    const { domain, instrumentId } = req.query;
    if (!domain && !instrumentId) throw invalid({ domain: 'Kies een domein of een toets.' });
    if (instrumentId) await instrumentAt(db, schoolId, instrumentId);
    const school = (await schoolInfo(db, schoolId))!;
    const norm = resultNormOf(school.settings);
    const years = (await rows<{ id: number; name: string }>(db, sql`select id, name from school_years
      where school_id = ${schoolId} and starts_on <= ${clock.today()}::date order by starts_on desc limit 4`)).reverse();
    const iv = levelsAtOrAbove('IV', norm.scale, norm.level);
    const ae = levelsAtOrAbove('AE', norm.scale, norm.level);
    // One aggregation over the school's results of the last four years (uses results_instrument_year_moment_idx).
    const list = await rows<{ grade: number; year_id: number; moment: string; total: number; at_or_above: number }>(db, sql`
      select r.grade, r.school_year_id as year_id, r.moment, count(*)::int as total,
        (count(*) filter (where regexp_replace(r.level, '[+-]$', '') = any(case i.level_scale when 'IV' then ${sql.param(iv)}::text[] else ${sql.param(ae)}::text[] end)))::int as at_or_above
      from instruments i join results r on r.instrument_id = i.id
      where i.school_id = ${schoolId} and i.level_scale is not null
        and ${instrumentId ? sql`i.id = ${instrumentId}` : sql`i.domain = ${domain!}`}
        and r.school_year_id = any(${intArray(years.map((y) => y.id))}) and r.level is not null and r.grade is not null
      group by r.grade, r.school_year_id, r.moment`);
    await audit(db, { actorId: user.userId, schoolId, pupilId: null, action: 'read', entity: 'result_trend', entityId: null, detail: { domain: domain ?? null, instrumentId: instrumentId ?? null }, ip: req.ip });
    const yearIndex = new Map(years.map((y, i) => [y.id, i]));
    const grades = [...new Set(list.map((l) => l.grade))].sort((a, b) => a - b);
    return {
      years: years.map((y) => y.name),
      grades: grades.map((grade) => ({
        grade,
        points: list.filter((l) => l.grade === grade)
          .sort((a, b) => yearIndex.get(a.year_id)! - yearIndex.get(b.year_id)! || momentOrder(a.moment, b.moment))
          .map((l) => ({ schoolYear: years[yearIndex.get(l.year_id)!].name, moment: l.moment, total: l.total, atOrAbove: l.at_or_above, percent: Math.round((100 * l.at_or_above) / l.total) })),
      })),
      norm: { level: norm.level, percent: norm.percent },
    };
  });

  // ---- Signal rules ----

  r.get('/api/schools/:schoolId/signal-rules', {
    config: { access: { kind: 'school' } },
    preValidation: gate('member', bySchoolParam),
    schema: { tags: ['assessments'], params: schoolParams, response: { 200: z.object({ items: z.array(ruleOut) }) } },
  }, async (req) => {
    await requireSchoolMember(req, db, req.params.schoolId);
    return { items: await loadRules(db, req.params.schoolId) };
  });

  r.put('/api/schools/:schoolId/signal-rules', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', bySchoolParam),
    schema: {
      tags: ['assessments'], params: schoolParams,
      body: z.object({ items: z.array(z.object({ version: z.number().int().optional() }).catchall(z.unknown())).max(100) }),
      response: { 200: z.object({ items: z.array(ruleOut) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const schoolId = req.params.schoolId;
    const fields: Record<string, string> = {};
    const items = req.body.items.map((raw, i) => {
      const parsed = signalRuleSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) fields[`items.${i}${issue.path.length ? '.' + issue.path.join('.') : ''}`] ??= issue.message;
        return null;
      }
      return { rule: parsed.data, version: raw.version };
    });
    if (Object.keys(fields).length) throw invalid(fields);
    await db.transaction(async (tx) => {
      const current = new Map((await rows<{ id: number; version: number }>(tx, sql`select id, version from signal_rules where school_id = ${schoolId} for update`)).map((x) => [x.id, x.version]));
      const keep = new Set<number>();
      for (const [i, item] of items.entries()) {
        const { rule, version } = item!;
        const row = ruleToRow(rule);
        const id = (rule as { id?: number }).id;
        if (id != null) {
          if (!current.has(id)) throw invalid({ [`items.${i}.id`]: 'Deze regel bestaat niet (meer) bij deze school.' });
          if (version !== undefined && version !== current.get(id)) throw conflict();
          keep.add(id);
          await tx.execute(sql`update signal_rules set kind = ${row.kind}, label = ${row.label}, params = ${JSON.stringify(row.params)}::jsonb,
            domains = ${sql.param(row.domains)}::text[], active = ${row.active}, version = version + 1 where id = ${id}`);
        } else {
          await tx.execute(sql`insert into signal_rules (school_id, kind, label, params, domains, active)
            values (${schoolId}, ${row.kind}, ${row.label}, ${JSON.stringify(row.params)}::jsonb, ${sql.param(row.domains)}::text[], ${row.active})`);
        }
      }
      const gone = [...current.keys()].filter((id) => !keep.has(id));
      if (gone.length) await tx.execute(sql`delete from signal_rules where id = any(${intArray(gone)})`);
      await audit(tx, { actorId: user.userId, schoolId, pupilId: null, action: 'update', entity: 'signal_rules', entityId: schoolId, detail: { rules: items.length, removed: gone.length }, ip: req.ip });
    });
    return { items: await loadRules(db, schoolId) };
  });

  // ---- CSV import ----

  /** The import named by the route (its route's gate checked that the user manages care at its school). */
  async function importFor(req: FastifyRequest, id: number) {
    const imp = await loadImport(db, id);
    if (!imp) throw notFound('Deze import');
    return imp;
  }

  /** Pupils of the school the user may write care data of: the import can match only these. */
  async function writablePupils(req: FastifyRequest, schoolId: number) {
    const all = await rows<{ id: number }>(db, sql`select id from pupils where school_id = ${schoolId}`);
    return [...(await visiblePupils(req, all.map((p) => p.id), 'pupil.editCare')).keys()];
  }

  r.post('/api/schools/:schoolId/result-imports', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', bySchoolParam),
    schema: {
      tags: ['assessments'], params: schoolParams,
      querystring: z.object({ fileName: z.string().trim().min(1).max(200).default('import.csv') }),
      response: {
        201: z.object({
          id: z.number(), fileName: z.string(), encoding: z.string(), delimiter: z.string(), header: z.array(z.string()), sample: z.array(z.array(z.string())),
          total: z.number(), layoutId: z.string(), mapping: mappingSchema,
        }),
      },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const schoolId = req.params.schoolId;
    if (!(req.headers['content-type'] ?? '').startsWith('text/csv')) throw new HttpError(415, 'csv_required', 'Stuur het bestand als text/csv.');
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length === 0) throw invalid({ file: 'Het bestand is leeg.' });
    const created = await createImport(db, { schoolId, userId: user.userId, fileName: req.query.fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) });
    if (created.header.length === 0) throw invalid({ file: 'Het bestand bevat geen kopregel met kolomnamen.' });
    await audit(db, { actorId: user.userId, schoolId, pupilId: null, action: 'create', entity: 'result_import', entityId: created.id, detail: { fileName: created.fileName, rows: created.total }, ip: req.ip });
    return reply.status(201).send(created);
  });

  const importBody = z.object({ mapping: mappingSchema, defaults: defaultsSchema.default({}) });

  r.post('/api/result-imports/:id/preview', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', byImport),
    schema: {
      tags: ['assessments'], params: idParams, body: importBody,
      response: {
        200: z.object({
          total: z.number(), new: z.number(), changed: z.number(), unchanged: z.number(), errors: z.array(rowErrorSchema), errorCount: z.number(),
          sample: z.array(z.object({
            row: z.number(), pupilId: z.number(), instrumentId: z.number(), schoolYearId: z.number(), moment: z.string(), takenOn: z.string(),
            rawScore: z.number().nullable(), abilityScore: z.number().nullable(), level: z.string().nullable(), percentile: z.number().nullable(), dle: z.number().nullable(), textValue: z.string().nullable(),
          })),
        }),
      },
    },
  }, async (req) => {
    const imp = await importFor(req, req.params.id);
    if (imp.status === 'committed') throw new HttpError(409, 'already_committed', 'Deze import is al verwerkt.');
    const v = await validateUpload(db, imp, await writablePupils(req, imp.schoolId), req.body.mapping, req.body.defaults, clock.today());
    if (!v) throw new HttpError(409, 'already_committed', 'Deze import is al verwerkt.');
    return {
      total: v.total, new: v.rows.length - v.existingKeys.size, changed: v.existingKeys.size, unchanged: v.unchanged,
      errors: v.errors.slice(0, 200), errorCount: v.errors.length, sample: v.rows.slice(0, 20),
    };
  });

  r.post('/api/result-imports/:id/commit', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', byImport),
    schema: {
      tags: ['assessments'], params: idParams, body: importBody.extend({ overwrite: z.boolean().default(false) }),
      response: { 202: z.object({ id: z.number(), status: z.literal('committing') }), 422: rowsInvalidSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const imp = await importFor(req, req.params.id);
    if (imp.status === 'committed') throw new HttpError(409, 'already_committed', 'Deze import is al verwerkt.');
    if (isRunning(imp.id)) throw new HttpError(409, 'committing', 'Deze import wordt al verwerkt.');
    const v = await validateUpload(db, imp, await writablePupils(req, imp.schoolId), req.body.mapping, req.body.defaults, clock.today());
    if (!v) throw new HttpError(409, 'already_committed', 'Deze import is al verwerkt.');
    const errors = blockingErrors(v, req.body.overwrite);
    if (errors.length) {
      return reply.status(422).send({
        error: 'invalid' as const, message: `${errors.length} ${errors.length === 1 ? 'rij bevat een fout' : 'rijen bevatten fouten'}; er is niets opgeslagen.`,
        errors: errors.slice(0, 200), errorCount: errors.length,
      });
    }
    // Claimed in the database, so two processes cannot both start it; a job that stopped reporting (its process died) may be redone.
    const claimed = await rows<{ id: number }>(db, sql`update result_imports set status = 'committing', error = null, processed = 0, heartbeat_at = now()
      where id = ${imp.id} and status <> 'committed'
        and (status <> 'committing' or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${HEARTBEAT_TIMEOUT_S})) returning id`);
    if (claimed.length === 0 || isRunning(imp.id)) throw new HttpError(409, 'committing', 'Deze import wordt al verwerkt.');
    startCommit(db, imp, v, { userId: user.userId, overwrite: req.body.overwrite, ip: req.ip });
    return reply.status(202).send({ id: imp.id, status: 'committing' as const });
  });

  r.get('/api/result-imports/:id', {
    config: { access: { kind: 'school' } },
    preValidation: gate('school.manageCare', byImport),
    schema: {
      tags: ['assessments'], params: idParams,
      response: {
        200: z.object({
          id: z.number(), fileName: z.string(), status: z.enum(['uploaded', 'committing', 'committed', 'failed']), total: z.number(), processed: z.number(),
          inserted: z.number(), updated: z.number(), unchanged: z.number(), error: z.string().nullable(),
        }),
      },
    },
  }, async (req) => {
    const before = runningProgress(req.params.id);
    return progressOf(await importFor(req, req.params.id), before);
  });
}

export type { LevelScale };
