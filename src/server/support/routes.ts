// Individual support: a pupil's support levels (ondersteuningsniveaus), handelingsplannen and OPP's with numbered,
// hash-bound versions, parents' responses (instemming / akkoord / zienswijze, digital or on paper with a scan),
// meetings with parents, working notes, and the parent portal.
// Every route names a pupil (`/api/pupils/:id/...`) and passes the policy for that pupil; a plan is reached through any
// of its pupils and must include the route's pupil. Other pupils of a plan are named only to users with pupil.viewCare
// on them; parents never see other pupils' names, their guardians' responses, the working text or the notes.
// Every read and write is audited per pupil.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decidePupil } from '../../domain/access/policy';
import { DOMAINS } from '../../domain/assessments/instruments';
import { emptyGoal } from '../../domain/group-cycle/blank';
import type { Goal, PlanDocument } from '../../domain/group-cycle/model';
import {
  addMonths, allowedResponses, canSetStatus, checkExtension, checkLevelEntry, checkResponse, currentLevelEntry, evaluationFindings, levelDef,
  levelWarnings, signatureRequirement, SIGNING_KINDS, statusAfterPublish, suggestedEnd,
  type ActionPlanDoc, type LevelEntry, type ParentResponse, type ResponseKind, type SignatureRequirement, type PublishedPlansView, type PublishedPlanView, type PupilSupportView,
  type SupportPlanDoc, type SupportPlanKind, type SupportPlanStatus, withoutEmptyRows, namesInDoc, fieldLabel,
} from '../../domain/support';
import { visiblePupils } from '../access/guard';
import { audit, type AuditEntry } from '../audit/audit';
import { intArray, isoTimestamp, isUniqueViolation, rows, type DbOrTx } from '../db/client';
import { attachment } from '../http/download';
import { requireUser } from '../http/context';
import { conflict, HttpError, invalid, notFound } from '../http/errors';
import {
  activePlanKinds, LEVEL_COLUMNS, levelHistories, oppCandidateFor, schoolPeriods, signatureStates, supportSettingsOf, toLevelEntry,
} from './facts';
import { renderSupportPlanPdf } from './pdf';
import {
  blankActionPlan, blankDevelopmentPerspective, contentHash, groupPlanLinksOf, guardiansOf, hasUnpublishedChanges,
  forbiddenNames, latestHashes, latestOverviewLine, meetingsOf, needsText, notesOf, pdfFileName, planOfPupil, planPupils, planView,
  pupilBasics, responsesOf, versionsOf, versionViews, type PlanRecord,
} from './repo';
import {
  createPlanBody, extendBody, idParams, levelBody, levelPatchBody, meetingBody, meetingUpdateBody, noteBody, paperBody, planParams,
  responseBody, savePlanBody, SCAN_MAX_BYTES, statusBody, versionBody,
} from './schemas';

const planClosed = () => new HttpError(409, 'plan_closed', 'Dit plan is afgesloten en kan niet meer worden gewijzigd.');
const staleVersion = () => new HttpError(409, 'stale_version', 'Er is intussen een nieuwere versie van dit plan gepubliceerd. Lees die eerst.');
const alreadySigned = () => new HttpError(409, 'already_signed', 'Op deze versie is al gereageerd met een handtekening; een tweede kan niet.');
const noVersion = () => notFound('Deze versie van het plan');

/** A version number in a route (`/versions/:number`), or 0 (no such version). */
const versionNumber = (raw: string) => (/^\d{1,6}$/.test(raw) ? Number(raw) : 0);

/** A response the version does not allow (kind) or without the zienswijze it needs (statement): 422 on that field. */
function checkOrRefuse(requirement: SignatureRequirement, kind: ResponseKind, statement: string) {
  const problem = checkResponse(requirement, { kind, statement });
  if (problem) throw invalid({ [allowedResponses(requirement).includes(kind) ? 'statement' : 'kind']: problem }, problem);
}

export async function supportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  function entries(req: FastifyRequest, pupilIds: readonly number[], action: string, entity: 'support_plan' | 'support_level', entityId: number | null, detail: Record<string, unknown> = {}): AuditEntry[] {
    const user = requireUser(req);
    const { schoolId, pupilId } = req.pupilScope!;
    return pupilIds.map((id) => ({
      actorId: user.userId, schoolId, pupilId: id, action, entity, entityId,
      detail: { route: req.routeOptions.url, ...(id !== pupilId ? { via: pupilId } : {}), ...detail }, ip: req.ip,
    }));
  }

  const canEdit = (req: FastifyRequest) => decidePupil(requireUser(req), 'pupil.editCare', req.pupilScope!.relation).allow;

  /** The staff plan page for the route's pupil, built outside any transaction (it asks the policy about the other pupils). */
  async function staffPlanView(req: FastifyRequest, plan: PlanRecord) {
    const { pupilId, schoolId } = req.pupilScope!;
    const { settings, sector } = await supportSettingsOf(db, schoolId);
    const ids = (await planPupils(db, plan.id)).map((p) => p.id);
    const visible = new Set((await visiblePupils(req, ids, 'pupil.viewCare')).keys());
    return planView(db, plan, pupilId, { settings, sector, requirement: signatureRequirement(plan.kind, settings), visible, canEdit: canEdit(req) });
  }

  async function pupilsOfPlan(tx: DbOrTx, planId: number): Promise<number[]> {
    return (await rows<{ pupil_id: number }>(tx, sql`select pupil_id from support_plan_pupils where plan_id = ${planId} order by pupil_id`)).map((x) => x.pupil_id);
  }

  /**
   * Stores a changed plan: `set` on top of the version bump, only when the stored version is still `version` and the plan
   * is not closed; 409 conflict (or plan_closed) otherwise. Audits `action` for every pupil of the plan.
   */
  async function writePlan(req: FastifyRequest, plan: PlanRecord, version: number, set: ReturnType<typeof sql>, action: string, detail: Record<string, unknown>) {
    await db.transaction(async (tx) => {
      const [updated] = await rows<{ id: number }>(tx, sql`update support_plans set ${set}, version = version + 1, updated_by = ${requireUser(req).userId}, updated_at = now()
        where id = ${plan.id} and version = ${version} and status <> 'closed' returning id`);
      if (!updated) {
        const [now] = await rows<{ status: string }>(tx, sql`select status from support_plans where id = ${plan.id}`);
        throw now?.status === 'closed' ? planClosed() : conflict();
      }
      await audit(tx, entries(req, await pupilsOfPlan(tx, plan.id), action, 'support_plan', plan.id, detail));
    });
  }

  const docDates = (doc: SupportPlanDoc) => sql`doc = ${JSON.stringify(doc)}::jsonb, starts_on = ${doc.startsOn}::date, ends_on = ${doc.endsOn}::date`;

  // ---- The pupil's support page ----

  r.get('/api/pupils/:id/support', {
    config: { access: { kind: 'pupil', action: 'pupil.viewCare' } },
    schema: { tags: ['support'], params: idParams },
  }, async (req): Promise<PupilSupportView> => {
    const { pupilId, schoolId } = req.pupilScope!;
    const today = clock.today();
    const pupil = await pupilBasics(db, pupilId, today);
    const { settings, sector } = await supportSettingsOf(db, schoolId);
    const levels = (await levelHistories(db, [pupilId])).get(pupilId) ?? [];
    const periods = await schoolPeriods(db, schoolId);
    const kinds = (await activePlanKinds(db, [pupilId])).get(pupilId) ?? [];
    const plans = await rows<{ id: number; kind: SupportPlanKind; title: string; status: SupportPlanStatus; startsOn: string | null; endsOn: string | null; extensions: number; pupilCount: number; doc: SupportPlanDoc; updatedAt: string }>(db, sql`
      select p.id, p.kind, p.title, p.status, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.extensions, p.doc,
        (select count(*)::int from support_plan_pupils x where x.plan_id = p.id) as "pupilCount", ${isoTimestamp(sql.raw('p.updated_at'))} as "updatedAt"
      from support_plans p join support_plan_pupils pp on pp.plan_id = p.id
      where pp.pupil_id = ${pupilId} order by (p.status = 'closed'), p.updated_at desc, p.id desc`);
    const ids = plans.map((p) => p.id);
    const states = await signatureStates(db, ids);
    const hashes = await latestHashes(db, ids);
    const candidate = (await oppCandidateFor(db, schoolId, sector, [pupilId], settings)).get(pupilId) ?? [];
    const groupPlanLinks = await groupPlanLinksOf(db, pupilId, today);
    await audit(db, entries(req, [pupilId], 'read', 'support_level', pupilId, { part: 'support' }));
    return {
      pupil: { id: pupil.id, name: pupil.name, groupName: pupil.groupName, schoolId: pupil.schoolId, sector: pupil.sector },
      settings, currentLevel: currentLevelEntry(levels, today), levels,
      warnings: levelWarnings(settings, levels, periods, today, kinds),
      plans: plans.map((p) => {
        const state = states.get(p.id);
        return {
          id: p.id, kind: p.kind, title: p.title, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn, extensions: Number(p.extensions),
          pupilCount: p.pupilCount, latestVersion: state?.latestVersion ?? 0,
          signatures: state && state.latestVersion > 0 ? state.perPupil[pupilId] ?? null : null,
          unpublishedChanges: hasUnpublishedChanges(p, hashes.get(p.id) ?? null), updatedAt: p.updatedAt,
        };
      }),
      oppCandidate: { candidate: candidate.length > 0, reasons: candidate },
      groupPlanLinks,
      can: { edit: canEdit(req) },
    };
  });

  // ---- Levels ----

  r.post('/api/pupils/:id/support-levels', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: idParams, body: levelBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const today = clock.today();
    const b = req.body;
    const { settings } = await supportSettingsOf(db, schoolId);
    const entry = await db.transaction(async (tx) => {
      // The pupil row serialises level changes of one pupil (two at once would both close the same current entry).
      await tx.execute(sql`select id from pupils where id = ${pupilId} for update`);
      const [cur] = await rows<Parameters<typeof toLevelEntry>[0]>(tx, sql`select ${LEVEL_COLUMNS} from support_levels
        where pupil_id = ${pupilId} and ends_on is null order by starts_on desc, id desc limit 1`);
      const current = cur ? toLevelEntry(cur) : null;
      const problem = checkLevelEntry(settings, { level: b.level, startsOn: b.startsOn }, current, today);
      if (problem) throw invalid({ [levelDef(settings, b.level) ? 'startsOn' : 'level']: problem }, problem);
      if (b.consentOn && b.consentOn > today) throw invalid({ consentOn: 'De datum van de toestemming ligt in de toekomst.' });
      if (current) await tx.execute(sql`update support_levels set ends_on = ${b.startsOn}::date where id = ${current.id}`);
      const [created] = await rows<Parameters<typeof toLevelEntry>[0]>(tx, sql`
        insert into support_levels (school_id, pupil_id, level, starts_on, reason, question, decided_by, decided_by_name, meeting, consent_on, consent_note, created_by)
        values (${schoolId}, ${pupilId}, ${b.level}, ${b.startsOn}::date, ${b.reason.trim()}, ${b.question.trim()}, ${user.userId}, ${user.name}, ${b.meeting.trim()},
          ${b.consentOn}::date, ${b.consentNote.trim()}, ${user.userId})
        returning ${LEVEL_COLUMNS}`);
      await audit(tx, entries(req, [pupilId], 'create', 'support_level', created.id, { level: b.level, startsOn: b.startsOn, closed: current?.id ?? null }));
      return toLevelEntry(created);
    });
    const history = (await levelHistories(db, [pupilId])).get(pupilId) ?? [];
    const kinds = (await activePlanKinds(db, [pupilId])).get(pupilId) ?? [];
    const warnings = levelWarnings(settings, history, await schoolPeriods(db, schoolId), today, kinds);
    return reply.status(201).send({ entry, warnings });
  });

  r.patch('/api/pupils/:id/support-levels/:levelId', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), levelId: z.string() }), body: levelPatchBody },
  }, async (req): Promise<LevelEntry> => {
    const { pupilId } = req.pupilScope!;
    const levelId = /^\d{1,9}$/.test(req.params.levelId) ? Number(req.params.levelId) : 0;
    const b = req.body;
    if (b.consentOn && b.consentOn > clock.today()) throw invalid({ consentOn: 'De datum van de toestemming ligt in de toekomst.' });
    const text = (v: string | undefined) => (v === undefined ? null : v.trim());
    return db.transaction(async (tx) => {
      const [updated] = await rows<Parameters<typeof toLevelEntry>[0]>(tx, sql`update support_levels set
          reason = coalesce(${text(b.reason)}, reason), question = coalesce(${text(b.question)}, question), meeting = coalesce(${text(b.meeting)}, meeting),
          consent_on = ${b.consentOn === undefined ? sql`consent_on` : sql`${b.consentOn}::date`}, consent_note = coalesce(${text(b.consentNote)}, consent_note)
        where id = ${levelId} and pupil_id = ${pupilId} returning ${LEVEL_COLUMNS}`);
      if (!updated) throw notFound('Dit niveau');
      await audit(tx, entries(req, [pupilId], 'update', 'support_level', levelId, { changed: Object.keys(b) }));
      return toLevelEntry(updated);
    });
  });

  // ---- Plans ----

  r.post('/api/pupils/:id/plans', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: idParams, body: createPlanBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const today = clock.today();
    const b = req.body;
    const { settings } = await supportSettingsOf(db, schoolId);
    const extra = [...new Set((b.pupilIds ?? []).filter((id) => id !== pupilId))];
    if (extra.length > 0) {
      if (b.kind !== 'actionPlan') throw invalid({ pupilIds: 'Een OPP is voor één leerling; alleen een handelingsplan kan voor meer leerlingen zijn.' });
      const allowed = await visiblePupils(req, extra, 'pupil.editCare');
      if (extra.some((id) => allowed.get(id)?.schoolId !== schoolId)) {
        throw invalid({ pupilIds: 'Voeg alleen leerlingen van deze school toe die u zelf begeleidt.' });
      }
    }
    let format: ActionPlanDoc['format'] = 'crossSubject';
    let subject = '';
    if (b.kind === 'actionPlan') {
      format = b.format ?? 'crossSubject';
      subject = format === 'subject' ? (b.subject ?? '') : '';
      if (format === 'subject' && !(DOMAINS as readonly string[]).includes(subject)) throw invalid({ subject: 'Kies het vakgebied van dit vakspecifieke plan.' });
    }
    // The groepsplan row (Bijlage 12/13: "gekoppeld aan de groepsplanregel"): one of this year's rows that include the pupil.
    let rowGoals: Goal[] | null = null;
    const groupPlanId = b.groupPlanId ?? null;
    const groupPlanRow = b.groupPlanRow ?? null;
    if (groupPlanId != null || groupPlanRow != null) {
      if (b.kind !== 'actionPlan') throw invalid({ groupPlanId: 'Alleen een handelingsplan wordt aan een groepsplanrij gekoppeld.' });
      const links = await groupPlanLinksOf(db, pupilId, today);
      if (!links.some((l) => l.planId === groupPlanId && l.rowKey === groupPlanRow)) {
        throw invalid({ groupPlanRow: 'Kies een rij van een groepsplan van dit schooljaar waarin deze leerling staat.' });
      }
      const [gp] = await rows<{ doc: PlanDocument }>(db, sql`select doc from group_plans where id = ${groupPlanId}`);
      rowGoals = gp.doc.rows.find((x) => x.key === groupPlanRow)?.goals ?? [];
    }
    const previousPlanId = b.previousPlanId ?? null;
    if (previousPlanId != null) {
      const [prev] = await rows<{ id: number }>(db, sql`select plan_id as id from support_plan_pupils where plan_id = ${previousPlanId} and pupil_id = ${pupilId}`);
      if (!prev) throw invalid({ previousPlanId: 'Het vorige plan is geen plan van deze leerling.' });
    }
    if (b.decidedOn && b.decidedOn > today) throw invalid({ decidedOn: 'De datum van het besluit ligt in de toekomst.' });

    // Prefill (less writing): the needs of the pupil's latest groepsoverzicht line, its factors (OPP) and the groepsplan
    // row's goals (handelingsplan: new keys, evaluation cleared), the term from the school's bounds.
    const line = await latestOverviewLine(db, pupilId);
    let doc: SupportPlanDoc;
    let decidedOn: string | null = null;
    if (b.kind === 'actionPlan') {
      const endsOn = suggestedEnd(settings, today);
      const fromRow = (rowGoals ?? []).map((g, i): Goal => ({ ...g, key: `g${i + 1}`, dueOn: endsOn, result: null, resultNote: '', attainment: {}, carriedFrom: null }));
      const fromNeeds = (line?.needs ?? [])
        .filter((n) => n.goal.trim() && (format !== 'subject' || n.domain === subject))
        .map((n, i) => emptyGoal(`g${i + 1}`, n.domain, endsOn, n.goal.trim()));
      doc = { ...blankActionPlan(format, subject, today, endsOn), needs: needsText(line), goals: (rowGoals ? fromRow : fromNeeds).slice(0, 20) };
    } else {
      const opp = blankDevelopmentPerspective(today, addMonths(today, settings.developmentPerspective.evaluationMonths));
      const factor = (text: string | undefined) => (text?.trim() ? [{ area: 'pupil' as const, text: text.trim() }] : []);
      doc = { ...opp, needs: needsText(line), stimulatingFactors: factor(line?.stimulating), hinderingFactors: factor(line?.hindering) };
      const current = currentLevelEntry((await levelHistories(db, [pupilId])).get(pupilId) ?? [], today);
      const atOppLevel = current && levelDef(settings, current.level)?.planType === 'developmentPerspective' ? current.startsOn : null;
      decidedOn = b.decidedOn ?? atOppLevel ?? today;
    }

    const planId = await db.transaction(async (tx) => {
      await tx.execute(sql`select id from pupils where id = ${pupilId} for update`);
      if (b.kind === 'developmentPerspective') {
        const [open] = await rows<{ id: number }>(tx, sql`select p.id from support_plans p join support_plan_pupils pp on pp.plan_id = p.id
          where pp.pupil_id = ${pupilId} and p.kind = 'developmentPerspective' and p.status <> 'closed' limit 1`);
        if (open) throw new HttpError(409, 'opp_exists', 'Deze leerling heeft al een OPP dat niet is afgesloten. Werk dat plan bij of sluit het eerst af.', undefined, { planId: open.id });
      }
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into support_plans (school_id, kind, title, doc, starts_on, ends_on, decided_on, group_plan_id, group_plan_row, previous_plan_id, created_by, updated_by)
        values (${schoolId}, ${b.kind}, ${b.title}, ${JSON.stringify(doc)}::jsonb, ${doc.startsOn}::date, ${doc.endsOn}::date, ${decidedOn}::date,
          ${groupPlanId}, ${groupPlanRow}, ${previousPlanId}, ${user.userId}, ${user.userId}) returning id`);
      const members = [pupilId, ...extra];
      await tx.execute(sql`insert into support_plan_pupils (plan_id, pupil_id) select ${created.id}, x from unnest(${intArray(members)}) as x`);
      await audit(tx, entries(req, members, 'create', 'support_plan', created.id, { kind: b.kind }));
      return created.id;
    });
    return reply.status(201).send(await staffPlanView(req, await planOfPupil(db, pupilId, planId)));
  });

  r.get('/api/pupils/:id/plans/:planId', {
    config: { access: { kind: 'pupil', action: 'pupil.viewCare' } },
    schema: { tags: ['support'], params: planParams },
  }, async (req) => {
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, req.params.planId);
    const view = await staffPlanView(req, plan);
    await audit(db, entries(req, await pupilsOfPlan(db, plan.id), 'read', 'support_plan', plan.id));
    return view;
  });

  /** Instruments named in a document must be the school's; goal and domain keys unique. */
  async function checkDoc(doc: SupportPlanDoc, schoolId: number) {
    const fields: Record<string, string> = {};
    const goalLists: [string, Goal[]][] = doc.kind === 'actionPlan' ? [['doc.goals', doc.goals]] : doc.domains.map((d, i) => [`doc.domains.${i}.goals`, d.goals]);
    const ids = new Set<number>();
    const keys = new Set<string>();
    for (const [path, goals] of goalLists) {
      goals.forEach((g, j) => {
        if (keys.has(g.key)) fields[`${path}.${j}.key`] = 'Twee doelen hebben dezelfde sleutel.';
        keys.add(g.key);
        if (g.instrumentId != null) ids.add(g.instrumentId);
      });
    }
    if (doc.kind === 'developmentPerspective') {
      const domainKeys = new Set<string>();
      doc.domains.forEach((d, i) => {
        if (domainKeys.has(d.key)) fields[`doc.domains.${i}.key`] = 'Twee domeinen hebben dezelfde sleutel.';
        domainKeys.add(d.key);
        if (d.instrumentId != null) ids.add(d.instrumentId);
      });
    }
    if (doc.startsOn && doc.endsOn && doc.endsOn < doc.startsOn) fields['doc.endsOn'] = 'De einddatum ligt vóór de startdatum.';
    if (ids.size > 0) {
      // (A goal's instrument id is validated as any positive integer; one beyond the database's range is simply unknown.)
      const inRange = [...ids].filter((id) => id <= 2_147_483_647);
      const known = new Set((await rows<{ id: number }>(db, sql`select id from instruments where school_id = ${schoolId} and id = any(${intArray(inRange)})`)).map((x) => x.id));
      if ([...ids].some((id) => !known.has(id))) fields['doc'] = 'Een doel of domein noemt een toets die de school niet heeft.';
    }
    if (Object.keys(fields).length) throw invalid(fields);
  }

  r.put('/api/pupils/:id/plans/:planId', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: savePlanBody },
  }, async (req) => {
    const { pupilId, schoolId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    const { title, version } = req.body;
    const doc = withoutEmptyRows(req.body.doc);
    if (doc.kind !== plan.kind) throw invalid({ 'doc.kind': 'Het soort plan kan niet veranderen.' });
    await checkDoc(doc, schoolId);
    await writePlan(req, plan, version, sql`title = ${title}, ${docDates(doc)}`, 'update', { part: 'doc' });
    return staffPlanView(req, await planOfPupil(db, pupilId, plan.id));
  });

  r.post('/api/pupils/:id/plans/:planId/publish', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: z.object(versionBody) },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    if (plan.version !== req.body.version) throw conflict();
    // A plan for several pupils goes to every pupil's parents: it is not published while it names one of them.
    const names = forbiddenNames(await planPupils(db, plan.id));
    const [named] = namesInDoc(plan.doc, names, plan.title);
    if (named) {
      throw new HttpError(422, 'pupil_names', `De naam ‘${named.name}’ staat in ${fieldLabel(named.field)}; een plan voor meer leerlingen wordt pas gepubliceerd als het geen leerling meer noemt.`);
    }
    const hash = contentHash(plan.title, plan.doc);
    const latest = (await latestHashes(db, [plan.id])).get(plan.id) ?? null;
    if (latest === hash) throw new HttpError(422, 'no_changes', 'Deze tekst is al zo gepubliceerd; er is niets nieuws om te delen.');
    const next = statusAfterPublish(plan.status);
    await db.transaction(async (tx) => {
      const [updated] = await rows<{ id: number }>(tx, sql`update support_plans set status = ${next}, version = version + 1, updated_by = ${user.userId}, updated_at = now()
        where id = ${plan.id} and version = ${req.body.version} and status <> 'closed' returning id`);
      if (!updated) throw conflict();
      const [{ n }] = await rows<{ n: number }>(tx, sql`select coalesce(max(number), 0)::int + 1 as n from support_plan_versions where plan_id = ${plan.id}`);
      await tx.execute(sql`insert into support_plan_versions (plan_id, number, title, doc, content_hash, published_by, published_by_name)
        values (${plan.id}, ${n}, ${plan.title}, ${JSON.stringify(plan.doc)}::jsonb, ${hash}, ${user.userId}, ${user.name})`);
      await audit(tx, entries(req, await pupilsOfPlan(tx, plan.id), 'publish', 'support_plan', plan.id, { number: n, contentHash: hash }));
    });
    return staffPlanView(req, await planOfPupil(db, pupilId, plan.id));
  });

  r.put('/api/pupils/:id/plans/:planId/status', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: statusBody },
  }, async (req) => {
    const { pupilId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    const to = req.body.status;
    if (!canSetStatus(plan.kind, plan.status, to)) {
      const message = plan.status === 'closed' ? 'Dit plan is afgesloten.'
        : plan.status === 'draft' && to === 'active' ? 'Een concept wordt actief door het te publiceren voor de ouders.'
          : to === 'evaluated' && plan.kind !== 'actionPlan' ? 'Een OPP wordt geëvalueerd in een gesprek met de ouders, niet met deze status.'
            : 'Deze statuswijziging kan niet.';
      throw new HttpError(422, 'status', message);
    }
    if (to === 'evaluated' && plan.doc.kind === 'actionPlan') {
      const problems = evaluationFindings(plan.doc);
      if (problems.length) throw new HttpError(422, 'evaluation_incomplete', 'De evaluatie is nog niet af: geef bij elk doel het resultaat en kies een besluit.', undefined, { problems });
    }
    await writePlan(req, plan, req.body.version, sql`status = ${to}`, 'update', { part: 'status', from: plan.status, to });
    return staffPlanView(req, await planOfPupil(db, pupilId, plan.id));
  });

  r.post('/api/pupils/:id/plans/:planId/extend', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: extendBody },
  }, async (req) => {
    const { pupilId, schoolId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    if (plan.doc.kind !== 'actionPlan') throw new HttpError(422, 'extension', 'Alleen een handelingsplan wordt verlengd; een OPP krijgt een nieuwe einddatum in het plan zelf.');
    if (plan.status === 'draft') throw new HttpError(422, 'extension', 'Een concept wordt niet verlengd: pas de einddatum in het plan aan.');
    const { settings } = await supportSettingsOf(db, schoolId);
    const refusal = checkExtension(settings, plan.doc, plan.extensions, req.body.endsOn);
    if (refusal) throw new HttpError(422, 'extension', refusal, { endsOn: refusal });
    const doc: ActionPlanDoc = { ...plan.doc, endsOn: req.body.endsOn };
    await writePlan(req, plan, req.body.version, sql`${docDates(doc)}, extensions = extensions + 1, status = 'active'`, 'update',
      { part: 'extension', from: plan.doc.endsOn, to: req.body.endsOn });
    return staffPlanView(req, await planOfPupil(db, pupilId, plan.id));
  });

  r.post('/api/pupils/:id/plans/:planId/follow-up', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: z.object(versionBody) },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    if (plan.doc.kind !== 'actionPlan') throw new HttpError(422, 'follow_up', 'Alleen op een handelingsplan volgt een vervolgplan.');
    if (plan.status === 'draft') throw new HttpError(422, 'follow_up', 'Publiceer en evalueer het plan eerst; daarna volgt een vervolgplan.');
    const { settings } = await supportSettingsOf(db, schoolId);
    const old = plan.doc;
    const startsOn = old.endsOn ?? clock.today();
    const endsOn = suggestedEnd(settings, startsOn);
    const doc: ActionPlanDoc = {
      ...old, startsOn, endsOn,
      goals: old.goals.filter((g) => g.result !== 'achieved').map((g, i) => ({ ...g, key: `g${i + 1}`, dueOn: endsOn, result: null, resultNote: '', attainment: {}, carriedFrom: g.key })),
      evaluation: { summary: '', decision: null },
    };
    const title = `${plan.title} (vervolg)`.slice(0, 200);
    const planId = await db.transaction(async (tx) => {
      const [closed] = await rows<{ id: number }>(tx, sql`update support_plans set status = 'closed', version = version + 1, updated_by = ${user.userId}, updated_at = now()
        where id = ${plan.id} and version = ${req.body.version} and status <> 'closed' returning id`);
      if (!closed) throw conflict();
      const members = await pupilsOfPlan(tx, plan.id);
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into support_plans (school_id, kind, title, doc, starts_on, ends_on, group_plan_id, group_plan_row, previous_plan_id, created_by, updated_by)
        values (${plan.schoolId}, 'actionPlan', ${title}, ${JSON.stringify(doc)}::jsonb, ${startsOn}::date, ${endsOn}::date, ${plan.groupPlanId}, ${plan.groupPlanRow},
          ${plan.id}, ${user.userId}, ${user.userId}) returning id`);
      await tx.execute(sql`insert into support_plan_pupils (plan_id, pupil_id) select ${created.id}, x from unnest(${intArray(members)}) as x`);
      await audit(tx, [
        ...entries(req, members, 'update', 'support_plan', plan.id, { part: 'status', from: plan.status, to: 'closed', followUp: created.id }),
        ...entries(req, members, 'create', 'support_plan', created.id, { previousPlanId: plan.id }),
      ]);
      return created.id;
    });
    return reply.status(201).send({ planId });
  });

  r.delete('/api/pupils/:id/plans/:planId', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams },
  }, async (req, reply) => {
    const { pupilId } = req.pupilScope!;
    await db.transaction(async (tx) => {
      const plan = await planOfPupil(tx, pupilId, req.params.planId, true);
      const [published] = await rows(tx, sql`select 1 from support_plan_versions where plan_id = ${plan.id} limit 1`);
      if (published) throw new HttpError(409, 'published', 'Dit plan is met de ouders gedeeld en blijft bewaard; sluit het af in plaats van het te verwijderen.');
      if (plan.status !== 'draft') throw new HttpError(409, 'published', 'Alleen een concept kan worden verwijderd; dit plan is al afgesloten en blijft bewaard.');
      const members = await pupilsOfPlan(tx, plan.id);
      await tx.execute(sql`delete from support_plans where id = ${plan.id}`);
      await audit(tx, entries(req, members, 'delete', 'support_plan', plan.id, { title: plan.title }));
    });
    return reply.status(204).send();
  });

  // ---- Meetings with parents, notes ----

  r.post('/api/pupils/:id/plans/:planId/meetings', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: meetingBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, req.params.planId);
    const m = req.body;
    const id = await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into support_plan_meetings (plan_id, held_on, purpose, participants, subject, agreements, school_view, parent_view, disagreement,
          consequences_explained, earlier_meeting_on, created_by, updated_by)
        values (${plan.id}, ${m.heldOn}::date, ${m.purpose}, ${m.participants}, ${m.subject}, ${m.agreements}, ${m.schoolView}, ${m.parentView},
          ${m.disagreement}, ${m.consequencesExplained}, ${m.earlierMeetingOn}::date, ${user.userId}, ${user.userId}) returning id`);
      await audit(tx, entries(req, await pupilsOfPlan(tx, plan.id), 'create', 'support_plan', plan.id, { part: 'meeting', meetingId: created.id }));
      return created.id;
    });
    return reply.status(201).send((await meetingsOf(db, plan.id, id))[0]);
  });

  r.put('/api/pupils/:id/plans/:planId/meetings/:meetingId', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), meetingId: z.string() }), body: meetingUpdateBody },
  }, async (req) => {
    const user = requireUser(req);
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, req.params.planId);
    const meetingId = /^\d{1,9}$/.test(req.params.meetingId) ? Number(req.params.meetingId) : 0;
    const m = req.body;
    await db.transaction(async (tx) => {
      const [updated] = await rows<{ id: number }>(tx, sql`update support_plan_meetings set held_on = ${m.heldOn}::date, purpose = ${m.purpose},
          participants = ${m.participants}, subject = ${m.subject}, agreements = ${m.agreements}, school_view = ${m.schoolView}, parent_view = ${m.parentView},
          disagreement = ${m.disagreement}, consequences_explained = ${m.consequencesExplained}, earlier_meeting_on = ${m.earlierMeetingOn}::date,
          version = version + 1, updated_by = ${user.userId}, updated_at = now()
        where id = ${meetingId} and plan_id = ${plan.id} and version = ${m.version} returning id`);
      if (!updated) {
        const [exists] = await rows(tx, sql`select 1 from support_plan_meetings where id = ${meetingId} and plan_id = ${plan.id}`);
        throw exists ? conflict() : notFound('Dit oudergesprek');
      }
      await audit(tx, entries(req, await pupilsOfPlan(tx, plan.id), 'update', 'support_plan', plan.id, { part: 'meeting', meetingId }));
    });
    return (await meetingsOf(db, plan.id, meetingId))[0];
  });

  r.post('/api/pupils/:id/plans/:planId/notes', {
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: planParams, body: noteBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, req.params.planId);
    if (req.body.notedOn > clock.today()) throw invalid({ notedOn: 'Een notitie gaat over wat al gebeurd is: kies vandaag of een eerdere datum.' });
    const id = await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number }>(tx, sql`insert into support_plan_notes (plan_id, noted_on, text, author_id, author_name)
        values (${plan.id}, ${req.body.notedOn}::date, ${req.body.text}, ${user.userId}, ${user.name}) returning id`);
      await audit(tx, entries(req, await pupilsOfPlan(tx, plan.id), 'create', 'support_plan', plan.id, { part: 'note', noteId: created.id }));
      return created.id;
    });
    return reply.status(201).send((await notesOf(db, plan.id, id))[0]);
  });

  // ---- Signatures on paper, scans, PDFs ----

  /** The plan's version `number`, which must be its latest (responses bind to the text that is current). */
  async function latestVersionOf(tx: DbOrTx, planId: number, number: number) {
    // The plan row is shared-locked: a concurrent publish or close waits, so a response never lands on a replaced version
    // or a closed plan.
    const [plan] = await rows<{ status: string }>(tx, sql`select status from support_plans where id = ${planId} for share`);
    if (plan?.status === 'closed') throw planClosed();
    const [v] = await rows<{ id: number; number: number; content_hash: string; latest: number }>(tx, sql`
      select v.id, v.number, v.content_hash, (select max(number) from support_plan_versions where plan_id = ${planId})::int as latest
      from support_plan_versions v where v.plan_id = ${planId} and v.number = ${number}`);
    if (!v) throw noVersion();
    if (v.number !== v.latest) throw staleVersion();
    return v;
  }

  async function signedAlready(tx: DbOrTx, versionId: number, pupilId: number, guardianId: number): Promise<boolean> {
    const [found] = await rows(tx, sql`select 1 from support_plan_responses where version_id = ${versionId} and pupil_id = ${pupilId}
      and guardian_id = ${guardianId} and kind <> 'comment'`);
    return found != null;
  }

  r.post('/api/pupils/:id/plans/:planId/versions/:number/paper', {
    bodyLimit: 8 * 1024 * 1024,
    config: { access: { kind: 'pupil', action: 'pupil.editCare' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), number: z.string() }), body: paperBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    const b = req.body;
    const guardian = (await guardiansOf(db, pupilId)).find((g) => g.id === b.guardianId);
    if (!guardian) throw invalid({ guardianId: 'Kies een ouder of verzorger van deze leerling.' });
    if (!guardian.hasAuthority) throw invalid({ guardianId: 'Alleen een ouder met gezag kan tekenen of instemmen.' });
    if (b.signedOn > clock.today()) throw invalid({ signedOn: 'De datum van ondertekening ligt in de toekomst.' });
    const { settings } = await supportSettingsOf(db, schoolId);
    checkOrRefuse(signatureRequirement(plan.kind, settings), b.kind, b.statement);
    const bytes = Buffer.from(b.scan.dataBase64, 'base64');
    if (bytes.length === 0) throw invalid({ 'scan.dataBase64': 'Upload de scan.' });
    if (bytes.length > SCAN_MAX_BYTES) throw invalid({ 'scan.dataBase64': 'De scan is groter dan 5 MB.' });
    const number = versionNumber(req.params.number);
    let responseId = 0;
    try {
      responseId = await db.transaction(async (tx) => {
        const v = await latestVersionOf(tx, plan.id, number);
        if (b.kind !== 'comment' && await signedAlready(tx, v.id, pupilId, guardian.id)) throw alreadySigned();
        const [scan] = await rows<{ id: number }>(tx, sql`insert into support_plan_scans (plan_id, filename, mime, bytes, size, uploaded_by)
          values (${plan.id}, ${b.scan.filename}, ${b.scan.mime}, decode(${b.scan.dataBase64}, 'base64'), ${bytes.length}, ${user.userId}) returning id`);
        const [created] = await rows<{ id: number }>(tx, sql`insert into support_plan_responses (plan_id, version_id, pupil_id, guardian_id, guardian_name, kind,
            statement, method, content_hash, signed_on, recorded_by, recorded_by_name, scan_id)
          values (${plan.id}, ${v.id}, ${pupilId}, ${guardian.id}, ${guardian.name}, ${b.kind}, ${b.statement.trim()}, 'paper', ${v.content_hash},
            ${b.signedOn}::date, ${user.userId}, ${user.name}, ${scan.id}) returning id`);
        await audit(tx, entries(req, [pupilId], 'sign', 'support_plan', plan.id, { number, guardianId: guardian.id, kind: b.kind, method: 'paper', scanId: scan.id }));
        return created.id;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw alreadySigned();
      throw e;
    }
    const response = (await responsesOf(db, plan.id, pupilId)).find((x) => x.id === responseId)!;
    return reply.status(201).send(response);
  });

  r.get('/api/pupils/:id/plans/:planId/scans/:scanId', {
    config: { access: { kind: 'pupil', action: 'pupil.viewCare' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), scanId: z.string() }) },
  }, async (req, reply) => {
    const { pupilId } = req.pupilScope!;
    const plan = await planOfPupil(db, pupilId, req.params.planId);
    const scanId = /^\d{1,9}$/.test(req.params.scanId) ? Number(req.params.scanId) : 0;
    // Only scans given for this pupil (a multi-pupil plan holds other pupils' parents' scans too).
    const [scan] = await rows<{ filename: string; mime: string; data: string }>(db, sql`
      select s.filename, s.mime, encode(s.bytes, 'base64') as data from support_plan_scans s
      where s.id = ${scanId} and s.plan_id = ${plan.id}
        and exists (select 1 from support_plan_responses r where r.scan_id = s.id and r.pupil_id = ${pupilId})`);
    if (!scan) throw notFound('Deze scan');
    await audit(db, entries(req, [pupilId], 'read', 'support_plan', plan.id, { part: 'scan', scanId }));
    return reply.type(scan.mime).header('content-disposition', attachment(scan.filename)).send(Buffer.from(scan.data, 'base64'));
  });

  /** A version's PDF for the route's pupil (its guardians' signature block). */
  async function versionPdf(req: FastifyRequest, plan: PlanRecord, number: number) {
    const { pupilId, schoolId } = req.pupilScope!;
    const versions = await versionsOf(db, plan.id);
    const version = versions.find((v) => v.number === number);
    if (!version) throw noVersion();
    const { settings } = await supportSettingsOf(db, schoolId);
    const requirement = signatureRequirement(plan.kind, settings);
    const guardians = await guardiansOf(db, pupilId);
    const [view] = versionViews([version], await responsesOf(db, plan.id, pupilId), requirement, guardians);
    const pupils = await planPupils(db, plan.id);
    const pupil = await pupilBasics(db, pupilId, clock.today());
    const pdf = await renderSupportPlanPdf({
      schoolName: pupil.schoolName,
      pupilLabel: pupils.length > 1 ? `${pupils.length} leerlingen` : pupil.name,
      plan: { kind: plan.kind, title: version.title, status: plan.status },
      version: view, requirement, guardians, generatedOn: clock.today(),
    });
    await audit(db, entries(req, pupils.map((p) => p.id), 'read', 'support_plan', plan.id, { part: 'pdf', number }));
    return { pdf, name: pdfFileName(plan.kind, version.title, number) };
  }

  r.get('/api/pupils/:id/plans/:planId/versions/:number/pdf', {
    config: { access: { kind: 'pupil', action: 'pupil.viewCare' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), number: z.string() }) },
  }, async (req, reply) => {
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, req.params.planId);
    const { pdf, name } = await versionPdf(req, plan, versionNumber(req.params.number));
    return reply.type('application/pdf').header('content-disposition', attachment(name)).send(pdf);
  });

  // ---- Parent portal: published versions only ----

  r.get('/api/pupils/:id/published-plans', {
    config: { access: { kind: 'pupil', action: 'pupil.viewPublished' } },
    schema: { tags: ['support'], params: idParams },
  }, async (req): Promise<PublishedPlansView> => {
    const user = requireUser(req);
    const { pupilId, relation } = req.pupilScope!;
    const pupil = await pupilBasics(db, pupilId, clock.today());
    const plans = await rows<{ id: number; kind: SupportPlanKind; title: string; status: SupportPlanStatus; published_at: string }>(db, sql`
      select p.id, p.kind, v.title, p.status, ${isoTimestamp(sql.raw('v.published_at'))} as published_at
      from support_plans p join support_plan_pupils pp on pp.plan_id = p.id
      join lateral (select title, published_at from support_plan_versions where plan_id = p.id order by number desc limit 1) v on true
      where pp.pupil_id = ${pupilId} order by v.published_at desc, p.id desc`);
    const states = await signatureStates(db, plans.map((p) => p.id));
    await audit(db, entries(req, [pupilId], 'read', 'support_plan', null, { part: 'published', plans: plans.map((p) => p.id) }));
    return {
      pupil: { id: pupil.id, name: pupil.name },
      plans: plans.map((p) => {
        const state = states.get(p.id)!;
        const signatures = state.perPupil[pupilId];
        const mine = signatures.guardians.find((g) => g.guardianId === user.userId);
        return {
          id: p.id, kind: p.kind, title: p.title, status: p.status, latestVersion: state.latestVersion, publishedAt: p.published_at,
          waitingForMe: relation.guardianWithAuthority && p.status !== 'closed' && mine?.outstanding === true, signatures,
        };
      }),
    };
  });

  /** A plan as the portal shows it: it must have been published (a draft does not exist for parents). */
  async function publishedPlan(req: FastifyRequest, rawPlanId: string) {
    const plan = await planOfPupil(db, req.pupilScope!.pupilId, rawPlanId);
    const versions = await versionsOf(db, plan.id);
    if (versions.length === 0) throw notFound('Dit plan');
    return { plan, versions };
  }

  r.get('/api/pupils/:id/published-plans/:planId', {
    config: { access: { kind: 'pupil', action: 'pupil.viewPublished' } },
    schema: { tags: ['support'], params: planParams },
  }, async (req): Promise<PublishedPlanView> => {
    const user = requireUser(req);
    const { pupilId, schoolId, relation } = req.pupilScope!;
    const { plan, versions } = await publishedPlan(req, req.params.planId);
    const { settings } = await supportSettingsOf(db, schoolId);
    const requirement = signatureRequirement(plan.kind, settings);
    const guardians = await guardiansOf(db, pupilId);
    const views = versionViews(versions, await responsesOf(db, plan.id, pupilId), requirement, guardians);
    const pupils = await pupilsOfPlan(db, plan.id);
    // A meeting of a shared plan is held with one family; other families do not read it.
    const meetings = pupils.length > 1 ? [] : await meetingsOf(db, plan.id);
    const mine = views[0].signatures.guardians.find((g) => g.guardianId === user.userId);
    await audit(db, entries(req, pupils, 'read', 'support_plan', plan.id, { part: 'published', number: versions[0].number }));
    return {
      id: plan.id, kind: plan.kind, title: versions[0].title, status: plan.status, requirement, versions: views, meetings,
      otherPupils: pupils.length - 1,
      canSign: relation.guardianWithAuthority && requirement !== 'none' && plan.status !== 'closed' && mine?.outstanding === true,
    };
  });

  r.get('/api/pupils/:id/published-plans/:planId/versions/:number/pdf', {
    config: { access: { kind: 'pupil', action: 'pupil.viewPublished' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), number: z.string() }) },
  }, async (req, reply) => {
    const { plan } = await publishedPlan(req, req.params.planId);
    const { pdf, name } = await versionPdf(req, plan, versionNumber(req.params.number));
    return reply.type('application/pdf').header('content-disposition', attachment(name)).send(pdf);
  });

  r.post('/api/pupils/:id/published-plans/:planId/versions/:number/responses', {
    config: { access: { kind: 'pupil', action: 'pupil.sign' } },
    schema: { tags: ['support'], params: z.object({ id: z.string(), planId: z.string(), number: z.string() }), body: responseBody },
  }, async (req, reply): Promise<ParentResponse> => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const { plan } = await publishedPlan(req, req.params.planId);
    if (plan.status === 'closed') throw planClosed();
    const number = versionNumber(req.params.number);
    const b = req.body;
    const { settings } = await supportSettingsOf(db, schoolId);
    const requirement = signatureRequirement(plan.kind, settings);
    let responseId = 0;
    try {
      responseId = await db.transaction(async (tx) => {
        const v = await latestVersionOf(tx, plan.id, number);
        if (v.content_hash !== b.contentHash) {
          throw new HttpError(409, 'hash_mismatch', 'De tekst waarop u reageert is niet de gepubliceerde tekst van deze versie. Laad de pagina opnieuw.');
        }
        checkOrRefuse(requirement, b.kind, b.statement);
        if (SIGNING_KINDS.includes(b.kind) && await signedAlready(tx, v.id, pupilId, user.userId)) throw alreadySigned();
        const [created] = await rows<{ id: number }>(tx, sql`insert into support_plan_responses (plan_id, version_id, pupil_id, guardian_id, guardian_name, kind,
            statement, method, content_hash, signed_on, recorded_by, recorded_by_name)
          values (${plan.id}, ${v.id}, ${pupilId}, ${user.userId}, ${user.name}, ${b.kind}, ${b.statement.trim()}, 'digital', ${v.content_hash},
            ${clock.today()}::date, ${user.userId}, ${user.name}) returning id`);
        await audit(tx, entries(req, [pupilId], 'sign', 'support_plan', plan.id, { number, kind: b.kind, method: 'digital', contentHash: v.content_hash }));
        return created.id;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw alreadySigned();
      throw e;
    }
    const response = (await responsesOf(db, plan.id, pupilId)).find((x) => x.id === responseId)!;
    return reply.status(201).send(response);
  });
}
