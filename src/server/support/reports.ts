// Reports of individual support: the care coordinator's overview of pupils with extra support (levels, running plans,
// level warnings) and "mijn taken" for staff (plans to evaluate, OPP deadlines, signatures outstanding, level caps,
// OPP candidates) and parents (versions waiting for their response). Both are lists: every pupil is filtered through
// the access policy, and every pupil listed is audited.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../domain/access/policy';
import {
  currentLevelEntry, levelDef, levelWarnings, parentTasks, sortTasks, staffTasks,
  type SupportOverviewView, type SupportPlanKind, type SupportPlanStatus, type Task, type TaskLevelFacts, type TaskPlanFacts,
  type TasksView,
} from '../../domain/support';
import { meetingTasksFor } from '../meetings/tasks';
import { visiblePupils } from '../access/guard';
import { audit, type AuditEntry } from '../audit/audit';
import { intArray, rows, type DbOrTx } from '../db/client';
import { requireUser } from '../http/context';
import { forbidden } from '../http/errors';
import { activePlanKinds, levelHistories, oppCandidateFor, schoolPeriods, signatureStates, supportSettingsOf } from './facts';

/** Roles that work with pupils' care at a school (the overview is theirs; parents, admins and the board get none). */
const CARE_STAFF_ROLES: ReadonlySet<Role> = new Set(['teacher', 'mentor', 'subject_teacher', 'care_coordinator', 'director']);
/** Roles that may write care content (pupil.editCare through their role or their relation): their tasks. */
const EDITING_ROLES: ReadonlySet<Role> = new Set(['teacher', 'mentor', 'subject_teacher', 'care_coordinator']);

const fullName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

interface PlanFactRow {
  id: number; kind: SupportPlanKind; status: SupportPlanStatus; title: string; starts_on: string | null; ends_on: string | null;
  decided_on: string | null; last_evaluated_on: string | null;
}

/** Not-closed plans of the pupils, with the date of their latest evaluation meeting, and which of the pupils they cover. */
async function openPlans(db: DbOrTx, pupilIds: readonly number[]) {
  if (pupilIds.length === 0) return { plans: [] as PlanFactRow[], members: [] as { plan_id: number; pupil_id: number }[] };
  const members = await rows<{ plan_id: number; pupil_id: number }>(db, sql`
    select pp.plan_id, pp.pupil_id from support_plan_pupils pp join support_plans p on p.id = pp.plan_id
    where pp.pupil_id = any(${intArray(pupilIds)}) and p.status <> 'closed' order by pp.plan_id, pp.pupil_id`);
  const planIds = [...new Set(members.map((m) => m.plan_id))];
  const plans = planIds.length === 0 ? [] : await rows<PlanFactRow>(db, sql`
    select p.id, p.kind, p.status, p.title, p.starts_on::text, p.ends_on::text, p.decided_on::text,
      (select max(m.held_on)::text from support_plan_meetings m where m.plan_id = p.id and m.purpose = 'evaluation') as last_evaluated_on
    from support_plans p where p.id = any(${intArray(planIds)}) order by p.ends_on nulls last, p.id`);
  return { plans, members };
}

export async function supportReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  r.get('/api/support/overview', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['support'], querystring: z.object({ schoolId: z.coerce.number().int().positive() }) },
  }, async (req): Promise<SupportOverviewView> => {
    const user = requireUser(req);
    const today = clock.today();
    const { schoolId } = req.query;
    if (!user.grants.some((g) => g.schoolId === schoolId && CARE_STAFF_ROLES.has(g.role))) throw forbidden();
    // Candidates: the school's current pupils with a current level or a plan that is not closed; the policy then
    // keeps those the user may see the care of (care coordinator and director: all; a teacher: their own pupils).
    const candidates = await rows<{ id: number; first_name: string; last_name: string; group_id: number | null; group_name: string | null }>(db, sql`
      select p.id, p.first_name, p.last_name, g.id as group_id, g.name as group_name
      from pupils p
      left join school_years y on y.school_id = p.school_id and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date
      left join enrolments e on e.pupil_id = p.id and e.school_year_id = y.id
      left join groups g on g.id = e.group_id
      where p.school_id = ${schoolId} and (p.leave_date is null or p.leave_date >= ${today}::date)
        and (exists (select 1 from support_levels l where l.pupil_id = p.id and l.ends_on is null)
          or exists (select 1 from support_plan_pupils pp join support_plans sp on sp.id = pp.plan_id where pp.pupil_id = p.id and sp.status <> 'closed'))
      order by g.name collate "und-x-icu" nulls last, p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
    const visible = await visiblePupils(req, candidates.map((c) => c.id), 'pupil.viewCare');
    const pupils = candidates.filter((c) => visible.has(c.id));
    const ids = pupils.map((p) => p.id);
    const [{ settings }, histories, periods, kinds, open] = await Promise.all([
      supportSettingsOf(db, schoolId), levelHistories(db, ids), schoolPeriods(db, schoolId), activePlanKinds(db, ids), openPlans(db, ids),
    ]);
    const planById = new Map(open.plans.map((p) => [p.id, p]));
    const plansOf = new Map<number, PlanFactRow[]>();
    for (const m of open.members) plansOf.set(m.pupil_id, [...(plansOf.get(m.pupil_id) ?? []), planById.get(m.plan_id)!]);

    const rowsOut: SupportOverviewView['rows'] = [];
    const entries: AuditEntry[] = [];
    for (const p of pupils) {
      const history = histories.get(p.id) ?? [];
      const current = currentLevelEntry(history, today);
      const def = current ? levelDef(settings, current.level) : null;
      const plans = (plansOf.get(p.id) ?? []).sort((a, b) => (a.ends_on ?? '9999').localeCompare(b.ends_on ?? '9999') || a.id - b.id);
      // A level the school no longer has is listed too: its warning asks to fix it.
      const extra = current != null && (def == null || def.extraSupport);
      if (!extra && plans.length === 0) continue;
      rowsOut.push({
        pupilId: p.id, name: fullName(p), groupId: p.group_id, groupName: p.group_name,
        level: current?.level ?? '', since: current?.startsOn ?? '',
        activePlans: plans.map((x) => ({ id: x.id, kind: x.kind, title: x.title, endsOn: x.ends_on })),
        warnings: current ? levelWarnings(settings, history, periods, today, kinds.get(p.id) ?? []) : [],
      });
      entries.push({ actorId: user.userId, schoolId, pupilId: p.id, action: 'list', entity: 'support_level', entityId: current?.id ?? null, detail: { route: '/api/support/overview' }, ip: req.ip });
    }
    const counts: Record<string, number> = {};
    for (const row of rowsOut) if (row.level) counts[row.level] = (counts[row.level] ?? 0) + 1;
    await audit(db, entries);
    return { schoolId, levels: settings.levels, rows: rowsOut, counts };
  });

  r.get('/api/tasks', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['support'] },
  }, async (req): Promise<TasksView> => {
    const user = requireUser(req);
    const today = clock.today();
    const tasks: Task[] = [];
    /** Per task: the pupils whose names it shows (a plan for more pupils names all of the user's own ones). */
    const named = new Map<string, AuditEntry>();
    const note = (schoolId: number | null, pupilId: number, planId: number | null) => {
      const key = `${pupilId}:${planId ?? ''}`;
      if (named.has(key)) return;
      named.set(key, {
        actorId: user.userId, schoolId, pupilId, action: 'list', entity: planId != null ? 'support_plan' : 'support_level',
        entityId: planId ?? pupilId, detail: { route: '/api/tasks' }, ip: req.ip,
      });
    };

    // Staff: per school where the user holds an editing role, the pupils they may edit the care of.
    const staffSchools = [...new Set(user.grants.filter((g) => g.schoolId != null && EDITING_ROLES.has(g.role)).map((g) => g.schoolId!))];
    for (const schoolId of staffSchools) {
      const careCoordinator = user.grants.some((g) => g.schoolId === schoolId && g.role === 'care_coordinator');
      const candidates = await rows<{ id: number; first_name: string; last_name: string }>(db, sql`
        select p.id, p.first_name, p.last_name from pupils p
        where p.school_id = ${schoolId} and (p.leave_date is null or p.leave_date >= ${today}::date)
          ${careCoordinator ? sql`` : sql`and exists (
            select 1 from enrolments e join school_years y on y.id = e.school_year_id join group_staff gs on gs.group_id = e.group_id
            where e.pupil_id = p.id and gs.user_id = ${user.userId} and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date)`}
        order by p.id`);
      const editable = await visiblePupils(req, candidates.map((c) => c.id), 'pupil.editCare');
      const pupils = candidates.filter((c) => editable.has(c.id));
      if (pupils.length === 0) continue;
      const ids = pupils.map((p) => p.id);
      const nameOf = new Map(pupils.map((p) => [p.id, fullName(p)]));
      const { settings, sector } = await supportSettingsOf(db, schoolId);
      const [histories, periods, kinds, open] = await Promise.all([
        levelHistories(db, ids), schoolPeriods(db, schoolId), activePlanKinds(db, ids), openPlans(db, ids),
      ]);
      // OPP candidates among the pupils already in the care structure (seed 002 4.9: an OPP follows extra support that
      // did not suffice): a current level with extra support that does not itself ask for an OPP or a referral (those
      // have their own deadline task). Pupils without extra support are flagged on their support page only.
      const inCare = ids.filter((id) => {
        const current = currentLevelEntry(histories.get(id) ?? [], today);
        const def = current ? levelDef(settings, current.level) : null;
        return def != null && def.extraSupport && def.planType !== 'developmentPerspective' && def.planType !== 'referral';
      });
      const oppCandidates = await oppCandidateFor(db, schoolId, sector, inCare, settings);
      const states = await signatureStates(db, open.plans.map((p) => p.id));
      const membersOf = new Map<number, number[]>();
      for (const m of open.members) membersOf.set(m.plan_id, [...(membersOf.get(m.plan_id) ?? []), m.pupil_id]);
      const withOpp = new Set(open.plans.filter((p) => p.kind === 'developmentPerspective').flatMap((p) => membersOf.get(p.id) ?? []));

      const planFacts: TaskPlanFacts[] = open.plans.map((p) => {
        const state = states.get(p.id);
        const mine = (membersOf.get(p.id) ?? []).filter((id) => nameOf.has(id));
        return {
          id: p.id, kind: p.kind, status: p.status, title: p.title, startsOn: p.starts_on, endsOn: p.ends_on, decidedOn: p.decided_on,
          lastEvaluatedOn: p.last_evaluated_on, latestVersion: state?.latestVersion ?? 0,
          pupils: mine.map((id) => ({ id, name: nameOf.get(id)! })),
          signatures: Object.fromEntries(mine.flatMap((id) => (state?.perPupil[id] ? [[id, state.perPupil[id]]] : []))),
        };
      });
      const levelFacts: TaskLevelFacts[] = [];
      for (const id of ids) {
        const history = histories.get(id) ?? [];
        const current = currentLevelEntry(history, today);
        const def = current ? levelDef(settings, current.level) : null;
        if (!current || !def) continue;
        levelFacts.push({
          pupilId: id, name: nameOf.get(id)!, level: def, since: current.startsOn,
          warnings: levelWarnings(settings, history, periods, today, kinds.get(id) ?? []), hasOpp: withOpp.has(id),
        });
      }
      const candidateFacts = [...oppCandidates].map(([pupilId, reasons]) => ({ pupilId, name: nameOf.get(pupilId)!, reasons }));
      const found = staffTasks(settings, today, planFacts, levelFacts, candidateFacts);
      const planPupils = new Map(planFacts.map((p) => [p.id, p.pupils]));
      for (const t of found) {
        // A plan task that names the plan's pupils together (one line for a plan for more pupils) names each of them.
        const who = t.planId != null && t.kind !== 'signaturesOutstanding' ? (planPupils.get(t.planId) ?? []).map((p) => p.id) : t.pupilId != null ? [t.pupilId] : [];
        for (const id of who) note(schoolId, id, t.planId);
      }
      tasks.push(...found);
    }

    // Parents: the latest version of a plan of their child (with gezag) that waits for their response.
    if (user.grants.some((g) => g.role === 'parent')) {
      const children = await rows<{ id: number; school_id: number; first_name: string; last_name: string }>(db, sql`
        select p.id, p.school_id, p.first_name, p.last_name from guardians g join pupils p on p.id = g.pupil_id
        where g.user_id = ${user.userId} and g.has_authority order by p.id`);
      const allowed = await visiblePupils(req, children.map((c) => c.id), 'pupil.sign');
      const mine = children.filter((c) => allowed.has(c.id));
      if (mine.length > 0) {
        // The published title (never the working text), per plan that is not closed and was published.
        const plans = await rows<{ id: number; kind: SupportPlanKind; pupil_id: number; title: string }>(db, sql`
          select p.id, p.kind, pp.pupil_id, v.title
          from support_plan_pupils pp join support_plans p on p.id = pp.plan_id
          join lateral (select title from support_plan_versions where plan_id = p.id order by number desc limit 1) v on true
          where pp.pupil_id = any(${intArray(mine.map((c) => c.id))}) and p.status <> 'closed' order by p.id, pp.pupil_id`);
        const states = await signatureStates(db, [...new Set(plans.map((p) => p.id))]);
        const child = new Map(mine.map((c) => [c.id, c]));
        const waiting = plans.flatMap((p) => {
          const state = states.get(p.id);
          const pupilState = state?.perPupil[p.pupil_id];
          if (!state || !state.publishedOn || !pupilState?.guardians.some((g) => g.guardianId === user.userId && g.outstanding)) return [];
          const c = child.get(p.pupil_id)!;
          note(c.school_id, c.id, p.id);
          return [{ pupilId: c.id, name: fullName(c), planId: p.id, title: p.title, kind: p.kind, versionNumber: state.latestVersion, publishedOn: state.publishedOn }];
        });
        tasks.push(...parentTasks(today, waiting));
      }
    }

    // Meetings (issue 6): the user's actions, preparations, minutes, parents to inform, consents, parents' parts.
    const meeting = await meetingTasksFor(req, db, user, today);
    tasks.push(...meeting.tasks);
    await audit(db, [...named.values(), ...meeting.audit]);
    return { today, tasks: sortTasks(tasks) };
  });
}
