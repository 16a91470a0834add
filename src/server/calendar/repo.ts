// Reading and generating a school's care calendar: the facts (school, year, periods, groups), who sees which part
// (care roles everything; staff the school-wide items, their groups' items and the meetings they may view; parents the
// items published to everyone for their children's groups), the derived deadlines of plans, and the generation that
// replaces untouched generated items. Used by the routes, the iCal feed and the demo seeder.
import { sql } from 'drizzle-orm';
import { decidePupil, type Actor, type RoleGrant } from '../../domain/access/policy';
import { isMeetingKind, generateCalendar, periodOf } from '../../domain/calendar/generate';
import type { CalendarAudience } from '../../domain/calendar/model';
import { calendarWarnings, type RuleItem } from '../../domain/calendar/rules';
import type { CalendarDraft, CalendarItem, CalendarItemKind, GroupFact, PeriodFact, SchoolYearRef } from '../../domain/calendar/views';
import { defaultAgenda } from '../../domain/meetings/agenda';
import { readSchoolSettings, type SchoolSettings } from '../../domain/school/settings';
import { nextOppEvaluation } from '../../domain/support/deadlines';
import { loadPupilRelations } from '../access/relations';
import { visibleMeetingIds } from '../access/meetings';
import { rows, type DbOrTx } from '../db/client';

export interface SchoolFacts {
  id: number;
  boardId: number;
  name: string;
  sector: 'po' | 'vo';
  settings: SchoolSettings;
}

export async function schoolFacts(db: DbOrTx, schoolId: number): Promise<SchoolFacts | null> {
  const [s] = await rows<{ id: number; board_id: number; name: string; sector: 'po' | 'vo'; settings: unknown }>(db, sql`
    select id, board_id, name, sector, settings from schools where id = ${schoolId}`);
  return s ? { id: s.id, boardId: s.board_id, name: s.name, sector: s.sector, settings: readSchoolSettings(s.sector, s.settings) } : null;
}

export async function yearsOf(db: DbOrTx, schoolId: number): Promise<SchoolYearRef[]> {
  return rows<SchoolYearRef>(db, sql`select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn"
    from school_years where school_id = ${schoolId} order by starts_on`);
}

/** The asked year (must be the school's), else the one containing today, else the latest. */
export function pickYear(years: readonly SchoolYearRef[], wanted: number | undefined, today: string): SchoolYearRef | null {
  if (wanted !== undefined) return years.find((y) => y.id === wanted) ?? null;
  return years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? years.at(-1) ?? null;
}

export async function periodsOf(db: DbOrTx, yearId: number): Promise<(PeriodFact & { id: number })[]> {
  return rows<PeriodFact & { id: number }>(db, sql`select id, seq, name, starts_on::text as "startsOn", ends_on::text as "endsOn"
    from care_periods where school_year_id = ${yearId} order by seq`);
}

export async function groupsOf(db: DbOrTx, yearId: number): Promise<GroupFact[]> {
  const found = await rows<{ id: number; name: string; grades: number[] }>(db, sql`select id, name, grades from groups
    where school_year_id = ${yearId} order by name collate "und-x-icu"`);
  return found.map((g) => ({ id: g.id, name: g.name, grades: g.grades.map(Number) }));
}

/** How a user stands to the school's calendar. */
export type Viewer =
  | { kind: 'care'; manage: boolean }
  | { kind: 'staff'; groupIds: Set<number> }
  | { kind: 'parent'; children: { groupId: number; grade: number | null }[] };

const STAFF_ROLES = new Set(['teacher', 'mentor', 'subject_teacher']);

/** The viewer of a school's calendar for a year; null: no role at the school that sees the calendar. */
export async function viewerOf(db: DbOrTx, actor: Actor, schoolId: number, yearId: number): Promise<Viewer | null> {
  const roles = new Set(actor.grants.filter((g) => g.schoolId === schoolId).map((g) => g.role));
  if (roles.has('care_coordinator') || roles.has('director')) return { kind: 'care', manage: roles.has('care_coordinator') };
  if ([...roles].some((r) => STAFF_ROLES.has(r))) {
    const mine = await rows<{ group_id: number }>(db, sql`select distinct gs.group_id from group_staff gs join groups g on g.id = gs.group_id
      where gs.user_id = ${actor.userId} and g.school_year_id = ${yearId}`);
    return { kind: 'staff', groupIds: new Set(mine.map((m) => m.group_id)) };
  }
  if (roles.has('parent')) {
    const children = await rows<{ group_id: number; grade: number | null }>(db, sql`select e.group_id, e.grade from guardians gu
      join enrolments e on e.pupil_id = gu.pupil_id and e.school_year_id = ${yearId}
      join pupils p on p.id = gu.pupil_id and p.school_id = ${schoolId}
      where gu.user_id = ${actor.userId} and gu.has_authority`);
    return { kind: 'parent', children: children.map((c) => ({ groupId: c.group_id, grade: c.grade })) };
  }
  return null;
}

/** The roles of a user (for the feed, which has no session). */
export async function grantsOf(db: DbOrTx, userId: number): Promise<RoleGrant[]> {
  return rows<RoleGrant>(db, sql`select role, school_id as "schoolId", board_id as "boardId" from user_roles where user_id = ${userId}`);
}

interface EventRow {
  id: number; kind: string; title: string; starts_on: string; ends_on: string; group_id: number | null; group_name: string | null;
  grades: number[]; domain: string | null; audience: CalendarAudience; template_key: string | null; edited: boolean; note: string; version: number;
}

const EVENT_COLUMNS = sql`e.id, e.kind, e.title, e.starts_on::text as starts_on, e.ends_on::text as ends_on, e.group_id, g.name as group_name,
  e.grades, e.domain, e.audience, e.template_key, e.edited, e.note, e.version`;

export async function eventRows(db: DbOrTx, schoolId: number, yearId: number): Promise<EventRow[]> {
  return rows<EventRow>(db, sql`select ${EVENT_COLUMNS} from calendar_events e left join groups g on g.id = e.group_id
    where e.school_id = ${schoolId} and e.school_year_id = ${yearId}
    order by e.starts_on, e.id`);
}

function eventVisible(e: EventRow, viewer: Viewer): boolean {
  if (viewer.kind === 'care') return true;
  if (viewer.kind === 'staff') return e.audience !== 'care' && (e.group_id === null || viewer.groupIds.has(e.group_id));
  if (e.audience !== 'everyone') return false;
  return viewer.children.some((c) => (e.group_id === null || e.group_id === c.groupId)
    && (e.grades.length === 0 || c.grade === null || e.grades.map(Number).includes(c.grade)));
}

const toEventItem = (e: EventRow): CalendarItem => ({
  id: `event-${e.id}`, source: 'event', eventId: e.id, meetingId: null, version: e.version, kind: e.kind as CalendarItemKind, title: e.title,
  startsOn: e.starts_on, endsOn: e.ends_on, startsAt: null, durationMinutes: null,
  group: e.group_id === null ? null : { id: e.group_id, name: e.group_name ?? '' }, grades: e.grades.map(Number), domain: e.domain,
  audience: e.audience, templateKey: e.template_key, edited: e.edited, note: e.note, link: null, pupil: null, warnings: [],
});

interface MeetingRow {
  id: number; kind: 'groupDiscussion' | 'pupilDiscussion' | 'careTeam' | 'bilateral'; title: string; held_on: string; starts_at: string | null;
  duration_minutes: number; location: string; group_id: number | null; group_name: string | null; grades: number[] | null;
  template_key: string | null; edited: boolean; status: string;
}

/** The meeting kinds' neutral names (the feed shows these instead of a title someone typed). */
export function meetingKindLabel(kind: MeetingRow['kind'], settings: SchoolSettings, sector: 'po' | 'vo', groupName: string | null): string {
  const careTeam = settings.meetings.careTeamName;
  switch (kind) {
    case 'groupDiscussion': return groupName ? `Groepsbespreking ${sector === 'vo' ? 'klas' : 'groep'} ${groupName}` : 'Groepsbespreking';
    case 'pupilDiscussion': return 'Leerlingbespreking';
    case 'careTeam': return careTeam.charAt(0).toUpperCase() + careTeam.slice(1);
    case 'bilateral': return 'Bilateraal overleg';
  }
}

export interface DerivedPlan {
  planId: number;
  kind: 'planEvaluation' | 'oppEvaluation';
  title: string;
  dueOn: string;
  pupilId: number;
  pupilName: string;
  /** More pupils of the same plan the viewer may edit. */
  more: number;
}

/** Evaluation dates of running handelingsplannen and the OPP's yearly evaluation, for pupils the actor may edit. */
export async function derivedPlans(db: DbOrTx, actor: Actor, school: SchoolFacts, year: SchoolYearRef, today: string): Promise<DerivedPlan[]> {
  const roles = new Set(actor.grants.filter((g) => g.schoolId === school.id).map((g) => g.role));
  if (!['care_coordinator', 'teacher', 'mentor', 'subject_teacher'].some((r) => roles.has(r as never))) return [];
  const plans = await rows<{ id: number; kind: 'actionPlan' | 'developmentPerspective'; title: string; starts_on: string | null; ends_on: string | null; last_eval: string | null; pupil_id: number; first_name: string; last_name: string }>(db, sql`
    select p.id, p.kind, p.title, p.starts_on::text, p.ends_on::text, pp.pupil_id, pu.first_name, pu.last_name,
      (select max(m.held_on)::text from support_plan_meetings m where m.plan_id = p.id and m.purpose = 'evaluation') as last_eval
    from support_plans p join support_plan_pupils pp on pp.plan_id = p.id join pupils pu on pu.id = pp.pupil_id
    where p.school_id = ${school.id} and p.status = 'active' order by p.id, pu.last_name, pu.first_name`);
  if (plans.length === 0) return [];
  const rels = await loadPupilRelations(db, actor.userId, [...new Set(plans.map((p) => p.pupil_id))], today);
  const editable = new Set([...rels].filter(([, rel]) => decidePupil(actor, 'pupil.editCare', rel).allow).map(([id]) => id));
  const out = new Map<number, DerivedPlan>();
  for (const p of plans) {
    if (!editable.has(p.pupil_id)) continue;
    const known = out.get(p.id);
    if (known) { known.more++; continue; }
    const dueOn = p.kind === 'actionPlan' ? p.ends_on : nextOppEvaluation(p.starts_on, p.last_eval, school.settings.support);
    if (!dueOn || dueOn < year.startsOn || dueOn > year.endsOn) continue;
    out.set(p.id, {
      planId: p.id, kind: p.kind === 'actionPlan' ? 'planEvaluation' : 'oppEvaluation', title: p.title, dueOn,
      pupilId: p.pupil_id, pupilName: `${p.first_name} ${p.last_name}`, more: 0,
    });
  }
  return [...out.values()];
}

export interface LoadedCalendar {
  items: CalendarItem[];
  /** Derived plan items shown (for the audit: which pupils' plan dates were listed). */
  derived: DerivedPlan[];
}

/**
 * The part of a year's calendar the viewer sees, with the rule warnings of every item. `derived: false` leaves out the
 * plans' derived dates (they read pupil data and need audit entries): for a caller that only wants events or meetings.
 */
export async function loadCalendar(db: DbOrTx, opts: {
  actor: Actor; school: SchoolFacts; year: SchoolYearRef; viewer: Viewer; today: string; periods: PeriodFact[]; derived?: boolean;
}): Promise<LoadedCalendar> {
  const { actor, school, year, viewer, today, periods } = opts;
  const events = await eventRows(db, school.id, year.id);
  // The rules look at the whole calendar (a groepsbespreking before the test week), the viewer sees their part.
  const meetingIds = viewer.kind === 'parent' ? [] : await visibleMeetingIds(db, actor, school.id, today, { from: year.startsOn, to: year.endsOn });
  const allMeetings = await rows<MeetingRow>(db, sql`select m.id, m.kind, m.title, m.held_on::text as held_on, m.starts_at, m.duration_minutes, m.location,
      m.group_id, g.name as group_name, g.grades, m.template_key, m.edited, m.status
    from meetings m left join groups g on g.id = m.group_id
    where m.school_id = ${school.id} and m.held_on >= ${year.startsOn}::date and m.held_on <= ${year.endsOn}::date and m.status <> 'cancelled'
    order by m.held_on, m.id`);
  const meetingItems: CalendarItem[] = allMeetings.map((m) => ({
    id: `meeting-${m.id}`, source: 'meeting', eventId: null, meetingId: m.id, version: null, kind: m.kind, title: m.title,
    startsOn: m.held_on, endsOn: m.held_on, startsAt: m.starts_at, durationMinutes: m.duration_minutes,
    group: m.group_id === null ? null : { id: m.group_id, name: m.group_name ?? '' }, grades: (m.grades ?? []).map(Number), domain: null,
    audience: 'staff', templateKey: m.template_key, edited: m.edited, note: m.location, link: `/overleg/${m.id}`, pupil: null, warnings: [],
  }));
  const eventItems = events.map(toEventItem);
  const all = [...eventItems, ...meetingItems];
  const warnings = calendarWarnings(all.map(ruleItem), {
    sector: school.sector, year, periods, holidays: school.settings.calendar.holidays, rules: school.settings.calendar.rules,
  });
  all.forEach((item, i) => { item.warnings = warnings[i]; });
  const visibleMeetings = new Set(meetingIds);
  const items = [
    ...eventItems.filter((_, i) => eventVisible(events[i], viewer)),
    ...meetingItems.filter((m) => visibleMeetings.has(m.meetingId!)),
  ];
  const derived = viewer.kind === 'parent' || opts.derived === false ? [] : await derivedPlans(db, actor, school, year, today);
  for (const d of derived) {
    items.push({
      id: `${d.kind === 'planEvaluation' ? 'plan' : 'opp'}-${d.planId}`, source: 'derived', eventId: null, meetingId: null, version: null,
      kind: d.kind, title: d.title, startsOn: d.dueOn, endsOn: d.dueOn, startsAt: null, durationMinutes: null, group: null, grades: [],
      domain: null, audience: 'staff', templateKey: null, edited: false, note: d.more > 0 ? `+${d.more}` : '',
      link: `/leerlingen/${d.pupilId}/plannen/${d.planId}`, pupil: { id: d.pupilId, name: d.pupilName }, warnings: [],
    });
  }
  items.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.title.localeCompare(b.title, 'nl', { numeric: true }));
  return { items, derived };
}

const ruleItem = (i: CalendarItem | CalendarDraft): RuleItem => ({
  kind: i.kind, title: i.title, startsOn: i.startsOn, endsOn: i.endsOn, domain: i.domain,
  groupId: 'group' in i ? i.group?.id ?? null : i.groupId, grades: i.grades,
});

/** The drafts of a year and their warnings (the preview and the generation). */
export async function draftsOf(db: DbOrTx, school: SchoolFacts, year: SchoolYearRef) {
  const settings = school.settings.calendar;
  const periods = await periodsOf(db, year.id);
  const groups = await groupsOf(db, year.id);
  const drafts = generateCalendar({ year, periods, template: settings.template, groups, holidays: settings.holidays, sector: school.sector });
  const warnings = calendarWarnings(drafts.map(ruleItem), { sector: school.sector, year, periods, holidays: settings.holidays, rules: settings.rules });
  // Each occurrence gets its own key: template key, then the number of the occurrence (per group for a groepsbespreking).
  const seen = new Map<string, number>();
  const keyed = drafts.map((d, i) => {
    const base = `${d.templateKey}:${d.groupId ?? ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...d, occurrenceKey: `${d.templateKey}#${n}`, warnings: warnings[i], meeting: isMeetingKind(d.kind) };
  });
  return { drafts: keyed, periods };
}

/** Generated meetings that may be replaced: untouched (not edited, still planned, nothing recorded in them). */
const REPLACEABLE_MEETING = sql`m.template_key is not null and not m.edited and m.status = 'planned' and m.minutes = '{}'::jsonb
  and not exists (select 1 from meeting_cases c where c.meeting_id = m.id)
  and not exists (select 1 from meeting_questions q where q.meeting_id = m.id)
  and not exists (select 1 from meeting_actions a where a.meeting_id = m.id)
  and not exists (select 1 from meeting_participants p where p.meeting_id = m.id)`;

/** What generating again would replace and keep. */
export async function generationCounts(db: DbOrTx, schoolId: number, yearId: number): Promise<{ replaced: number; keptEdited: number }> {
  const [ev] = await rows<{ replaced: number; kept: number }>(db, sql`select count(*) filter (where not edited)::int as replaced, count(*) filter (where edited)::int as kept
    from calendar_events where school_id = ${schoolId} and school_year_id = ${yearId} and template_key is not null`);
  const [mt] = await rows<{ replaced: number; total: number }>(db, sql`select count(*) filter (where ${REPLACEABLE_MEETING})::int as replaced, count(*)::int as total
    from meetings m where m.school_id = ${schoolId} and m.school_year_id = ${yearId} and m.template_key is not null`);
  return { replaced: ev.replaced + mt.replaced, keptEdited: ev.kept + (mt.total - mt.replaced) };
}

/**
 * Generates a year's calendar (inside the caller's transaction): removes the generated events and meetings nobody
 * touched, keeps the edited ones (and does not create their occurrence again), stores the rest of the drafts.
 * Meetings get their duration from the meeting settings, the default agenda, and as chair the care coordinator (VO
 * groepsbespreking: the class mentor).
 */
export async function generateYear(tx: DbOrTx, opts: { school: SchoolFacts; year: SchoolYearRef; userId: number | null; careCoordinatorId: number | null }) {
  const { school, year, userId } = opts;
  const { drafts, periods } = await draftsOf(tx, school, year);
  const removedEvents = await rows<{ id: number }>(tx, sql`delete from calendar_events where school_id = ${school.id} and school_year_id = ${year.id}
    and template_key is not null and not edited returning id`);
  const removedMeetings = await rows<{ id: number }>(tx, sql`delete from meetings m where m.school_id = ${school.id} and m.school_year_id = ${year.id}
    and ${REPLACEABLE_MEETING} returning m.id`);
  const keptEvents = await rows<{ template_key: string; group_id: number | null }>(tx, sql`select template_key, group_id from calendar_events
    where school_id = ${school.id} and school_year_id = ${year.id} and template_key is not null`);
  const keptMeetings = await rows<{ template_key: string; group_id: number | null }>(tx, sql`select template_key, group_id from meetings
    where school_id = ${school.id} and school_year_id = ${year.id} and template_key is not null`);
  const kept = new Set([...keptEvents, ...keptMeetings].map((k) => `${k.template_key}:${k.group_id ?? ''}`));
  // A groepsbespreking scheduled by hand stands for the template's one of the same group in the same period that is
  // nearest in date: generating the year does not add a second.
  const byHand = await rows<{ group_id: number; held_on: string }>(tx, sql`select group_id, held_on::text from meetings
    where school_id = ${school.id} and school_year_id = ${year.id} and template_key is null and kind = 'groupDiscussion'
      and status <> 'cancelled' and group_id is not null order by held_on, id`);
  const standIns = new Set<(typeof drafts)[number]>();
  const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));
  for (const m of byHand) {
    const seq = periodOf(m.held_on, periods);
    const nearest = drafts
      .filter((d) => d.kind === 'groupDiscussion' && d.groupId === m.group_id && d.periodSeq === seq && !standIns.has(d))
      .sort((a, b) => distance(a.startsOn, m.held_on) - distance(b.startsOn, m.held_on))[0];
    if (nearest) standIns.add(nearest);
  }
  const fresh = drafts.filter((d) => !kept.has(`${d.occurrenceKey}:${d.groupId ?? ''}`) && !standIns.has(d));
  const mentors = school.sector === 'vo'
    ? new Map((await rows<{ group_id: number; user_id: number }>(tx, sql`select distinct on (gs.group_id) gs.group_id, gs.user_id from group_staff gs
        join groups g on g.id = gs.group_id where g.school_year_id = ${year.id} and gs.kind = 'mentor' order by gs.group_id, gs.user_id`)).map((m) => [m.group_id, m.user_id]))
    : new Map<number, number>();
  const periodId = new Map(periods.map((p) => [p.seq, p.id]));
  const durations = school.settings.meetings.durations;
  const events = fresh.filter((d) => !d.meeting);
  const meetings = fresh.filter((d) => d.meeting);
  if (events.length > 0) {
    await tx.execute(sql`insert into calendar_events (school_id, school_year_id, kind, title, starts_on, ends_on, group_id, grades, domain, audience, template_key, created_by)
      select ${school.id}, ${year.id}, x.kind, x.title, x.starts_on, x.ends_on, x.group_id, array(select jsonb_array_elements_text(x.grades)::smallint), x.domain, x.audience, x.template_key, ${userId}::int
      from json_to_recordset(${JSON.stringify(events.map((d) => ({
        kind: d.kind, title: d.title, starts_on: d.startsOn, ends_on: d.endsOn, group_id: d.groupId, grades: d.grades, domain: d.domain,
        audience: d.audience, template_key: d.occurrenceKey,
      })))}::json) as x(kind text, title text, starts_on date, ends_on date, group_id int, grades jsonb, domain text, audience text, template_key text)`);
  }
  if (meetings.length > 0) {
    const duration = (kind: string) => kind === 'groupDiscussion' ? durations.groupDiscussion : kind === 'careTeam' ? durations.careTeam : durations.pupilDiscussionPerCase * 4;
    const agendas = new Map(['groupDiscussion', 'pupilDiscussion', 'careTeam'].map((k) => [k, defaultAgenda(k as 'groupDiscussion', school.settings.meetings, school.sector)]));
    await tx.execute(sql`insert into meetings (school_id, school_year_id, kind, title, held_on, duration_minutes, group_id, period_id, chair_id, agenda, template_key, created_by, updated_by)
      select ${school.id}, ${year.id}, x.kind, x.title, x.held_on, x.duration_minutes, x.group_id, x.period_id, x.chair_id, x.agenda, x.template_key, ${userId}::int, ${userId}::int
      from json_to_recordset(${JSON.stringify(meetings.map((d) => ({
        kind: d.kind, title: d.title, held_on: d.startsOn, duration_minutes: duration(d.kind), group_id: d.groupId,
        period_id: d.periodSeq === null ? null : periodId.get(d.periodSeq) ?? null,
        chair_id: (d.kind === 'groupDiscussion' && d.groupId !== null ? mentors.get(d.groupId) : undefined) ?? opts.careCoordinatorId,
        agenda: agendas.get(d.kind) ?? [], template_key: d.occurrenceKey,
      })))}::json) as x(kind text, title text, held_on date, duration_minutes smallint, group_id int, period_id int, chair_id int, agenda jsonb, template_key text)`);
  }
  return {
    events: events.length, meetings: meetings.length, keptEdited: kept.size, removed: removedEvents.length + removedMeetings.length,
  };
}
