// "Mijn taken" from meetings: gathers the facts for domain/meetings/tasks.ts for one user — open actions they own,
// meetings they run (preparation, minutes), cases they proposed or manage (parents to inform), consent missing in
// meetings they run, and for parents the parts and consents asked of them. Pupils are named only when the user may
// see their care (staff) or has gezag (parents); the caller stores the returned audit entries with its own.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { checklistOpen } from '../../domain/meetings/checklist';
import type { MeetingKind, MeetingStatus, Preparation } from '../../domain/meetings/model';
import { parentMeetingTasks, staffMeetingTasks, type CaseTaskFacts, type ParentCaseTaskFacts } from '../../domain/meetings/tasks';
import { kindLabel } from '../../domain/meetings/agenda';
import { isBlank } from '../../domain/meetings/forms';
import type { Task } from '../../domain/support/model';
import { visiblePupils } from '../access/guard';
import type { AuditEntry } from '../audit/audit';
import { intArray, rows, type DbOrTx } from '../db/client';
import type { SessionUser } from '../http/context';
import { STAFF_ROLES } from '../school/staff';
import { supportSettingsOf } from '../support/facts';
import { consentStates, meetingSettingsOf, openActionsOwnedBy } from './repo';

/** Days after a meeting its minutes are due. */
const MINUTES_DAYS = 7;

export async function meetingTasksFor(req: FastifyRequest, db: DbOrTx, user: SessionUser, today: string): Promise<{ tasks: Task[]; audit: AuditEntry[] }> {
  const tasks: Task[] = [];
  const named = new Map<string, AuditEntry>();
  const note = (schoolId: number, pupilId: number, entity: string, entityId: number) => {
    const key = `${entity}:${entityId}:${pupilId}`;
    if (!named.has(key)) named.set(key, { actorId: user.userId, schoolId, pupilId, action: 'list', entity, entityId, detail: { route: '/api/tasks' }, ip: req.ip });
  };

  const staffSchools = [...new Set(user.grants.filter((g) => g.schoolId != null && (STAFF_ROLES as readonly string[]).includes(g.role)).map((g) => g.schoolId!))];
  if (staffSchools.length > 0) {
    const actions = (await openActionsOwnedBy(db, user.userId)).filter((a) => staffSchools.includes(a.schoolId));
    const coordinatorAt = new Set(user.grants.filter((g) => g.role === 'care_coordinator' && g.schoolId != null).map((g) => g.schoolId!));
    const meetings = await rows<{ id: number; school_id: number; kind: MeetingKind; title: string; held_on: string; status: MeetingStatus; preparation: Preparation; chair_id: number | null; minute_taker_id: number | null; externals: number }>(db, sql`
      select m.id, m.school_id, m.kind, m.title, m.held_on::text, m.status, m.preparation, m.chair_id, m.minute_taker_id,
        (select count(*)::int from meeting_participants p where p.meeting_id = m.id and p.kind = 'external') as externals
      from meetings m
      where m.school_id = any(${intArray(staffSchools)}) and m.status in ('planned', 'held') and m.held_on >= ${today}::date - 120 and m.held_on <= ${today}::date + 60
        and (m.chair_id = ${user.userId} or m.minute_taker_id = ${user.userId}
          or exists (select 1 from meeting_cases c where c.meeting_id = m.id and (c.proposed_by = ${user.userId} or c.case_manager_id = ${user.userId}))
          or (m.school_id = any(${intArray([...coordinatorAt])}) and (m.kind = 'careTeam' or exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.kind = 'external'))))
      order by m.held_on, m.id`);
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const caseRows = meetings.length === 0 ? [] : await rows<{ id: number; meeting_id: number; pupil_id: number; name: string; kind: 'discussion' | 'announcement'; proposed_by: number | null; case_manager_id: number | null; parents_informed: 'yes' | 'no' | null; parents_told_on: string | null }>(db, sql`
      select c.id, c.meeting_id, c.pupil_id, p.first_name || ' ' || p.last_name as name, c.kind, c.proposed_by, c.case_manager_id, c.parents_informed,
        c.parents_told_on::text from meeting_cases c join pupils p on p.id = c.pupil_id
      where c.meeting_id = any(${intArray(meetings.map((m) => m.id))}) and c.kind = 'discussion' order by c.id`);
    const visible = await visiblePupils(req, [...new Set([...caseRows.map((c) => c.pupil_id), ...actions.flatMap((a) => (a.pupilId != null ? [a.pupilId] : []))])], 'pupil.viewCare');
    const states = await consentStates(db, caseRows.map((c) => ({ id: c.id, pupilId: c.pupil_id })));
    for (const schoolId of staffSchools) {
      const { settings: support } = await supportSettingsOf(db, schoolId);
      const { settings } = await meetingSettingsOf(db, schoolId);
      const mine = (m: { chair_id: number | null; minute_taker_id: number | null }) => m.chair_id === user.userId || m.minute_taker_id === user.userId;
      const cases: CaseTaskFacts[] = [];
      for (const c of caseRows) {
        const m = byId.get(c.meeting_id)!;
        if (m.school_id !== schoolId || !visible.has(c.pupil_id)) continue;
        const own = c.proposed_by === user.userId || c.case_manager_id === user.userId;
        const runsConsent = (mine(m) || coordinatorAt.has(schoolId)) && (m.kind === 'careTeam' || m.externals > 0);
        if (!own && !runsConsent) continue;
        cases.push({
          caseId: c.id, meetingId: m.id, meetingTitle: m.title, heldOn: m.held_on, meetingKind: m.kind, meetingStatus: m.status,
          pupil: { id: c.pupil_id, name: c.name },
          // Parents-informed tasks go to the proposer/case manager only; consent tasks to who runs the meeting.
          parentsInformed: c.parents_informed, parentsToldOn: c.parents_told_on, informsParents: own,
          consent: states.get(c.id)?.state ?? 'none', needsConsent: runsConsent,
        });
      }
      const found = staffMeetingTasks({
        today, reminderDays: support.reminderDays, minutesDays: MINUTES_DAYS, parentsInformedRequired: settings.parentsInformedRequired,
        actions: actions.filter((a) => a.schoolId === schoolId).map((a) => ({
          actionId: a.id, meetingId: a.meetingId, meetingTitle: a.meetingTitle, description: a.description, dueOn: a.dueOn,
          pupil: a.pupilId != null && visible.has(a.pupilId) ? { id: a.pupilId, name: a.pupilName ?? '' } : null,
        })),
        meetings: meetings.filter((m) => m.school_id === schoolId && mine(m)).map((m) => ({
          meetingId: m.id, title: m.title, heldOn: m.held_on, status: m.status, checklistOpen: checklistOpen(m.kind, m.preparation),
          chairs: m.chair_id === user.userId, runs: mine(m),
        })),
        cases,
      });
      for (const t of found) {
        if (t.pupilId == null) continue;
        if (t.kind === 'meetingAction') note(schoolId, t.pupilId, 'meeting_action', t.actionId ?? 0);
        else note(schoolId, t.pupilId, 'meeting_case', t.meetingId ?? 0);
      }
      tasks.push(...found);
    }
  }

  if (user.grants.some((g) => g.role === 'parent')) {
    const children = await rows<{ id: number; school_id: number; name: string }>(db, sql`
      select p.id, p.school_id, p.first_name || ' ' || p.last_name as name from guardians g join pupils p on p.id = g.pupil_id
      where g.user_id = ${user.userId} and g.has_authority order by p.id`);
    const allowed = await visiblePupils(req, children.map((c) => c.id), 'pupil.sign');
    const mine = children.filter((c) => allowed.has(c.id));
    if (mine.length > 0) {
      const list = await rows<{ id: number; meeting_id: number; pupil_id: number; kind: 'discussion' | 'announcement'; parent_part_requested: boolean; parent_part: Record<string, string>; m_kind: MeetingKind; held_on: string; status: MeetingStatus; externals: number; school_id: number }>(db, sql`
        select c.id, c.meeting_id, c.pupil_id, c.kind, c.parent_part_requested, c.parent_part, m.kind as m_kind, m.held_on::text, m.status, m.school_id,
          (select count(*)::int from meeting_participants p where p.meeting_id = m.id and p.kind = 'external') as externals
        from meeting_cases c join meetings m on m.id = c.meeting_id
        where c.pupil_id = any(${intArray(mine.map((c) => c.id))}) and (c.parent_part_requested or c.published_to_parents) and m.status in ('planned', 'held')
        order by m.held_on, c.id`);
      const states = await consentStates(db, list.map((c) => ({ id: c.id, pupilId: c.pupil_id })));
      const child = new Map(mine.map((c) => [c.id, c]));
      const settingsBySchool = new Map<number, Awaited<ReturnType<typeof meetingSettingsOf>>['settings']>();
      for (const schoolId of new Set(list.map((c) => c.school_id))) settingsBySchool.set(schoolId, (await meetingSettingsOf(db, schoolId)).settings);
      const facts: ParentCaseTaskFacts[] = [];
      for (const c of list) {
        const settings = settingsBySchool.get(c.school_id)!;
        facts.push({
          caseId: c.id, meetingId: c.meeting_id, kindLabel: kindLabel(c.m_kind, settings), heldOn: c.held_on,
          pupil: { id: c.pupil_id, name: child.get(c.pupil_id)!.name },
          partRequested: c.parent_part_requested, partFilled: Object.values(c.parent_part ?? {}).some((v) => !isBlank(v)),
          consentAsked: c.kind === 'discussion' && (c.m_kind === 'careTeam' || c.externals > 0), consent: states.get(c.id)?.state ?? 'none',
          meetingClosed: false,
        });
      }
      const found = parentMeetingTasks(today, facts);
      for (const t of found) if (t.pupilId != null) note(child.get(t.pupilId)!.school_id, t.pupilId, 'meeting_case', 0);
      tasks.push(...found);
    }
  }
  return { tasks, audit: [...named.values()] };
}
