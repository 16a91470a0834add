// Persistence of meetings: the meeting row with names, participants, questions, cases with their consents, actions, the
// school's meeting settings, and the facts behind a generated agenda (groepsoverzicht lines and signals, previous
// groepsplan and its evaluation, result summaries, cases, open actions). Reads only; the routes write.
import { sql } from 'drizzle-orm';
import type { ConsentState, FollowUp, MeetingKind, MeetingSettings, MeetingStatus, Preparation, AgendaItem, ParticipantKind, Attendance } from '../../domain/meetings/model';
import { groupWord, type AgendaFacts } from '../../domain/meetings/agenda';
import { actionOverdue, caseBlockedByExternals } from '../../domain/meetings/rules';
import type { ActionView, ConsentView, ParticipantView, QuestionView } from '../../domain/meetings/views';
import type { PlanDocument, PlanReflection, OverviewLineFields, SignalReason } from '../../domain/group-cycle/model';
import { readSchoolSettings } from '../../domain/school/settings';
import { DOMAIN_LABELS_NL } from '../../domain/assessments/instruments';
import { intArray, isoTimestamp, rows, type DbOrTx } from '../db/client';
import { notFound } from '../http/errors';
import { cycleSchool, overviewDomains, resultsAndSignals } from '../group-cycle/repo';

export async function meetingSettingsOf(db: DbOrTx, schoolId: number): Promise<{ settings: MeetingSettings; sector: 'po' | 'vo'; schoolName: string }> {
  const [s] = await rows<{ name: string; sector: 'po' | 'vo'; settings: unknown }>(db, sql`select name, sector, settings from schools where id = ${schoolId}`);
  if (!s) throw notFound('Deze school');
  return { settings: readSchoolSettings(s.sector, s.settings).meetings, sector: s.sector, schoolName: s.name };
}

export interface MeetingRecord {
  id: number; schoolId: number; schoolYearId: number; kind: MeetingKind; title: string; heldOn: string; startsAt: string | null;
  durationMinutes: number; location: string; groupId: number | null; groupName: string | null; periodId: number | null; periodName: string | null;
  chairId: number | null; chairName: string | null; minuteTakerId: number | null; minuteTakerName: string | null; status: MeetingStatus;
  agenda: AgendaItem[]; preparation: Preparation; minutes: Record<string, string>; version: number;
}

const MEETING_SELECT = sql`
  select m.id, m.school_id as "schoolId", m.school_year_id as "schoolYearId", m.kind, m.title, m.held_on::text as "heldOn", m.starts_at as "startsAt",
    m.duration_minutes as "durationMinutes", m.location, m.group_id as "groupId", g.name as "groupName", m.period_id as "periodId", cp.name as "periodName",
    m.chair_id as "chairId", uc.name as "chairName", m.minute_taker_id as "minuteTakerId", um.name as "minuteTakerName", m.status,
    m.agenda, m.preparation, m.minutes, m.version
  from meetings m left join groups g on g.id = m.group_id left join care_periods cp on cp.id = m.period_id
    left join users uc on uc.id = m.chair_id left join users um on um.id = m.minute_taker_id`;

export async function meetingRecord(db: DbOrTx, id: number, forUpdate = false): Promise<MeetingRecord> {
  const [m] = await rows<MeetingRecord>(db, sql`${MEETING_SELECT} where m.id = ${id} ${forUpdate ? sql`for update of m` : sql``}`);
  if (!m) throw notFound('Dit overleg');
  return m;
}

export async function meetingRecords(db: DbOrTx, ids: readonly number[]): Promise<MeetingRecord[]> {
  if (ids.length === 0) return [];
  return rows<MeetingRecord>(db, sql`${MEETING_SELECT} where m.id = any(${intArray(ids)}) order by m.held_on, m.starts_at nulls first, m.id`);
}

export async function participantsOf(db: DbOrTx, meetingId: number): Promise<ParticipantView[]> {
  return rows<ParticipantView>(db, sql`
    select id, kind, user_id as "userId", name, organisation, role, attendance from meeting_participants
    where meeting_id = ${meetingId} order by (kind = 'staff') desc, (kind = 'external') desc, name, id`);
}

export async function questionsOf(db: DbOrTx, meetingId: number): Promise<QuestionView[]> {
  const list = await rows<{ id: number; kind: 'question' | 'supportNeed'; text: string; author_id: number | null; author_name: string; created_at: string }>(db, sql`
    select id, kind, text, author_id, author_name, ${isoTimestamp(sql.raw('created_at'))} as created_at from meeting_questions where meeting_id = ${meetingId} order by id`);
  return list.map((q) => ({ id: q.id, kind: q.kind, text: q.text, author: q.author_id != null || q.author_name ? { id: q.author_id ?? 0, name: q.author_name } : null, createdAt: q.created_at }));
}

export interface CaseRecord {
  id: number; meetingId: number; pupilId: number; pupilName: string; groupName: string | null; kind: 'discussion' | 'announcement';
  proposedBy: number | null; proposedByName: string; question: string; form: Record<string, string>; parentPart: Record<string, string>;
  parentPartRequested: boolean; parentPartBy: string; parentPartOn: string | null; parentsInformed: 'yes' | 'no' | null;
  parentsInformedOn: string | null; notInformedReason: string; parentsToldOn: string | null; outcome: Record<string, string>;
  followUp: FollowUp[]; caseManagerId: number | null; caseManagerName: string | null; publishedToParents: boolean; version: number;
  proposedOn: string;
}

const CASE_SELECT = (today: string) => sql`
  select c.id, c.meeting_id as "meetingId", c.pupil_id as "pupilId", p.first_name || ' ' || p.last_name as "pupilName",
    (select g.name from enrolments e join groups g on g.id = e.group_id join school_years y on y.id = e.school_year_id
      where e.pupil_id = p.id and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date limit 1) as "groupName",
    c.kind, c.proposed_by as "proposedBy", c.proposed_by_name as "proposedByName", c.question, c.form, c.parent_part as "parentPart",
    c.parent_part_requested as "parentPartRequested", c.parent_part_by as "parentPartBy", c.parent_part_on::text as "parentPartOn",
    c.parents_informed as "parentsInformed", c.parents_informed_on::text as "parentsInformedOn", c.not_informed_reason as "notInformedReason",
    c.parents_told_on::text as "parentsToldOn", c.outcome, c.follow_up as "followUp", c.case_manager_id as "caseManagerId", u.name as "caseManagerName",
    c.published_to_parents as "publishedToParents", c.version, (c.created_at at time zone 'Europe/Amsterdam')::date::text as "proposedOn"
  from meeting_cases c join pupils p on p.id = c.pupil_id left join users u on u.id = c.case_manager_id`;

export async function casesOf(db: DbOrTx, meetingIds: readonly number[], today: string): Promise<CaseRecord[]> {
  if (meetingIds.length === 0) return [];
  return rows<CaseRecord>(db, sql`${CASE_SELECT(today)} where c.meeting_id = any(${intArray(meetingIds)})
    order by c.meeting_id, (c.kind = 'discussion') desc, c.id`);
}

export async function casesOfPupil(db: DbOrTx, pupilId: number, today: string): Promise<CaseRecord[]> {
  return rows<CaseRecord>(db, sql`${CASE_SELECT(today)} where c.pupil_id = ${pupilId} order by c.id desc`);
}

export async function caseRecord(db: DbOrTx, meetingId: number, caseId: number, today: string): Promise<CaseRecord> {
  const [c] = await rows<CaseRecord>(db, sql`${CASE_SELECT(today)} where c.id = ${caseId} and c.meeting_id = ${meetingId}`);
  if (!c) throw notFound('Deze besproken leerling');
  return c;
}

export async function consentsOf(db: DbOrTx, caseIds: readonly number[]): Promise<Map<number, ConsentView[]>> {
  const out = new Map<number, ConsentView[]>();
  if (caseIds.length === 0) return out;
  const list = await rows<ConsentView & { caseId: number }>(db, sql`
    select id, case_id as "caseId", decision, scope, given_by_name as "givenByName", method, given_on::text as "givenOn", recorded_by_name as "recordedByName"
    from meeting_consents where case_id = any(${intArray(caseIds)}) order by case_id, id`);
  for (const { caseId, ...c } of list) out.set(caseId, [...(out.get(caseId) ?? []), c]);
  return out;
}

/** Per pupil, the decision of their latest consent row (a consent is the pupil's; a withdrawal is a new row). */
async function latestConsents(db: DbOrTx, pupilIds: readonly number[]): Promise<Map<number, ConsentView['decision']>> {
  const pupils = [...new Set(pupilIds)];
  if (pupils.length === 0) return new Map();
  const list = await rows<{ pupil_id: number; decision: ConsentView['decision'] }>(db, sql`
    select distinct on (pupil_id) pupil_id, decision from meeting_consents where pupil_id = any(${intArray(pupils)}) order by pupil_id, id desc`);
  return new Map(list.map((r) => [r.pupil_id, r.decision]));
}

/**
 * The pupil's consent for externals: the consents of this case, or else the latest consent for the same pupil recorded
 * on any earlier case (a consent stays until withdrawn). Keyed by case id.
 */
export async function consentStates(db: DbOrTx, cases: readonly { id: number; pupilId: number }[]): Promise<Map<number, { state: ConsentState; consents: ConsentView[] }>> {
  const own = await consentsOf(db, cases.map((c) => c.id));
  const latest = await latestConsents(db, cases.map((c) => c.pupilId));
  const out = new Map<number, { state: ConsentState; consents: ConsentView[] }>();
  for (const c of cases) {
    const consents = own.get(c.id) ?? [];
    // A consent is the pupil's (decision 017): the latest row of the pupil counts, whichever case it was recorded on.
    out.set(c.id, { consents, state: latest.get(c.pupilId) ?? 'none' });
  }
  return out;
}

export interface ActionRecord {
  id: number; meetingId: number; meetingTitle: string; schoolId: number; caseId: number | null; pupilId: number | null; pupilName: string | null;
  decision: string; description: string; ownerId: number; ownerName: string; dueOn: string; doneAt: string | null; doneByName: string;
  doneNote: string; version: number;
}

const ACTION_SELECT = sql`
  select a.id, a.meeting_id as "meetingId", m.title as "meetingTitle", a.school_id as "schoolId", a.case_id as "caseId", a.pupil_id as "pupilId",
    case when p.id is null then null else p.first_name || ' ' || p.last_name end as "pupilName", a.decision, a.description,
    a.owner_id as "ownerId", u.name as "ownerName", a.due_on::text as "dueOn", ${isoTimestamp(sql.raw('a.done_at'))} as "doneAt", a.done_by_name as "doneByName",
    a.done_note as "doneNote", a.version
  from meeting_actions a join meetings m on m.id = a.meeting_id join users u on u.id = a.owner_id left join pupils p on p.id = a.pupil_id`;

export async function actionsOf(db: DbOrTx, meetingId: number): Promise<ActionRecord[]> {
  return rows<ActionRecord>(db, sql`${ACTION_SELECT} where a.meeting_id = ${meetingId} order by a.due_on, a.id`);
}

export async function actionRecord(db: DbOrTx, meetingId: number, actionId: number): Promise<ActionRecord> {
  const [a] = await rows<ActionRecord>(db, sql`${ACTION_SELECT} where a.id = ${actionId} and a.meeting_id = ${meetingId}`);
  if (!a) throw notFound('Deze actie');
  return a;
}

export async function schoolActions(db: DbOrTx, schoolId: number): Promise<ActionRecord[]> {
  return rows<ActionRecord>(db, sql`${ACTION_SELECT} where a.school_id = ${schoolId} order by a.due_on, a.id`);
}

export async function openActionsOwnedBy(db: DbOrTx, userId: number): Promise<ActionRecord[]> {
  return rows<ActionRecord>(db, sql`${ACTION_SELECT} where a.owner_id = ${userId} and a.done_at is null order by a.due_on, a.id`);
}

/**
 * An action as the viewer sees it: the pupil only when `pupilVisible`; an action about a pupil the viewer may not see
 * shows its owner and date but not its text (unless the viewer owns it: they must know what to do).
 */
export function actionView(a: ActionRecord, today: string, opts: { pupilVisible: boolean; canComplete: boolean; canEdit: boolean; viewerId?: number }): ActionView {
  const masked = !opts.pupilVisible && a.pupilId != null && a.ownerId !== opts.viewerId;
  return {
    id: a.id, meetingId: a.meetingId, meetingTitle: a.meetingTitle, caseId: opts.pupilVisible ? a.caseId : null,
    pupil: opts.pupilVisible && a.pupilId != null ? { id: a.pupilId, name: a.pupilName ?? '' } : null,
    decision: masked ? '' : a.decision, description: masked ? 'Actie over een leerling die u niet kunt inzien.' : a.description, owner: { id: a.ownerId, name: a.ownerName }, dueOn: a.dueOn,
    overdue: actionOverdue(a.dueOn, today, a.doneAt != null),
    done: a.doneAt ? { at: a.doneAt, by: a.doneByName, note: a.doneNote } : null,
    version: a.version, can: { complete: opts.canComplete, edit: opts.canEdit },
  };
}

export async function careCoordinators(db: DbOrTx, schoolId: number): Promise<number[]> {
  return (await rows<{ user_id: number }>(db, sql`select distinct user_id from user_roles where school_id = ${schoolId} and role = 'care_coordinator' order by user_id`)).map((r) => r.user_id);
}

/**
 * Whether the consent rule keeps the pupil out of the meeting as a case of `kind` (decision 017), read with the meeting
 * locked: adding an external takes the same lock, so the two cannot pass each other.
 */
export async function externalsBlockCase(tx: DbOrTx, settings: MeetingSettings, meetingId: number, pupilId: number, kind: 'discussion' | 'announcement'): Promise<boolean> {
  await tx.execute(sql`select id from meetings where id = ${meetingId} for update`);
  const hasExternals = (await meetingsWithExternals(tx, [meetingId])).size > 0;
  const latest = (await latestConsents(tx, [pupilId])).get(pupilId) ?? 'none';
  return caseBlockedByExternals(settings, hasExternals, kind, latest);
}

/** The meetings among `meetingIds` with at least one external participant. */
export async function meetingsWithExternals(db: DbOrTx, meetingIds: readonly number[]): Promise<Set<number>> {
  if (meetingIds.length === 0) return new Set();
  return new Set((await rows<{ meeting_id: number }>(db, sql`
    select distinct meeting_id from meeting_participants where kind = 'external' and meeting_id = any(${intArray(meetingIds)})`)).map((x) => x.meeting_id));
}

/**
 * Locks the open meetings that discuss the pupil (by id, so two transactions lock in the same order). A consent change
 * takes these locks before it is written, and adding an external takes its meeting's lock before it reads the consents:
 * so either the external is refused, or the change sees the external and tells of it.
 */
export async function lockOpenMeetingsOf(tx: DbOrTx, pupilId: number): Promise<void> {
  await tx.execute(sql`select m.id from meetings m
    where m.status in ('planned', 'held') and exists (select 1 from meeting_cases c where c.meeting_id = m.id and c.pupil_id = ${pupilId})
    order by m.id for update`);
}

/** Open meetings (planned or held) with external participants where the pupil is discussed: a consent withdrawn touches them. */
export async function openMeetingsWithExternalsFor(db: DbOrTx, pupilId: number, schoolId: number): Promise<{ id: number; title: string; heldOn: string; chairId: number | null }[]> {
  return (await rows<{ id: number; title: string; held_on: string; chair_id: number | null }>(db, sql`
    select m.id, m.title, m.held_on, m.chair_id from meetings m
    where m.school_id = ${schoolId} and m.status in ('planned', 'held')
      and exists (select 1 from meeting_cases c where c.meeting_id = m.id and c.pupil_id = ${pupilId} and c.kind = 'discussion')
      and exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.kind = 'external')
    order by m.held_on, m.id`)).map((r) => ({ id: r.id, title: r.title, heldOn: r.held_on, chairId: r.chair_id }));
}

// ---------------------------------------------------------------------------------------------------------------
// Agenda facts
// ---------------------------------------------------------------------------------------------------------------

const SIGNAL_REASON_NL: Record<SignalReason, string> = {
  learningDelay: 'leerachterstand', ahead: 'voorsprong', socialEmotional: 'sociaal-emotioneel', behaviour: 'gedrag', learningStyle: 'leerstijl',
  workAttitude: 'werkhouding', talent: 'talent', decline: 'terugval', homeSituation: 'thuissituatie',
};

/** The care period of a meeting: its own, or the one its date falls in. */
async function meetingPeriod(db: DbOrTx, m: MeetingRecord): Promise<{ id: number; startsOn: string; endsOn: string } | null> {
  const [p] = await rows<{ id: number; starts_on: string; ends_on: string }>(db, m.periodId != null
    ? sql`select id, starts_on::text, ends_on::text from care_periods where id = ${m.periodId}`
    : sql`select id, starts_on::text, ends_on::text from care_periods where school_year_id = ${m.schoolYearId}
        and starts_on <= ${m.heldOn}::date and ends_on >= ${m.heldOn}::date order by seq limit 1`);
  return p ? { id: p.id, startsOn: p.starts_on, endsOn: p.ends_on } : null;
}

/**
 * What the agenda points are built from, for one viewer: pupils through `visible` (pupil.viewCare), and the group's care
 * data (results, signals, plans, clusters) only when `groupCare` (group.viewCare on the meeting's group).
 */
export async function agendaFacts(db: DbOrTx, m: MeetingRecord, cases: readonly CaseRecord[], settings: MeetingSettings, visible: (pupilId: number) => boolean, today: string, groupCare: boolean): Promise<AgendaFacts> {
  const facts: AgendaFacts = {
    groupId: m.groupId, overviewId: null, previousPlans: [], results: [], signalled: [], hiddenSignalled: 0, needsDraft: [], clusters: [],
    cases: [], hiddenCases: 0, referrals: [], questions: [], openActions: [],
  };
  for (const c of cases) {
    if (visible(c.pupilId)) facts.cases.push({ caseId: c.id, pupilId: c.pupilId, name: c.pupilName, kind: c.kind, question: c.question });
    else facts.hiddenCases++;
  }
  facts.questions = (await questionsOf(db, m.id)).map((q) => ({ id: q.id, kind: q.kind, text: q.text, author: q.author?.name ?? '' }));
  // The open actions of the group's earlier groepsbesprekingen are the group's care data too.
  if (m.kind === 'groupDiscussion' && m.groupId != null && !groupCare) return { ...facts, groupDataHidden: true };
  const open = await rows<ActionRecord>(db, sql`${ACTION_SELECT}
    where a.done_at is null and m.school_id = ${m.schoolId} and m.kind = ${m.kind} and m.id <> ${m.id} and m.held_on < ${m.heldOn}::date
      and m.group_id is not distinct from ${m.groupId}
    order by a.due_on, a.id limit 30`);
  facts.openActions = open.map((a) => ({
    actionId: a.id, description: a.pupilId != null && !visible(a.pupilId) ? 'Actie over een leerling (niet zichtbaar voor u)' : a.description,
    owner: a.ownerName, dueOn: a.dueOn, overdue: actionOverdue(a.dueOn, today, false),
  }));
  if (m.kind !== 'groupDiscussion' || m.groupId == null) return facts;

  const period = await meetingPeriod(db, m);
  const school = await cycleSchool(db, m.schoolId);
  const word = groupWord(school.sector);
  const pupils = await rows<{ id: number; name: string }>(db, sql`
    select p.id, p.first_name || ' ' || p.last_name as name from enrolments e join pupils p on p.id = e.pupil_id
    where e.group_id = ${m.groupId} order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
  const pupilIds = intArray(pupils.map((p) => p.id));
  // The group's own groepsoverzicht (this period first); at the start of a year none exists yet, and the overview the
  // pupils were in last (the previous teacher's, seed 001's handover) stands in.
  const [overview] = await rows<{ id: number; form: 'crossSubject' | 'subject'; subject: string; own: boolean; label: string }>(db, sql`
    select o.id, o.form, o.subject, o.group_id = ${m.groupId} as own, g.name || ', ' || cp.name || ' ' || y.name as label
    from group_overviews o join care_periods cp on cp.id = o.period_id join groups g on g.id = o.group_id join school_years y on y.id = g.school_year_id
    where cp.starts_on <= ${m.heldOn}::date and o.school_id = ${m.schoolId}
      and (o.group_id = ${m.groupId} or exists (select 1 from group_overview_lines l where l.overview_id = o.id and l.pupil_id = any(${pupilIds})))
    order by (o.group_id = ${m.groupId}) desc, (o.period_id = ${period?.id ?? 0}) desc, cp.starts_on desc,
      (select count(*) from group_overview_lines l where l.overview_id = o.id and l.pupil_id = any(${pupilIds})) desc, (o.form = 'crossSubject') desc, o.id desc
    limit 1`);
  const nameOf = new Map(pupils.map((p) => [p.id, p.name]));

  // Lines of the overview: ticked pupils, needs still to write, clusters.
  const reasons = new Map<number, string[]>();
  const ticked = new Set<number>();
  if (overview) {
    facts.overviewId = overview.own ? overview.id : null;
    if (!overview.own) facts.overviewNote = `Nog geen groepsoverzicht van deze groep; gegevens uit het groepsoverzicht van ${word} ${overview.label}.`;
    const lines = (await rows<{ pupil_id: number; cluster: string | null; fields: OverviewLineFields }>(db, sql`
      select pupil_id, cluster, fields from group_overview_lines where overview_id = ${overview.id}`)).filter((l) => nameOf.has(l.pupil_id));
    const perCluster = new Map<string, number>();
    for (const l of lines) {
      if (l.fields.signalled) {
        ticked.add(l.pupil_id);
        reasons.set(l.pupil_id, l.fields.signalReasons.map((r) => SIGNAL_REASON_NL[r] ?? r));
      }
      const needsOpen = l.fields.needs.length === 0 || l.fields.needs.some((n) => !n.goal.trim() || (!n.needs.trim() && n.phrases.length === 0));
      if (l.fields.signalled && needsOpen) {
        if (visible(l.pupil_id)) facts.needsDraft.push({ pupilId: l.pupil_id, name: nameOf.get(l.pupil_id) ?? '' });
      }
      if (l.cluster) perCluster.set(l.cluster, (perCluster.get(l.cluster) ?? 0) + 1);
    }
    facts.clusters = school.settings.clusters.filter((c) => perCluster.has(c.key)).map((c) => ({ key: c.key, label: c.label, members: perCluster.get(c.key)! }));
  }

  // Live results and signals of the group's pupils up to the meeting (aggregates per instrument; signals per pupil).
  if (pupils.length > 0) {
    const domains = overviewDomains(overview?.form ?? 'crossSubject', overview?.subject ?? '', school.settings);
    const live = await resultsAndSignals(db, m.schoolId, school, pupils.map((p) => p.id), domains, m.heldOn);
    for (const p of pupils) {
      const signals = live.signals.get(p.id) ?? [];
      if (signals.length > 0) {
        // A short summary per tone (the full signal texts are on the groepsoverzicht): "zorgsignaal rekenen-wiskunde, spelling".
        if (!ticked.has(p.id) && !signals.some((s) => s.tone === 'concern') && ticked.size > 0) continue;
        const list = reasons.get(p.id) ?? [];
        for (const tone of ['concern', 'enrichment'] as const) {
          const domains = [...new Set(signals.filter((s) => s.tone === tone).map((s) => (DOMAIN_LABELS_NL[s.domain] ?? s.domain).toLowerCase()))];
          if (domains.length > 0) list.push(`${tone === 'concern' ? 'zorgsignaal' : 'mogelijk verrijking'} ${domains.join(', ')}`);
        }
        reasons.set(p.id, list);
      }
    }
    for (const inst of live.instruments) {
      let tested = 0; let atNorm = 0; let takenOn: string | null = null;
      for (const p of pupils) {
        const cell = (live.results.get(p.id) ?? []).find((c) => c.instrumentId === inst.id && c.level != null);
        if (!cell) continue;
        tested++;
        if (!cell.belowNorm) atNorm++;
        if (!takenOn || cell.takenOn > takenOn) takenOn = cell.takenOn;
      }
      if (tested > 0) facts.results.push({ instrument: inst.name, takenOn, tested, atNorm });
    }
  }
  for (const [pupilId, list] of reasons) {
    if (!nameOf.has(pupilId)) continue;
    if (visible(pupilId)) facts.signalled.push({ pupilId, name: nameOf.get(pupilId)!, reasons: list, ticked: ticked.has(pupilId) });
    else facts.hiddenSignalled++;
  }
  facts.signalled.sort((a, b) => pupils.findIndex((p) => p.id === a.pupilId) - pupils.findIndex((p) => p.id === b.pupilId));

  // The previous groepsplan(s): the latest plans (set or evaluated before drafts) of a period that began before the
  // meeting, of this group or — at the start of a year — of the group most of its pupils were in.
  const plans = await rows<{ id: number; own: boolean; group_label: string; period_name: string; subject: string; status: 'draft' | 'active' | 'evaluated'; doc: PlanDocument; reflection: PlanReflection; starts_on: string; overlap: number }>(db, sql`
    select gp.id, gp.group_id = ${m.groupId} as own, g.name || ' ' || y.name as group_label, cp.name as period_name, o.subject, gp.status, gp.doc, gp.reflection,
      cp.starts_on::text, (select count(*)::int from group_overview_lines l where l.overview_id = o.id and l.pupil_id = any(${pupilIds})) as overlap
    from group_plans gp join care_periods cp on cp.id = gp.period_id join group_overviews o on o.id = gp.overview_id
      join groups g on g.id = gp.group_id join school_years y on y.id = g.school_year_id
    where gp.school_id = ${m.schoolId} and cp.starts_on < ${m.heldOn}::date
      and (gp.group_id = ${m.groupId} or exists (select 1 from group_overview_lines l where l.overview_id = o.id and l.pupil_id = any(${pupilIds})))
    order by cp.starts_on desc, gp.id`);
  const relevant = plans.filter((p) => p.own || p.overlap * 2 >= pupils.length);
  const settled = relevant.filter((p) => p.status !== 'draft');
  const pool = settled.length > 0 ? settled : relevant;
  const latestStart = pool[0]?.starts_on;
  facts.previousPlans = pool.filter((p) => p.starts_on === latestStart).map((p) => {
    const goals = p.doc.rows.flatMap((r) => r.goals);
    return {
      id: p.id, title: `Groepsplan ${p.period_name}${p.subject ? ` (${p.subject})` : ''}${p.own ? '' : ` van ${word} ${p.group_label}`}`, status: p.status, goals: goals.length,
      achieved: goals.filter((g) => g.result === 'achieved').length, partly: goals.filter((g) => g.result === 'partly').length,
      notAchieved: goals.filter((g) => g.result === 'notAchieved').length, teacherSupport: p.reflection?.teacherSupport ?? '', own: p.own,
    };
  });

  // Pupils of the group proposed for an upcoming leerlingbespreking or care-team meeting.
  if (pupils.length > 0) {
    const refs = await rows<{ case_id: number; pupil_id: number; kind: MeetingKind; held_on: string }>(db, sql`
      select c.id as case_id, c.pupil_id, m.kind, m.held_on::text from meeting_cases c join meetings m on m.id = c.meeting_id
      where c.pupil_id = any(${intArray(pupils.map((p) => p.id))}) and m.id <> ${m.id} and m.kind in ('pupilDiscussion', 'careTeam')
        and m.status in ('planned', 'held') and m.held_on >= ${m.heldOn}::date - 60 order by m.held_on, c.id`);
    for (const r of refs) {
      if (!visible(r.pupil_id)) continue;
      facts.referrals.push({
        caseId: r.case_id, pupilId: r.pupil_id, name: nameOf.get(r.pupil_id) ?? '', heldOn: r.held_on,
        meetingKindLabel: r.kind === 'careTeam' ? `het ${settings.careTeamName}` : 'de leerlingbespreking',
      });
    }
  }
  return facts;
}

/** All pupil ids an agenda of `m` may name (cases, the group's pupils, action pupils): the caller asks the policy once. */
export async function agendaPupilIds(db: DbOrTx, m: MeetingRecord, cases: readonly CaseRecord[]): Promise<number[]> {
  const ids = new Set(cases.map((c) => c.pupilId));
  if (m.kind === 'groupDiscussion' && m.groupId != null) {
    for (const r of await rows<{ pupil_id: number }>(db, sql`select pupil_id from enrolments where group_id = ${m.groupId}`)) ids.add(r.pupil_id);
  }
  for (const r of await rows<{ pupil_id: number }>(db, sql`
    select distinct a.pupil_id from meeting_actions a join meetings m on m.id = a.meeting_id
    where a.pupil_id is not null and (a.meeting_id = ${m.id} or (a.done_at is null and m.school_id = ${m.schoolId} and m.kind = ${m.kind}
      and m.group_id is not distinct from ${m.groupId} and m.held_on < ${m.heldOn}::date))`)) ids.add(r.pupil_id);
  return [...ids];
}

