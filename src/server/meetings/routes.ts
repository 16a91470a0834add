// Meetings (issue 6): groepsbespreking, leerlingbespreking, care-team meeting, bilateraal overleg — scheduling, the
// generated agenda with its data points, the preparation checklist, participants (externals only with the parents'
// consent for every discussed pupil), questions, cases (pupil part visible per pupil through pupil.viewCare; others see a
// count), consents (append-only), minutes, actions and the action board, PDFs, and the pupil/parent routes.
// Meeting routes decide through decideMeeting (access kind 'list'); pupil routes through the pupil guard. Every pupil
// named in an answer is audited; notifications carry no pupil content.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decideGroup, decideMeeting, decideMeetingSchedule, decidePupil, type MeetingRelation } from '../../domain/access/policy';
import { agendaPoints, defaultAgenda, defaultTitle, groupWord, kindLabel } from '../../domain/meetings/agenda';
import { dutchDate } from '../../domain/school/periods';
import { checklistOpen, checklistView, unknownChecklistKeys } from '../../domain/meetings/checklist';
import { caseForms, minutesFields, missingRequired, publishedAgreements, unknownKeys } from '../../domain/meetings/forms';
import { loadGroupRelation } from '../access/relations';
import { schoolStaff, STAFF_ROLES } from '../school/staff';
import type { FormField, MeetingKind, MeetingStatus } from '../../domain/meetings/model';
import {
  canTransition, casesBlockingExternals, caseWarnings, checkParentsInformed, closeProblems, CONSENT_REQUIRED_MESSAGE, minutesMissing,
  meetingWarnings, nextFromRota, transitionMessage,
} from '../../domain/meetings/rules';
import type {
  ActionBoardView, CaseView, MeetingListView, MeetingSummary, MeetingView, ParentCasesView, ParentCaseView, PupilCasesView,
} from '../../domain/meetings/views';
import { authorizePupil, visiblePupils } from '../access/guard';
import { authorizeMeeting, meetingRelations, visibleMeetingIds } from '../access/meetings';
import { audit, type AuditEntry } from '../audit/audit';
import { intArray, isUniqueViolation, rows, type DbOrTx } from '../db/client';
import { attachment } from '../http/download';
import { requireUser, type SessionUser } from '../http/context';
import { forbidden, HttpError, invalid, notFound } from '../http/errors';
import { baseUrlOf, notify } from '../notifications/notify';
import { parseId } from '../access/guard';
import { currentLevelEntry } from '../../domain/support';
import { levelHistories } from '../support/facts';
import { latestOverviewLine, needsText } from '../support/repo';
import { renderMeetingPdf } from './pdf';
import {
  actionRecord, actionsOf, actionView, agendaFacts, agendaPupilIds, careCoordinators, caseRecord, casesOf, casesOfPupil, consentStates,
  externalsBlockCase, lockOpenMeetingsOf, meetingRecord, meetingRecords, meetingSettingsOf, meetingsWithExternals, openMeetingsWithExternalsFor, participantsOf, questionsOf, schoolActions,
  type CaseRecord, type MeetingRecord,
} from './repo';
import {
  actionBody, actionParams, actionPatch, boardQuery, caseBody, caseParams, casePatch, consentBody, createBody, idParams, listQuery,
  parentConsentBody, parentPartBody, participantBody, participantParams, participantPatch, patchBody, pdfQuery, questionBody,
} from './schemas';

export const staleVersion = () => new HttpError(409, 'stale_version', 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.');
const meetingClosed = () => new HttpError(409, 'meeting_closed', 'Het verslag van dit overleg is vastgesteld; heropen het overleg eerst.');
const meetingNotOpen = () => new HttpError(409, 'meeting_not_open', 'Bij dit overleg kunnen geen leerlingen of vragen meer worden ingebracht.');

const STAFF = new Set<string>(STAFF_ROLES);

const hasRole = (user: SessionUser, schoolId: number, roles: readonly string[]) =>
  user.grants.some((g) => g.schoolId === schoolId && roles.includes(g.role));

/** 422 on the keys of `values` the form does not have. */
function checkKeys(field: string, fields: readonly FormField[], values: Record<string, string> | undefined) {
  if (!values) return;
  const unknown = unknownKeys(fields, values);
  if (unknown.length > 0) throw invalid({ [field]: `Onbekend veld: ${unknown.join(', ')}.` });
}

function trimValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
}

export async function meetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;
  const baseUrl = baseUrlOf(app.ctx.config);
  const LIST = { access: { kind: 'list' as const } };

  const entry = (req: FastifyRequest, schoolId: number, pupilId: number, action: string, entity: string, entityId: number | null, detail: Record<string, unknown> = {}): AuditEntry => ({
    actorId: requireUser(req).userId, schoolId, pupilId, action, entity, entityId, detail: { route: req.routeOptions.url, ...detail }, ip: req.ip,
  });

  /** The school's staff ids; 422 on `field` when `ids` has someone else. */
  async function checkStaff(schoolId: number, fields: Record<string, number | null | undefined>) {
    const staff = new Set((await schoolStaff(db, schoolId)).map((s) => s.id));
    for (const [field, id] of Object.entries(fields)) {
      if (id != null && !staff.has(id)) throw invalid({ [field]: 'Deze persoon werkt niet op deze school.' });
    }
  }

  /** Cases, consent, visibility: what the rules about externals need for a meeting. */
  async function consentFacts(tx: DbOrTx, meetingId: number) {
    const cases = await casesOf(tx, [meetingId], clock.today());
    const states = await consentStates(tx, cases);
    return cases.map((c) => ({ caseId: c.id, pupilId: c.pupilId, name: c.pupilName, kind: c.kind, consent: states.get(c.id)?.state ?? 'none' as const }));
  }

  /**
   * A consent withdrawn or refused (decision 017: the latest row counts, for every meeting of the pupil) while externals
   * take part in an open meeting that discusses the pupil: its chair and the school's care coordinators are told, so
   * they can take the pupil off the agenda or the externals off the list. The notice names the meeting, not the pupil.
   */
  async function tellOfWithdrawnConsent(tx: DbOrTx, pupilId: number, schoolId: number, actorId: number) {
    const meetings = await openMeetingsWithExternalsFor(tx, pupilId, schoolId);
    if (meetings.length === 0) return;
    const coordinators = await careCoordinators(tx, schoolId);
    for (const m of meetings) {
      await notify(tx, baseUrl, { userIds: [...(m.chairId != null ? [m.chairId] : []), ...coordinators], except: actorId, schoolId,
        kind: 'consentWithdrawn', params: { meetingTitle: m.title, heldOn: m.heldOn }, link: `/overleg/${m.id}` });
    }
  }

  /** The 422 consent_required refusal, naming only pupils the user may see the care of. */
  async function consentRefusal(req: FastifyRequest, blocking: readonly { pupilId: number; name: string }[]) {
    const visible = await visiblePupils(req, blocking.map((b) => b.pupilId), 'pupil.viewCare');
    const shown = blocking.filter((b) => visible.has(b.pupilId));
    const hidden = blocking.length - shown.length;
    // Naming a pupil and their consent state is a read of their care data.
    await audit(db, shown.map((b) => entry(req, visible.get(b.pupilId)!.schoolId, b.pupilId, 'read', 'meeting_case', null, { part: 'consent_required' })));
    return new HttpError(422, 'consent_required', CONSENT_REQUIRED_MESSAGE(shown.map((b) => b.name), hidden), undefined, {
      pupils: shown.map((b) => ({ id: b.pupilId, name: b.name })), hiddenPupils: hidden,
    });
  }

  // ---- Views ----

  function caseView(c: CaseRecord, m: MeetingRecord, settings: Awaited<ReturnType<typeof meetingSettingsOf>>['settings'],
    consent: { state: CaseView['consent']; consents: CaseView['consents'] }, hasExternals: boolean, canEdit: boolean): CaseView {
    return {
      id: c.id, pupil: { id: c.pupilId, name: c.pupilName, groupName: c.groupName }, kind: c.kind,
      proposedBy: c.proposedBy != null || c.proposedByName ? { id: c.proposedBy ?? 0, name: c.proposedByName } : null,
      question: c.question, form: c.form, parentPart: c.parentPart, parentPartRequested: c.parentPartRequested, parentPartBy: c.parentPartBy,
      parentPartOn: c.parentPartOn, parentsInformed: c.parentsInformed, parentsInformedOn: c.parentsInformedOn, notInformedReason: c.notInformedReason,
      parentsToldOn: c.parentsToldOn, outcome: c.outcome, followUp: c.followUp,
      caseManager: c.caseManagerId != null ? { id: c.caseManagerId, name: c.caseManagerName ?? '' } : null,
      publishedToParents: c.publishedToParents, consent: consent.state, consents: consent.consents,
      warnings: caseWarnings(settings, {
        kind: c.kind, meetingKind: m.kind, heldOn: m.heldOn, proposedOn: c.proposedOn, form: c.form, parentsInformed: c.parentsInformed,
        notInformedReason: c.notInformedReason, parentsToldOn: c.parentsToldOn, consent: consent.state, hasExternals, status: m.status,
      }, clock.today()),
      version: c.version, can: { edit: canEdit },
    };
  }

  /** The meeting page for the request's user (audits every pupil it names). */
  async function meetingView(req: FastifyRequest, meetingId: number, rel: MeetingRelation): Promise<MeetingView> {
    const user = requireUser(req);
    const today = clock.today();
    const m = await meetingRecord(db, meetingId);
    const { settings } = await meetingSettingsOf(db, m.schoolId);
    const cases = await casesOf(db, [m.id], today);
    const participants = await participantsOf(db, m.id);
    const pupilIds = await agendaPupilIds(db, m, cases);
    const visible = await visiblePupils(req, pupilIds, 'pupil.viewCare');
    const editable = await visiblePupils(req, cases.map((c) => c.pupilId), 'pupil.editCare');
    // Taking part in a groepsbespreking does not open the group's care data (decision 017): the policy decides that too.
    const groupRel = m.groupId != null ? await loadGroupRelation(db, user.userId, m.groupId, today) : null;
    const groupCare = groupRel != null && decideGroup(user, 'group.viewCare', groupRel).allow;
    const facts = await agendaFacts(db, m, cases, settings, (id) => visible.has(id), today, groupCare);
    const states = await consentStates(db, cases);
    const hasExternals = participants.some((p) => p.kind === 'external');
    const canEditMeeting = decideMeeting(user, 'meeting.edit', rel).allow;
    const canContribute = decideMeeting(user, 'meeting.contribute', rel).allow;
    const open = m.status === 'planned' || m.status === 'held';
    const shownCases = cases.filter((c) => visible.has(c.pupilId));
    const caseViews = shownCases.map((c) => caseView(c, m, settings, states.get(c.id) ?? { state: 'none', consents: [] }, hasExternals,
      m.status !== 'closed' && m.status !== 'cancelled' && (editable.has(c.pupilId) || canEditMeeting)));
    const coordinator = hasRole(user, m.schoolId, ['care_coordinator']);
    const actions = (await actionsOf(db, m.id)).map((a) => actionView(a, today, {
      pupilVisible: a.pupilId == null || visible.has(a.pupilId),
      canComplete: a.ownerId === user.userId || coordinator, canEdit: canEditMeeting, viewerId: user.userId,
    }));
    const blocking = casesBlockingExternals(settings, cases.map((c) => ({ caseId: c.id, pupilId: c.pupilId, kind: c.kind, consent: states.get(c.id)?.state ?? 'none' })));
    const named = new Set<number>([
      ...shownCases.map((c) => c.pupilId), ...facts.signalled.map((s) => s.pupilId), ...facts.needsDraft.map((s) => s.pupilId),
      ...facts.referrals.map((s) => s.pupilId), ...actions.flatMap((a) => (a.pupil ? [a.pupil.id] : [])),
    ]);
    await audit(db, [...named].map((id) => entry(req, m.schoolId, id, 'read', 'meeting', m.id, { case: shownCases.find((c) => c.pupilId === id)?.id ?? null })));
    return {
      id: m.id, schoolId: m.schoolId, kind: m.kind, kindLabel: kindLabel(m.kind, settings), title: m.title, heldOn: m.heldOn, startsAt: m.startsAt,
      durationMinutes: m.durationMinutes, location: m.location,
      group: m.groupId != null ? { id: m.groupId, name: m.groupName ?? '' } : null,
      period: m.periodId != null ? { id: m.periodId, name: m.periodName ?? '' } : null,
      chair: m.chairId != null ? { id: m.chairId, name: m.chairName ?? '' } : null,
      minuteTaker: m.minuteTakerId != null ? { id: m.minuteTakerId, name: m.minuteTakerName ?? '' } : null,
      status: m.status, participants,
      agenda: m.agenda.map((item) => ({ ...item, points: agendaPoints(m.kind, item.key, facts) })),
      checklist: checklistView(m.kind, m.preparation),
      minutesForm: minutesFields(m.kind), minutes: m.minutes,
      questions: await questionsOf(db, m.id),
      cases: caseViews, hiddenCases: cases.length - shownCases.length, actions,
      caseForm: caseForms(m.kind),
      warnings: meetingWarnings({
        kind: m.kind, status: m.status, heldOn: m.heldOn, today, checklistOpen: checklistOpen(m.kind, m.preparation),
        externals: participants.filter((p) => p.kind === 'external').length,
        blockingNames: blocking.filter((b) => visible.has(b.pupilId)).map((b) => cases.find((c) => c.id === b.caseId)!.pupilName),
        blockingHidden: blocking.filter((b) => !visible.has(b.pupilId)).length, minutes: m.minutes,
      }),
      settings, version: m.version,
      can: {
        edit: canEditMeeting, addCase: canContribute && open, addQuestion: canContribute && open,
        close: canEditMeeting && (m.status === 'held' || (m.status === 'planned' && m.heldOn <= today)),
      },
    };
  }

  async function summaries(ids: readonly number[]): Promise<MeetingSummary[]> {
    const list = await meetingRecords(db, ids);
    if (list.length === 0) return [];
    const counts = await rows<{ meeting_id: number; cases: number; open_actions: number }>(db, sql`
      select m.id as meeting_id,
        (select count(*)::int from meeting_cases c where c.meeting_id = m.id) as cases,
        (select count(*)::int from meeting_actions a where a.meeting_id = m.id and a.done_at is null) as open_actions
      from meetings m where m.id = any(${intArray(list.map((m) => m.id))})`);
    const byId = new Map(counts.map((c) => [c.meeting_id, c]));
    return list.map((m) => ({
      id: m.id, kind: m.kind, title: m.title, heldOn: m.heldOn, startsAt: m.startsAt, durationMinutes: m.durationMinutes, location: m.location,
      group: m.groupId != null ? { id: m.groupId, name: m.groupName ?? '' } : null, status: m.status,
      chair: m.chairId != null ? { id: m.chairId, name: m.chairName ?? '' } : null,
      caseCount: byId.get(m.id)?.cases ?? 0, openActions: byId.get(m.id)?.open_actions ?? 0,
    }));
  }

  // ---- List and schedule ----

  r.get('/api/meetings', { config: LIST, schema: { tags: ['meetings'], querystring: listQuery } }, async (req): Promise<MeetingListView> => {
    const user = requireUser(req);
    const { schoolId, from, to, kind } = req.query;
    if (!user.grants.some((g) => g.schoolId === schoolId && STAFF.has(g.role))) throw forbidden();
    if (from && to && to < from) throw invalid({ to: 'De einddatum ligt vóór de begindatum.' });
    const range = from || to ? { from: from ?? '1900-01-01', to: to ?? '2999-12-31' } : undefined;
    const ids = await visibleMeetingIds(db, user, schoolId, clock.today(), range);
    const list = (await summaries(ids)).filter((m) => !kind || m.kind === kind);
    return { schoolId, meetings: list, can: { create: hasRole(user, schoolId, ['care_coordinator', 'mentor', 'teacher']) } };
  });

  r.post('/api/meetings', { config: LIST, schema: { tags: ['meetings'], body: createBody } }, async (req, reply) => {
    const user = requireUser(req);
    const b = req.body;
    if (!user.grants.some((g) => g.schoolId === b.schoolId && STAFF.has(g.role))) throw forbidden();
    const { settings, sector } = await meetingSettingsOf(db, b.schoolId);
    let group: { id: number; name: string; school_year_id: number } | null = null;
    if (b.groupId != null) {
      [group] = await rows<{ id: number; name: string; school_year_id: number }>(db, sql`select id, name, school_year_id from groups where id = ${b.groupId} and school_id = ${b.schoolId}`);
      if (!group) throw invalid({ groupId: 'Deze groep bestaat niet op deze school.' });
    }
    if (b.kind === 'groupDiscussion' && !group) throw invalid({ groupId: 'Kies de groep van de groepsbespreking.' });
    const staffKinds = group ? (await rows<{ kind: string }>(db, sql`select kind from group_staff where group_id = ${group.id} and user_id = ${user.userId}`)).map((x) => x.kind) : [];
    if (!decideMeetingSchedule(user, b.schoolId, b.kind, staffKinds).allow) throw forbidden();
    const [year] = await rows<{ id: number }>(db, sql`select id from school_years where school_id = ${b.schoolId} and starts_on <= ${b.heldOn}::date and ends_on >= ${b.heldOn}::date`);
    if (!year) throw invalid({ heldOn: 'Deze datum valt in geen schooljaar van de school.' });
    if (group && group.school_year_id !== year.id) throw invalid({ heldOn: 'Deze datum valt niet in het schooljaar van de groep.' });
    let periodId = b.periodId;
    if (periodId != null) {
      const [p] = await rows<{ id: number }>(db, sql`select id from care_periods where id = ${periodId} and school_year_id = ${year.id}`);
      if (!p) throw invalid({ periodId: 'Deze periode hoort niet bij het schooljaar van het overleg.' });
    } else {
      const [p] = await rows<{ id: number }>(db, sql`select id from care_periods where school_year_id = ${year.id} and starts_on <= ${b.heldOn}::date and ends_on >= ${b.heldOn}::date order by seq limit 1`);
      periodId = p?.id ?? null;
    }
    await checkStaff(b.schoolId, { chairId: b.chairId, minuteTakerId: b.minuteTakerId });
    const staff = await schoolStaff(db, b.schoolId);
    const staffIds = new Set(staff.map((s) => s.id));
    const badParticipant = b.participantIds.find((id) => !staffIds.has(id));
    if (badParticipant != null) throw invalid({ participantIds: 'Een van de deelnemers werkt niet op deze school.' });

    // Chair and minute-taker: given, the rota (leerlingbespreking), the group's mentor (VO) or the care coordinator.
    let chairId = b.chairId;
    let minuteTakerId = b.minuteTakerId;
    const coordinators = await careCoordinators(db, b.schoolId);
    const coordinator = coordinators.includes(user.userId) ? user.userId : coordinators[0] ?? null;
    const groupStaff = group ? await rows<{ user_id: number; kind: string }>(db, sql`select user_id, kind from group_staff where group_id = ${group.id} order by kind, user_id`) : [];
    if (chairId == null && minuteTakerId == null && b.kind === 'pupilDiscussion' && settings.pupilDiscussionRota) {
      const teachers = staff.filter((s) => s.roles.some((x) => x === 'teacher' || x === 'mentor')).map((s) => s.id);
      const history = await rows<{ chairId: number | null; minuteTakerId: number | null }>(db, sql`
        select chair_id as "chairId", minute_taker_id as "minuteTakerId" from meetings
        where school_id = ${b.schoolId} and kind = 'pupilDiscussion' and status <> 'cancelled' order by held_on, id`);
      ({ chairId, minuteTakerId } = nextFromRota(teachers, history));
    }
    if (chairId == null) {
      const mentor = groupStaff.find((g) => g.kind === 'mentor')?.user_id ?? null;
      chairId = b.kind === 'groupDiscussion' && sector === 'vo' && mentor ? mentor : coordinator;
    }
    const title = b.title || defaultTitle(b.kind, settings, group ? `${groupWord(sector)} ${group.name}` : null);
    const duration = b.durationMinutes ?? (b.kind === 'pupilDiscussion' ? settings.durations.pupilDiscussionPerCase * 3 : settings.durations[b.kind]);
    // Whoever plans the meeting takes part in it (a teacher who plans it keeps seeing it, whatever the group's year).
    const invited = [...new Set([
      ...(coordinators.includes(user.userId) ? [] : [user.userId]),
      ...(chairId != null ? [chairId] : []), ...(minuteTakerId != null ? [minuteTakerId] : []), ...b.participantIds,
      ...(b.kind === 'groupDiscussion' && b.participantIds.length === 0 ? groupStaff.map((g) => g.user_id) : []),
    ])];
    const id = await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into meetings (school_id, school_year_id, kind, title, held_on, starts_at, duration_minutes, location, group_id, period_id, chair_id,
          minute_taker_id, agenda, created_by, updated_by)
        values (${b.schoolId}, ${year.id}, ${b.kind}, ${title}, ${b.heldOn}::date, ${b.startsAt}, ${duration}, ${b.location.trim()}, ${group?.id ?? null},
          ${periodId}, ${chairId}, ${minuteTakerId}, ${JSON.stringify(defaultAgenda(b.kind, settings, sector))}::jsonb, ${user.userId}, ${user.userId})
        returning id`);
      const names = new Map(staff.map((s) => [s.id, s.name]));
      for (const uid of invited) {
        await tx.execute(sql`insert into meeting_participants (meeting_id, kind, user_id, name) values (${created.id}, 'staff', ${uid}, ${names.get(uid) ?? ''})`);
      }
      await notify(tx, baseUrl, { userIds: invited, except: user.userId, schoolId: b.schoolId, kind: 'meetingScheduled', params: { meetingTitle: title, heldOn: b.heldOn }, link: `/overleg/${created.id}` });
      return created.id;
    });
    const { relation } = await authorizeMeeting(req, String(id), 'meeting.view');
    return reply.status(201).send(await meetingView(req, id, relation));
  });

  // ---- The action board (registered before /:id; a static segment wins anyway) ----

  r.get('/api/meetings/actions', { config: LIST, schema: { tags: ['meetings'], querystring: boardQuery } }, async (req): Promise<ActionBoardView> => {
    const user = requireUser(req);
    const { schoolId, state } = req.query;
    if (!hasRole(user, schoolId, ['care_coordinator', 'director'])) throw forbidden();
    const today = clock.today();
    const coordinator = hasRole(user, schoolId, ['care_coordinator']);
    const all = await schoolActions(db, schoolId);
    const visible = await visiblePupils(req, [...new Set(all.flatMap((a) => (a.pupilId != null ? [a.pupilId] : [])))], 'pupil.viewCare');
    const views = all.map((a) => actionView(a, today, {
      pupilVisible: a.pupilId == null || visible.has(a.pupilId), canComplete: coordinator || a.ownerId === user.userId, canEdit: coordinator, viewerId: user.userId,
    }));
    const counts = {
      open: views.filter((a) => !a.done).length, overdue: views.filter((a) => a.overdue).length, done: views.filter((a) => a.done).length,
    };
    const shown = views.filter((a) => state === 'all' || (state === 'open' && !a.done) || (state === 'overdue' && a.overdue) || (state === 'done' && a.done));
    const named = [...new Set(shown.flatMap((a) => (a.pupil ? [a.pupil.id] : [])))];
    await audit(db, named.map((id) => entry(req, schoolId, id, 'list', 'meeting_action', null)));
    return { schoolId, today, actions: shown, counts };
  });

  // ---- One meeting ----

  r.get('/api/meetings/:id', { config: LIST, schema: { tags: ['meetings'], params: idParams } }, async (req): Promise<MeetingView> => {
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.view');
    return meetingView(req, meetingId, relation);
  });

  r.patch('/api/meetings/:id', { config: LIST, schema: { tags: ['meetings'], params: idParams, body: patchBody } }, async (req): Promise<MeetingView> => {
    const user = requireUser(req);
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.edit');
    const b = req.body;
    const today = clock.today();
    const before = await meetingRecord(db, meetingId);
    await checkStaff(before.schoolId, { chairId: b.chairId, minuteTakerId: b.minuteTakerId });
    if (b.preparation) {
      const unknown = unknownChecklistKeys(before.kind, b.preparation);
      if (unknown.length > 0) throw invalid({ preparation: `Onbekend punt van de checklist: ${unknown.join(', ')}.` });
    }
    checkKeys('minutes', minutesFields(before.kind), b.minutes);
    if (b.agenda) {
      const keys = b.agenda.map((a) => a.key);
      if (new Set(keys).size !== keys.length) throw invalid({ agenda: 'Twee agendapunten hebben dezelfde sleutel.' });
    }
    if (b.heldOn && b.heldOn !== before.heldOn) {
      const [year] = await rows<{ id: number }>(db, sql`select id from school_years where id = ${before.schoolYearId} and starts_on <= ${b.heldOn}::date and ends_on >= ${b.heldOn}::date`);
      if (!year) throw invalid({ heldOn: 'Deze datum valt niet in het schooljaar van dit overleg.' });
    }
    const closing = b.status === 'closed' && before.status !== 'closed';
    // What is missing before closing names only the pupils the user may see; the others as "een leerling".
    const visibleCases = closing
      ? await visiblePupils(req, (await casesOf(db, [meetingId], today)).map((c) => c.pupilId), 'pupil.viewCare')
      : new Map();
    const changedDate = (b.heldOn !== undefined && b.heldOn !== before.heldOn) || (b.startsAt !== undefined && b.startsAt !== before.startsAt);
    await db.transaction(async (tx) => {
      const m = await meetingRecord(tx, meetingId, true);
      if (m.version !== b.version) throw staleVersion();
      const onlyStatus = Object.keys(b).every((k) => k === 'version' || k === 'status');
      if (m.status === 'closed' && !(onlyStatus && b.status !== undefined)) throw meetingClosed();
      if (b.status && !canTransition(m.status, b.status, m.heldOn <= today)) throw invalid({ status: transitionMessage(m.status, b.status) }, transitionMessage(m.status, b.status));
      const minutes = b.minutes ? trimValues(b.minutes) : m.minutes;
      if (closing) {
        const cases = (await casesOf(tx, [m.id], today)).map((c) => ({
          name: visibleCases.has(c.pupilId) ? c.pupilName : 'een leerling die u niet kunt inzien', kind: c.kind, outcome: c.outcome,
        }));
        const problems = closeProblems(m.kind, minutes, cases);
        if (problems.length > 0) {
          const missing = minutesMissing(m.kind, minutes);
          throw new HttpError(422, 'minutes_incomplete', 'Het verslag kan nog niet worden vastgesteld.', Object.fromEntries(missing.map((f) => [`minutes.${f.key}`, 'Vul dit veld in.'])), { problems });
        }
      }
      const set = [
        b.title !== undefined ? sql`title = ${b.title}` : null,
        b.heldOn !== undefined ? sql`held_on = ${b.heldOn}::date` : null,
        b.startsAt !== undefined ? sql`starts_at = ${b.startsAt}` : null,
        b.durationMinutes !== undefined ? sql`duration_minutes = ${b.durationMinutes}` : null,
        b.location !== undefined ? sql`location = ${b.location.trim()}` : null,
        b.chairId !== undefined ? sql`chair_id = ${b.chairId}` : null,
        b.minuteTakerId !== undefined ? sql`minute_taker_id = ${b.minuteTakerId}` : null,
        b.agenda !== undefined ? sql`agenda = ${JSON.stringify(b.agenda)}::jsonb` : null,
        b.preparation !== undefined ? sql`preparation = ${JSON.stringify({ ...m.preparation, ...b.preparation })}::jsonb` : null,
        b.minutes !== undefined ? sql`minutes = ${JSON.stringify(minutes)}::jsonb` : null,
        b.status !== undefined ? sql`status = ${b.status}` : null,
        b.heldOn !== undefined || b.startsAt !== undefined || b.title !== undefined ? sql`edited = true` : null,
      ].filter((x): x is ReturnType<typeof sql> => x !== null);
      await tx.execute(sql`update meetings set ${sql.join([...set, sql`version = version + 1`, sql`updated_by = ${user.userId}`, sql`updated_at = now()`], sql`, `)} where id = ${m.id}`);
      for (const id of [b.chairId, b.minuteTakerId]) {
        if (id == null) continue;
        await tx.execute(sql`insert into meeting_participants (meeting_id, kind, user_id, name)
          select ${m.id}, 'staff', u.id, u.name from users u where u.id = ${id}
            and not exists (select 1 from meeting_participants p where p.meeting_id = ${m.id} and p.user_id = ${id} and p.kind = 'staff')`);
      }
      const staffIds = (await rows<{ user_id: number }>(tx, sql`select user_id from meeting_participants where meeting_id = ${m.id} and kind = 'staff' and user_id is not null`)).map((x) => x.user_id);
      const title = b.title ?? m.title;
      if (changedDate && b.status !== 'cancelled') {
        await notify(tx, baseUrl, { userIds: staffIds, except: user.userId, schoolId: m.schoolId, kind: 'meetingChanged', params: { meetingTitle: title, heldOn: b.heldOn ?? m.heldOn }, link: `/overleg/${m.id}` });
      }
      if (b.status === 'cancelled' && m.status !== 'cancelled') {
        await notify(tx, baseUrl, { userIds: staffIds, except: user.userId, schoolId: m.schoolId, kind: 'meetingChanged', params: { meetingTitle: title, heldOn: m.heldOn }, link: `/overleg/${m.id}` });
      }
      if (closing) {
        await notify(tx, baseUrl, { userIds: staffIds, except: user.userId, schoolId: m.schoolId, kind: 'minutesClosed', params: { meetingTitle: title, heldOn: m.heldOn }, link: `/overleg/${m.id}` });
      }
    });
    return meetingView(req, meetingId, relation);
  });

  r.get('/api/meetings/:id/pdf', { config: LIST, schema: { tags: ['meetings'], params: idParams, querystring: pdfQuery } }, async (req, reply) => {
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.view');
    const view = await meetingView(req, meetingId, relation);
    const { schoolName } = await meetingSettingsOf(db, view.schoolId);
    const pdf = await renderMeetingPdf({ view, part: req.query.part, schoolName, generatedOn: clock.today() });
    const name = `${req.query.part === 'agenda' ? 'Agenda' : 'Verslag'} ${view.title} ${view.heldOn}.pdf`;
    return reply.type('application/pdf').header('content-disposition', attachment(name, 'overleg.pdf')).send(pdf);
  });

  // ---- Participants ----

  r.post('/api/meetings/:id/participants', { config: LIST, schema: { tags: ['meetings'], params: idParams, body: participantBody } }, async (req, reply) => {
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.edit');
    const b = req.body;
    const m = await meetingRecord(db, meetingId);
    if (m.status === 'closed') throw meetingClosed();
    const { settings } = await meetingSettingsOf(db, m.schoolId);
    if (b.kind === 'staff') await checkStaff(m.schoolId, { userId: b.userId });
    const refused = await db.transaction(async (tx) => {
      // The meeting's row lock serialises participant changes: two people adding the same colleague at once list them
      // once, and nobody changes the list of a meeting whose minutes were just fixed.
      await lockUnclosedMeeting(tx, m.id);
      if (b.kind === 'staff') {
        const [dup] = await rows<{ id: number }>(tx, sql`select id from meeting_participants where meeting_id = ${m.id} and user_id = ${b.userId} and kind = 'staff'`);
        if (dup) return 'duplicate' as const;
      }
      if (b.kind === 'external') {
        const blocking = casesBlockingExternals(settings, await consentFacts(tx, m.id));
        if (blocking.length > 0) return blocking;
        await tx.execute(sql`insert into meeting_participants (meeting_id, kind, name, organisation, role)
          values (${m.id}, 'external', ${b.name}, ${b.organisation}, ${b.role})`);
      } else {
        await tx.execute(sql`insert into meeting_participants (meeting_id, kind, user_id, name) select ${m.id}, 'staff', id, name from users where id = ${b.userId}`);
        await notify(tx, baseUrl, { userIds: [b.userId], except: requireUser(req).userId, schoolId: m.schoolId, kind: 'meetingScheduled', params: { meetingTitle: m.title, heldOn: m.heldOn }, link: `/overleg/${m.id}` });
      }
      return null;
    });
    if (refused === 'duplicate') throw invalid({ userId: 'Deze collega staat al op de lijst.' });
    // The refusal names pupils through the policy, which reads outside the (finished) transaction.
    if (refused) throw await consentRefusal(req, refused);
    return reply.status(201).send(await meetingView(req, meetingId, relation));
  });

  /** Locks the meeting's row; the participant list is part of the minutes, so it is fixed once they are (status closed). */
  async function lockUnclosedMeeting(tx: DbOrTx, meetingId: number) {
    const [m] = await rows<{ status: MeetingStatus }>(tx, sql`select status from meetings where id = ${meetingId} for update`);
    if (m?.status === 'closed') throw meetingClosed();
  }

  /** A participant of the meeting, with the meeting locked (see lockUnclosedMeeting). */
  async function participantOf(tx: DbOrTx, meetingId: number, raw: string) {
    await lockUnclosedMeeting(tx, meetingId);
    const pid = parseId(raw);
    const [p] = pid == null ? [] : await rows<{ id: number; kind: string }>(tx, sql`select id, kind from meeting_participants where id = ${pid} and meeting_id = ${meetingId}`);
    if (!p) throw notFound('Deze deelnemer');
    return p;
  }

  r.patch('/api/meetings/:id/participants/:pid', { config: LIST, schema: { tags: ['meetings'], params: participantParams, body: participantPatch } }, async (req): Promise<MeetingView> => {
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.edit');
    const b = req.body;
    await db.transaction(async (tx) => {
      const p = await participantOf(tx, meetingId, req.params.pid);
      if (p.kind !== 'external' && (b.name !== undefined || b.organisation !== undefined || b.role !== undefined)) {
        throw invalid({ name: 'Naam, organisatie en functie zijn alleen te wijzigen bij een externe deelnemer.' });
      }
      const set = [
        b.attendance !== undefined ? sql`attendance = ${b.attendance}` : null,
        b.name !== undefined ? sql`name = ${b.name}` : null,
        b.organisation !== undefined ? sql`organisation = ${b.organisation.trim()}` : null,
        b.role !== undefined ? sql`role = ${b.role.trim()}` : null,
      ].filter((x): x is ReturnType<typeof sql> => x !== null);
      if (set.length > 0) await tx.execute(sql`update meeting_participants set ${sql.join(set, sql`, `)} where id = ${p.id}`);
    });
    return meetingView(req, meetingId, relation);
  });

  r.delete('/api/meetings/:id/participants/:pid', { config: LIST, schema: { tags: ['meetings'], params: participantParams } }, async (req): Promise<MeetingView> => {
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.edit');
    await db.transaction(async (tx) => {
      const p = await participantOf(tx, meetingId, req.params.pid);
      await tx.execute(sql`delete from meeting_participants where id = ${p.id}`);
    });
    return meetingView(req, meetingId, (await meetingRelations(db, requireUser(req).userId, [meetingId], clock.today())).get(meetingId) ?? relation);
  });

  // ---- Questions ----

  r.post('/api/meetings/:id/questions', { config: LIST, schema: { tags: ['meetings'], params: idParams, body: questionBody } }, async (req, reply) => {
    const user = requireUser(req);
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.contribute');
    const m = await meetingRecord(db, meetingId);
    if (m.status !== 'planned' && m.status !== 'held') throw meetingNotOpen();
    await db.execute(sql`insert into meeting_questions (meeting_id, kind, text, author_id, author_name) values (${m.id}, ${req.body.kind}, ${req.body.text}, ${user.userId}, ${user.name})`);
    return reply.status(201).send(await meetingView(req, meetingId, relation));
  });

  // ---- Cases ----

  /** The school part prefilled from the data: level, plans, needs from the latest groepsoverzicht, earlier discussions. */
  async function prefill(kind: MeetingKind, pupilId: number, given: Record<string, string>): Promise<Record<string, string>> {
    const today = clock.today();
    const level = currentLevelEntry((await levelHistories(db, [pupilId])).get(pupilId) ?? [], today);
    const plans = await rows<{ kind: string; title: string; status: string; ends_on: string | null }>(db, sql`
      select p.kind, p.title, p.status, p.ends_on::text from support_plans p join support_plan_pupils pp on pp.plan_id = p.id
      where pp.pupil_id = ${pupilId} and p.status <> 'closed' order by p.starts_on desc nulls last, p.id desc`);
    const needs = needsText(await latestOverviewLine(db, pupilId));
    const earlier = await rows<{ title: string; held_on: string }>(db, sql`
      select m.title, m.held_on::text from meeting_cases c join meetings m on m.id = c.meeting_id
      where c.pupil_id = ${pupilId} and m.held_on < ${today}::date and m.status <> 'cancelled' order by m.held_on desc limit 5`);
    const planText = plans.map((p) => `${p.kind === 'developmentPerspective' ? 'OPP' : 'Handelingsplan'} ‘${p.title}’ (${p.status === 'draft' ? 'concept' : p.status === 'active' ? 'loopt' : 'geëvalueerd'})`).join('; ');
    const levelText = level ? `Ondersteuningsniveau ${level.level} sinds ${dutchDate(level.startsOn)}${level.question ? `; hulpvraag: ${level.question}` : ''}` : '';
    const suggestions: Record<string, string> = {};
    const fields = new Set(caseForms(kind).school.map((f) => f.key));
    const put = (key: string, value: string) => { if (fields.has(key) && value.trim() && !(given[key] ?? '').trim()) suggestions[key] = value; };
    const levelAndPlans = [levelText, planText && `Plannen: ${planText}`].filter(Boolean).join('\n');
    put('currentData', levelAndPlans);
    put('triedSoFar', planText);
    put('doneSoFar', levelAndPlans);
    put('opp', plans.filter((p) => p.kind === 'developmentPerspective').map((p) => `OPP ‘${p.title}’`).join('; '));
    put('needs', needs);
    put('earlierDiscussed', earlier.length ? `Ja: ${earlier.map((e) => `${e.title} (${dutchDate(e.held_on)})`).join('; ')}` : '');
    return { ...given, ...suggestions };
  }

  r.post('/api/meetings/:id/cases', { config: LIST, schema: { tags: ['meetings'], params: idParams, body: caseBody } }, async (req, reply) => {
    const user = requireUser(req);
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.contribute');
    const b = req.body;
    const m = await meetingRecord(db, meetingId);
    if (m.status !== 'planned' && m.status !== 'held') throw meetingNotOpen();
    const pupil = await authorizePupil(req, String(b.pupilId), 'pupil.editCare');
    if (pupil.schoolId !== m.schoolId) throw invalid({ pupilId: 'Deze leerling zit niet op de school van dit overleg.' });
    const { settings } = await meetingSettingsOf(db, m.schoolId);
    checkKeys('form', caseForms(m.kind).school, b.form);
    const form = await prefill(m.kind, b.pupilId, trimValues(b.form));
    const caseId = await db.transaction(async (tx) => {
      if (await externalsBlockCase(tx, settings, m.id, b.pupilId, b.kind)) {
        const [p] = await rows<{ name: string }>(tx, sql`select first_name || ' ' || last_name as name from pupils where id = ${b.pupilId}`);
        return { refused: [{ pupilId: b.pupilId, name: p.name }] };
      }
      let created: { id: number } | undefined;
      try {
        [created] = await rows<{ id: number }>(tx, sql`
          insert into meeting_cases (meeting_id, pupil_id, kind, proposed_by, proposed_by_name, question, form)
          values (${m.id}, ${b.pupilId}, ${b.kind}, ${user.userId}, ${user.name}, ${b.question.trim()}, ${JSON.stringify(form)}::jsonb) returning id`);
      } catch (e) {
        if (isUniqueViolation(e)) throw new HttpError(409, 'case_exists', 'Deze leerling staat al op de agenda van dit overleg.');
        throw e;
      }
      await audit(tx, entry(req, m.schoolId, b.pupilId, 'create', 'meeting_case', created!.id, { meetingId: m.id }));
      if (m.chairId != null) {
        await notify(tx, baseUrl, { userIds: [m.chairId], except: user.userId, schoolId: m.schoolId, kind: 'caseProposed', params: { meetingTitle: m.title, heldOn: m.heldOn }, link: `/overleg/${m.id}` });
      }
      return { refused: null };
    });
    if (caseId.refused) throw await consentRefusal(req, caseId.refused);
    return reply.status(201).send(await meetingView(req, meetingId, relation));
  });

  /** A case of the meeting the user may change: pupil.viewCare, and pupil.editCare or running the meeting. */
  async function editableCase(req: FastifyRequest, rawMeeting: string, rawCase: string) {
    const user = requireUser(req);
    const { meetingId, relation } = await authorizeMeeting(req, rawMeeting, 'meeting.view');
    const caseId = parseId(rawCase);
    if (caseId == null) throw notFound('Deze besproken leerling');
    const c = await caseRecord(db, meetingId, caseId, clock.today());
    const pupil = await authorizePupil(req, String(c.pupilId), 'pupil.viewCare');
    const canEdit = decidePupil(user, 'pupil.editCare', pupil).allow || decideMeeting(user, 'meeting.edit', relation).allow;
    if (!canEdit) throw forbidden();
    const m = await meetingRecord(db, meetingId);
    return { meetingId, relation, c, m };
  }

  r.patch('/api/meetings/:id/cases/:caseId', { config: LIST, schema: { tags: ['meetings'], params: caseParams, body: casePatch } }, async (req): Promise<MeetingView> => {
    const user = requireUser(req);
    const { meetingId, relation, c, m } = await editableCase(req, req.params.id, req.params.caseId);
    const b = req.body;
    if (m.status === 'closed' || m.status === 'cancelled') throw meetingClosed();
    const forms = caseForms(m.kind);
    checkKeys('form', forms.school, b.form);
    checkKeys('parentPart', forms.parents, b.parentPart);
    checkKeys('outcome', forms.outcome, b.outcome);
    const informed = b.parentsInformed !== undefined ? b.parentsInformed : c.parentsInformed;
    const reason = b.notInformedReason !== undefined ? b.notInformedReason : c.notInformedReason;
    const problem = checkParentsInformed(informed, reason);
    if (problem) throw invalid({ notInformedReason: problem }, problem);
    const today = clock.today();
    for (const [field, d] of [['parentsInformedOn', b.parentsInformedOn], ['parentsToldOn', b.parentsToldOn]] as const) {
      if (d && d > today) throw invalid({ [field]: 'Deze datum ligt in de toekomst.' });
    }
    if (b.parentsToldOn && b.parentsToldOn < m.heldOn) throw invalid({ parentsToldOn: 'De terugkoppeling aan de ouders is na het overleg.' });
    await checkStaff(m.schoolId, { caseManagerId: b.caseManagerId });
    const publish = b.publishedToParents === true && !c.publishedToParents;
    const request = b.parentPartRequested === true && !c.parentPartRequested;
    // An announcement becoming a discussion is held to the consent rule like a new case (decision 017).
    const toDiscussion = b.kind === 'discussion' && c.kind !== 'discussion';
    const { settings } = await meetingSettingsOf(db, m.schoolId);
    const refused = await db.transaction(async (tx) => {
      if (toDiscussion && await externalsBlockCase(tx, settings, m.id, c.pupilId, 'discussion')) return [{ pupilId: c.pupilId, name: c.pupilName }];
      const set = [
        b.question !== undefined ? sql`question = ${b.question.trim()}` : null,
        b.kind !== undefined ? sql`kind = ${b.kind}` : null,
        b.form !== undefined ? sql`form = ${JSON.stringify(trimValues(b.form))}::jsonb` : null,
        b.parentPart !== undefined ? sql`parent_part = ${JSON.stringify(trimValues(b.parentPart))}::jsonb, parent_part_by = ${user.name}, parent_part_on = ${today}::date` : null,
        b.parentPartRequested !== undefined ? sql`parent_part_requested = ${b.parentPartRequested}` : null,
        b.parentsInformed !== undefined ? sql`parents_informed = ${b.parentsInformed}` : null,
        b.parentsInformedOn !== undefined ? sql`parents_informed_on = ${b.parentsInformedOn}::date` : null,
        b.notInformedReason !== undefined ? sql`not_informed_reason = ${b.notInformedReason.trim()}` : null,
        b.parentsToldOn !== undefined ? sql`parents_told_on = ${b.parentsToldOn}::date` : null,
        b.outcome !== undefined ? sql`outcome = ${JSON.stringify(trimValues(b.outcome))}::jsonb` : null,
        b.followUp !== undefined ? sql`follow_up = ${sql.param([...new Set(b.followUp)])}::text[]` : null,
        b.caseManagerId !== undefined ? sql`case_manager_id = ${b.caseManagerId}` : null,
        b.publishedToParents !== undefined ? sql`published_to_parents = ${b.publishedToParents}` : null,
      ].filter((x): x is ReturnType<typeof sql> => x !== null);
      const [updated] = await rows<{ id: number }>(tx, sql`update meeting_cases set ${sql.join([...set, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
        where id = ${c.id} and version = ${b.version} returning id`);
      if (!updated) throw staleVersion();
      await audit(tx, entry(req, m.schoolId, c.pupilId, 'update', 'meeting_case', c.id, { meetingId: m.id, fields: Object.keys(b).filter((k) => k !== 'version') }));
      if (publish || request) {
        const guardians = (await rows<{ user_id: number }>(tx, sql`select user_id from guardians where pupil_id = ${c.pupilId} and has_authority`)).map((g) => g.user_id);
        const link = `/leerlingen/${c.pupilId}/besprekingen`;
        if (request) await notify(tx, baseUrl, { userIds: guardians, schoolId: m.schoolId, kind: 'parentPartRequested', params: { heldOn: m.heldOn }, link });
        if (publish) await notify(tx, baseUrl, { userIds: guardians, schoolId: m.schoolId, kind: 'casePublished', params: { heldOn: m.heldOn }, link });
      }
      return null;
    });
    if (refused) throw await consentRefusal(req, refused);
    return meetingView(req, meetingId, relation);
  });

  r.delete('/api/meetings/:id/cases/:caseId', { config: LIST, schema: { tags: ['meetings'], params: caseParams } }, async (req): Promise<MeetingView> => {
    const { meetingId, relation, c, m } = await editableCase(req, req.params.id, req.params.caseId);
    if (m.status === 'closed') throw meetingClosed();
    await db.transaction(async (tx) => {
      const [n] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from meeting_consents where case_id = ${c.id}`);
      if (n.n > 0) throw new HttpError(409, 'case_has_consents', 'Bij deze leerling is een toestemming vastgelegd; de bespreking kan daarom niet worden verwijderd.');
      await tx.execute(sql`delete from meeting_cases where id = ${c.id}`);
      await audit(tx, entry(req, m.schoolId, c.pupilId, 'delete', 'meeting_case', c.id, { meetingId: m.id }));
    });
    return meetingView(req, meetingId, relation);
  });

  r.post('/api/meetings/:id/cases/:caseId/consents', { config: LIST, schema: { tags: ['meetings'], params: caseParams, body: consentBody } }, async (req, reply) => {
    const user = requireUser(req);
    const { meetingId, relation, c, m } = await editableCase(req, req.params.id, req.params.caseId);
    const b = req.body;
    if (b.givenOn > clock.today()) throw invalid({ givenOn: 'De datum van de toestemming ligt in de toekomst.' });
    if (b.guardianId != null) {
      const [g] = await rows<{ user_id: number }>(db, sql`select user_id from guardians where pupil_id = ${c.pupilId} and user_id = ${b.guardianId} and has_authority`);
      if (!g) throw invalid({ guardianId: 'Deze persoon is geen ouder met gezag van deze leerling.' });
    }
    await db.transaction(async (tx) => {
      await lockOpenMeetingsOf(tx, c.pupilId);
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into meeting_consents (case_id, pupil_id, decision, scope, given_by_name, guardian_id, method, given_on, recorded_by, recorded_by_name)
        values (${c.id}, ${c.pupilId}, ${b.decision}, ${b.scope.trim()}, ${b.givenByName}, ${b.guardianId}, ${b.method}, ${b.givenOn}::date, ${user.userId}, ${user.name})
        returning id`);
      await audit(tx, entry(req, m.schoolId, c.pupilId, 'create', 'meeting_consent', created.id, { meetingId: m.id, caseId: c.id, decision: b.decision, method: b.method }));
      if (b.decision !== 'given') await tellOfWithdrawnConsent(tx, c.pupilId, m.schoolId, user.userId);
    });
    return reply.status(201).send(await meetingView(req, meetingId, relation));
  });

  // ---- Actions ----

  r.post('/api/meetings/:id/actions', { config: LIST, schema: { tags: ['meetings'], params: idParams, body: actionBody } }, async (req, reply) => {
    const user = requireUser(req);
    const { meetingId, relation } = await authorizeMeeting(req, req.params.id, 'meeting.edit');
    const b = req.body;
    const m = await meetingRecord(db, meetingId);
    if (m.status === 'cancelled') throw meetingNotOpen();
    await checkStaff(m.schoolId, { ownerId: b.ownerId });
    let pupilId: number | null = null;
    if (b.caseId != null) {
      const [c] = await rows<{ pupil_id: number }>(db, sql`select pupil_id from meeting_cases where id = ${b.caseId} and meeting_id = ${m.id}`);
      const visible = c ? await visiblePupils(req, [c.pupil_id], 'pupil.viewCare') : new Map();
      if (!c || !visible.has(c.pupil_id)) throw invalid({ caseId: 'Deze leerling staat niet op de agenda van dit overleg.' });
      pupilId = c.pupil_id;
    }
    await db.transaction(async (tx) => {
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into meeting_actions (school_id, meeting_id, case_id, pupil_id, decision, description, owner_id, due_on, created_by)
        values (${m.schoolId}, ${m.id}, ${b.caseId}, ${pupilId}, ${b.decision.trim()}, ${b.description}, ${b.ownerId}, ${b.dueOn}::date, ${user.userId}) returning id`);
      if (pupilId != null) await audit(tx, entry(req, m.schoolId, pupilId, 'create', 'meeting_action', created.id, { meetingId: m.id }));
      await notify(tx, baseUrl, { userIds: [b.ownerId], except: user.userId, schoolId: m.schoolId, kind: 'actionAssigned', params: { meetingTitle: m.title, dueOn: b.dueOn }, link: `/overleg/${m.id}` });
    });
    return reply.status(201).send(await meetingView(req, meetingId, relation));
  });

  r.patch('/api/meetings/:id/actions/:actionId', { config: LIST, schema: { tags: ['meetings'], params: actionParams, body: actionPatch } }, async (req) => {
    const user = requireUser(req);
    const meetingId = parseId(req.params.id);
    const actionId = parseId(req.params.actionId);
    if (meetingId == null || actionId == null) throw notFound('Deze actie');
    const rel = (await meetingRelations(db, user.userId, [meetingId], clock.today())).get(meetingId);
    if (!rel || !user.grants.some((g) => g.schoolId === rel.schoolId || g.boardId === rel.boardId)) throw notFound('Deze actie');
    const a = await actionRecord(db, meetingId, actionId);
    // Only those who may see the meeting, or the action's owner (who need not take part in it), reach an action.
    if (!decideMeeting(user, 'meeting.view', rel).allow && a.ownerId !== user.userId) throw notFound('Deze actie');
    const b = req.body;
    const editsFields = b.decision !== undefined || b.description !== undefined || b.ownerId !== undefined || b.dueOn !== undefined;
    const canEdit = decideMeeting(user, 'meeting.edit', rel).allow;
    const coordinator = hasRole(user, rel.schoolId, ['care_coordinator']);
    if (editsFields && !canEdit) throw forbidden();
    // Completing, reopening and the completion note are the owner's or the care coordinator's.
    if ((b.done !== undefined || b.note !== undefined) && !(a.ownerId === user.userId || coordinator)) throw forbidden();
    if (b.ownerId !== undefined) await checkStaff(rel.schoolId, { ownerId: b.ownerId });
    const [owner] = b.ownerId !== undefined && b.ownerId !== a.ownerId ? [b.ownerId] : [];
    await db.transaction(async (tx) => {
      const set = [
        b.decision !== undefined ? sql`decision = ${b.decision.trim()}` : null,
        b.description !== undefined ? sql`description = ${b.description}` : null,
        b.ownerId !== undefined ? sql`owner_id = ${b.ownerId}` : null,
        b.dueOn !== undefined ? sql`due_on = ${b.dueOn}::date` : null,
        b.done === true ? sql`done_at = coalesce(done_at, now()), done_by = coalesce(done_by, ${user.userId}), done_by_name = case when done_at is null then ${user.name} else done_by_name end, done_note = ${(b.note ?? '').trim()}` : null,
        b.done === false ? sql`done_at = null, done_by = null, done_by_name = '', done_note = ''` : null,
        b.done === undefined && b.note !== undefined ? sql`done_note = ${b.note.trim()}` : null,
      ].filter((x): x is ReturnType<typeof sql> => x !== null);
      const [updated] = await rows<{ id: number }>(tx, sql`update meeting_actions set ${sql.join([...set, sql`version = version + 1`], sql`, `)}
        where id = ${a.id} and version = ${b.version} returning id`);
      if (!updated) throw staleVersion();
      if (a.pupilId != null) await audit(tx, entry(req, rel.schoolId, a.pupilId, 'update', 'meeting_action', a.id, { meetingId, done: b.done ?? null }));
      if (owner != null) await notify(tx, baseUrl, { userIds: [owner], except: user.userId, schoolId: rel.schoolId, kind: 'actionAssigned', params: { meetingTitle: a.meetingTitle, dueOn: b.dueOn ?? a.dueOn }, link: `/overleg/${meetingId}` });
    });
    const after = await actionRecord(db, meetingId, actionId);
    const visible = after.pupilId != null ? await visiblePupils(req, [after.pupilId], 'pupil.viewCare') : new Map();
    return actionView(after, clock.today(), { pupilVisible: after.pupilId == null || visible.has(after.pupilId), canComplete: after.ownerId === user.userId || coordinator, canEdit, viewerId: user.userId });
  });

  // ---- Pupil routes ----

  r.get('/api/pupils/:id/meeting-cases', {
    config: { access: { kind: 'pupil', action: 'pupil.viewCare' } }, schema: { tags: ['meetings'], params: idParams },
  }, async (req): Promise<PupilCasesView> => {
    const user = requireUser(req);
    const { pupilId, schoolId, relation } = req.pupilScope!;
    const today = clock.today();
    const cases = await casesOfPupil(db, pupilId, today);
    const meetingIds = [...new Set(cases.map((c) => c.meetingId))];
    const sums = new Map((await summaries(meetingIds)).map((s) => [s.id, s]));
    const records = new Map((await meetingRecords(db, meetingIds)).map((m) => [m.id, m]));
    const { settings } = await meetingSettingsOf(db, schoolId);
    const states = await consentStates(db, cases);
    const externals = await meetingsWithExternals(db, meetingIds);
    const canEdit = decidePupil(user, 'pupil.editCare', relation).allow;
    await audit(db, entry(req, schoolId, pupilId, 'read', 'meeting_case', null, { cases: cases.length }));
    return {
      cases: cases.map((c) => {
        const m = records.get(c.meetingId)!;
        return { ...caseView(c, m, settings, states.get(c.id) ?? { state: 'none', consents: [] }, externals.has(m.id), canEdit && m.status !== 'closed' && m.status !== 'cancelled'), meeting: sums.get(c.meetingId)! };
      }),
    };
  });

  /** The cases a parent sees: published, or their part asked; with the consent question where externals are (or may be) present. */
  async function parentCases(pupilId: number, schoolId: number): Promise<ParentCasesView> {
    const today = clock.today();
    const [pupil] = await rows<{ name: string }>(db, sql`select first_name || ' ' || last_name as name from pupils where id = ${pupilId}`);
    const all = (await casesOfPupil(db, pupilId, today)).filter((c) => c.publishedToParents || c.parentPartRequested);
    const records = new Map((await meetingRecords(db, [...new Set(all.map((c) => c.meetingId))])).map((m) => [m.id, m]));
    const cases = all.filter((c) => records.get(c.meetingId)!.status !== 'cancelled');
    const { settings } = await meetingSettingsOf(db, schoolId);
    const states = await consentStates(db, cases);
    const externals = await meetingsWithExternals(db, [...records.keys()]);
    const out: ParentCaseView[] = cases.map((c) => {
      const m = records.get(c.meetingId)!;
      const state = states.get(c.id) ?? { state: 'none' as const, consents: [] };
      return {
        id: c.id, meeting: { kind: m.kind, kindLabel: kindLabel(m.kind, settings), heldOn: m.heldOn }, question: c.question,
        parentFields: caseForms(m.kind).parents, parentPart: c.parentPart,
        parentPartEditable: c.parentPartRequested && m.status !== 'closed',
        consentAsked: c.kind === 'discussion' && (m.kind === 'careTeam' || externals.has(m.id)),
        consent: state.state, consents: state.consents,
        agreements: c.publishedToParents ? publishedAgreements(m.kind, c.outcome) : null,
        version: c.version,
      };
    });
    return { pupil: { id: pupilId, name: pupil?.name ?? '' }, cases: out };
  }

  r.get('/api/pupils/:id/published-cases', {
    config: { access: { kind: 'pupil', action: 'pupil.viewPublished' } }, schema: { tags: ['meetings'], params: idParams },
  }, async (req): Promise<ParentCasesView> => {
    const { pupilId, schoolId } = req.pupilScope!;
    const view = await parentCases(pupilId, schoolId);
    await audit(db, entry(req, schoolId, pupilId, 'read', 'meeting_case', null, { part: 'published', cases: view.cases.length }));
    return view;
  });

  async function parentCase(pupilId: number, schoolId: number, rawCase: string) {
    const caseId = parseId(rawCase);
    const view = await parentCases(pupilId, schoolId);
    const found = view.cases.find((c) => c.id === caseId);
    if (!found) throw notFound('Deze bespreking');
    return found;
  }

  r.put('/api/pupils/:id/published-cases/:caseId/parent-part', {
    config: { access: { kind: 'pupil', action: 'pupil.sign' } }, schema: { tags: ['meetings'], params: caseParams, body: parentPartBody },
  }, async (req): Promise<ParentCasesView> => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const found = await parentCase(pupilId, schoolId, req.params.caseId);
    if (!found.parentPartEditable) throw new HttpError(409, 'not_requested', 'De school vraagt (nu) niet om uw deel van het formulier.');
    checkKeys('parentPart', found.parentFields, req.body.parentPart);
    const values = trimValues(req.body.parentPart);
    const missing = missingRequired(found.parentFields, values);
    if (missing.length > 0) throw invalid(Object.fromEntries(missing.map((f) => [`parentPart.${f.key}`, `Vul dit in: ${f.label}`])));
    await db.transaction(async (tx) => {
      const [updated] = await rows<{ id: number }>(tx, sql`update meeting_cases set parent_part = ${JSON.stringify(values)}::jsonb, parent_part_by = ${user.name},
        parent_part_on = ${clock.today()}::date, version = version + 1, updated_at = now() where id = ${found.id} and version = ${req.body.version} returning id`);
      if (!updated) throw staleVersion();
      await audit(tx, entry(req, schoolId, pupilId, 'update', 'meeting_case', found.id, { part: 'parentPart' }));
    });
    return parentCases(pupilId, schoolId);
  });

  r.post('/api/pupils/:id/published-cases/:caseId/consent', {
    config: { access: { kind: 'pupil', action: 'pupil.sign' } }, schema: { tags: ['meetings'], params: caseParams, body: parentConsentBody },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const found = await parentCase(pupilId, schoolId, req.params.caseId);
    if (!found.consentAsked) throw new HttpError(409, 'consent_not_asked', 'Voor deze bespreking wordt geen toestemming gevraagd.');
    if (found.version !== req.body.version) throw staleVersion();
    if (req.body.decision === 'withdrawn' && found.consent !== 'given') throw invalid({ decision: 'U kunt alleen een gegeven toestemming intrekken.' });
    const [pupil] = await rows<{ first_name: string }>(db, sql`select first_name from pupils where id = ${pupilId}`);
    // A consent is the pupil's and counts for later meetings until it is withdrawn (decision 017); it names where it was asked.
    const scope = `Bespreking van ${pupil.first_name} met externe deskundigen in het ${found.meeting.kindLabel} (gevraagd voor ${dutchDate(found.meeting.heldOn)}) en in later overleg, tot u de toestemming intrekt; en het delen van de daarvoor nodige gegevens.`;
    await db.transaction(async (tx) => {
      await lockOpenMeetingsOf(tx, pupilId);
      // The case's version guards against two answers crossing (two parents, or two tabs).
      const [bumped] = await rows<{ id: number }>(tx, sql`update meeting_cases set version = version + 1, updated_at = now()
        where id = ${found.id} and version = ${req.body.version} returning id`);
      if (!bumped) throw staleVersion();
      const [created] = await rows<{ id: number }>(tx, sql`
        insert into meeting_consents (case_id, pupil_id, decision, scope, given_by_name, guardian_id, method, given_on, recorded_by, recorded_by_name)
        values (${found.id}, ${pupilId}, ${req.body.decision}, ${scope}, ${user.name}, ${user.userId}, 'digital', ${clock.today()}::date, ${user.userId}, ${user.name}) returning id`);
      await audit(tx, entry(req, schoolId, pupilId, 'create', 'meeting_consent', created.id, { caseId: found.id, decision: req.body.decision, method: 'digital' }));
      if (req.body.decision !== 'given') await tellOfWithdrawnConsent(tx, pupilId, schoolId, user.userId);
    });
    return reply.status(201).send(await parentCases(pupilId, schoolId));
  });
}

