// The access policy as a matrix: every pupil-data route × every role/relation × pupils of this school,
// the other school of the board and a school of another board. Allowed reads must leave an audit entry.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;

/** Pupils by their relation to the demo users. */
const P = {} as Record<'p5' | 'p6handover' | 'p3' | 'pNoGezagChild' | 'pVo' | 'pOther', number>;
const G = {} as Record<'g5' | 'g3' | 'gVo' | 'gOther' | 'g5LastYear', number>;
const cookies: Record<string, string> = {};

const SUBJECTS = ['teacher5', 'teacher3', 'ib', 'director', 'admin', 'parent', 'parentNoGezag', 'mentor', 'vakdocent', 'zorgcoordinator', 'board', 'otherIb'] as const;
type Subject = (typeof SUBJECTS)[number];
type Pupil = keyof typeof P;

beforeAll(async () => {
  t = await testApp();
  const one = async (q: ReturnType<typeof sql>) => ((await t.q<{ id: number }>(q))[0]).id;
  const cur = sql`(select y.id from school_years y where y.school_id = g.school_id and y.starts_on <= '2026-11-24' and y.ends_on >= '2026-11-24')`;
  G.g5 = await one(sql`select g.id from groups g where g.name = '5' and g.school_year_id = ${cur}`);
  G.g3 = await one(sql`select g.id from groups g where g.name = '3' and g.school_year_id = ${cur}`);
  G.gVo = await one(sql`select g.id from groups g where g.name = '2H' and g.school_year_id = ${cur}`);
  G.g5LastYear = await one(sql`select g.id from groups g join school_years y on y.id = g.school_year_id where g.name = '5' and y.name = '2025-2026' and g.school_id = (select school_id from groups where id = ${G.g5})`);
  P.p5 = await one(sql`select g.pupil_id as id from guardians g join users u on u.id = g.user_id where u.login = 'ouder'`);
  P.p6handover = await one(sql`select e.pupil_id as id from enrolments e join enrolments e2 on e2.pupil_id = e.pupil_id
    where e.group_id = ${G.g5LastYear} and e2.group_id <> ${G.g5} and e2.school_year_id = (select school_year_id from groups where id = ${G.g5}) limit 1`);
  P.p3 = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} limit 1`);
  P.pVo = await one(sql`select pupil_id as id from enrolments where group_id = ${G.gVo} limit 1`);
  P.pNoGezagChild = await one(sql`select pupil_id as id from guardians where not has_authority and pupil_id in (select pupil_id from enrolments where group_id = ${G.g3}) limit 1`);

  // A second board with its own school, group, pupil and care coordinator: nothing of it may leak either way.
  const hash = await hashPassword(DEMO_PASSWORD);
  const [b] = await t.q<{ id: number }>(sql`insert into boards (name) values ('Andere Stichting') returning id`);
  const [s] = await t.q<{ id: number }>(sql`insert into schools (board_id, name, brin, sector) values (${b.id}, 'Andere School', '98ZZ', 'po') returning id`);
  const [y] = await t.q<{ id: number }>(sql`insert into school_years (school_id, name, starts_on, ends_on) values (${s.id}, '2026-2027', '2026-08-01', '2027-07-31') returning id`);
  const [g] = await t.q<{ id: number }>(sql`insert into groups (school_id, school_year_id, name, grades) values (${s.id}, ${y.id}, '5', '{5}') returning id`);
  const [p] = await t.q<{ id: number }>(sql`insert into pupils (school_id, first_name, last_name, birth_date, entry_date) values (${s.id}, 'Anders', 'Elders', '2017-03-03', '2021-03-04') returning id`);
  await t.q(sql`insert into enrolments (pupil_id, group_id, school_year_id, grade) values (${p.id}, ${g.id}, ${y.id}, 5)`);
  const [u] = await t.q<{ id: number }>(sql`insert into users (login, name, password_hash) values ('ander.ib', 'Andere IB', ${hash}) returning id`);
  await t.q(sql`insert into user_roles (user_id, role, school_id) values (${u.id}, 'care_coordinator', ${s.id})`);
  P.pOther = p.id;
  G.gOther = g.id;

  // The parent without gezag, and the teacher of groep 3, get demo passwords for the test.
  const [ng] = await t.q<{ login: string }>(sql`update users set password_hash = ${hash} where id = (select user_id from guardians where pupil_id = ${P.pNoGezagChild} and not has_authority limit 1) returning login`);
  const [t3] = await t.q<{ login: string }>(sql`update users set password_hash = ${hash} where id = (select user_id from group_staff where group_id = ${G.g3} limit 1) returning login`);
  const logins: Record<Subject, string> = {
    teacher5: 'leerkracht', teacher3: t3.login, ib: 'ib', director: 'directeur', admin: 'beheerder', parent: 'ouder',
    parentNoGezag: ng.login, mentor: 'mentor', vakdocent: 'vakdocent', zorgcoordinator: 'zorgcoordinator', board: 'bestuur', otherIb: 'ander.ib',
  };
  for (const s of SUBJECTS) cookies[s] = await t.login(logins[s]);
}, 120_000);

afterAll(async () => t?.close());

// Expected outcomes, written out by hand (not computed by the policy under test).
const VIEW: Record<Subject, Pupil[]> = {
  teacher5: ['p5', 'p6handover'],
  teacher3: ['p3', 'pNoGezagChild'],
  ib: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  director: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  admin: ['p5', 'p6handover', 'p3', 'pNoGezagChild', 'pVo'],
  parent: ['p5'],
  parentNoGezag: [],
  mentor: ['pVo'],
  vakdocent: ['pVo'],
  zorgcoordinator: ['pVo'],
  board: ['p5', 'p6handover', 'p3', 'pNoGezagChild', 'pVo'],
  otherIb: ['pOther'],
};
const AUDIT: Record<Subject, Pupil[]> = {
  ...Object.fromEntries(SUBJECTS.map((s) => [s, []])) as unknown as Record<Subject, Pupil[]>,
  ib: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  director: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  zorgcoordinator: ['pVo'],
  otherIb: ['pOther'],
};
/** Results (care data): care roles and the pupil's (current or last year's) staff; parents only where the school publishes results (off here). */
const VIEW_CARE: Record<Subject, Pupil[]> = {
  teacher5: ['p5', 'p6handover'],
  teacher3: ['p3', 'pNoGezagChild'],
  ib: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  director: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  admin: [],
  parent: [],
  parentNoGezag: [],
  mentor: ['pVo'],
  vakdocent: ['pVo'],
  zorgcoordinator: ['pVo'],
  board: [],
  otherIb: ['pOther'],
};
const EDIT_ADMIN: Record<Subject, Pupil[]> = {
  ...Object.fromEntries(SUBJECTS.map((s) => [s, []])) as unknown as Record<Subject, Pupil[]>,
  admin: ['p5', 'p6handover', 'p3', 'pNoGezagChild', 'pVo'],
};

/** Write care content (levels, plans): the care coordinator and the pupil's staff this year — not last year's, not the director. */
const EDIT_CARE: Record<Subject, Pupil[]> = {
  ...Object.fromEntries(SUBJECTS.map((s) => [s, []])) as unknown as Record<Subject, Pupil[]>,
  teacher5: ['p5'],
  teacher3: ['p3', 'pNoGezagChild'],
  ib: ['p5', 'p6handover', 'p3', 'pNoGezagChild'],
  mentor: ['pVo'],
  vakdocent: ['pVo'],
  zorgcoordinator: ['pVo'],
  otherIb: ['pOther'],
};
/** Published plans (parent portal): the parent with gezag of their own child, and everyone who sees care content. */
const VIEW_PUBLISHED: Record<Subject, Pupil[]> = { ...VIEW_CARE, parent: ['p5'] };
/** Sign or consent to a published plan version: only a parent with gezag, for their own child. */
const SIGN: Record<Subject, Pupil[]> = {
  ...Object.fromEntries(SUBJECTS.map((s) => [s, []])) as unknown as Record<Subject, Pupil[]>,
  parent: ['p5'],
};

/** How each pupil route is called in the matrix, and which expectation it follows. */
const PUPIL_ROUTES: Record<string, { expect: Record<Subject, Pupil[]>; call: (id: number) => { method: string; url: string; body?: unknown }; read: boolean }> = {
  'GET /api/pupils/:id': { expect: VIEW, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}` }) },
  'GET /api/pupils/:id/audit': { expect: AUDIT, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/audit` }) },
  'GET /api/pupils/:id/results': { expect: VIEW_CARE, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/results` }) },
  // Writes use a stale version or unknown ids, so an allowed call is refused by the data (409/404/422), never by the policy.
  'PATCH /api/pupils/:id': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'PATCH', url: `/api/pupils/${id}`, body: { version: -1 } }) },
  'POST /api/pupils/:id/enrolments': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/enrolments`, body: { groupId: 999999 } }) },
  'DELETE /api/pupils/:id/enrolments/:enrolmentId': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'DELETE', url: `/api/pupils/${id}/enrolments/999999` }) },
  'POST /api/pupils/:id/guardians': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/guardians`, body: { name: 'x', relation: 'x', hasAuthority: true } }) },
  'PATCH /api/pupils/:id/guardians/:userId': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'PATCH', url: `/api/pupils/${id}/guardians/999999`, body: { relation: 'oom' } }) },
  'DELETE /api/pupils/:id/guardians/:userId': { expect: EDIT_ADMIN, read: false, call: (id) => ({ method: 'DELETE', url: `/api/pupils/${id}/guardians/999999` }) },
  // Individual support (issue 5). Plan routes name an unknown plan (404), writes carry a body the data refuses (422).
  'GET /api/pupils/:id/support': { expect: VIEW_CARE, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/support` }) },
  'POST /api/pupils/:id/support-levels': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/support-levels`, body: { level: 'geen-niveau', startsOn: '2026-11-24' } }) },
  'PATCH /api/pupils/:id/support-levels/:levelId': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'PATCH', url: `/api/pupils/${id}/support-levels/999999`, body: { reason: 'x' } }) },
  'POST /api/pupils/:id/plans': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans`, body: { kind: 'geen', title: 'x' } }) },
  'GET /api/pupils/:id/plans/:planId': { expect: VIEW_CARE, read: false, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/plans/999999` }) },
  'PUT /api/pupils/:id/plans/:planId': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'PUT', url: `/api/pupils/${id}/plans/999999`, body: { version: 1 } }) },
  'POST /api/pupils/:id/plans/:planId/publish': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/publish`, body: { version: 1 } }) },
  'PUT /api/pupils/:id/plans/:planId/status': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'PUT', url: `/api/pupils/${id}/plans/999999/status`, body: { version: 1, status: 'closed' } }) },
  'POST /api/pupils/:id/plans/:planId/extend': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/extend`, body: { version: 1, endsOn: '2027-01-15' } }) },
  'POST /api/pupils/:id/plans/:planId/follow-up': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/follow-up`, body: { version: 1 } }) },
  'DELETE /api/pupils/:id/plans/:planId': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'DELETE', url: `/api/pupils/${id}/plans/999999` }) },
  'POST /api/pupils/:id/plans/:planId/meetings': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/meetings`, body: { heldOn: 'gisteren' } }) },
  'PUT /api/pupils/:id/plans/:planId/meetings/:meetingId': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'PUT', url: `/api/pupils/${id}/plans/999999/meetings/999999`, body: { version: 1 } }) },
  'POST /api/pupils/:id/plans/:planId/notes': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/notes`, body: { notedOn: '2026-11-20', text: 'x' } }) },
  'POST /api/pupils/:id/plans/:planId/versions/:number/paper': { expect: EDIT_CARE, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/plans/999999/versions/1/paper`, body: { guardianId: 1 } }) },
  'GET /api/pupils/:id/plans/:planId/scans/:scanId': { expect: VIEW_CARE, read: false, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/plans/999999/scans/999999` }) },
  'GET /api/pupils/:id/plans/:planId/versions/:number/pdf': { expect: VIEW_CARE, read: false, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/plans/999999/versions/1/pdf` }) },
  'GET /api/pupils/:id/published-plans': { expect: VIEW_PUBLISHED, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/published-plans` }) },
  'GET /api/pupils/:id/published-plans/:planId': { expect: VIEW_PUBLISHED, read: false, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/published-plans/999999` }) },
  'GET /api/pupils/:id/published-plans/:planId/versions/:number/pdf': { expect: VIEW_PUBLISHED, read: false, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/published-plans/999999/versions/1/pdf` }) },
  'POST /api/pupils/:id/published-plans/:planId/versions/:number/responses': { expect: SIGN, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/published-plans/999999/versions/1/responses`, body: { kind: 'consent', statement: '', contentHash: '0'.repeat(64) } }) },
  // Meetings (issue 6): a pupil's discussions (staff), and what is published to parents about them.
  'GET /api/pupils/:id/meeting-cases': { expect: VIEW_CARE, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/meeting-cases` }) },
  'GET /api/pupils/:id/published-cases': { expect: VIEW_PUBLISHED, read: true, call: (id) => ({ method: 'GET', url: `/api/pupils/${id}/published-cases` }) },
  'PUT /api/pupils/:id/published-cases/:caseId/parent-part': { expect: SIGN, read: false, call: (id) => ({ method: 'PUT', url: `/api/pupils/${id}/published-cases/999999/parent-part`, body: { version: 1, parentPart: {} } }) },
  'POST /api/pupils/:id/published-cases/:caseId/consent': { expect: SIGN, read: false, call: (id) => ({ method: 'POST', url: `/api/pupils/${id}/published-cases/999999/consent`, body: { version: 1, decision: 'given' } }) },
};

/** Every /api route and the access kind it must declare. A new route fails here until it is placed in the policy. */
const DECLARED: Record<string, string> = {
  'POST /api/auth/login': 'public', 'POST /api/auth/login/totp': 'pending', 'POST /api/auth/logout': 'public',
  'POST /api/auth/password-reset': 'public', 'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/me': 'user', 'PATCH /api/me': 'user', 'POST /api/me/password': 'user',
  'POST /api/me/totp/setup': 'user', 'POST /api/me/totp/enable': 'user', 'POST /api/me/totp/disable': 'user',
  'GET /api/openapi.json': 'public',
  'GET /api/pupils': 'list', 'POST /api/pupils': 'school',
  ...Object.fromEntries(Object.keys(PUPIL_ROUTES).map((k) => [k, 'pupil'])),
  'GET /api/groups': 'list', 'GET /api/groups/:id': 'group',
  'POST /api/schools/:schoolId/groups': 'school', 'PATCH /api/groups/:id': 'school', 'PUT /api/groups/:id/staff': 'school',
  'GET /api/boards': 'user', 'GET /api/schools': 'user', 'POST /api/schools': 'school', 'PATCH /api/schools/:id': 'school',
  'GET /api/schools/:id/staff': 'school', 'GET /api/schools/:id/years': 'school', 'POST /api/schools/:id/years': 'school', 'PUT /api/years/:id/periods': 'school',
  'GET /api/users': 'school', 'POST /api/users': 'school', 'PATCH /api/users/:id': 'school', 'GET /api/outbox': 'school',
  // Pupil monitoring (issue 3).
  'GET /api/schools/:schoolId/instruments': 'school', 'POST /api/schools/:schoolId/instruments': 'school', 'PATCH /api/instruments/:id': 'school',
  'GET /api/instruments/:id/norms': 'school', 'PUT /api/instruments/:id/norms': 'school',
  'GET /api/groups/:id/results': 'group', 'PUT /api/groups/:id/results': 'group',
  'GET /api/groups/:id/cross-section': 'group', 'GET /api/groups/:id/signals': 'group',
  'GET /api/schools/:schoolId/trend': 'school',
  'GET /api/schools/:schoolId/signal-rules': 'school', 'PUT /api/schools/:schoolId/signal-rules': 'school',
  'POST /api/schools/:schoolId/result-imports': 'school', 'POST /api/result-imports/:id/preview': 'school',
  'POST /api/result-imports/:id/commit': 'school', 'GET /api/result-imports/:id': 'school',
  // The HGW group cycle (issue 4): group documents, decided through their group (access `via`).
  'GET /api/groups/:id/group-cycle': 'group', 'POST /api/groups/:id/overviews': 'group',
  'GET /api/group-overviews/:id': 'group', 'PUT /api/group-overviews/:id/lines/:pupilId': 'group',
  'PUT /api/group-overviews/:id/clusters': 'group', 'PUT /api/group-overviews/:id/status': 'group',
  'POST /api/group-overviews/:id/plan': 'group', 'GET /api/group-overviews/:id/pdf': 'group',
  'GET /api/group-overviews/:id/checklists/:template': 'group', 'PUT /api/group-overviews/:id/checklists/:template': 'group',
  'GET /api/group-plans/:id': 'group', 'PUT /api/group-plans/:id': 'group', 'GET /api/group-plans/:id/revisions/:revision': 'group',
  'PUT /api/group-plans/:id/status': 'group', 'POST /api/group-plans/:id/notes': 'group', 'PUT /api/group-plans/:id/evaluation': 'group',
  'POST /api/group-plans/:id/roll-forward': 'group', 'GET /api/group-plans/:id/pdf': 'group',
  'GET /api/group-plans/:id/checklists/:template': 'group', 'PUT /api/group-plans/:id/checklists/:template': 'group',
  // Individual support (issue 5): lists filtered pupil by pupil.
  'GET /api/support/overview': 'list', 'GET /api/tasks': 'list',
  // Notifications (issue 6): the user's own rows, no pupil content.
  'GET /api/notifications/count': 'user', 'GET /api/notifications': 'user', 'POST /api/notifications/read': 'user',
  // The care calendar (issue 6): filtered by the calendar's own rules and the policy; the feed is opened by its token.
  'GET /api/calendar': 'list', 'GET /api/calendar/preview': 'list', 'POST /api/calendar/generate': 'list',
  'POST /api/calendar/events': 'list', 'PATCH /api/calendar/events/:id': 'list', 'DELETE /api/calendar/events/:id': 'list',
  'GET /api/calendar/settings': 'list', 'PUT /api/calendar/settings': 'list',
  'GET /api/calendar/feed': 'list', 'POST /api/calendar/feed': 'list', 'DELETE /api/calendar/feed': 'list',
  // Meetings (issue 6): decided per meeting by decideMeeting, pupils' cases per pupil by the pupil policy.
  'GET /api/meetings': 'list', 'POST /api/meetings': 'list', 'GET /api/meetings/actions': 'list',
  'GET /api/meetings/:id': 'list', 'PATCH /api/meetings/:id': 'list', 'GET /api/meetings/:id/pdf': 'list',
  'POST /api/meetings/:id/participants': 'list', 'PATCH /api/meetings/:id/participants/:pid': 'list',
  'DELETE /api/meetings/:id/participants/:pid': 'list', 'POST /api/meetings/:id/questions': 'list',
  'POST /api/meetings/:id/cases': 'list', 'PATCH /api/meetings/:id/cases/:caseId': 'list',
  'DELETE /api/meetings/:id/cases/:caseId': 'list', 'POST /api/meetings/:id/cases/:caseId/consents': 'list',
  'POST /api/meetings/:id/actions': 'list', 'PATCH /api/meetings/:id/actions/:actionId': 'list',
  'GET /api/pupils/:id/meeting-cases': 'pupil', 'GET /api/pupils/:id/published-cases': 'pupil',
  'PUT /api/pupils/:id/published-cases/:caseId/parent-part': 'pupil', 'POST /api/pupils/:id/published-cases/:caseId/consent': 'pupil',
};

describe('route declarations', () => {
  it('every /api route declares the access rule this test expects, and every pupil route is in the matrix', () => {
    const declared = Object.fromEntries(t.app.accessRules.map((r) => [`${r.method} ${r.url}`, r.access.kind]));
    expect(declared).toEqual(DECLARED);
    for (const r of t.app.accessRules) {
      if (r.url.includes('/pupils/:id')) expect(r.access.kind, `${r.method} ${r.url}`).toBe('pupil');
    }
  });

  it('refuses to start when a route forgets its access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') && !route.config?.access) throw new Error('declares no access rule');
    });
    expect(() => app.get('/api/pupils/:id/secret', async () => 'x')).toThrow(/access rule/);
  });
});

describe.each(Object.entries(PUPIL_ROUTES))('%s', (route, spec) => {
  it.each(SUBJECTS)('as %s', async (subject) => {
    for (const pupil of Object.keys(P) as Pupil[]) {
      const id = P[pupil];
      const call = spec.call(id);
      const [{ n: readsBefore }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log where pupil_id = ${id} and action = 'read'`);
      const res = await t.request(call.method, call.url, cookies[subject], call.body);
      const allowed = spec.expect[subject].includes(pupil);
      const label = `${route} as ${subject} on ${pupil} → ${res.status}`;
      if (allowed) {
        expect(res.status, label).not.toBe(403);
        expect(res.status, label).toBeLessThan(500);
        if (spec.read) {
          expect(res.status, label).toBe(200);
          const [{ n: after }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log where pupil_id = ${id} and action = 'read'`);
          expect(after, `${label}: audit entry`).toBe(readsBefore + 1);
        }
      } else {
        expect(res.status, label).toBe(403);
        expect(res.body.error, label).toBe('forbidden');
      }
    }
  });
});

describe('list routes show only what the policy allows', () => {
  it.each(SUBJECTS)('GET /api/pupils as %s', async (subject) => {
    const res = await t.request('GET', '/api/pupils', cookies[subject]);
    expect(res.status).toBe(200);
    const ids = new Set<number>(res.body.items.map((p: { id: number }) => p.id));
    for (const pupil of Object.keys(P) as Pupil[]) {
      expect(ids.has(P[pupil]), `${subject} sees ${pupil}`).toBe(VIEW[subject].includes(pupil));
    }
    // Every listed pupil left an audit entry.
    if (ids.size > 0) {
      const [{ m }] = await t.q<{ m: number }>(sql`select count(distinct pupil_id)::int as m from audit_log where action = 'list' and pupil_id = any(${sql.raw(`'{${[...ids].join(',')}}'::int[]`)})`);
      expect(m).toBe(ids.size);
    }
  });

  it('a parent sees only their own child, and a teacher only pupils they teach (or taught last year)', async () => {
    const parent = await t.request('GET', '/api/pupils', cookies.parent);
    expect(parent.body.items.map((p: { id: number }) => p.id)).toEqual([P.p5]);
    const teacher = await t.request('GET', '/api/pupils', cookies.teacher5);
    const [{ n: inGroup5 }] = await t.q<{ n: number }>(sql`select count(*)::int as n from enrolments where group_id = ${G.g5}`);
    const current = teacher.body.items.filter((p: { handover: boolean }) => !p.handover);
    expect(current.length).toBe(inGroup5);
    expect(current.every((p: { group: { id: number } }) => p.group.id === G.g5)).toBe(true);
    expect(teacher.body.items.find((p: { id: number }) => p.id === P.p6handover)?.handover).toBe(true);
  });

  it('group pages follow the group relation', async () => {
    const expectations: [Subject, keyof typeof G, number][] = [
      ['teacher5', 'g5', 200], ['teacher5', 'g3', 403], ['teacher5', 'g5LastYear', 200], ['teacher5', 'gOther', 403],
      ['teacher3', 'g5', 403], ['ib', 'g5', 200], ['ib', 'gVo', 403], ['director', 'g3', 200], ['parent', 'g5', 403],
      ['mentor', 'gVo', 200], ['mentor', 'g5', 403], ['zorgcoordinator', 'gVo', 200], ['otherIb', 'g5', 403], ['otherIb', 'gOther', 200],
      ['board', 'g5', 200], ['board', 'gOther', 403],
    ];
    for (const [subject, group, status] of expectations) {
      const res = await t.request('GET', `/api/groups/${G[group]}`, cookies[subject]);
      expect(res.status, `${subject} → ${group}`).toBe(status);
    }
  });

  it('each group read audits the listed pupils', async () => {
    const res = await t.request('GET', `/api/groups/${G.g5}`, cookies.teacher5);
    const ids: number[] = res.body.pupils.map((p: { id: number }) => p.id);
    expect(ids.length).toBeGreaterThan(10);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(distinct pupil_id)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login = 'leerkracht' and a.action = 'list' and a.detail->>'route' = '/api/groups/:id' and a.pupil_id = any(${sql.raw(`'{${ids.join(',')}}'::int[]`)})`);
    expect(n).toBe(ids.length);
  });

  it('a refused read is audited as denied', async () => {
    await t.request('GET', `/api/pupils/${P.p3}`, cookies.teacher5);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login = 'leerkracht' and a.pupil_id = ${P.p3} and a.action = 'denied'`);
    expect(n).toBeGreaterThan(0);
  });

  it('unknown and foreign pupils answer alike, and nothing needs a login less', async () => {
    expect((await t.request('GET', '/api/pupils/99999999', cookies.teacher5)).status).toBe(403);
    expect((await t.request('GET', `/api/pupils/${P.pOther}`, cookies.teacher5)).status).toBe(403);
    expect((await t.request('GET', '/api/pupils/abc', cookies.teacher5)).status).toBe(404);
    for (const route of Object.values(PUPIL_ROUTES)) {
      const call = route.call(P.p5);
      expect((await t.request(call.method, call.url, undefined, call.body)).status).toBe(401);
    }
  });
});

describe('pupil-monitoring routes follow the policy', () => {
  let instrumentId = 0;
  let poSchool = 0;
  let voSchool = 0;
  beforeAll(async () => {
    [{ id: poSchool }] = await t.q<{ id: number }>(sql`select school_id as id from groups where id = ${G.g5}`);
    [{ id: voSchool }] = await t.q<{ id: number }>(sql`select school_id as id from groups where id = ${G.gVo}`);
    [{ id: instrumentId }] = await t.q<{ id: number }>(sql`select id from instruments where school_id = ${poSchool} and code = 'cito-rekenen'`);
  });

  it('group result views (grid, dwarsdoorsnede, signals) follow group.view; entering follows group.editCare', async () => {
    const q = `instrumentId=${instrumentId}&moment=M5`;
    const view: [Subject, keyof typeof G, number][] = [
      ['teacher5', 'g5', 200], ['teacher5', 'g5LastYear', 200], ['teacher5', 'g3', 403], ['teacher3', 'g5', 403], ['ib', 'g5', 200],
      ['director', 'g5', 200], ['board', 'g5', 200], ['admin', 'g5', 200], ['parent', 'g5', 403], ['zorgcoordinator', 'g5', 403],
      ['otherIb', 'g5', 403], ['mentor', 'g5', 403],
    ];
    for (const [subject, group, status] of view) {
      for (const url of [`/api/groups/${G[group]}/results?${q}`, `/api/groups/${G[group]}/cross-section?${q}`, `/api/groups/${G[group]}/signals`]) {
        const res = await t.request('GET', url, cookies[subject]);
        expect(res.status, `${subject} GET ${url}`).toBe(status);
      }
    }
    // Admin and board see the group but no care data: their grid is empty.
    for (const subject of ['admin', 'board'] as const) {
      const res = await t.request('GET', `/api/groups/${G.g5}/results?${q}`, cookies[subject]);
      expect(res.body.rows, subject).toEqual([]);
    }
    const edit: [Subject, keyof typeof G, number][] = [
      ['teacher5', 'g5', 200], ['teacher5', 'g5LastYear', 403], ['teacher3', 'g5', 403], ['ib', 'g5', 200], ['director', 'g5', 403],
      ['admin', 'g5', 403], ['board', 'g5', 403], ['parent', 'g5', 403], ['otherIb', 'g5', 403], ['zorgcoordinator', 'g5', 403],
    ];
    for (const [subject, group, status] of edit) {
      const res = await t.request('PUT', `/api/groups/${G[group]}/results`, cookies[subject], { instrumentId, moment: 'M5', takenOn: null, rows: [] });
      expect(res.status, `${subject} PUT ${group}`).toBe(status);
    }
  });

  it('school-level pupil-monitoring routes: set-up and imports for the care coordinator, the trend for care roles, director and board', async () => {
    const checks: [Subject, string, string, unknown, number][] = [
      ['teacher5', 'GET', `/api/schools/${poSchool}/instruments`, undefined, 200],
      ['parent', 'GET', `/api/schools/${poSchool}/instruments`, undefined, 200],
      ['otherIb', 'GET', `/api/schools/${poSchool}/instruments`, undefined, 403],
      ['zorgcoordinator', 'GET', `/api/schools/${poSchool}/instruments`, undefined, 403],
      ['board', 'GET', `/api/schools/${poSchool}/signal-rules`, undefined, 200],
      ['otherIb', 'GET', `/api/schools/${poSchool}/signal-rules`, undefined, 403],
      ['teacher5', 'GET', `/api/instruments/${instrumentId}/norms`, undefined, 200],
      ['otherIb', 'GET', `/api/instruments/${instrumentId}/norms`, undefined, 403],
      ['ib', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 200],
      ['director', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 200],
      ['board', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 200],
      ['teacher5', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 403],
      ['admin', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 403],
      ['zorgcoordinator', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 403],
      ['otherIb', 'GET', `/api/schools/${poSchool}/trend?domain=spelling`, undefined, 403],
      ['zorgcoordinator', 'GET', `/api/schools/${voSchool}/trend?domain=rekenen-wiskunde`, undefined, 200],
    ];
    // Writes by everyone but the school's care coordinator are refused; the care coordinator's are refused by the data (422).
    for (const subject of SUBJECTS) {
      const expected = subject === 'ib' ? 422 : 403;
      checks.push(
        [subject, 'POST', `/api/schools/${poSchool}/instruments`, { code: 'x' }, expected],
        [subject, 'PATCH', `/api/instruments/${instrumentId}`, { version: 'x' }, expected],
        [subject, 'PUT', `/api/instruments/${instrumentId}/norms`, { csv: 'soort;moment\nniveau;M9' }, expected],
        [subject, 'PUT', `/api/schools/${poSchool}/signal-rules`, { items: [{ kind: 'nonsense' }] }, expected],
      );
    }
    for (const [subject, method, url, body, status] of checks) {
      const res = await t.request(method, url, cookies[subject], body);
      expect(res.status, `${subject} ${method} ${url}`).toBe(status);
    }
  });

  it('result imports: only the care coordinator of the school uploads, previews, commits and follows progress', async () => {
    const upload = (subject: Subject, schoolId: number) => t.app.inject({
      method: 'POST', url: `/api/schools/${schoolId}/result-imports?fileName=a.csv`,
      headers: { cookie: cookies[subject], 'content-type': 'text/csv' }, payload: 'leerlingnummer;toets;toetsmoment;afnamedatum;vaardigheidsscore\n1;cito-rekenen;M5;2026-11-20;190\n',
    });
    for (const subject of SUBJECTS) {
      const res = await upload(subject, poSchool);
      expect(res.statusCode, subject).toBe(subject === 'ib' ? 201 : 403);
    }
    const id = JSON.parse((await upload('ib', poSchool)).body).id as number;
    for (const subject of SUBJECTS) {
      const expected = subject === 'ib' ? 200 : 403;
      expect((await t.request('GET', `/api/result-imports/${id}`, cookies[subject])).status, subject).toBe(expected);
      expect((await t.request('POST', `/api/result-imports/${id}/preview`, cookies[subject], { mapping: {} })).status, subject).toBe(expected);
      // An empty mapping cannot be committed: 422 for the care coordinator, nothing written.
      expect((await t.request('POST', `/api/result-imports/${id}/commit`, cookies[subject], { mapping: {} })).status, subject).toBe(subject === 'ib' ? 422 : 403);
    }
  });
});
