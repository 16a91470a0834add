// Reports of individual support on the demo data: the overview of pupils with extra support (filtered per role,
// audited) and "mijn taken" for the IB, a teacher, the director and parents — one task of every kind, overdue first,
// only about pupils the user may edit (staff) or their own child with gezag (parents), every pupil named audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { addDays } from '../../src/domain/school/periods';
import type { SupportOverviewView, Task, TasksView } from '../../src/domain/support';
import { loginDemoRoles, testApp, TODAY, type DemoRole, type TestApp } from '../support/app';

let t: TestApp;
let C = {} as Record<DemoRole | 'oppParentSigned' | 'oppParentWaiting' | 'trioParent', string>;
const F = {} as {
  school: number; voSchool: number; g5: number[]; g5LastYear: number[]; g3: number[]; trioPlan: number; trioPupils: number[]; oppPlan: number; oppPupil: number;
  hpPlan: number; closedPlan: number; closedPupil: number; capped: number; noOpp: number; demoChild: number; oppParentWaiting: number; trioParent: number;
};

const ids = async (q: ReturnType<typeof sql>) => (await t.q<{ id: number }>(q)).map((r) => r.id);
const one = async (q: ReturnType<typeof sql>) => (await ids(q))[0];

async function overview(cookie: string, schoolId = F.school) {
  return t.request('GET', `/api/support/overview?schoolId=${schoolId}`, cookie) as Promise<{ status: number; body: SupportOverviewView & { error?: string } }>;
}
/** The meetings' tasks in "mijn taken" (issue 6) are tested in meetings.test.ts; these tests look at the support tasks. */
const MEETING_TASKS = new Set(['meetingAction', 'meetingPreparation', 'minutesDue', 'parentsToInform', 'consentMissing', 'parentPartRequested']);

async function tasks(cookie: string): Promise<Task[]> {
  const res = await t.request('GET', '/api/tasks', cookie) as { status: number; body: TasksView };
  expect(res.status).toBe(200);
  expect(res.body.today).toBe(TODAY);
  return res.body.tasks.filter((task) => !MEETING_TASKS.has(task.kind));
}

beforeAll(async () => {
  t = await testApp();
  F.school = await one(sql`select id from schools where brin = '99KA'`);
  F.voSchool = await one(sql`select id from schools where sector = 'vo' order by id limit 1`);
  const current = sql`(select id from school_years where school_id = ${F.school} and name = '2026-2027')`;
  const g5 = await one(sql`select id from groups where school_year_id = ${current} and name = '5'`);
  const g3 = await one(sql`select id from groups where school_year_id = ${current} and name = '3'`);
  F.g5 = await ids(sql`select pupil_id as id from enrolments where group_id = ${g5}`);
  F.g3 = await ids(sql`select pupil_id as id from enrolments where group_id = ${g3}`);
  F.g5LastYear = await ids(sql`select e.pupil_id as id from enrolments e join groups g on g.id = e.group_id join school_years y on y.id = g.school_year_id
    where g.school_id = ${F.school} and g.name = '5' and y.name = '2025-2026'`);
  F.trioPlan = await one(sql`select p.id from support_plans p where p.school_id = ${F.school} and p.kind = 'actionPlan' and p.status = 'active'
    and (select count(*) from support_plan_pupils pp where pp.plan_id = p.id) = 3`);
  F.trioPupils = await ids(sql`select pupil_id as id from support_plan_pupils where plan_id = ${F.trioPlan} order by pupil_id`);
  F.hpPlan = await one(sql`select p.id from support_plans p where p.school_id = ${F.school} and p.kind = 'actionPlan' and p.status = 'active' and p.id <> ${F.trioPlan}`);
  F.oppPlan = await one(sql`select id from support_plans where school_id = ${F.school} and kind = 'developmentPerspective'`);
  F.oppPupil = await one(sql`select pupil_id as id from support_plan_pupils where plan_id = ${F.oppPlan}`);
  F.closedPlan = await one(sql`select id from support_plans where school_id = ${F.school} and status = 'closed'`);
  F.closedPupil = await one(sql`select pupil_id as id from support_plan_pupils where plan_id = ${F.closedPlan}`);
  F.capped = await one(sql`select pupil_id as id from support_levels where level = '2' and ends_on is null and starts_on < '2026-01-01' and school_id = ${F.school}`);
  F.noOpp = await one(sql`select l.pupil_id as id from support_levels l where l.level = '4' and l.ends_on is null and l.school_id = ${F.school}
    and not exists (select 1 from support_plan_pupils pp join support_plans p on p.id = pp.plan_id where pp.pupil_id = l.pupil_id and p.kind = 'developmentPerspective')`);
  F.demoChild = await one(sql`select g.pupil_id as id from guardians g join users u on u.id = g.user_id where u.login = 'ouder'`);
  // The OPP's parents with gezag: the demo has one consent; the other parent still has to respond.
  const signed = await one(sql`select guardian_id as id from support_plan_responses where plan_id = ${F.oppPlan} and kind = 'consent'`);
  F.oppParentWaiting = await one(sql`select user_id as id from guardians where pupil_id = ${F.oppPupil} and has_authority and user_id <> ${signed}`);
  // A parent with gezag of a pupil of the plan for three pupils who has not responded yet.
  F.trioParent = await one(sql`select g.user_id as id from guardians g where g.has_authority and g.pupil_id = any(${sql.raw(`'{${F.trioPupils.join(',')}}'::int[]`)})
    and not exists (select 1 from support_plan_responses r where r.plan_id = ${F.trioPlan} and r.guardian_id = g.user_id) order by g.pupil_id, g.user_id limit 1`);
  const hash = await hashPassword(DEMO_PASSWORD);
  const login = async (userId: number) => {
    const [u] = await t.q<{ login: string }>(sql`update users set password_hash = ${hash} where id = ${userId} returning login`);
    return t.login(u.login);
  };
  C = { ...(await loginDemoRoles(t, g3)), oppParentSigned: await login(signed), oppParentWaiting: await login(F.oppParentWaiting), trioParent: await login(F.trioParent) };
}, 120_000);

afterAll(async () => t?.close());

describe('the demo data', () => {
  it('has about ten pupils with a level, the plans the demo promises, and nothing but a level for the demo parent’s child', async () => {
    const [n] = await t.q<{ n: number }>(sql`select count(distinct pupil_id)::int as n from support_levels where school_id = ${F.school}`);
    expect(n.n).toBeGreaterThanOrEqual(9);
    expect(n.n).toBeLessThanOrEqual(12);
    expect(await t.q(sql`select level, ends_on from support_levels where pupil_id = ${F.demoChild}`)).toEqual([{ level: '2', ends_on: null }]);
    expect(await ids(sql`select plan_id as id from support_plan_pupils where pupil_id = ${F.demoChild}`)).toEqual([]);
    // The plan for three pupils names none of them; the OPP's version 1 carries one digital consent.
    const [trio] = await t.q<{ doc: unknown; title: string }>(sql`select doc, title from support_plans where id = ${F.trioPlan}`);
    const names = await t.q<{ first_name: string; last_name: string }>(sql`select first_name, last_name from pupils where id = any(${sql.raw(`'{${F.trioPupils.join(',')}}'::int[]`)})`);
    const text = JSON.stringify(trio);
    for (const p of names) expect(text).not.toContain(`${p.first_name} ${p.last_name}`);
    expect(await t.q(sql`select v.number, r.kind, r.method from support_plan_responses r join support_plan_versions v on v.id = r.version_id
      where r.plan_id = ${F.oppPlan} and r.kind <> 'comment'`)).toEqual([{ number: 1, kind: 'consent', method: 'digital' }]);
    const [closed] = await t.q<{ decision: string }>(sql`select doc->'evaluation'->>'decision' as decision from support_plans where id = ${F.closedPlan}`);
    expect(closed.decision).toBe('stop');
  });
});

describe('GET /api/support/overview', () => {
  it('shows the IB every pupil with extra support or a running plan, with level, plans, warnings and counts', async () => {
    // A pupil at level 1 (no extra support) is not listed.
    const levelOne = await one(sql`select pupil_id as id from enrolments e where e.pupil_id = any(${sql.raw(`'{${F.g3.join(',')}}'::int[]`)})
      and not exists (select 1 from support_levels l where l.pupil_id = e.pupil_id) order by pupil_id limit 1`);
    await t.q(sql`insert into support_levels (school_id, pupil_id, level, starts_on) values (${F.school}, ${levelOne}, '1', '2026-09-01')`);
    const expected = await ids(sql`select distinct pupil_id as id from support_levels where school_id = ${F.school} and ends_on is null and level in ('2', '3', '4')
      union select pp.pupil_id from support_plan_pupils pp join support_plans p on p.id = pp.plan_id where p.school_id = ${F.school} and p.status <> 'closed'`);
    const res = await overview(C.ib);
    expect(res.status).toBe(200);
    const rows = res.body.rows;
    expect(rows.map((r) => r.pupilId).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(rows.map((r) => r.pupilId)).not.toContain(levelOne);
    expect(res.body.levels.map((l) => l.key)).toEqual(['1', '2', '3', '4']);
    expect(Object.values(res.body.counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(res.body.counts['4']).toBe(2);

    const row = (id: number) => rows.find((r) => r.pupilId === id)!;
    expect(row(F.oppPupil)).toMatchObject({ level: '4', activePlans: [{ id: F.oppPlan, kind: 'developmentPerspective' }], warnings: [] });
    for (const id of F.trioPupils) expect(row(id)).toMatchObject({ level: '3', groupName: '5', activePlans: [{ id: F.trioPlan, kind: 'actionPlan', title: 'Handelingsplan rekenen: tafels automatiseren' }] });
    // The closed handelingsplan is history: its pupil is back on level 2 without a running plan.
    expect(row(F.closedPupil)).toMatchObject({ level: '2', activePlans: [] });
    expect(row(F.capped).warnings.map((w) => w.code)).toEqual(['maxPeriods']);
    expect(row(F.noOpp).warnings.map((w) => w.code).sort()).toEqual(['consentMissing', 'planMissing']);
    expect(row(F.demoChild)).toMatchObject({ level: '2', since: addDays(TODAY, -70), groupName: '5' });
  });

  it('gives a teacher only their own pupils (this year’s group, last year’s for the handover), the director the whole school, and audits every pupil listed', async () => {
    const all = (await overview(C.ib)).body.rows.map((r) => r.pupilId).sort();
    const teacher = await overview(C.teacher5);
    expect(teacher.status).toBe(200);
    const mine = teacher.body.rows.map((r) => r.pupilId);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    for (const id of mine) expect([...F.g5, ...F.g5LastYear]).toContain(id);
    expect(mine.length).toBeLessThan(all.length);
    expect(mine).toEqual(expect.arrayContaining([...F.trioPupils, F.capped, F.demoChild]));
    expect(mine).not.toContain(F.oppPupil);
    const third = (await overview(C.teacher3)).body.rows.map((r) => r.pupilId);
    expect(third.length).toBeGreaterThan(0);
    for (const id of third) expect(F.g3).toContain(id);
    expect((await overview(C.director)).body.rows.map((r) => r.pupilId).sort()).toEqual(all);

    const [u] = await t.q<{ id: number }>(sql`select id from users where login = 'leerkracht'`);
    const audited = await ids(sql`select distinct pupil_id as id from audit_log where actor_id = ${u.id} and action = 'list' and entity = 'support_level'
      and detail->>'route' = '/api/support/overview'`);
    expect(audited.sort()).toEqual([...mine].sort());
  });

  it('refuses parents, the administrator, the board and staff of another school, and records nothing for them', async () => {
    for (const who of ['parent', 'admin', 'board', 'zorg'] as const) {
      const res = await overview(C[who]);
      expect(res.status, who).toBe(403);
    }
    expect((await overview(C.ib, F.voSchool)).status).toBe(403);
    const [n] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login in ('ouder', 'beheerder', 'bestuur', 'zorgcoordinator') and a.detail->>'route' = '/api/support/overview'`);
    expect(n.n).toBe(0);
  });
});

describe('GET /api/tasks', () => {
  it('gives the IB one task of every staff kind, overdue first, then by due date', async () => {
    // Make every deadline fall due: the second handelingsplan's evaluation is overdue, the OPP ends and is due for its
    // yearly evaluation within the reminder days, and a draft OPP with a decision date must be set within six weeks.
    await t.q(sql`update support_plans set ends_on = ${addDays(TODAY, -3)} where id = ${F.hpPlan}`);
    await t.q(sql`update support_plans set starts_on = ${addDays(TODAY, -360)}, ends_on = ${addDays(TODAY, 5)} where id = ${F.oppPlan}`);
    const [draft] = await t.q<{ id: number }>(sql`insert into support_plans (school_id, kind, title, doc, decided_on)
      select ${F.school}, 'developmentPerspective', 'Ontwikkelingsperspectief spelling', doc, ${addDays(TODAY, -40)} from support_plans where id = ${F.oppPlan} returning id`);
    await t.q(sql`insert into support_plan_pupils (plan_id, pupil_id) values (${draft.id}, ${F.capped})`);

    const list = await tasks(C.ib);
    const kinds = new Set(list.map((x) => x.kind));
    for (const kind of ['evaluationDue', 'planExpiring', 'oppDeadline', 'oppYearlyEvaluation', 'signaturesOutstanding', 'levelCap', 'levelConsentMissing', 'oppCandidate']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(kinds).not.toContain('signatureRequested');
    const find = (kind: string, planId: number | null, pupilId?: number) => list.find((x) => x.kind === kind && x.planId === planId && (pupilId == null || x.pupilId === pupilId));
    expect(find('evaluationDue', F.hpPlan)).toMatchObject({ overdue: true, dueOn: addDays(TODAY, -3) });
    expect(find('evaluationDue', F.trioPlan)).toMatchObject({ overdue: false, dueOn: addDays(TODAY, 10) });
    expect(find('planExpiring', F.oppPlan)).toMatchObject({ pupilId: F.oppPupil, dueOn: addDays(TODAY, 5) });
    expect(find('oppYearlyEvaluation', F.oppPlan)?.dueOn).toBe(addDays(TODAY, 5));
    expect(find('oppDeadline', draft.id)).toMatchObject({ pupilId: F.capped, dueOn: addDays(TODAY, 2) });
    expect(find('oppDeadline', null, F.noOpp)?.dueOn).toBe(addDays(TODAY, 7));
    expect(find('signaturesOutstanding', F.oppPlan, F.oppPupil)?.message).toMatch(/wacht nog op de reactie van/);
    expect(find('levelCap', null, F.capped)?.params).toMatchObject({ rule: 'maxPeriods' });
    expect(find('levelConsentMissing', null, F.noOpp)).toBeTruthy();
    // Nobody with an OPP (draft or running) is an OPP candidate; candidates are pupils already at an extra-support level.
    const candidates = list.filter((x) => x.kind === 'oppCandidate').map((x) => x.pupilId!);
    expect(candidates).not.toContain(F.oppPupil);
    expect(candidates).not.toContain(F.capped);
    const inCare = await ids(sql`select pupil_id as id from support_levels where ends_on is null and level in ('2', '3') and school_id = ${F.school}`);
    for (const id of candidates) expect(inCare).toContain(id);

    // Overdue first, then by due date (undated last).
    const overdue = list.filter((x) => x.overdue);
    expect(list.slice(0, overdue.length)).toEqual(overdue);
    const dated = list.filter((x) => !x.overdue).map((x) => x.dueOn);
    const firstUndated = dated.indexOf(null);
    expect(dated.slice(firstUndated).every((d) => d === null)).toBe(true);
    const days = dated.slice(0, firstUndated) as string[];
    expect(days).toEqual([...days].sort());
  });

  it('gives the groep 5 teacher only tasks about their own pupils, the director none, and audits every pupil named', async () => {
    const list = await tasks(C.teacher5);
    expect(list.length).toBeGreaterThan(0);
    for (const x of list) expect(F.g5).toContain(x.pupilId);
    const evaluation = list.find((x) => x.kind === 'evaluationDue' && x.planId === F.trioPlan)!;
    expect(evaluation).toBeTruthy();
    expect(list.some((x) => x.kind === 'levelCap' && x.pupilId === F.capped)).toBe(true);
    expect(list.some((x) => x.planId === F.oppPlan || x.planId === F.hpPlan)).toBe(false);
    expect(await tasks(C.director)).toEqual([]);
    expect(await tasks(C.admin)).toEqual([]);

    // The plan for three pupils is one task naming all three (the teacher may see them): each is audited.
    const [u] = await t.q<{ id: number }>(sql`select id from users where login = 'leerkracht'`);
    const audited = await ids(sql`select distinct pupil_id as id from audit_log where actor_id = ${u.id} and action = 'list'
      and detail->>'route' = '/api/tasks' and entity = 'support_plan' and entity_id = ${String(F.trioPlan)}`);
    expect(audited.sort()).toEqual([...F.trioPupils].sort());
    const named = new Set(list.map((x) => x.pupilId));
    const all = await ids(sql`select distinct pupil_id as id from audit_log where actor_id = ${u.id} and detail->>'route' = '/api/tasks'`);
    for (const id of named) expect(all).toContain(id);
  });

  it('asks a parent with gezag to respond to the latest version, under its published title, until they have', async () => {
    const waiting = await tasks(C.oppParentWaiting);
    expect(waiting).toEqual([expect.objectContaining({
      kind: 'signatureRequested', pupilId: F.oppPupil, planId: F.oppPlan, dueOn: null, overdue: false,
      params: expect.objectContaining({ title: 'Ontwikkelingsperspectief rekenen', version: 1, planKind: 'developmentPerspective' }),
    })]);
    expect(waiting[0].message).toMatch(/wacht op uw instemming/);
    // The parent who consented has nothing left to do; neither has the demo parent (whose child has no plan).
    expect(await tasks(C.oppParentSigned)).toEqual([]);
    expect(await tasks(C.parent)).toEqual([]);

    // A plan for more pupils: only the own child is named, and the title is the published one, not the working text.
    await t.q(sql`update support_plans set title = 'Werktitel met wijzigingen' where id = ${F.trioPlan}`);
    const trio = await tasks(C.trioParent);
    expect(trio).toHaveLength(1);
    expect(trio[0]).toMatchObject({ kind: 'signatureRequested', planId: F.trioPlan, params: expect.objectContaining({ title: 'Handelingsplan rekenen: tafels automatiseren' }) });
    const [child] = await t.q<{ id: number; name: string }>(sql`select p.id, p.first_name || ' ' || p.last_name as name from guardians g join pupils p on p.id = g.pupil_id
      where g.user_id = ${F.trioParent} and p.id = any(${sql.raw(`'{${F.trioPupils.join(',')}}'::int[]`)})`);
    expect(trio[0]).toMatchObject({ pupilId: child.id, pupilName: child.name });
    const others = await t.q<{ name: string }>(sql`select first_name || ' ' || last_name as name from pupils where id = any(${sql.raw(`'{${F.trioPupils.filter((id) => id !== child.id).join(',')}}'::int[]`)})`);
    for (const o of others) expect(JSON.stringify(trio)).not.toContain(o.name);

    const [audited] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log where actor_id = ${F.oppParentWaiting} and action = 'list'
      and entity = 'support_plan' and entity_id = ${String(F.oppPlan)} and pupil_id = ${F.oppPupil}`);
    expect(audited.n).toBeGreaterThan(0);

    // Without gezag a parent is not asked (and a closed plan asks nobody).
    await t.q(sql`update guardians set has_authority = false where user_id = ${F.oppParentWaiting} and pupil_id = ${F.oppPupil}`);
    expect(await tasks(C.oppParentWaiting)).toEqual([]);
    await t.q(sql`update support_plans set status = 'closed' where id = ${F.trioPlan}`);
    expect(await tasks(C.trioParent)).toEqual([]);
  });
});
