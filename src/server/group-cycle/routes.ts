// The HGW group cycle: groepsoverzicht (prefilled from results and signals, needs with hulpzinnen), clustering,
// groepsplan (structured goals, SMART hints, adjustments that keep the earlier version), execution notes, evaluation,
// roll forward to the next period, checklists (kijkwijzer, begrijpwijzer, planwijzer) and PDFs.
// Group documents: read with group.viewCare, written with group.editCare; every read and write is audited per pupil line.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideGroup, type GroupRelation } from '../../domain/access/policy';
import { CHECKLISTS, checkAnswers, emptyAnswers } from '../../domain/group-cycle/checklists';
import { checkClustering, suggestClusters } from '../../domain/group-cycle/clustering';
import { emptyGoal, emptyLineFields, emptyReflection, emptyRow } from '../../domain/group-cycle/blank';
import { isHulpzinId } from '../../domain/group-cycle/hulpzinnen';
import { canSetPlanStatus, needsAdjustmentReason } from '../../domain/group-cycle/lifecycle';
import {
  OVERVIEW_FORMS, type ChecklistTemplateId, type PlanDocument, type PlanFormat, type PlanRow, type PlanStatus,
} from '../../domain/group-cycle/model';
import { checkEvaluationComplete, checkPlanRequirements } from '../../domain/group-cycle/requirements';
import { rollOverviewLine, rollPlan } from '../../domain/group-cycle/rollforward';
import { audit, type AuditEntry } from '../audit/audit';
import { rows, type DbOrTx } from '../db/client';
import { groupInfo, groupPupils, type GroupInfo } from '../groups/repo';
import { parseId } from '../access/guard';
import { requireUser } from '../http/context';
import { conflict, forbidden, HttpError, invalid, notFound } from '../http/errors';
import { isoDate } from '../students/repo';
import { OverviewCache, overviewBody, overviewBodyGzip, overviewStamp } from './overview-cache';
import { renderOverviewPdf, renderPlanPdf } from './pdf';
import { overviewPdfInput, planPdfInput } from './print';
import {
  cycleSchool, membersOf, overviewDomains, overviewLines, overviewRequirements, overviewRow, overviewView, periodsOfYear, planChecks,
  planFormatOf, planLabels, planRow, planView, previousLines, resultsAndSignals, rowMembers, type CycleSchool, type Period,
} from './repo';
import {
  checklistAnswersSchema, checklistTemplate, goalResult, lineFieldsSchema, planDocSchema, reflectionSchema, versionBody,
} from './schemas';

const newKey = () => randomUUID().replace(/-/g, '').slice(0, 10);

function requirementsError(problems: { message: string }[], what: string) {
  return new HttpError(422, 'requirements', `${what} kan nog niet worden vastgesteld: ${problems.length} verplicht${problems.length === 1 ? ' onderdeel ontbreekt' : 'e onderdelen ontbreken'}.`, undefined, { problems });
}

export async function groupCycleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;
  const overviewCache = new OverviewCache();

  function entries(req: FastifyRequest, schoolId: number, pupilIds: readonly number[], action: string, entity: 'group_overview' | 'group_plan', entityId: number, detail: Record<string, unknown> = {}): AuditEntry[] {
    const user = requireUser(req);
    return pupilIds.map((pupilId) => ({ actorId: user.userId, schoolId, pupilId, action, entity, entityId, detail: { route: req.routeOptions.url, ...detail }, ip: req.ip }));
  }

  /** Whether the user may also write the group's documents (the page then shows its forms). */
  function canEdit(req: FastifyRequest, scope: { relation: GroupRelation }): boolean {
    return decideGroup(requireUser(req), 'group.editCare', scope.relation).allow;
  }

  async function periodOf(group: GroupInfo, periodId: number): Promise<Period> {
    const period = (await periodsOfYear(db, group.schoolYearId, clock.today())).find((p) => p.id === periodId);
    if (!period) throw invalid({ periodId: 'Kies een periode van het schooljaar van deze groep.' });
    return period;
  }

  /**
   * Creates an overview with a line for every pupil of the group. Each line starts from the pupil's latest line in an
   * earlier period (needs, factors, signal and instruction group carried over); a pupil without one starts empty,
   * signalled when the rules signal a concern, in the instruction group the signals suggest.
   */
  async function createOverview(tx: DbOrTx, req: FastifyRequest, group: GroupInfo, school: CycleSchool, period: Period, form: 'crossSubject' | 'subject', subject: string) {
    const user = requireUser(req);
    const pupils = await groupPupils(tx, group.id);
    const ids = pupils.map((p) => p.id);
    // One after the other: a transaction's single connection runs one statement at a time.
    const previous = await previousLines(tx, ids, form, subject, period.startsOn);
    const live = await resultsAndSignals(tx, group.schoolId, school, ids, overviewDomains(form, subject, school.settings), period.endsOn);
    const clusterKeys = new Set(school.settings.clusters.map((c) => c.key));
    const suggested = suggestClusters(school.settings.clusters, ids.map((pupilId) => ({ pupilId, signals: live.signals.get(pupilId) ?? [] })));
    const [created] = await rows<{ id: number }>(tx, sql`
      insert into group_overviews (school_id, group_id, period_id, form, subject, created_by)
      values (${group.schoolId}, ${group.id}, ${period.id}, ${form}, ${subject}, ${user.userId})
      on conflict (group_id, period_id, form, subject) do nothing returning id`);
    if (!created) throw new HttpError(409, 'exists', 'Voor deze groep en periode bestaat dit groepsoverzicht al.');
    const lines = pupils.map((p) => {
      const prev = previous.get(p.id);
      const concern = (live.signals.get(p.id) ?? []).some((s) => s.tone === 'concern');
      const fields = prev ? rollOverviewLine(prev.fields) : { ...emptyLineFields(), signalled: concern };
      const cluster = prev?.cluster && clusterKeys.has(prev.cluster) ? prev.cluster : suggested.get(p.id) ?? null;
      return { pupilId: p.id, cluster, fields: JSON.stringify(fields) };
    });
    // One statement for the whole group (the columns travel as arrays).
    await tx.execute(sql`insert into group_overview_lines (overview_id, pupil_id, cluster, fields, updated_by)
      select ${created.id}, l.pupil_id, l.cluster, l.fields::jsonb, ${user.userId}
      from unnest(${sql.param(lines.map((l) => l.pupilId))}::int[], ${sql.param(lines.map((l) => l.cluster))}::text[], ${sql.param(lines.map((l) => l.fields))}::text[])
        as l(pupil_id, cluster, fields)`);
    await audit(tx, entries(req, group.schoolId, ids, 'create', 'group_overview', created.id, { periodId: period.id, form, subject }));
    return created.id;
  }

  /** A new plan's rows: the basisgroep (except divergent), then one row per instruction group in use, goals from the needs. */
  function initialPlan(format: ReturnType<typeof planFormatOf>, school: CycleSchool, lines: Awaited<ReturnType<typeof overviewLines>>, period: Period): PlanDocument {
    const row = (kind: PlanRow['kind'], clusterKey: string | null) => emptyRow(newKey(), kind, { clusterKey, evaluationPlan: { who: '', how: '', when: period.endsOn } });
    const out: PlanRow[] = [];
    if (format !== 'divergent') out.push(row('base', null));
    if (format !== 'theme') {
      for (const c of school.settings.clusters) {
        const members = lines.filter((l) => l.cluster === c.key);
        if (members.length === 0) continue;
        const clusterRow = row('cluster', c.key);
        const seen = new Set<string>();
        for (const need of members.flatMap((m) => m.fields.needs)) {
          const what = need.goal.trim();
          if (!what || seen.has(what.toLowerCase()) || clusterRow.goals.length >= 20) continue;
          seen.add(what.toLowerCase());
          clusterRow.goals.push(emptyGoal(newKey(), need.domain, period.endsOn, what));
        }
        out.push(clusterRow);
      }
    }
    return { rows: out, attentionPoints: '' };
  }

  /** Stores a new plan (draft) for an overview; null when the overview has one already. */
  async function insertPlan(tx: DbOrTx, req: FastifyRequest, o: { school_id: number; group_id: number; period_id: number; id: number }, format: PlanFormat, doc: PlanDocument) {
    const [created] = await rows<{ id: number }>(tx, sql`
      insert into group_plans (school_id, group_id, period_id, overview_id, format, doc, reflection, created_by)
      values (${o.school_id}, ${o.group_id}, ${o.period_id}, ${o.id}, ${format}, ${JSON.stringify(doc)}::jsonb, ${JSON.stringify(emptyReflection())}::jsonb, ${requireUser(req).userId})
      on conflict (overview_id) do nothing returning id`);
    return created?.id ?? null;
  }

  /** Checks references inside a plan document against the school and the overview; Dutch field errors. */
  async function checkDoc(doc: PlanDocument, school: CycleSchool, schoolId: number, pupilIds: Set<number>) {
    const fields: Record<string, string> = {};
    const clusterKeys = new Set(school.settings.clusters.map((c) => c.key));
    const keys = new Set<string>();
    const instrumentIds = [...new Set(doc.rows.flatMap((row) => row.goals.map((g) => g.instrumentId)).filter((x): x is number => x != null))];
    const known = instrumentIds.length
      ? new Set((await rows<{ id: number }>(db, sql`select id from instruments where school_id = ${schoolId} and id = any(${sql.param(instrumentIds)}::int[])`)).map((x) => x.id))
      : new Set<number>();
    doc.rows.forEach((row, i) => {
      if (keys.has(row.key)) fields[`doc.rows.${i}.key`] = 'Twee rijen hebben dezelfde sleutel.';
      keys.add(row.key);
      if (row.kind === 'cluster' && (!row.clusterKey || !clusterKeys.has(row.clusterKey))) fields[`doc.rows.${i}.clusterKey`] = 'Kies een instructiegroep die de school gebruikt.';
      if (row.kind === 'pupil' && (row.pupilId == null || !pupilIds.has(row.pupilId))) fields[`doc.rows.${i}.pupilId`] = 'Kies een leerling uit deze groep.';
      row.goals.forEach((g, j) => {
        if (keys.has(g.key)) fields[`doc.rows.${i}.goals.${j}.key`] = 'Twee doelen hebben dezelfde sleutel.';
        keys.add(g.key);
        if (g.instrumentId != null && !known.has(g.instrumentId)) fields[`doc.rows.${i}.goals.${j}.instrumentId`] = 'Kies een toets van deze school.';
        for (const id of Object.keys(g.attainment)) if (!pupilIds.has(Number(id))) fields[`doc.rows.${i}.goals.${j}.attainment`] = 'Een leerling bij de evaluatie zit niet in deze groep.';
      });
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }

  // ---- The group's cycle: periods, overviews and plans ----

  r.get('/api/groups/:id/group-cycle', {
    config: { access: { kind: 'group', action: 'group.viewCare' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req) => {
    const group = await groupInfo(db, req.groupScope!.groupId);
    const school = await cycleSchool(db, group.schoolId);
    const [periods, overviews, edit] = await Promise.all([
      periodsOfYear(db, group.schoolYearId, clock.today()),
      rows<{ id: number; periodId: number; form: string; subject: string; status: string; updatedAt: string; plan_id: number | null; plan_status: string | null; plan_format: string | null }>(db, sql`
        select o.id, o.period_id as "periodId", o.form, o.subject, o.status, o.updated_at as "updatedAt", p.id as plan_id, p.status as plan_status, p.format as plan_format
        from group_overviews o left join group_plans p on p.overview_id = o.id where o.group_id = ${group.id} order by o.id`),
      canEdit(req, req.groupScope!),
    ]);
    return {
      group: { id: group.id, name: group.name, schoolId: group.schoolId, sector: group.sector, grades: group.grades },
      schoolName: school.name, periods, settings: school.settings, planFormat: planFormatOf(school, group), canEdit: edit,
      overviews: overviews.map((o) => ({
        id: o.id, periodId: o.periodId, form: o.form, subject: o.subject || null, status: o.status, updatedAt: o.updatedAt,
        plan: o.plan_id ? { id: o.plan_id, status: o.plan_status, format: o.plan_format } : null,
      })),
    };
  });

  r.post('/api/groups/:id/overviews', {
    config: { access: { kind: 'group', action: 'group.editCare' } },
    schema: {
      tags: ['group-cycle'], params: z.object({ id: z.string() }),
      body: z.object({ periodId: z.number().int().positive(), form: z.enum(OVERVIEW_FORMS), subject: z.string().max(40).nullable().optional() }),
    },
  }, async (req, reply) => {
    const group = await groupInfo(db, req.groupScope!.groupId);
    const school = await cycleSchool(db, group.schoolId);
    const period = await periodOf(group, req.body.periodId);
    const { form } = req.body;
    if (!school.settings.overviewForms.includes(form)) throw invalid({ form: 'Deze school gebruikt dit soort groepsoverzicht niet (zie de schoolinstellingen).' });
    const subject = form === 'subject' ? req.body.subject ?? '' : '';
    if (form === 'subject' && !(school.settings.subjects as string[]).includes(subject)) throw invalid({ subject: 'Kies een vak uit de schoolinstellingen.' });
    const id = await db.transaction((tx) => createOverview(tx, req, group, school, period, form, subject));
    return reply.status(201).send({ id });
  });

  // ---- Overview ----

  async function readOverview(req: FastifyRequest) {
    const o = await overviewRow(db, req.groupScope!.documentId!);
    const group = await groupInfo(db, o.group_id);
    return { o, group, view: await overviewView(db, o, group, clock.today()) };
  }

  r.get('/api/group-overviews/:id', {
    config: { access: { kind: 'group', action: 'group.viewCare', via: 'overview' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req, reply) => {
    // Served from the cache while its fingerprint holds (overview-cache.ts); the guard and the audit run on every read.
    const id = req.groupScope!.documentId!;
    const stamp = await overviewStamp(db, id, clock.today());
    let cached = stamp === null ? null : overviewCache.get(id, stamp);
    if (!cached) {
      const { o, view } = await readOverview(req);
      const { school: _school, ...out } = view;
      // The page words each signal from its code and parameters (Dutch or English); the Dutch message stays home, which
      // keeps a 30-pupil overview's response about a quarter smaller.
      const lines = out.lines.map((l) => ({ ...l, signals: l.signals.map(({ message: _message, ruleId: _ruleId, ...signal }) => signal) }));
      cached = { stamp: stamp ?? '', schoolId: o.school_id, pupilIds: view.lines.map((l) => l.pupilId), json: JSON.stringify({ ...out, lines }) };
      if (stamp !== null) overviewCache.set(id, cached);
    }
    await audit(db, entries(req, cached.schoolId, cached.pupilIds, 'read', 'group_overview', id));
    const editable = canEdit(req, req.groupScope!);
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return overviewBody(cached, editable);
    reply.header('content-encoding', 'gzip');
    return overviewBodyGzip(cached, editable);
  });

  r.put('/api/group-overviews/:id/lines/:pupilId', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'overview' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string(), pupilId: z.string() }), body: z.object({ ...versionBody, fields: lineFieldsSchema }) },
  }, async (req) => {
    const overviewId = req.groupScope!.documentId!;
    const pupilId = parseId(req.params.pupilId) ?? 0;
    const { fields } = req.body;
    const unknown = fields.needs.flatMap((n) => n.phrases).filter((p) => !isHulpzinId(p));
    if (unknown.length) throw invalid({ 'fields.needs': `Onbekende hulpzin: ${unknown[0]}.` });
    const keys = fields.needs.map((n) => n.key);
    if (new Set(keys).size !== keys.length) throw invalid({ 'fields.needs': 'Twee onderwijsbehoeften hebben dezelfde sleutel.' });
    return db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number }>(tx, sql`
        update group_overview_lines set fields = ${JSON.stringify(fields)}::jsonb, version = version + 1, updated_by = ${requireUser(req).userId}, updated_at = now()
        where overview_id = ${overviewId} and pupil_id = ${pupilId} and version = ${req.body.version} returning version`);
      if (!updated) {
        const [exists] = await rows(tx, sql`select 1 from group_overview_lines where overview_id = ${overviewId} and pupil_id = ${pupilId}`);
        throw exists ? conflict() : notFound('Deze leerling in dit groepsoverzicht');
      }
      await tx.execute(sql`update group_overviews set updated_at = now() where id = ${overviewId}`);
      await audit(tx, entries(req, req.groupScope!.schoolId, [pupilId], 'update', 'group_overview', overviewId, { part: 'line' }));
      return { pupilId, version: updated.version, fields };
    });
  });

  r.put('/api/group-overviews/:id/clusters', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'overview' } },
    schema: {
      tags: ['group-cycle'], params: z.object({ id: z.string() }),
      body: z.object({
        ...versionBody,
        assignments: z.array(z.object({ pupilId: z.number().int().positive(), cluster: z.string().max(40).nullable() })).max(200),
        attentionPoints: z.string().max(4000, 'Maximaal 4000 tekens.'),
      }),
    },
  }, async (req) => {
    const o = await overviewRow(db, req.groupScope!.documentId!);
    const group = await groupInfo(db, o.group_id);
    const school = await cycleSchool(db, o.school_id);
    const lines = await overviewLines(db, o.id);
    const inOverview = new Set(lines.map((l) => l.pupil_id));
    const stranger = req.body.assignments.find((a) => !inOverview.has(a.pupilId));
    if (stranger) throw invalid({ assignments: 'Een leerling in de indeling zit niet in dit groepsoverzicht.' });
    const format = planFormatOf(school, group);
    const assigned = new Map(lines.map((l) => [l.pupil_id, l.cluster]));
    for (const a of req.body.assignments) assigned.set(a.pupilId, a.cluster);
    const problems = checkClustering(format, school.settings.clusters, [...assigned].map(([pupilId, cluster]) => ({ pupilId, cluster })));
    const errors = problems.filter((p) => p.level === 'error');
    if (errors.length) throw invalid({ assignments: errors.map((e) => e.message).join(' ') });
    return db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number }>(tx, sql`update group_overviews set version = version + 1, attention_points = ${req.body.attentionPoints}, updated_at = now()
        where id = ${o.id} and version = ${req.body.version} returning version`);
      if (!updated) throw conflict();
      await tx.execute(sql`update group_overview_lines l set cluster = a.cluster
        from unnest(${sql.param(req.body.assignments.map((a) => a.pupilId))}::int[], ${sql.param(req.body.assignments.map((a) => a.cluster))}::text[]) as a(pupil_id, cluster)
        where l.overview_id = ${o.id} and l.pupil_id = a.pupil_id`);
      await audit(tx, entries(req, o.school_id, req.body.assignments.map((a) => a.pupilId), 'update', 'group_overview', o.id, { part: 'clusters' }));
      return { version: updated.version, clusterProblems: problems };
    });
  });

  r.put('/api/group-overviews/:id/status', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'overview' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }), body: z.object({ ...versionBody, status: z.enum(['draft', 'final']) }) },
  }, async (req) => {
    const o = await overviewRow(db, req.groupScope!.documentId!);
    const lines = await overviewLines(db, o.id);
    if (req.body.status === 'final') {
      const school = await cycleSchool(db, o.school_id);
      const problems = overviewRequirements(school.settings.requiredFields, lines);
      if (problems.length) throw requirementsError(problems, 'Het groepsoverzicht');
    }
    return db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number }>(tx, sql`update group_overviews set status = ${req.body.status}, version = version + 1, updated_at = now()
        where id = ${o.id} and version = ${req.body.version} returning version`);
      if (!updated) throw conflict();
      await audit(tx, entries(req, o.school_id, lines.map((l) => l.pupil_id), 'update', 'group_overview', o.id, { part: 'status', status: req.body.status }));
      return { version: updated.version, status: req.body.status };
    });
  });

  r.post('/api/group-overviews/:id/plan', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'overview' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req, reply) => {
    const o = await overviewRow(db, req.groupScope!.documentId!);
    const group = await groupInfo(db, o.group_id);
    const school = await cycleSchool(db, o.school_id);
    const period = await periodOf(group, o.period_id);
    const lines = await overviewLines(db, o.id);
    const format = planFormatOf(school, group);
    const doc = initialPlan(format, school, lines, period);
    const id = await db.transaction(async (tx) => {
      const created = await insertPlan(tx, req, o, format, doc);
      if (created == null) throw new HttpError(409, 'exists', 'Bij dit groepsoverzicht hoort al een groepsplan.');
      await audit(tx, entries(req, o.school_id, lines.map((l) => l.pupil_id), 'create', 'group_plan', created));
      return created;
    });
    return reply.status(201).send({ id });
  });

  // ---- Plan ----

  async function readPlan(req: FastifyRequest) {
    const p = await planRow(db, req.groupScope!.documentId!);
    const group = await groupInfo(db, p.group_id);
    return { p, group, view: await planView(db, p, group, clock.today()) };
  }

  r.get('/api/group-plans/:id', {
    config: { access: { kind: 'group', action: 'group.viewCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req) => {
    const { p, view } = await readPlan(req);
    await audit(db, entries(req, p.school_id, view.pupils.map((x) => x.pupilId), 'read', 'group_plan', p.id));
    const { school: _school, ...out } = view;
    return { ...out, canEdit: canEdit(req, req.groupScope!) };
  });

  r.put('/api/group-plans/:id', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }), body: z.object({ ...versionBody, doc: planDocSchema, reason: z.string().max(1000).optional() }) },
  }, async (req) => {
    const p = await planRow(db, req.groupScope!.documentId!);
    if (p.status === 'evaluated') throw new HttpError(409, 'locked', 'Dit groepsplan is geëvalueerd en kan niet meer worden gewijzigd.');
    const reason = req.body.reason?.trim() ?? '';
    const adjusting = needsAdjustmentReason(p.status);
    if (adjusting && reason.length < 3) throw invalid({ reason: 'Geef aan waarom u het plan tussentijds bijstelt.' });
    const school = await cycleSchool(db, p.school_id);
    const lines = await overviewLines(db, p.overview_id);
    await checkDoc(req.body.doc, school, p.school_id, new Set(lines.map((l) => l.pupil_id)));
    const out = await db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number; revision: number }>(tx, sql`
        update group_plans set doc = ${JSON.stringify(req.body.doc)}::jsonb, version = version + 1, revision = revision + ${adjusting ? 1 : 0}, updated_at = now()
        where id = ${p.id} and version = ${req.body.version} and status = ${p.status} returning version, revision`);
      if (!updated) throw conflict();
      if (adjusting) {
        await tx.execute(sql`insert into group_plan_revisions (plan_id, revision, doc, reason, created_by)
          values (${p.id}, ${p.revision}, ${JSON.stringify(p.doc)}::jsonb, ${reason}, ${requireUser(req).userId})`);
      }
      await audit(tx, entries(req, p.school_id, lines.map((l) => l.pupil_id), 'update', 'group_plan', p.id, adjusting ? { part: 'adjustment', reason } : { part: 'plan' }));
      return updated;
    });
    const group = await groupInfo(db, p.group_id);
    const period = await periodOf(group, p.period_id);
    return { version: out.version, revision: out.revision, ...planChecks(req.body.doc, p.format, period, school, membersOf(lines)) };
  });

  r.get('/api/group-plans/:id/revisions/:revision', {
    config: { access: { kind: 'group', action: 'group.viewCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string(), revision: z.string() }) },
  }, async (req) => {
    const planId = req.groupScope!.documentId!;
    const revision = /^\d{1,6}$/.test(req.params.revision) ? Number(req.params.revision) : 0;
    const [found] = await rows<{ revision: number; reason: string; createdAt: string; createdBy: string | null; doc: PlanDocument }>(db, sql`
      select r.revision, r.reason, r.created_at as "createdAt", u.name as "createdBy", r.doc from group_plan_revisions r
      left join users u on u.id = r.created_by where r.plan_id = ${planId} and r.revision = ${revision}`);
    if (!found) throw notFound('Deze versie van het groepsplan');
    const lines = await overviewLines(db, (await planRow(db, planId)).overview_id);
    await audit(db, entries(req, req.groupScope!.schoolId, lines.map((l) => l.pupil_id), 'read', 'group_plan', planId, { revision }));
    return found;
  });

  r.put('/api/group-plans/:id/status', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }), body: z.object({ ...versionBody, status: z.enum(['draft', 'active', 'evaluated']) }) },
  }, async (req) => {
    const p = await planRow(db, req.groupScope!.documentId!);
    const to = req.body.status as PlanStatus;
    if (p.status !== to && !canSetPlanStatus(p.status, to)) throw new HttpError(409, 'status', statusRefusal(p.status, to));
    if (p.status === 'evaluated' && to === 'active' && req.groupScope!.basis !== 'care_coordinator') throw forbidden();
    const lines = await overviewLines(db, p.overview_id);
    const school = await cycleSchool(db, p.school_id);
    const labels = planLabels(school.settings.clusters, membersOf(lines));
    if (p.status === 'draft' && to === 'active') {
      const problems = checkPlanRequirements(school.settings.requiredFields, p.doc, p.format, labels);
      if (problems.length) throw requirementsError(problems, 'Het groepsplan');
    }
    if (to === 'evaluated') {
      const problems = checkEvaluationComplete(p.doc, p.format, labels);
      if (problems.length) throw new HttpError(422, 'requirements', 'De evaluatie is nog niet af: geef bij elk doel aan of het behaald is.', undefined, { problems });
    }
    return db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number }>(tx, sql`update group_plans set status = ${to}, version = version + 1, updated_at = now(),
        evaluated_on = ${to === 'evaluated' ? clock.today() : null}::date
        where id = ${p.id} and version = ${req.body.version} returning version`);
      if (!updated) throw conflict();
      await audit(tx, entries(req, p.school_id, lines.map((l) => l.pupil_id), 'update', 'group_plan', p.id, { part: 'status', from: p.status, to }));
      return { version: updated.version, status: to };
    });
  });

  r.post('/api/group-plans/:id/notes', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'plan' } },
    schema: {
      tags: ['group-cycle'], params: z.object({ id: z.string() }),
      body: z.object({
        notedOn: isoDate, text: z.string().trim().min(1, 'Schrijf wat er is gedaan of opgevallen.').max(4000, 'Maximaal 4000 tekens.'),
        rowKey: z.string().max(40).nullable().optional(), pupilId: z.number().int().positive().nullable().optional(),
      }),
    },
  }, async (req, reply) => {
    const p = await planRow(db, req.groupScope!.documentId!);
    const { notedOn, text } = req.body;
    const rowKey = req.body.rowKey ?? null;
    const pupilId = req.body.pupilId ?? null;
    const lines = await overviewLines(db, p.overview_id);
    if (notedOn > clock.today()) throw invalid({ notedOn: 'Een notitie gaat over wat al gebeurd is: kies vandaag of een eerdere datum.' });
    if (rowKey && !p.doc.rows.some((row) => row.key === rowKey)) throw invalid({ rowKey: 'Kies een rij van dit groepsplan.' });
    if (pupilId != null && !lines.some((l) => l.pupil_id === pupilId)) throw invalid({ pupilId: 'Kies een leerling uit deze groep.' });
    const user = requireUser(req);
    const note = await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number; createdAt: string }>(tx, sql`insert into group_plan_notes (plan_id, row_key, pupil_id, noted_on, text, author_id)
        values (${p.id}, ${rowKey}, ${pupilId}, ${notedOn}, ${text}, ${user.userId}) returning id, created_at as "createdAt"`);
      const about = pupilId != null ? [pupilId]
        : rowKey ? rowMembers(p.doc.rows.find((x) => x.key === rowKey)!, membersOf(lines), new Map(lines.map((l) => [l.pupil_id, l.cluster]))).map((m) => m.pupilId)
          : lines.map((l) => l.pupil_id);
      await audit(tx, entries(req, p.school_id, about, 'create', 'group_plan', p.id, { part: 'note', noteId: created.id }));
      return created;
    });
    return reply.status(201).send({ id: note.id, notedOn, text, rowKey, pupilId, authorName: user.name, createdAt: note.createdAt });
  });

  r.put('/api/group-plans/:id/evaluation', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'plan' } },
    schema: {
      tags: ['group-cycle'], params: z.object({ id: z.string() }),
      body: z.object({
        ...versionBody,
        goals: z.array(z.object({
          rowKey: z.string().max(40), goalKey: z.string().max(40),
          result: goalResult.nullable(), resultNote: z.string().max(4000, 'Maximaal 4000 tekens.'),
          attainment: z.record(z.string().regex(/^\d{1,9}$/), goalResult),
        })).max(400),
        reflection: reflectionSchema,
      }),
    },
  }, async (req) => {
    const p = await planRow(db, req.groupScope!.documentId!);
    if (p.status !== 'active') throw new HttpError(409, 'status', p.status === 'draft' ? 'Stel het groepsplan eerst vast; evalueren kan daarna.' : 'Dit groepsplan is al geëvalueerd.');
    const lines = await overviewLines(db, p.overview_id);
    const pupils = new Set(lines.map((l) => String(l.pupil_id)));
    const doc: PlanDocument = structuredClone(p.doc);
    for (const e of req.body.goals) {
      const goal = doc.rows.find((row) => row.key === e.rowKey)?.goals.find((g) => g.key === e.goalKey);
      if (!goal) throw invalid({ goals: 'Een geëvalueerd doel staat niet (meer) in dit groepsplan. Laad de pagina opnieuw.' });
      if (Object.keys(e.attainment).some((id) => !pupils.has(id))) throw invalid({ goals: 'Een leerling bij de evaluatie zit niet in deze groep.' });
      goal.result = e.result;
      goal.resultNote = e.resultNote;
      goal.attainment = e.attainment;
    }
    return db.transaction(async (tx) => {
      const [updated] = await rows<{ version: number }>(tx, sql`update group_plans set doc = ${JSON.stringify(doc)}::jsonb, reflection = ${JSON.stringify(req.body.reflection)}::jsonb,
        version = version + 1, updated_at = now() where id = ${p.id} and version = ${req.body.version} and status = 'active' returning version`);
      if (!updated) throw conflict();
      await audit(tx, entries(req, p.school_id, lines.map((l) => l.pupil_id), 'update', 'group_plan', p.id, { part: 'evaluation' }));
      return { version: updated.version };
    });
  });

  r.post('/api/group-plans/:id/roll-forward', {
    config: { access: { kind: 'group', action: 'group.editCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req, reply) => {
    const p = await planRow(db, req.groupScope!.documentId!);
    if (p.status !== 'evaluated') throw new HttpError(409, 'not_evaluated', 'Evalueer het groepsplan eerst; daarna zet u het door naar de volgende periode.');
    const group = await groupInfo(db, p.group_id);
    const periods = await periodsOfYear(db, group.schoolYearId, clock.today());
    const current = periods.find((x) => x.id === p.period_id)!;
    const next = periods.find((x) => x.startsOn > current.endsOn);
    if (!next) {
      throw new HttpError(422, 'no_next_period', 'Dit was de laatste periode van het schooljaar. Maak het groepsoverzicht van het nieuwe schooljaar bij de nieuwe groep: de onderwijsbehoeften van deze periode worden daar overgenomen.');
    }
    const o = await overviewRow(db, p.overview_id);
    const school = await cycleSchool(db, p.school_id);
    const created = await db.transaction(async (tx) => {
      const overviewId = await createOverview(tx, req, group, school, next, o.form, o.subject);
      const planId = (await insertPlan(tx, req, { school_id: p.school_id, group_id: p.group_id, period_id: next.id, id: overviewId }, planFormatOf(school, group), rollPlan(p.doc, next)))!;
      const pupils = (await overviewLines(tx, overviewId)).map((l) => l.pupil_id);
      await audit(tx, entries(req, p.school_id, pupils, 'create', 'group_plan', planId, { rolledFrom: p.id }));
      return { overviewId, planId };
    });
    return reply.status(201).send(created);
  });

  // ---- Checklists (kijkwijzer, begrijpwijzer against an overview; planwijzer against a plan) ----

  for (const target of ['overview', 'plan'] as const) {
    const base = target === 'overview' ? '/api/group-overviews/:id' : '/api/group-plans/:id';
    const check = (template: ChecklistTemplateId) => {
      if (CHECKLISTS[template].appliesTo !== target) {
        throw invalid({ template: target === 'overview' ? 'Bij een groepsoverzicht horen de kijkwijzer en de begrijpwijzer.' : 'Bij een groepsplan hoort de planwijzer.' });
      }
    };
    const pupilsOf = async (id: number) => (await overviewLines(db, target === 'overview' ? id : (await planRow(db, id)).overview_id)).map((l) => l.pupil_id);
    const load = async (id: number, template: ChecklistTemplateId) => {
      const [found] = await rows<{ answers: z.infer<typeof checklistAnswersSchema>; version: number; updatedAt: string; updatedBy: string | null }>(db, sql`
        select c.answers, c.version, c.updated_at as "updatedAt", u.name as "updatedBy" from group_checklists c left join users u on u.id = c.updated_by
        where c.target_kind = ${target} and c.target_id = ${id} and c.template = ${template}`);
      return found ? { template, ...found } : { template, version: 0, answers: emptyAnswers(), updatedAt: null, updatedBy: null };
    };

    r.get(`${base}/checklists/:template`, {
      config: { access: { kind: 'group', action: 'group.viewCare', via: target } },
      schema: { tags: ['group-cycle'], params: z.object({ id: z.string(), template: checklistTemplate }) },
    }, async (req) => {
      check(req.params.template);
      const id = req.groupScope!.documentId!;
      await audit(db, entries(req, req.groupScope!.schoolId, await pupilsOf(id), 'read', target === 'overview' ? 'group_overview' : 'group_plan', id, { part: 'checklist', template: req.params.template }));
      return load(id, req.params.template);
    });

    r.put(`${base}/checklists/:template`, {
      config: { access: { kind: 'group', action: 'group.editCare', via: target } },
      schema: { tags: ['group-cycle'], params: z.object({ id: z.string(), template: checklistTemplate }), body: z.object({ ...versionBody, answers: checklistAnswersSchema }) },
    }, async (req) => {
      const { template } = req.params;
      check(template);
      const problems = checkAnswers(template, req.body.answers);
      if (problems.length) throw invalid({ answers: problems.join(' ') });
      const id = req.groupScope!.documentId!;
      const user = requireUser(req);
      const answers = JSON.stringify(req.body.answers);
      const pupils = await pupilsOf(id);
      await db.transaction(async (tx) => {
        const done = req.body.version === 0
          ? await rows(tx, sql`insert into group_checklists (target_kind, target_id, template, answers, updated_by) values (${target}, ${id}, ${template}, ${answers}::jsonb, ${user.userId})
              on conflict do nothing returning 1`)
          : await rows(tx, sql`update group_checklists set answers = ${answers}::jsonb, version = version + 1, updated_by = ${user.userId}, updated_at = now()
              where target_kind = ${target} and target_id = ${id} and template = ${template} and version = ${req.body.version} returning 1`);
        if (!done.length) throw conflict();
        await audit(tx, entries(req, req.groupScope!.schoolId, pupils, 'update', target === 'overview' ? 'group_overview' : 'group_plan', id, { part: 'checklist', template }));
      });
      return load(id, template);
    });
  }

  // ---- PDF ----

  r.get('/api/group-overviews/:id/pdf', {
    config: { access: { kind: 'group', action: 'group.viewCare', via: 'overview' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req, reply) => {
    const { o, view } = await readOverview(req);
    const pdf = await renderOverviewPdf(overviewPdfInput(view, clock.today()));
    await audit(db, entries(req, o.school_id, view.lines.map((l) => l.pupilId), 'export', 'group_overview', o.id));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName('groepsoverzicht', view.group.name, view.period.name)}"`).send(pdf);
  });

  r.get('/api/group-plans/:id/pdf', {
    config: { access: { kind: 'group', action: 'group.viewCare', via: 'plan' } },
    schema: { tags: ['group-cycle'], params: z.object({ id: z.string() }) },
  }, async (req, reply) => {
    const { p, view } = await readPlan(req);
    const pdf = await renderPlanPdf(planPdfInput(view, clock.today()));
    await audit(db, entries(req, p.school_id, view.pupils.map((x) => x.pupilId), 'export', 'group_plan', p.id));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName('groepsplan', view.group.name, view.period.name)}"`).send(pdf);
  });
}

function fileName(kind: string, group: string, period: string): string {
  const slug = (s: string) => s.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase();
  return `${kind}-${slug(group)}-${slug(period)}.pdf`;
}

function statusRefusal(from: PlanStatus, to: PlanStatus): string {
  if (to === 'evaluated') return 'Alleen een vastgesteld groepsplan kan worden geëvalueerd.';
  if (to === 'draft') return 'Een vastgesteld of geëvalueerd groepsplan gaat niet terug naar concept; stel het tussentijds bij.';
  return from === 'evaluated' ? 'Een geëvalueerd groepsplan kan alleen door de intern begeleider worden heropend.' : 'Deze statuswijziging kan niet.';
}
