// School set-up by the administrator: school years and periods, groups and staff, pupils, enrolments, parents,
// staff accounts; who may not do it; and the API's generic behaviour (OpenAPI, malformed bodies, unknown routes).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { testApp, TODAY, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
const S = {} as { po: number; vo: number; board: number };
const Y = {} as { poNow: number; voNow: number };
const U = {} as { leerkracht: number; ib: number; mentor: number; ouder: number };

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];
const count = (table: string) => one(sql`select count(*)::int as n from ${sql.raw(table)}`, 'n');
const tokenIn = (text: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

async function outboxTo(address: string) {
  const res = await t.request('GET', '/api/outbox', admin);
  expect(res.status).toBe(200);
  return (res.body.items as { to: string; subject: string; body: string }[]).filter((m) => m.to === address);
}

/** Day after an ISO date. */
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function expectContiguous(year: { startsOn: string; endsOn: string }, periods: { seq: number; startsOn: string; endsOn: string }[]) {
  expect(periods.map((p) => p.seq)).toEqual(periods.map((_, i) => i + 1));
  expect(periods[0].startsOn).toBe(year.startsOn);
  expect(periods.at(-1)!.endsOn).toBe(year.endsOn);
  for (const [i, p] of periods.entries()) {
    expect(p.startsOn <= p.endsOn, `period ${i + 1} runs forward`).toBe(true);
    expect(p.startsOn >= year.startsOn && p.endsOn <= year.endsOn, `period ${i + 1} inside the year`).toBe(true);
    if (i > 0) expect(p.startsOn, `period ${i + 1} follows ${i} without gap or overlap`).toBe(nextDay(periods[i - 1].endsOn));
  }
}

/** Every set-up route, with a body that would be accepted from the admin. */
async function setupCalls() {
  const g3 = await one(sql`select id from groups where school_year_id = ${Y.poNow} and name = '3'`);
  const g3version = await one(sql`select version as id from groups where id = ${g3}`);
  const p5 = await one(sql`select pupil_id as id from enrolments e join groups g on g.id = e.group_id where g.school_year_id = ${Y.poNow} and g.name = '5' limit 1`);
  const p5version = await one(sql`select version as id from pupils where id = ${p5}`);
  const teacher3 = await one(sql`select user_id as id from group_staff where group_id = ${g3} limit 1`);
  return [
    ['POST', '/api/schools', { boardId: S.board, name: 'Nieuwe School', brin: '12AB', sector: 'po' }],
    ['PATCH', `/api/schools/${S.po}`, { name: 'Andere Naam', settings: { requireTotpForCareRoles: true } }],
    ['POST', `/api/schools/${S.po}/years`, { name: '2031-2032', startsOn: '2031-08-01', endsOn: '2032-07-31' }],
    ['PUT', `/api/years/${Y.poNow}/periods`, { pattern: 'four_ten_weeks' }],
    ['POST', `/api/schools/${S.po}/groups`, { schoolYearId: Y.poNow, name: '3b', grades: [3] }],
    ['PATCH', `/api/groups/${g3}`, { version: g3version, name: '3x' }],
    ['PUT', `/api/groups/${g3}/staff`, { staff: [] }],
    ['GET', `/api/users?schoolId=${S.po}`, undefined],
    ['POST', '/api/users', { name: 'Sluip Weg', login: 'sluip.weg', password: 'lang-genoeg-wachtwoord', roles: [{ role: 'admin', schoolId: S.po }] }],
    ['PATCH', `/api/users/${teacher3}`, { disabled: true }],
    ['GET', '/api/outbox', undefined],
    ['POST', '/api/pupils', { schoolId: S.po, firstName: 'Sluip', lastName: 'Weg', birthDate: '2017-05-05', entryDate: '2021-08-20' }],
    ['PATCH', `/api/pupils/${p5}`, { version: p5version, firstName: 'Anders' }],
    ['POST', `/api/pupils/${p5}/enrolments`, { groupId: g3 }],
    ['POST', `/api/pupils/${p5}/guardians`, { name: 'Sluip Weg', email: 'sluip@voorbeeld.invalid', relation: 'oom', hasAuthority: true }],
  ] as const;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('beheerder');
  S.po = await one(sql`select id from schools where name = 'Basisschool De Meerpaal'`);
  S.vo = await one(sql`select id from schools where name = 'Lindecollege'`);
  S.board = await one(sql`select board_id as id from schools where id = ${S.po}`);
  Y.poNow = await one(sql`select id from school_years where school_id = ${S.po} and starts_on <= ${TODAY} and ends_on >= ${TODAY}`);
  Y.voNow = await one(sql`select id from school_years where school_id = ${S.vo} and starts_on <= ${TODAY} and ends_on >= ${TODAY}`);
  for (const login of ['leerkracht', 'ib', 'mentor', 'ouder'] as const) U[login] = await one(sql`select id from users where login = ${login}`);
});
afterAll(async () => t?.close());

describe('school years and care periods', () => {
  const year = { name: '2027-2028', startsOn: '2027-08-01', endsOn: '2028-07-31' };
  let yearId: number;

  it('creates a school year', async () => {
    const res = await t.request('POST', `/api/schools/${S.po}/years`, admin, year);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...year, current: false, periods: [] });
    yearId = res.body.id;
    const list = await t.request('GET', `/api/schools/${S.po}/years`, admin);
    expect(list.body.items.map((y: { id: number }) => y.id)).toContain(yearId);
    expect(list.body.items.filter((y: { current: boolean }) => y.current)).toHaveLength(1);
  });

  it.each([
    ['halves', 2],
    ['three_cycles', 3],
    ['four_ten_weeks', 4],
  ] as const)('pattern %s gives %i contiguous periods inside the year', async (pattern, n) => {
    const res = await t.request('PUT', `/api/years/${yearId}/periods`, admin, { pattern });
    expect(res.status).toBe(200);
    expect(res.body.periods).toHaveLength(n);
    expectContiguous(year, res.body.periods);
    // Stored, replacing the previous set.
    const [{ m }] = await t.q<{ m: number }>(sql`select count(*)::int as m from care_periods where school_year_id = ${yearId}`);
    expect(m).toBe(n);
    if (pattern === 'halves') expect(res.body.periods[1].startsOn).toBe('2028-03-01');
    if (pattern === 'four_ten_weeks') expect(res.body.periods[1].startsOn).toBe('2027-10-11'); // ten weeks after the first Monday
  });

  it('custom periods are stored; an overlap is 422 with a periods.N field and keeps what was stored', async () => {
    const periods = [
      { name: 'Herfst', startsOn: '2027-08-01', endsOn: '2027-12-31' },
      { name: 'Voorjaar', startsOn: '2028-01-01', endsOn: '2028-07-31' },
    ];
    const ok = await t.request('PUT', `/api/years/${yearId}/periods`, admin, { periods });
    expect(ok.status).toBe(200);
    expect(ok.body.periods.map((p: { name: string }) => p.name)).toEqual(['Herfst', 'Voorjaar']);

    const overlap = await t.request('PUT', `/api/years/${yearId}/periods`, admin, {
      periods: [{ name: 'A', startsOn: '2027-08-01', endsOn: '2028-01-15' }, { name: 'B', startsOn: '2028-01-01', endsOn: '2028-07-31' }],
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error).toBe('validation');
    expect(Object.keys(overlap.body.fields)).toEqual(['periods.1']);

    const gap = await t.request('PUT', `/api/years/${yearId}/periods`, admin, {
      periods: [{ name: 'A', startsOn: '2027-08-01', endsOn: '2027-12-15' }, { name: 'B', startsOn: '2028-01-01', endsOn: '2028-07-31' }],
    });
    expect(gap.status).toBe(422);
    expect(gap.body.fields['periods.1']).toBeTruthy();

    const outside = await t.request('PUT', `/api/years/${yearId}/periods`, admin, {
      periods: [{ name: 'A', startsOn: '2027-07-01', endsOn: '2027-12-31' }, { name: 'B', startsOn: '2028-01-01', endsOn: '2028-07-31' }],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.fields['periods.0']).toBeTruthy();

    const years = await t.request('GET', `/api/schools/${S.po}/years`, admin);
    const stored = years.body.items.find((y: { id: number }) => y.id === yearId);
    expect(stored.periods.map((p: { name: string }) => p.name)).toEqual(['Herfst', 'Voorjaar']);
  });

  it('the periods.N field names the period as the client sent it, also when sent out of date order', async () => {
    // B (sent first) overlaps A (sent second): the problem is with periods.0 of the request.
    const res = await t.request('PUT', `/api/years/${yearId}/periods`, admin, {
      periods: [{ name: 'B', startsOn: '2028-01-01', endsOn: '2028-07-31' }, { name: 'A', startsOn: '2027-08-01', endsOn: '2028-01-15' }],
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['periods.0']);
  });

  it('an overlapping or reversed school year is 422 and not stored', async () => {
    const before = await count('school_years');
    const overlap = await t.request('POST', `/api/schools/${S.po}/years`, admin, { name: '2028-2029', startsOn: '2028-07-01', endsOn: '2029-07-31' });
    expect(overlap.status).toBe(422);
    expect(overlap.body.fields.startsOn).toBeTruthy();
    const sameName = await t.request('POST', `/api/schools/${S.po}/years`, admin, { name: '2027-2028', startsOn: '2040-08-01', endsOn: '2041-07-31' });
    expect(sameName.status).toBe(422);
    const reversed = await t.request('POST', `/api/schools/${S.po}/years`, admin, { name: '2030-2031', startsOn: '2031-07-31', endsOn: '2030-08-01' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.fields.endsOn).toBeTruthy();
    const badDate = await t.request('POST', `/api/schools/${S.po}/years`, admin, { name: '2030-2031', startsOn: '2030-02-30', endsOn: '2031-07-31' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.fields.startsOn).toBeTruthy();
    expect(await count('school_years')).toBe(before);
    // The same dates at another school are fine.
    expect((await t.request('POST', `/api/schools/${S.vo}/years`, admin, year)).status).toBe(201);
  });
});

describe('groups, staff, pupils, enrolments, parents', () => {
  const G = {} as { combi: number; vo: number };
  let pupilId: number;
  let version: number;

  it('creates a PO combination group 4/5', async () => {
    const res = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.poNow, name: '4/5', grades: [5, 4] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '4/5', schoolId: S.po, grades: [4, 5], level: null, pupilCount: 0, staff: [] });
    expect(res.body.schoolYear).toMatchObject({ id: Y.poNow, current: true });
    G.combi = res.body.id;
    const dup = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.poNow, name: '4/5', grades: [4, 5] });
    expect(dup.status).toBe(422);
    expect(dup.body.fields.name).toBeTruthy();
  });

  it('refuses non-adjacent grades, a level in PO, a year of another school', async () => {
    const before = await count('groups');
    const gap = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.poNow, name: '4/6', grades: [4, 6] });
    expect(gap.status).toBe(422);
    expect(gap.body.fields.grades).toBeTruthy();
    const range = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.poNow, name: '9', grades: [9] });
    expect(range.status).toBe(422);
    expect(range.body.fields.grades).toBeTruthy();
    const level = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.poNow, name: '6b', grades: [6], level: 'havo' });
    expect(level.status).toBe(422);
    expect(level.body.fields.level).toBeTruthy();
    const otherYear = await t.request('POST', `/api/schools/${S.po}/groups`, admin, { schoolYearId: Y.voNow, name: '6b', grades: [6] });
    expect(otherYear.status).toBe(422);
    expect(otherYear.body.fields.schoolYearId).toBeTruthy();
    expect(await count('groups')).toBe(before);
  });

  it('a VO class needs a level', async () => {
    const without = await t.request('POST', `/api/schools/${S.vo}/groups`, admin, { schoolYearId: Y.voNow, name: '4H', grades: [4] });
    expect(without.status).toBe(422);
    expect(without.body.fields.level).toBeTruthy();
    const res = await t.request('POST', `/api/schools/${S.vo}/groups`, admin, { schoolYearId: Y.voNow, name: '4H', grades: [4], level: 'havo' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '4H', grades: [4], level: 'havo', schoolId: S.vo });
    G.vo = res.body.id;
  });

  it('assigns staff; the group shows them and the teacher now sees the group', async () => {
    const wrongRole = await t.request('PUT', `/api/groups/${G.combi}/staff`, admin, { staff: [{ userId: U.mentor, kind: 'mentor' }] });
    expect(wrongRole.status).toBe(422);
    expect(wrongRole.body.fields['staff.0']).toBeTruthy();
    expect((await t.request('PUT', `/api/groups/${G.combi}/staff`, admin, { staff: [{ userId: U.ouder, kind: 'teacher' }] })).status).toBe(422);

    const teacher = await t.login('leerkracht');
    expect((await t.request('GET', `/api/groups/${G.combi}`, teacher)).status).toBe(403);

    const res = await t.request('PUT', `/api/groups/${G.combi}/staff`, admin, { staff: [{ userId: U.leerkracht, kind: 'teacher' }] });
    expect(res.status).toBe(200);
    const group = await t.request('GET', `/api/groups/${G.combi}`, admin);
    expect(group.status).toBe(200);
    expect(group.body.staff).toEqual([{ userId: U.leerkracht, name: 'Lotte Leerkracht', kind: 'teacher' }]);

    expect((await t.request('GET', `/api/groups/${G.combi}`, teacher)).status).toBe(200);
    const me = await t.request('GET', '/api/me', teacher);
    expect(me.body.groups.map((g: { id: number }) => g.id)).toContain(G.combi);

    // Putting an empty list removes the staff again... and takes the teacher's access with it.
    const mentorClass = await t.request('PUT', `/api/groups/${G.vo}/staff`, admin, { staff: [{ userId: U.mentor, kind: 'mentor' }] });
    expect(mentorClass.status).toBe(200);
    expect((await t.request('PUT', `/api/groups/${G.vo}/staff`, admin, { staff: [] })).body.staff).toEqual([]);
    expect((await t.request('GET', `/api/groups/${G.vo}`, await t.login('mentor'))).status).toBe(403);
  });

  it('creates a pupil', async () => {
    const before = await count('pupils');
    const res = await t.request('POST', '/api/pupils', admin, { schoolId: S.po, firstName: 'Noor', lastName: 'Testers', birthDate: '2017-05-05', entryDate: '2021-08-20' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Noor', lastName: 'Testers', birthDate: '2017-05-05', entryDate: '2021-08-20', leaveDate: null, age: 9,
      school: { id: S.po }, currentGroup: null, groupHistory: [], guardians: [], can: { editAdmin: true, viewAudit: false },
    });
    pupilId = res.body.id;
    version = res.body.version;
    expect(await count('pupils')).toBe(before + 1);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log where pupil_id = ${pupilId} and action = 'create'`);
    expect(n).toBe(1);
  });

  it('a birth date in the future is 422 with fields.birthDate and writes nothing', async () => {
    const before = await count('pupils');
    const res = await t.request('POST', '/api/pupils', admin, { schoolId: S.po, firstName: 'Toekomst', lastName: 'Kind', birthDate: '2026-11-25', entryDate: '2026-11-25' });
    expect(res.status).toBe(422);
    expect(res.body.fields.birthDate).toBeTruthy();
    const impossible = await t.request('POST', '/api/pupils', admin, { schoolId: S.po, firstName: 'Geen', lastName: 'Datum', birthDate: '2017-02-29', entryDate: '2021-08-20' });
    expect(impossible.status).toBe(422);
    expect(impossible.body.fields.birthDate).toBeTruthy();
    const entryBeforeBirth = await t.request('POST', '/api/pupils', admin, { schoolId: S.po, firstName: 'Vroeg', lastName: 'Kind', birthDate: '2017-05-05', entryDate: '2016-08-20' });
    expect(entryBeforeBirth.status).toBe(422);
    expect(entryBeforeBirth.body.fields.entryDate).toBeTruthy();
    expect(await count('pupils')).toBe(before);

    const patch = await t.request('PATCH', `/api/pupils/${pupilId}`, admin, { version, birthDate: '2030-01-01' });
    expect(patch.status).toBe(422);
    expect(patch.body.fields.birthDate).toBeTruthy();
    const after = await t.request('GET', `/api/pupils/${pupilId}`, admin);
    expect(after.body.birthDate).toBe('2017-05-05');
    expect(after.body.version).toBe(version);
  });

  it('enrols the pupil: the combination group needs a grade; the enrolment shows in history and group', async () => {
    const noGrade = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: G.combi });
    expect(noGrade.status).toBe(422);
    expect(noGrade.body.fields.grade).toBeTruthy();
    const wrongGrade = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: G.combi, grade: 6 });
    expect(wrongGrade.status).toBe(422);
    expect(wrongGrade.body.fields.grade).toBeTruthy();
    const otherSchool = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: G.vo });
    expect(otherSchool.status).toBe(422);
    expect(otherSchool.body.fields.groupId).toBeTruthy();
    const [{ n: none }] = await t.q<{ n: number }>(sql`select count(*)::int as n from enrolments where pupil_id = ${pupilId}`);
    expect(none).toBe(0);

    const res = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: G.combi, grade: 5 });
    expect(res.status).toBe(201);
    expect(res.body.currentGroup).toEqual({ id: G.combi, name: '4/5' });
    expect(res.body.groupHistory).toEqual([expect.objectContaining({ groupId: G.combi, groupName: '4/5', grade: 5, schoolYearId: Y.poNow, schoolYear: '2026-2027' })]);

    const group = await t.request('GET', `/api/groups/${G.combi}`, admin);
    expect(group.body.pupilCount).toBe(1);
    expect(group.body.pupils).toEqual([{ id: pupilId, firstName: 'Noor', lastName: 'Testers', birthDate: '2017-05-05', grade: 5 }]);
    // The group's teacher now sees the pupil.
    const teacher = await t.login('leerkracht');
    expect((await t.request('GET', `/api/pupils/${pupilId}`, teacher)).status).toBe(200);
  });

  it('enrolling again in the same school year moves the pupil (one place per year)', async () => {
    const g5 = await one(sql`select id from groups where school_year_id = ${Y.poNow} and name = '5'`);
    const res = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: g5 });
    expect(res.status).toBe(201);
    expect(res.body.groupHistory).toHaveLength(1);
    expect(res.body.groupHistory[0]).toMatchObject({ groupId: g5, grade: 5 });
    expect((await t.request('GET', `/api/groups/${G.combi}`, admin)).body.pupils).toEqual([]);
    const back = await t.request('POST', `/api/pupils/${pupilId}/enrolments`, admin, { groupId: G.combi, grade: 5 });
    expect(back.body.currentGroup.id).toBe(G.combi);
  });

  it('an edit with a stale version is 409 and changes nothing', async () => {
    const current = await t.request('GET', `/api/pupils/${pupilId}`, admin);
    version = current.body.version;
    const first = await t.request('PATCH', `/api/pupils/${pupilId}`, admin, { version, firstName: 'Noortje' });
    expect(first.status).toBe(200);
    expect(first.body.firstName).toBe('Noortje');
    expect(first.body.version).toBe(version + 1);

    const stale = await t.request('PATCH', `/api/pupils/${pupilId}`, admin, { version, lastName: 'Anders', firstName: 'Nora' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
    const after = await t.request('GET', `/api/pupils/${pupilId}`, admin);
    expect(after.body).toMatchObject({ firstName: 'Noortje', lastName: 'Testers', version: version + 1 });
    version = after.body.version;
  });

  it('adds a parent without gezag and one with: the one with gezag is invited and then sees the child, the other sees nothing', async () => {
    const without = await t.request('POST', `/api/pupils/${pupilId}/guardians`, admin, {
      name: 'Vincent Testers', email: 'vincent.testers@voorbeeld.invalid', relation: 'vader', hasAuthority: false,
    });
    expect(without.status).toBe(201);
    expect(without.body.guardians).toEqual([expect.objectContaining({ name: 'Vincent Testers', relation: 'vader', hasAuthority: false })]);

    const mother = 'maria.testers@voorbeeld.invalid';
    expect(await outboxTo(mother)).toEqual([]);
    const withGezag = await t.request('POST', `/api/pupils/${pupilId}/guardians`, admin, {
      name: 'Maria Testers', email: mother, phone: '06-12345678', relation: 'moeder', hasAuthority: true,
    });
    expect(withGezag.status).toBe(201);
    expect(withGezag.body.guardians).toHaveLength(2);
    const m = withGezag.body.guardians.find((g: { name: string }) => g.name === 'Maria Testers');
    expect(m).toMatchObject({ relation: 'moeder', hasAuthority: true, email: mother, phone: '06-12345678' });

    const mails = await outboxTo(mother);
    expect(mails).toHaveLength(1);
    const token = tokenIn(mails[0].body);
    expect(token).toBeTruthy();

    // The mother accepts the invitation, logs in and sees her child.
    const confirm = await t.request('POST', '/api/auth/password-reset/confirm', undefined, { token, newPassword: 'moeder-wachtwoord-1' });
    expect(confirm.status).toBe(204);
    const cookie = await t.login(mother, 'moeder-wachtwoord-1');
    const me = await t.request('GET', '/api/me', cookie);
    expect(me.body.home).toBe('parent');
    expect(me.body.children).toEqual([{ id: pupilId, name: 'Noortje Testers' }]);
    expect((await t.request('GET', `/api/pupils/${pupilId}`, cookie)).status).toBe(200);

    // The father without gezag sees nothing of the child.
    const father = without.body.guardians[0].userId;
    await t.q(sql`update users set password_hash = ${await hashPassword(DEMO_PASSWORD)} where id = ${father}`);
    const fatherCookie = await t.login('vincent.testers@voorbeeld.invalid');
    expect((await t.request('GET', '/api/me', fatherCookie)).body.children).toEqual([]);
    expect((await t.request('GET', `/api/pupils/${pupilId}`, fatherCookie)).status).toBe(403);

    // Linking the same parent twice is refused.
    const again = await t.request('POST', `/api/pupils/${pupilId}/guardians`, admin, { name: 'Maria Testers', relation: 'moeder', hasAuthority: true, userId: m.userId });
    expect(again.status).toBe(409);
  });
});

describe('staff accounts', () => {
  it('an account without password gets an invitation in the outbox, and can then log in', async () => {
    const email = 'nieuwe.leerkracht@voorbeeld.invalid';
    const res = await t.request('POST', '/api/users', admin, { name: 'Nieuwe Leerkracht', login: 'nieuwe.leerkracht', email, roles: [{ role: 'teacher', schoolId: S.po }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ login: 'nieuwe.leerkracht', email, disabled: false, roles: [{ role: 'teacher', schoolId: S.po, boardId: null }] });
    const mails = await outboxTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/account/i);
    const token = tokenIn(mails[0].body);
    expect(token).toBeTruthy();
    // No password yet: logging in fails until the invitation is used.
    await expect(t.login('nieuwe.leerkracht', 'nog-geen-wachtwoord')).rejects.toThrow(/401/);
    expect((await t.request('POST', '/api/auth/password-reset/confirm', undefined, { token, newPassword: 'mijn-eigen-wachtwoord' })).status).toBe(204);
    const me = await t.request('GET', '/api/me', await t.login('nieuwe.leerkracht', 'mijn-eigen-wachtwoord'));
    expect(me.body.home).toBe('teacher');
    const list = await t.request('GET', `/api/users?schoolId=${S.po}&role=teacher`, admin);
    expect(list.body.items.map((u: { login: string }) => u.login)).toContain('nieuwe.leerkracht');
  });

  it('a too-short password is 422 and creates nothing; a good one works without invitation', async () => {
    const before = await count('users');
    const short = await t.request('POST', '/api/users', admin, { name: 'Korte Code', login: 'korte.code', password: 'kort', roles: [{ role: 'teacher', schoolId: S.po }] });
    expect(short.status).toBe(422);
    expect(short.body.fields.password).toBeTruthy();
    const neither = await t.request('POST', '/api/users', admin, { name: 'Geen Toegang', login: 'geen.toegang', roles: [{ role: 'teacher', schoolId: S.po }] });
    expect(neither.status).toBe(422);
    expect(neither.body.fields.email).toBeTruthy();
    const dup = await t.request('POST', '/api/users', admin, { name: 'Dubbel', login: 'LEERKRACHT', password: 'lang-genoeg-wachtwoord', roles: [{ role: 'teacher', schoolId: S.po }] });
    expect(dup.status).toBe(422);
    expect(dup.body.fields.login).toBeTruthy();
    expect(await count('users')).toBe(before);

    const ok = await t.request('POST', '/api/users', admin, { name: 'Directe Start', login: 'directe.start', email: 'directe.start@voorbeeld.invalid', password: 'lang-genoeg-wachtwoord', roles: [{ role: 'mentor', schoolId: S.vo }] });
    expect(ok.status).toBe(201);
    expect(await outboxTo('directe.start@voorbeeld.invalid')).toEqual([]);
    expect((await t.request('GET', '/api/me', await t.login('directe.start', 'lang-genoeg-wachtwoord'))).body.home).toBe('teacher');
  });
});

describe('the staff list (pickers: invite a colleague, assign an action)', () => {
  it('lists the school’s staff by name with their roles, to staff and the administrator only; not parents, not another school', async () => {
    const teacher = await t.login('leerkracht');
    const res = await t.request('GET', `/api/schools/${S.po}/staff`, teacher);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: number; name: string; roles: string[] }[];
    // Colleagues without a group are on it too: the care coordinator and the director.
    expect(items.find((s) => s.id === U.ib)?.roles).toContain('care_coordinator');
    expect(items.some((s) => s.roles.includes('director'))).toBe(true);
    expect(items.find((s) => s.id === U.leerkracht)?.roles).toContain('teacher');
    // Staff only: no parents, no other school's mentor, no disabled account.
    expect(items.some((s) => s.id === U.ouder || s.id === U.mentor)).toBe(false);
    expect(items.every((s) => s.roles.length > 0)).toBe(true);
    const colleague = items.find((s) => s.roles.includes('teacher') && s.id !== U.leerkracht)!;
    await t.q(sql`update users set disabled = true where id = ${colleague.id}`);
    const after = (await t.request('GET', `/api/schools/${S.po}/staff`, teacher)).body.items as { id: number }[];
    await t.q(sql`update users set disabled = false where id = ${colleague.id}`);
    expect(after.map((s) => s.id)).toEqual(items.map((s) => s.id).filter((id) => id !== colleague.id));
    expect((await t.request('GET', `/api/schools/${S.po}/staff`, admin)).status).toBe(200);
    expect((await t.request('GET', `/api/schools/${S.po}/staff`, await t.login('ouder'))).status).toBe(403);
    expect((await t.request('GET', `/api/schools/${S.po}/staff`, await t.login('bestuur'))).status).toBe(403);
    expect((await t.request('GET', `/api/schools/${S.vo}/staff`, teacher)).status).toBe(403);
    expect((await t.request('GET', `/api/schools/${S.po}/staff`)).status).toBe(401);
  });
});

describe('who may not set up', () => {
  const snapshot = async () => t.q(sql`select
    (select count(*)::int from schools) as schools, (select string_agg(name || settings::text, '|' order by id) from schools) as school_names,
    (select count(*)::int from school_years) as years, (select count(*)::int from care_periods) as periods,
    (select count(*)::int from groups) as groups, (select string_agg(name, '|' order by id) from groups) as group_names,
    (select count(*)::int from group_staff) as staff, (select count(*)::int from users) as users, (select count(*)::int from users where disabled) as disabled,
    (select count(*)::int from pupils) as pupils, (select max(version)::int from pupils) as pupil_version,
    (select count(*)::int from enrolments) as enrolments, (select count(*)::int from guardians) as guardians, (select count(*)::int from outbox) as outbox`);

  it.each(['leerkracht', 'ib', 'directeur', 'ouder', 'bestuur'])('%s gets 403 on every set-up route and changes nothing', async (login) => {
    const cookie = await t.login(login);
    const before = await snapshot();
    const notRefused: string[] = [];
    for (const [method, url, body] of await setupCalls()) {
      const res = await t.request(method, url, cookie, body);
      if (res.status !== 403 || res.body?.error !== 'forbidden') notRefused.push(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(notRefused, `${login} must get 403 forbidden everywhere`).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('the admin may set up but not read care-only routes: the pupil audit log is 403', async () => {
    const pupil = await one(sql`select id from pupils where school_id = ${S.po} limit 1`);
    const res = await t.request('GET', `/api/pupils/${pupil}/audit`, admin);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
    // The care coordinator of the school may.
    const ib = await t.request('GET', `/api/pupils/${pupil}/audit`, await t.login('ib'));
    expect(ib.status).toBe(200);
    expect(ib.body.items.length).toBeGreaterThan(0);
  });
});

describe('generic API behaviour', () => {
  it('serves the OpenAPI description without login, listing /api/pupils/{id}', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/pupils/{id}']?.get).toBeTruthy();
    expect(res.body.paths['/api/pupils/{id}']?.patch).toBeTruthy();
    expect(res.body.paths['/api/auth/login']?.post).toBeTruthy();
  });

  it('a malformed JSON body is 400/422 with a JSON error, never 500', async () => {
    const bodies = ['{"schoolId": 1,', '{bad json', '', 'null', '[]', '"tekst"', '{"schoolId":"abc"}'];
    for (const url of ['/api/pupils', '/api/auth/login', `/api/schools/${S.po}/years`]) {
      for (const payload of bodies) {
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': 'application/json' }, payload });
        const label = `${url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`;
        expect([400, 422], label).toContain(res.statusCode);
        expect(JSON.parse(res.body).error, label).toBeTruthy();
      }
    }
    const typed = await t.request('POST', '/api/pupils', admin, { schoolId: 'abc', firstName: 'X', lastName: 'Y', birthDate: '2017-05-05', entryDate: '2021-08-20' });
    expect(typed.status).toBe(422);
    expect(typed.body.fields.schoolId).toBeTruthy();
  });

  it('an unknown /api route is 404 JSON', async () => {
    for (const [method, url] of [['GET', '/api/bestaat-niet'], ['GET', '/api/pupils/1/bestaat-niet'], ['DELETE', '/api/pupils'], ['POST', '/api/bestaat-niet']] as const) {
      const res = await t.request(method, url, admin, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(String(res.headers['content-type'])).toMatch(/application\/json/);
      expect(res.body.error).toBe('not_found');
    }
  });
});

// Last, because it really changes the set-up (it renames a school, makes TOTP compulsory, disables an account...).
describe('control', () => {
  it('every set-up call refused above succeeds for the admin', async () => {
    const failed: string[] = [];
    for (const [method, url, body] of await setupCalls()) {
      const res = await t.request(method, url, admin, body);
      if (res.status >= 300) failed.push(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failed).toEqual([]);
  });
});
