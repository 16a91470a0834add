// Meetings through the API: scheduling a groepsbespreking with its generated agenda and checklist, consent required
// before externals (both orders), cases visible per pupil (a count for the rest) with audit, actions flowing to the
// owner's tasks and completing them (who/when), the parent portal (published cases only; their part and consent),
// other school 404, stale version 409, bad input 422 with nothing changed, PDF text.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../src/domain/meetings/views';
import type { SessionUser } from '../../src/server/http/context';
import { seedDemoMeetings } from '../../src/server/meetings/demo';
import { meetingTasksFor } from '../../src/server/meetings/tasks';
import { loginDemoRoles, testApp, TODAY, type DemoRole, type TestApp } from '../support/app';
import { pdfText } from '../support/pdf-text';

let t: TestApp;
let C = {} as Record<DemoRole, string>;
const G = {} as { school: number; g5: number; g3: number };
const P = {} as { p5: number; p5b: number; p3: number; p5Name: string; p3Name: string; p5bName: string };
const U = {} as { teacher5: number; teacher3: number; ib: number; parent: number };

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];

async function schedule(cookie: string, body: Record<string, unknown>): Promise<MeetingView> {
  const res = await t.request('POST', '/api/meetings', cookie, { schoolId: G.school, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MeetingView;
}

async function sessionUser(userId: number): Promise<SessionUser> {
  const grants = await t.q<{ role: SessionUser['grants'][number]['role']; schoolId: number | null; boardId: number | null }>(sql`
    select role, school_id as "schoolId", board_id as "boardId" from user_roles where user_id = ${userId}`);
  const [u] = await t.q<{ name: string; login: string }>(sql`select name, login from users where id = ${userId}`);
  return { userId, grants, name: u.name, login: u.login, locale: 'nl', totpEnabled: false, mfaSetupRequired: false, sessionId: 'test' };
}

/** meetingTasksFor as GET /api/tasks calls it (the lead wires it there). */
async function tasksOf(userId: number) {
  const user = await sessionUser(userId);
  const req = { user, server: t.app, ip: '127.0.0.1', routeOptions: { url: '/api/tasks' } } as unknown as FastifyRequest;
  return meetingTasksFor(req, t.database.db, user, TODAY);
}

/** Removes the school's meetings; consents are append-only, so their trigger is set aside for this test set-up only. */
async function clearMeetings() {
  await t.q(sql`alter table meeting_consents disable trigger meeting_consents_no_change`);
  await t.q(sql`delete from meeting_consents where case_id in (select c.id from meeting_cases c join meetings m on m.id = c.meeting_id where m.school_id = ${G.school})`);
  await t.q(sql`alter table meeting_consents enable trigger meeting_consents_no_change`);
  await t.q(sql`delete from meetings where school_id = ${G.school}`);
}

beforeAll(async () => {
  t = await testApp();
  G.school = await one(sql`select id from schools where brin = '99KA'`);
  const year = await one(sql`select id from school_years where school_id = ${G.school} and name = '2026-2027'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${year} and name = '3'`);
  U.parent = await one(sql`select id from users where login = 'ouder'`);
  U.teacher5 = await one(sql`select id from users where login = 'leerkracht'`);
  U.ib = await one(sql`select id from users where login = 'ib'`);
  U.teacher3 = await one(sql`select user_id as id from group_staff where group_id = ${G.g3} limit 1`);
  P.p5 = await one(sql`select pupil_id as id from guardians where user_id = ${U.parent}`);
  P.p5b = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g5} and pupil_id <> ${P.p5} order by pupil_id limit 1`);
  P.p3 = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} order by pupil_id limit 1`);
  P.p5Name = await one<string>(sql`select first_name || ' ' || last_name as n from pupils where id = ${P.p5}`, 'n');
  P.p5bName = await one<string>(sql`select first_name || ' ' || last_name as n from pupils where id = ${P.p5b}`, 'n');
  P.p3Name = await one<string>(sql`select first_name || ' ' || last_name as n from pupils where id = ${P.p3}`, 'n');
  // Start without demo meetings or consents for these pupils (the demo may seed some).
  await clearMeetings();
  C = await loginDemoRoles(t, G.g3);
}, 120_000);

afterAll(async () => t?.close());

describe('groepsbespreking: schedule, generated agenda, checklist, notifications', () => {
  it('the care coordinator schedules a groepsbespreking for groep 5 with the Bijlage 15 agenda and the Bijlage 17 checklist', async () => {
    const m = await schedule(C.ib, { kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-01', startsAt: '15:00' });
    expect(m).toMatchObject({ kind: 'groupDiscussion', title: 'Groepsbespreking groep 5', heldOn: '2026-12-01', startsAt: '15:00', durationMinutes: 60, status: 'planned' });
    expect(m.chair?.id).toBe(U.ib);
    const keys = m.agenda.map((a) => a.key);
    expect(keys).toContain('previousPlan');
    expect(keys).toContain('signalledPupils');
    expect(keys).toContain('teacherSupport');
    expect(keys).not.toContain('ownSubject'); // PO: no subject teachers
    expect(m.agenda.find((a) => a.key === 'previousPlan')!.title).toBe('Evalueren van het vorig groepsplan');
    // Data points from the data: the pupils' previous groepsplan (last year's groep 4, evaluated) and the pupils ticked in
    // that groepsoverzicht, the group's results against the norm, the clusters.
    const previous = m.agenda.find((a) => a.key === 'previousPlan')!.points;
    expect(previous[0]).toMatchObject({ kind: 'planEvaluation' });
    expect(previous[0].text).toMatch(/^Groepsplan .*groep 4.*: geëvalueerd — \d+ van de \d+ doelen gehaald/);
    const signalled = m.agenda.find((a) => a.key === 'signalledPupils')!.points;
    expect(signalled.filter((p) => p.kind === 'signalledPupil').length).toBeGreaterThan(0);
    expect(signalled.every((p) => p.kind !== 'signalledPupil' || typeof p.pupilId === 'number')).toBe(true);
    expect(m.agenda.find((a) => a.key === 'results')!.points[0].text).toMatch(/leerlingen op of boven de norm/);
    expect(m.agenda.find((a) => a.key === 'clustering')!.points.length).toBeGreaterThan(0);
    expect(m.checklist.map((c) => c.title)).toContain('Clusteren van leerlingen');
    expect(m.checklist).toHaveLength(7);
    expect(m.minutesForm.map((f) => f.label)).toContain('Samenvatten van belangrijkste afspraken en besluiten');
    // The group's teacher is invited and notified (without pupil content).
    expect(m.participants.some((p) => p.userId === U.teacher5)).toBe(true);
    const n = await t.q<{ kind: string; params: Record<string, string> }>(sql`select kind, params from notifications where user_id = ${U.teacher5} and link = ${`/overleg/${m.id}`}`);
    expect(n.map((x) => x.kind)).toEqual(['meetingScheduled']);
    expect(n[0].params).toEqual({ meetingTitle: 'Groepsbespreking groep 5', heldOn: '2026-12-01' });
  });

  it('a handed-in question shows under "Inventariseren vragen docenten"; the list shows the meeting to the group teacher only', async () => {
    const m = await schedule(C.ib, { kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-02' });
    const q = await t.request('POST', `/api/meetings/${m.id}/questions`, C.teacher5, { kind: 'question', text: 'Hoe organiseer ik de verlengde instructie rekenen?' });
    expect(q.status).toBe(201);
    const item = (q.body as MeetingView).agenda.find((a) => a.key === 'teacherQuestions')!;
    expect(item.points.map((p) => p.text).join(' ')).toMatch(/verlengde instructie rekenen/);
    const list5 = await t.request('GET', `/api/meetings?schoolId=${G.school}`, C.teacher5);
    expect(list5.status).toBe(200);
    expect(list5.body.meetings.map((x: { id: number }) => x.id)).toContain(m.id);
    const list3 = await t.request('GET', `/api/meetings?schoolId=${G.school}`, C.teacher3);
    expect(list3.body.meetings.map((x: { id: number }) => x.id)).not.toContain(m.id);
    expect((await t.request('GET', `/api/meetings/${m.id}`, C.teacher3)).status).toBe(403);
    // Invited, the other group's teacher sees the meeting, but not the group's care data: taking part opens neither the
    // pupils nor the group (decision 017).
    expect((await t.request('POST', `/api/meetings/${m.id}/participants`, C.ib, { kind: 'staff', userId: U.teacher3 })).status).toBe(201);
    const invited = await t.request('GET', `/api/meetings/${m.id}`, C.teacher3);
    expect(invited.status).toBe(200);
    const points = (key: string, v: MeetingView) => v.agenda.find((a) => a.key === key)!.points;
    const why = 'De gegevens van deze groep zijn voor u niet zichtbaar: alleen wie bij de groep betrokken is, ziet ze.';
    for (const key of ['previousPlan', 'results', 'signalledPupils', 'clustering']) expect(points(key, invited.body as MeetingView)).toEqual([{ kind: 'info', text: why }]);
    expect(points('teacherQuestions', invited.body as MeetingView).map((p) => p.text).join(' ')).toMatch(/verlengde instructie rekenen/);
    const own = (await t.request('GET', `/api/meetings/${m.id}`, C.teacher5)).body as MeetingView;
    expect(points('results', own)[0].text).toMatch(/leerlingen op of boven de norm/);
    expect((await t.request('GET', `/api/meetings/${m.id}`, C.zorg)).status).toBe(404); // another school
    expect((await t.request('GET', `/api/meetings?schoolId=${G.school}`, C.zorg)).status).toBe(403);
    expect((await t.request('GET', `/api/meetings/${m.id}`, C.parent)).status).toBe(403);
  });

  it('leerlingbesprekingen take chair and minute-taker from the rota among the teachers (seed 002 §5.3)', async () => {
    const first = await schedule(C.ib, { kind: 'pupilDiscussion', heldOn: '2026-12-07' });
    const second = await schedule(C.ib, { kind: 'pupilDiscussion', heldOn: '2027-01-11' });
    expect(first.chair).not.toBeNull();
    expect(first.minuteTaker).not.toBeNull();
    expect(second.chair!.id).toBe(first.minuteTaker!.id); // the next in turn chairs
    expect(second.chair!.id).not.toBe(first.chair!.id);
    expect(first.participants.map((p) => p.userId)).toEqual(expect.arrayContaining([first.chair!.id, first.minuteTaker!.id]));
    expect(first.durationMinutes).toBe(60); // 3 × 20 minutes per pupil
  });

  it('a teacher may not schedule a care-team meeting, nor a groepsbespreking of another group', async () => {
    expect((await t.request('POST', '/api/meetings', C.teacher5, { schoolId: G.school, kind: 'careTeam', heldOn: '2026-12-03' })).status).toBe(403);
    expect((await t.request('POST', '/api/meetings', C.teacher5, { schoolId: G.school, kind: 'groupDiscussion', groupId: G.g3, heldOn: '2026-12-03' })).status).toBe(403);
    const own = await t.request('POST', '/api/meetings', C.teacher5, { schoolId: G.school, kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-03' });
    expect(own.status).toBe(201);
    // The planner takes part even when the participants listed leave them out.
    const listed = await t.request('POST', '/api/meetings', C.teacher5, { schoolId: G.school, kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-04', participantIds: [U.ib] });
    expect(listed.status).toBe(201);
    expect((listed.body as MeetingView).participants.filter((p) => p.kind === 'staff').map((p) => p.userId).sort()).toEqual([U.ib, U.teacher5].sort());
  });

  it('a colleague already listed is refused with the reason, also when requests arrive together; the database keeps one row', async () => {
    const m = await schedule(C.ib, { kind: 'careTeam', heldOn: '2026-12-09' });
    const add = () => t.request('POST', `/api/meetings/${m.id}/participants`, C.ib, { kind: 'staff', userId: U.teacher3 });
    const results = await Promise.all([add(), add(), add()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    const refused = results.find((r) => r.status === 422)!;
    expect(refused.body.fields).toEqual({ userId: 'Deze collega staat al op de lijst.' });
    expect(await one(sql`select count(*)::int as n from meeting_participants where meeting_id = ${m.id} and user_id = ${U.teacher3}`, 'n')).toBe(1);
    // The backstop under the route's check: a second row for the same person is refused by the database itself.
    await expect(t.q(sql`insert into meeting_participants (meeting_id, kind, user_id, name) values (${m.id}, 'staff', ${U.teacher3}, 'Dubbel')`))
      .rejects.toMatchObject({ cause: { code: '23505', constraint: 'meeting_participants_person_uq' } });
  });
});

describe('VO: the mentor plans the groepsbespreking of the class', () => {
  it('the mentor of 2H schedules it, chairs it, and the agenda has "Wat betekent dit voor mijn eigen vak?"', async () => {
    const voSchool = await one(sql`select s.id from schools s where s.sector = 'vo' order by s.id limit 1`);
    const g2h = await one(sql`select g.id from groups g join school_years y on y.id = g.school_year_id where g.school_id = ${voSchool} and g.name = '2H'
      and y.starts_on <= ${TODAY}::date and y.ends_on >= ${TODAY}::date`);
    const mentor = await t.login('mentor');
    const res = await t.request('POST', '/api/meetings', mentor, { schoolId: voSchool, kind: 'groupDiscussion', groupId: g2h, heldOn: '2026-12-03' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const m = res.body as MeetingView;
    expect(m).toMatchObject({ title: 'Groepsbespreking klas 2H', durationMinutes: 45, chair: { id: await one(sql`select id from users where login = 'mentor'`) } });
    expect(m.agenda.map((a) => a.key)).toContain('ownSubject');
    expect(m.can.edit).toBe(true);
    const izo = await t.request('POST', '/api/meetings', C.zorg, { schoolId: voSchool, kind: 'careTeam', heldOn: '2026-12-04' });
    expect(izo.status).toBe(201);
    expect(izo.body).toMatchObject({ title: 'IZO', kindLabel: 'IZO' });
    // The PO school's care coordinator has no say here.
    expect((await t.request('GET', `/api/meetings/${m.id}`, C.ib)).status).toBe(404);
  });
});

describe('consent before externals', () => {
  it('refuses an external while a discussed pupil has no consent, and accepts after the consent is recorded', async () => {
    const m = await schedule(C.ib, { kind: 'careTeam', heldOn: '2026-12-08' });
    expect(m.title).toBe('Zorgteam');
    const withCase = await t.request('POST', `/api/meetings/${m.id}/cases`, C.ib, { pupilId: P.p5, question: 'Hoe helpen we bij het lezen?' });
    expect(withCase.status).toBe(201);
    const caseId = (withCase.body as MeetingView).cases[0].id;
    const external = { kind: 'external', name: 'Olga Orthopedagoog', organisation: 'SWV De Kempen', role: 'orthopedagoog' };
    const refused = await t.request('POST', `/api/meetings/${m.id}/participants`, C.ib, external);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('consent_required');
    expect(refused.body.pupils).toEqual([{ id: P.p5, name: P.p5Name }]);
    expect(refused.body.message).toContain(P.p5Name);
    expect(await one(sql`select count(*)::int as n from meeting_participants where meeting_id = ${m.id} and kind = 'external'`, 'n')).toBe(0);

    const consent = await t.request('POST', `/api/meetings/${m.id}/cases/${caseId}/consents`, C.ib, {
      decision: 'given', scope: 'Bespreken in het zorgteam met de orthopedagoog', givenByName: 'Moeder', method: 'paper', givenOn: '2026-11-20',
    });
    expect(consent.status).toBe(201);
    expect((consent.body as MeetingView).cases[0]).toMatchObject({ consent: 'given', consents: [{ decision: 'given', method: 'paper', givenByName: 'Moeder' }] });
    const added = await t.request('POST', `/api/meetings/${m.id}/participants`, C.ib, external);
    expect(added.status).toBe(201);
    expect((added.body as MeetingView).participants.find((p) => p.kind === 'external')).toMatchObject({ name: 'Olga Orthopedagoog', organisation: 'SWV De Kempen' });

    // The other order: a pupil without consent cannot join a meeting that has externals.
    const late = await t.request('POST', `/api/meetings/${m.id}/cases`, C.ib, { pupilId: P.p3, question: 'Gedrag' });
    expect(late.status).toBe(422);
    expect(late.body.error).toBe('consent_required');
    expect(await one(sql`select count(*)::int as n from meeting_cases where meeting_id = ${m.id}`, 'n')).toBe(1);
    // An announcement (no discussion) needs no consent.
    const announced = await t.request('POST', `/api/meetings/${m.id}/cases`, C.ib, { pupilId: P.p3, kind: 'announcement', question: 'Ter kennisgeving' });
    expect(announced.status).toBe(201);
    // …but turning it into a discussion is held to the same rule, and changes nothing.
    const announcement = (announced.body as MeetingView).cases.find((c) => c.pupil.id === P.p3)!;
    const upgraded = await t.request('PATCH', `/api/meetings/${m.id}/cases/${announcement.id}`, C.ib, { version: announcement.version, kind: 'discussion' });
    expect(upgraded.status).toBe(422);
    expect(upgraded.body.error).toBe('consent_required');
    expect(await one<string>(sql`select kind from meeting_cases where id = ${announcement.id}`, 'kind')).toBe('announcement');
    // A case with a consent on record cannot be deleted.
    expect((await t.request('DELETE', `/api/meetings/${m.id}/cases/${caseId}`, C.ib)).status).toBe(409);

    // The parents change their mind and the IB records it on paper: the meeting's chair (here the group's teacher) is
    // told, because the external is still listed; the IB, who recorded it, is not told of their own act.
    const current = (await t.request('GET', `/api/meetings/${m.id}`, C.ib)).body as MeetingView;
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: current.version, chairId: U.teacher5 })).status).toBe(200);
    const told = (user: number) => one(sql`select count(*)::int as n from notifications where user_id = ${user} and kind = 'consentWithdrawn' and link = ${`/overleg/${m.id}`}`, 'n');
    const withdrawn = await t.request('POST', `/api/meetings/${m.id}/cases/${caseId}/consents`, C.ib, {
      decision: 'withdrawn', scope: 'Bespreken in het zorgteam met de orthopedagoog', givenByName: 'Moeder', method: 'paper', givenOn: '2026-11-23',
    });
    expect(withdrawn.status).toBe(201);
    expect(await told(U.teacher5)).toBe(1);
    expect(await told(U.ib)).toBe(0);
    expect((withdrawn.body as MeetingView).warnings.join(' ')).toMatch(/ingetrokken|toestemming/i);
    // After a talk they agree again (the later tests build on a consent on record); giving consent tells no one.
    expect((await t.request('POST', `/api/meetings/${m.id}/cases/${caseId}/consents`, C.ib, {
      decision: 'given', scope: 'Bespreken in het zorgteam met de orthopedagoog', givenByName: 'Moeder', method: 'paper', givenOn: '2026-11-24',
    })).status).toBe(201);
    expect(await told(U.teacher5)).toBe(1);
  });
});

describe('cases per pupil, actions, tasks, parents', () => {
  let m: MeetingView;

  it('a teacher sees only their own pupils’ cases; the rest is a count; reads are audited per pupil', async () => {
    m = await schedule(C.ib, { kind: 'pupilDiscussion', heldOn: '2026-12-10', participantIds: [U.teacher5, U.teacher3], chairId: U.ib, minuteTakerId: U.teacher5 });
    expect((await t.request('POST', `/api/meetings/${m.id}/cases`, C.teacher5, { pupilId: P.p5, question: 'Leest erg langzaam', form: { reason: 'Hulp zonder resultaat' } })).status).toBe(201);
    // The teacher cannot propose a pupil they do not teach.
    expect((await t.request('POST', `/api/meetings/${m.id}/cases`, C.teacher5, { pupilId: P.p3, question: 'x' })).status).toBe(403);
    expect((await t.request('POST', `/api/meetings/${m.id}/cases`, C.teacher3, { pupilId: P.p3, question: 'Concentratie', form: { reason: 'Zorgen van ouders' } })).status).toBe(201);
    const seen = await t.request('GET', `/api/meetings/${m.id}`, C.teacher5);
    expect(seen.status).toBe(200);
    expect(seen.body.cases.map((c: { pupil: { id: number } }) => c.pupil.id)).toEqual([P.p5]);
    expect(seen.body.hiddenCases).toBe(1);
    expect(JSON.stringify(seen.body)).not.toContain(P.p3Name);
    expect(seen.body.cases[0].form.reason).toBe('Hulp zonder resultaat');
    expect(seen.body.caseForm.school.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(['reason', 'helpQuestion', 'background', 'triedSoFar', 'goal']));
    const audited = await t.q<{ pupil_id: number }>(sql`select pupil_id from audit_log where actor_id = ${U.teacher5} and entity = 'meeting' and entity_id = ${String(m.id)} and action = 'read'`);
    expect(audited.map((a) => a.pupil_id)).toContain(P.p5);
    expect(audited.map((a) => a.pupil_id)).not.toContain(P.p3);
    const ib = await t.request('GET', `/api/meetings/${m.id}`, C.ib);
    expect(ib.body.cases).toHaveLength(2);
    expect(ib.body.hiddenCases).toBe(0);
  });

  it('an action flows to the owner’s tasks; the owner completes it and who/when are recorded', async () => {
    const created = await t.request('POST', `/api/meetings/${m.id}/actions`, C.ib, { decision: 'Leesaanpak aanpassen', description: 'Oefenen met herhaald lezen', ownerId: U.teacher5, dueOn: '2026-11-20' });
    expect(created.status).toBe(201);
    const action = (created.body as MeetingView).actions[0];
    expect(action).toMatchObject({ description: 'Oefenen met herhaald lezen', owner: { id: U.teacher5 }, overdue: true, done: null });
    const notified = await one(sql`select count(*)::int as n from notifications where user_id = ${U.teacher5} and kind = 'actionAssigned'`, 'n');
    expect(notified).toBe(1);

    const { tasks } = await tasksOf(U.teacher5);
    const task = tasks.find((x) => x.kind === 'meetingAction' && x.actionId === action.id);
    expect(task).toMatchObject({ meetingId: m.id, dueOn: '2026-11-20', overdue: true });
    expect(task!.message).toMatch(/Oefenen met herhaald lezen/);
    // Not in someone else's tasks.
    expect((await tasksOf(U.teacher3)).tasks.some((x) => x.actionId === action.id)).toBe(false);

    // The real "mijn taken" carries it too.
    const mine = await t.request('GET', '/api/tasks', C.teacher5);
    expect(mine.body.tasks.some((x: { kind: string; actionId?: number }) => x.kind === 'meetingAction' && x.actionId === action.id)).toBe(true);

    // Someone who neither owns it nor coordinates care may not complete it or write its note; a parent or the board,
    // who may not see the meeting, cannot reach the action at all.
    for (const body of [{ version: action.version, done: true }, { version: action.version, note: 'x' }]) {
      expect((await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, C.teacher3, body)).status).toBe(403);
    }
    for (const outsider of [C.parent, C.board]) {
      for (const body of [{ version: action.version, done: true }, { version: action.version, note: 'x' }, { version: action.version }]) {
        expect((await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, outsider, body)).status).toBe(404);
      }
    }
    expect(await one(sql`select version from meeting_actions where id = ${action.id}`, 'version')).toBe(action.version);
    const stale = await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, C.teacher5, { version: action.version + 5, done: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale_version');
    const done = await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, C.teacher5, { version: action.version, done: true, note: 'Drie weken dagelijks' });
    expect(done.status).toBe(200);
    expect(done.body.done).toMatchObject({ by: 'Lotte Leerkracht', note: 'Drie weken dagelijks' });
    expect(done.body.done.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(done.body.overdue).toBe(false);
    expect((await tasksOf(U.teacher5)).tasks.some((x) => x.actionId === action.id)).toBe(false);
    // Reopened by the care coordinator, it is back in the owner's tasks; done again, the first completion is kept.
    const reopened = await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, C.ib, { version: done.body.version, done: false });
    expect(reopened.body).toMatchObject({ done: null, overdue: true });
    expect((await tasksOf(U.teacher5)).tasks.some((x) => x.actionId === action.id)).toBe(true);
    const again = await t.request('PATCH', `/api/meetings/${m.id}/actions/${action.id}`, C.teacher5, { version: reopened.body.version, done: true, note: 'Afgerond' });
    expect(again.body.done).toMatchObject({ by: 'Lotte Leerkracht', note: 'Afgerond' });
    const board = await t.request('GET', `/api/meetings/actions?schoolId=${G.school}&state=done`, C.ib);
    expect(board.status).toBe(200);
    expect(board.body.actions.map((a: { id: number }) => a.id)).toContain(action.id);
    expect((await t.request('GET', `/api/meetings/actions?schoolId=${G.school}`, C.teacher5)).status).toBe(403);

    // An action about a pupil the viewer may not see keeps its text from them (the owner sees it).
    const ib = (await t.request('GET', `/api/meetings/${m.id}`, C.ib)).body as MeetingView;
    const c3 = ib.cases.find((c) => c.pupil.id === P.p3)!;
    const hiddenAction = await t.request('POST', `/api/meetings/${m.id}/actions`, C.ib, { description: 'Gesprek met ouders over verlenging', ownerId: U.teacher3, dueOn: '2026-12-20', caseId: c3.id });
    expect(hiddenAction.status).toBe(201);
    const seen5 = ((await t.request('GET', `/api/meetings/${m.id}`, C.teacher5)).body as MeetingView).actions.find((a) => a.owner.id === U.teacher3)!;
    expect(seen5).toMatchObject({ pupil: null, caseId: null, description: 'Actie over een leerling die u niet kunt inzien.' });
    const seen3 = ((await t.request('GET', `/api/meetings/${m.id}`, C.teacher3)).body as MeetingView).actions.find((a) => a.owner.id === U.teacher3)!;
    expect(seen3).toMatchObject({ pupil: { id: P.p3 }, description: 'Gesprek met ouders over verlenging' });
  });

  it('parents see only published cases, fill in their part while asked and give consent digitally', async () => {
    const view = (await t.request('GET', `/api/meetings/${m.id}`, C.ib)).body as MeetingView;
    const c5 = view.cases.find((c) => c.pupil.id === P.p5)!;
    const before = await t.request('GET', `/api/pupils/${P.p5}/published-cases`, C.parent);
    expect(before.status).toBe(200);
    expect(before.body.cases).toEqual([]);
    const asked = await t.request('PATCH', `/api/meetings/${m.id}/cases/${c5.id}`, C.ib, { version: c5.version, parentPartRequested: true, outcome: { agreements: 'Dagelijks 10 minuten duolezen', notes: 'Intern: twijfel over motivatie' } });
    expect(asked.status).toBe(200);
    const n = await t.q<{ kind: string; params: unknown }>(sql`select kind, params from notifications where user_id = ${U.parent} order by id`);
    expect(n.map((x) => x.kind)).toContain('parentPartRequested');
    expect(JSON.stringify(n)).not.toContain(P.p5Name.split(' ')[0]);

    const parentView = await t.request('GET', `/api/pupils/${P.p5}/published-cases`, C.parent);
    expect(parentView.body.cases).toHaveLength(1);
    const pc = parentView.body.cases[0];
    // No externals in a leerlingbespreking: no consent is asked (the consent recorded for the zorgteam still stands).
    expect(pc).toMatchObject({ parentPartEditable: true, agreements: null, consentAsked: false, consent: 'given' });
    expect(JSON.stringify(parentView.body)).not.toContain('twijfel over motivatie');
    const missing = await t.request('PUT', `/api/pupils/${P.p5}/published-cases/${pc.id}/parent-part`, C.parent, { version: pc.version, parentPart: { home: 'Leest thuis weinig' } });
    expect(missing.status).toBe(422);
    const filled = await t.request('PUT', `/api/pupils/${P.p5}/published-cases/${pc.id}/parent-part`, C.parent, { version: pc.version, parentPart: { parentQuestion: 'Hoe kunnen wij thuis helpen?', home: 'Leest thuis weinig' } });
    expect(filled.status).toBe(200);
    expect(filled.body.cases[0].parentPart.parentQuestion).toBe('Hoe kunnen wij thuis helpen?');

    // Publishing shows the agreements meant for parents, not the internal notes.
    const latest = ((await t.request('GET', `/api/meetings/${m.id}`, C.ib)).body as MeetingView).cases.find((c) => c.pupil.id === P.p5)!;
    expect(latest.parentPart.parentQuestion).toBe('Hoe kunnen wij thuis helpen?');
    expect((await t.request('PATCH', `/api/meetings/${m.id}/cases/${c5.id}`, C.ib, { version: latest.version, publishedToParents: true })).status).toBe(200);
    const published = await t.request('GET', `/api/pupils/${P.p5}/published-cases`, C.parent);
    expect(published.body.cases[0].agreements).toEqual([{ label: 'Afspraken', text: 'Dagelijks 10 minuten duolezen' }]);
    // Another parent's child, or a teacher, cannot act as the parent.
    expect((await t.request('GET', `/api/pupils/${P.p3}/published-cases`, C.parent)).status).toBe(403);
    expect((await t.request('PUT', `/api/pupils/${P.p5}/published-cases/${pc.id}/parent-part`, C.teacher5, { version: 1, parentPart: { parentQuestion: 'x' } })).status).toBe(403);
  });

  it('a parent gives consent digitally when the meeting has externals', async () => {
    const care = await schedule(C.ib, { kind: 'careTeam', heldOn: '2026-12-15' });
    const withCase = await t.request('POST', `/api/meetings/${care.id}/cases`, C.ib, { pupilId: P.p5b, question: 'Werkhouding' });
    const c = (withCase.body as MeetingView).cases[0];
    await t.q(sql`insert into guardians (pupil_id, user_id, relation, has_authority) values (${P.p5b}, ${U.parent}, 'moeder', true) on conflict do nothing`);
    expect((await t.request('PATCH', `/api/meetings/${care.id}/cases/${c.id}`, C.ib, { version: c.version, parentPartRequested: true })).status).toBe(200);
    const view = await t.request('GET', `/api/pupils/${P.p5b}/published-cases`, C.parent);
    const pc = view.body.cases[0];
    expect(pc).toMatchObject({ consentAsked: true, consent: 'none' });
    const given = await t.request('POST', `/api/pupils/${P.p5b}/published-cases/${pc.id}/consent`, C.parent, { version: pc.version, decision: 'given' });
    expect(given.status).toBe(201);
    expect(given.body.cases[0]).toMatchObject({ consent: 'given', consents: [{ decision: 'given', method: 'digital' }] });
    // Now an external may join.
    expect((await t.request('POST', `/api/meetings/${care.id}/participants`, C.ib, { kind: 'external', name: 'Gert GGD', organisation: 'GGD', role: 'jeugdarts' })).status).toBe(201);

    // The parent withdraws it again: the meeting still has the external, so its care coordinator is told (the meeting
    // is named, the pupil is not), and the meeting shows the warning.
    const notices = () => one(sql`select count(*)::int as n from notifications where user_id = ${U.ib} and kind = 'consentWithdrawn' and link = ${`/overleg/${care.id}`}`, 'n');
    expect(await notices()).toBe(0);
    const again = (await t.request('GET', `/api/pupils/${P.p5b}/published-cases`, C.parent)).body.cases[0];
    const withdrawn = await t.request('POST', `/api/pupils/${P.p5b}/published-cases/${pc.id}/consent`, C.parent, { version: again.version, decision: 'withdrawn' });
    expect(withdrawn.status).toBe(201);
    expect(await notices()).toBe(1);
    const [notice] = await t.q<{ params: Record<string, string> }>(sql`select params from notifications where user_id = ${U.ib} and kind = 'consentWithdrawn'`);
    expect(notice.params).toEqual({ meetingTitle: care.title, heldOn: '2026-12-15' });
    const meeting = (await t.request('GET', `/api/meetings/${care.id}`, C.ib)).body as MeetingView;
    expect(meeting.cases[0].consent).toBe('withdrawn');
    // Without externals a change of mind concerns no one else: the IB takes the external off, the parent gives and
    // withdraws once more, and no new notice is made.
    const external = meeting.participants.find((p) => p.kind === 'external')!;
    expect((await t.request('DELETE', `/api/meetings/${care.id}/participants/${external.id}`, C.ib)).status).toBe(200);
    for (const decision of ['given', 'withdrawn']) {
      const latest = (await t.request('GET', `/api/pupils/${P.p5b}/published-cases`, C.parent)).body.cases[0];
      expect((await t.request('POST', `/api/pupils/${P.p5b}/published-cases/${pc.id}/consent`, C.parent, { version: latest.version, decision })).status).toBe(201);
    }
    expect(await notices()).toBe(1);
  });
});

describe('edits: stale version, bad input, closing, PDF', () => {
  it('refuses a stale version and bad input with nothing changed; closing needs the required minutes', async () => {
    const m = await schedule(C.ib, { kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-11-30' });
    const stale = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version + 1, title: 'Anders' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale_version');
    expect(stale.body.message).toMatch(/intussen gewijzigd/);
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, minutes: { nonsense: 'x' } })).status).toBe(422);
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, status: 'closed' })).status).toBe(422); // planned → closed
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, heldOn: '2026-02-30' })).status).toBe(422);
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, chairId: U.parent })).status).toBe(422);
    expect((await t.request('POST', '/api/meetings', C.ib, { schoolId: G.school, kind: 'groupDiscussion', heldOn: '2026-12-01' })).status).toBe(422);
    expect(await one(sql`select version from meetings where id = ${m.id}`, 'version')).toBe(m.version);
    // The teacher of the group views but does not edit.
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.teacher5, { version: m.version, title: 'x' })).status).toBe(403);

    const held = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, status: 'held', minutes: { previousPlan: 'Doelen rekenen deels gehaald' } });
    expect(held.status).toBe(200);
    const refused = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: held.body.version, status: 'closed' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('minutes_incomplete');
    expect(refused.body.problems.join(' ')).toMatch(/Samenvatten van belangrijkste afspraken/);
    expect(await one<string>(sql`select status from meetings where id = ${m.id}`, 'status')).toBe('held');
    const closed = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: held.body.version, status: 'closed', minutes: { newPlan: 'Rekenen: verlengde instructie', summary: 'Nieuw groepsplan vóór 1 december' } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(await one(sql`select count(*)::int as n from notifications where user_id = ${U.teacher5} and kind = 'minutesClosed'`, 'n')).toBe(1);
    expect((await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: closed.body.version, title: 'Na sluiten' })).status).toBe(409);
    // Who attended is part of the minutes: fixed with them.
    const participant = (closed.body as MeetingView).participants[0];
    const attendance = await t.request('PATCH', `/api/meetings/${m.id}/participants/${participant.id}`, C.ib, { attendance: 'absent' });
    expect(attendance.status).toBe(409);
    expect(attendance.body.error).toBe('meeting_closed');
    expect((await t.request('DELETE', `/api/meetings/${m.id}/participants/${participant.id}`, C.ib)).status).toBe(409);
    expect(await one<string>(sql`select attendance from meeting_participants where id = ${participant.id}`, 'attendance')).toBe(participant.attendance);
  });

  it('the chair edits the agenda (order, own item, note) and the checklist; unknown checklist keys are refused', async () => {
    const m = await schedule(C.ib, { kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-05' });
    const agenda = [...m.agenda].reverse().map(({ points: _points, ...item }) => item);
    agenda.push({ key: 'custom-1', title: 'Sinterklaasviering en rust in de groep', guidance: '', minutes: 5, note: 'Kort' });
    const res = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: m.version, agenda, preparation: { clustering: { done: true, points: 'Voorstel drie groepen' } } });
    expect(res.status).toBe(200);
    const view = res.body as MeetingView;
    expect(view.agenda[0].key).toBe(m.agenda[m.agenda.length - 1].key);
    expect(view.agenda.at(-1)).toMatchObject({ key: 'custom-1', title: 'Sinterklaasviering en rust in de groep', points: [] });
    expect(view.checklist.find((c) => c.key === 'clustering')).toMatchObject({ done: true, points: 'Voorstel drie groepen' });
    // Data points still follow the item's key after reordering.
    expect(view.agenda.find((a) => a.key === 'signalledPupils')!.points.length).toBeGreaterThan(0);
    const bad = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: view.version, preparation: { onbekend: { done: true, points: '' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.fields.preparation).toMatch(/Onbekend punt/);
    const empty = await t.request('PATCH', `/api/meetings/${m.id}`, C.ib, { version: view.version, agenda: [{ key: 'x', title: '  ' }] });
    expect(empty.status).toBe(422);
  });

  it('the PDF of the agenda holds its items; the verslag its fields', async () => {
    const m = await schedule(C.ib, { kind: 'groupDiscussion', groupId: G.g5, heldOn: '2026-12-04' });
    const res = await t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/pdf?part=agenda`, headers: { cookie: C.teacher5 } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Evalueren van het vorig groepsplan');
    expect(text).toContain('Clusteren van leerlingen');
    expect(text).toContain('Groepsbespreking groep 5');
    const minutes = await t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/pdf?part=minutes`, headers: { cookie: C.ib } });
    expect((await pdfText(minutes.rawPayload)).replace(/\s+/g, ' ')).toContain('Afspraken voor nieuw groepsplan');
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/pdf`, headers: { cookie: C.teacher3 } })).statusCode).toBe(403);
  });
});

describe('demo meetings', () => {
  it('seeds a held groepsbespreking with actions, the next one, a leerlingbespreking and a zorgteam with consent and an external', async () => {
    await clearMeetings();
    expect(await seedDemoMeetings(t.database.db, G.school, TODAY)).toBe(4);
    expect(await seedDemoMeetings(t.database.db, G.school, TODAY)).toBe(0); // once
    const list = await t.request('GET', `/api/meetings?schoolId=${G.school}`, C.ib);
    expect(list.body.meetings.map((m: { kind: string; status: string }) => `${m.kind}:${m.status}`)).toEqual(['groupDiscussion:closed', 'groupDiscussion:planned', 'pupilDiscussion:planned', 'careTeam:planned']);
    const care = (await t.request('GET', `/api/meetings/${list.body.meetings[3].id}`, C.ib)).body as MeetingView;
    expect(care.participants.some((p) => p.kind === 'external' && p.role === 'orthopedagoog')).toBe(true);
    expect(care.cases[0]).toMatchObject({ consent: 'given' });
    expect(care.warnings.join(' ')).not.toMatch(/toestemming/);
    const ibTasks = (await tasksOf(U.ib)).tasks;
    expect(ibTasks.some((x) => x.kind === 'meetingAction' && x.overdue)).toBe(true);
    const teacherTasks = (await tasksOf(U.teacher5)).tasks;
    expect(teacherTasks.some((x) => x.kind === 'meetingAction' && !x.overdue)).toBe(true);
    const board = await t.request('GET', `/api/meetings/actions?schoolId=${G.school}&state=overdue`, C.ib);
    expect(board.body.counts).toMatchObject({ open: 2, overdue: 1 });
    const parent = await t.request('GET', `/api/pupils/${P.p5}/published-cases`, C.parent);
    expect(parent.body.cases.some((c: { parentPartEditable: boolean }) => c.parentPartEditable)).toBe(true);
    expect((await tasksOf(U.parent)).tasks.map((x) => x.kind)).toContain('parentPartRequested');
  });
});
