// Individual support through the API: levels with history and warnings, the OPP's consent flow (versions bound by
// content hash, each parent with gezag for themselves, again for every new version, paper with a scan), the
// handelingsplan for several pupils without names, evaluation, one extension, the follow-up plan, prefill from the
// groepsoverzicht and the groepsplan, the parent portal (published versions only), audit, and bad input (never a 500).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyGoal } from '../../src/domain/group-cycle/blank';
import type { OverviewLineFields } from '../../src/domain/group-cycle/model';
import type { ActionPlanDoc, DevelopmentPerspectiveDoc } from '../../src/domain/support/model';
import { hashPassword } from '../../src/server/auth/password';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { loginDemoRoles, testApp, type TestApp } from '../support/app';
import { pdfText } from '../support/pdf-text';

let t: TestApp;
const C = {} as Record<'teacher5' | 'teacher3' | 'ib' | 'director' | 'parent' | 'admin' | 'zorg' | 'board' | 'father' | 'stepParent', string>;
const P = {} as { p5: number; p3: number; needs: number };
const U = {} as { mother: number; father: number; stepParent: number };
const G = {} as { g5: number; g3: number; period1: number; school: number };
const names = {} as { p3First: string; p3Last: string; mother: string };

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];
const auditCount = (planId: number, action: string) =>
  one(sql`select count(*)::int as n from audit_log where entity = 'support_plan' and entity_id = ${String(planId)} and action = ${action}`, 'n');

async function raw(url: string, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition'] ?? ''), body: res.rawPayload };
}

beforeAll(async () => {
  t = await testApp();
  G.school = await one(sql`select id from schools where brin = '99KA'`);
  const year = await one(sql`select id from school_years where school_id = ${G.school} and name = '2026-2027'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${year} and name = '3'`);
  G.period1 = await one(sql`select id from care_periods where school_year_id = ${year} and seq = 1`);
  U.mother = await one(sql`select id from users where login = 'ouder'`);
  names.mother = await one<string>(sql`select name from users where id = ${U.mother}`, 'name');
  P.p5 = await one(sql`select pupil_id as id from guardians where user_id = ${U.mother}`);
  P.p3 = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} order by pupil_id limit 1`);
  [{ first_name: names.p3First, last_name: names.p3Last }] = await t.q<{ first_name: string; last_name: string }>(sql`select first_name, last_name from pupils where id = ${P.p3}`);
  // A groep 5 pupil whose line in last year's groepsoverzicht has needs (the demo's walked period).
  P.needs = await one(sql`select l.pupil_id as id from group_overview_lines l join enrolments e on e.pupil_id = l.pupil_id and e.group_id = ${G.g5}
    where jsonb_array_length(l.fields->'needs') > 0 and l.pupil_id <> ${P.p5}
      and not exists (select 1 from support_plan_pupils pp where pp.pupil_id = l.pupil_id) order by l.pupil_id limit 1`);
  // The demo gives this child a level-2 entry; the tests start from a pupil without a level.
  await t.q(sql`delete from support_levels where pupil_id = ${P.p5}`);

  // The child of `ouder`: the mother (ouder), a father with gezag and a step-parent without gezag, all with a login.
  const hash = await hashPassword(DEMO_PASSWORD);
  await t.q(sql`delete from guardians where pupil_id = ${P.p5} and user_id <> ${U.mother}`);
  for (const [login, name, authority] of [['vader.test', 'Vincent Vader', true], ['stief.test', 'Stefan Stief', false]] as const) {
    const [u] = await t.q<{ id: number }>(sql`insert into users (login, name, password_hash) values (${login}, ${name}, ${hash}) returning id`);
    await t.q(sql`insert into user_roles (user_id, role, school_id) values (${u.id}, 'parent', ${G.school})`);
    await t.q(sql`insert into guardians (pupil_id, user_id, relation, has_authority) values (${P.p5}, ${u.id}, ${authority ? 'vader' : 'stiefvader'}, ${authority})`);
    if (authority) U.father = u.id;
    else U.stepParent = u.id;
  }
  Object.assign(C, await loginDemoRoles(t, G.g3));
  C.father = await t.login('vader.test');
  C.stepParent = await t.login('stief.test');
}, 120_000);

afterAll(async () => t?.close());

const base = (pupilId: number) => `/api/pupils/${pupilId}`;

describe('support levels: dated history, the current level, warnings', () => {
  it('starts without a level, with the school’s level model', async () => {
    const res = await t.request('GET', `${base(P.p5)}/support`, C.teacher5);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentLevel: null, levels: [], warnings: [], plans: [], can: { edit: true } });
    expect(res.body.pupil).toMatchObject({ id: P.p5, groupName: '5', sector: 'po' });
    expect(res.body.settings.levels.map((l: { key: string }) => l.key)).toEqual(['1', '2', '3', '4']);
    const director = await t.request('GET', `${base(P.p5)}/support`, C.director);
    expect(director.body.can.edit).toBe(false);
  });

  it('a new level closes the current one; level 4 warns until the parents’ consent is recorded', async () => {
    const first = await t.request('POST', `${base(P.p5)}/support-levels`, C.teacher5, { level: '2', startsOn: '2026-09-01', reason: 'Rekenen blijft achter', question: 'Tafels automatiseren', meeting: 'Groepsbespreking 1-9-2026' });
    expect(first.status).toBe(201);
    expect(first.body.entry).toMatchObject({ level: '2', startsOn: '2026-09-01', endsOn: null, decidedByName: expect.any(String) });
    const second = await t.request('POST', `${base(P.p5)}/support-levels`, C.ib, { level: '4', startsOn: '2026-11-02', reason: 'Ontwikkelingsperspectief nodig' });
    expect(second.status).toBe(201);
    expect(second.body.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['consentMissing', 'planMissing']));
    const view = await t.request('GET', `${base(P.p5)}/support`, C.ib);
    expect(view.body.currentLevel).toMatchObject({ id: second.body.entry.id, level: '4' });
    expect(view.body.levels.map((l: { level: string; endsOn: string | null }) => [l.level, l.endsOn])).toEqual([['4', null], ['2', '2026-11-02']]);

    const patched = await t.request('PATCH', `${base(P.p5)}/support-levels/${second.body.entry.id}`, C.ib, { consentOn: '2026-11-10', consentNote: 'Getekend formulier in dossier' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ consentOn: '2026-11-10', consentNote: 'Getekend formulier in dossier', reason: 'Ontwikkelingsperspectief nodig' });
    const after = await t.request('GET', `${base(P.p5)}/support`, C.ib);
    expect(after.body.warnings.map((w: { code: string }) => w.code)).not.toContain('consentMissing');
  });

  it('refuses an unknown level, a start before the current one and bad dates, and changes nothing', async () => {
    const before = await one(sql`select count(*)::int as n from support_levels where pupil_id = ${P.p5}`, 'n');
    const unknown = await t.request('POST', `${base(P.p5)}/support-levels`, C.ib, { level: '9', startsOn: '2026-11-20' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields.level).toMatch(/bestaat niet/);
    const early = await t.request('POST', `${base(P.p5)}/support-levels`, C.ib, { level: '3', startsOn: '2026-10-01' });
    expect(early.status).toBe(422);
    expect(early.body.fields.startsOn).toMatch(/vóór de start/);
    expect((await t.request('POST', `${base(P.p5)}/support-levels`, C.ib, { level: '3', startsOn: '2026-13-01' })).status).toBe(422);
    expect((await t.request('PATCH', `${base(P.p5)}/support-levels/abc`, C.ib, { reason: 'x' })).status).toBe(404);
    expect((await t.request('PATCH', `${base(P.p5)}/support-levels/999999`, C.ib, { reason: 'x' })).status).toBe(404);
    expect(await one(sql`select count(*)::int as n from support_levels where pupil_id = ${P.p5}`, 'n')).toBe(before);
  });

  it('a level decided for a later date is not current before that date', async () => {
    const now = await t.request('POST', `${base(P.p3)}/support-levels`, C.ib, { level: '2', startsOn: '2026-11-24', reason: 'Extra instructie' });
    expect(now.status).toBe(201);
    const later = await t.request('POST', `${base(P.p3)}/support-levels`, C.ib, { level: '3', startsOn: '2027-01-04', reason: 'Handelingsplan na de kerst' });
    expect(later.status).toBe(201);
    const view = await t.request('GET', `${base(P.p3)}/support`, C.ib);
    expect(view.body.currentLevel).toMatchObject({ id: now.body.entry.id, level: '2', endsOn: '2027-01-04' });
    expect(view.body.levels.slice(0, 2).map((l: { level: string; startsOn: string }) => [l.level, l.startsOn])).toEqual([['3', '2027-01-04'], ['2', '2026-11-24']]);
  });

  it('the director and last year’s teacher read but do not write levels', async () => {
    expect((await t.request('POST', `${base(P.p5)}/support-levels`, C.director, { level: '3', startsOn: '2026-11-20' })).status).toBe(403);
    expect((await t.request('POST', `${base(P.p5)}/support-levels`, C.parent, { level: '3', startsOn: '2026-11-20' })).status).toBe(403);
    expect((await t.request('GET', `${base(P.p5)}/support`, C.parent)).status).toBe(403);
  });
});

describe('the OPP: versions, consent per parent with gezag, again for every new version', () => {
  let planId = 0;
  let doc: DevelopmentPerspectiveDoc;
  let version = 0;
  let instrumentId = 0;

  it('is created as a draft with the six-week clock from the level-4 decision; a second open OPP is refused', async () => {
    const res = await t.request('POST', `${base(P.p5)}/plans`, C.ib, { kind: 'developmentPerspective', title: 'OPP rekenen en lezen' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'developmentPerspective', status: 'draft', version: 1, decidedOn: '2026-11-02', versions: [], requirement: 'consent', unpublishedChanges: true });
    expect(res.body.deadlines.setBy).toBe('2026-12-14');
    expect(res.body.doc).toMatchObject({ kind: 'developmentPerspective', startsOn: '2026-11-24', exitDestination: null });
    expect(res.body.guardians.map((g: { id: number; hasAuthority: boolean }) => [g.id, g.hasAuthority]).sort()).toEqual([[U.mother, true], [U.father, true], [U.stepParent, false]].sort());
    expect(res.body.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['missingExitDestination', 'missingReasoning']));
    planId = res.body.id;
    doc = res.body.doc;
    version = res.body.version;
    const again = await t.request('POST', `${base(P.p5)}/plans`, C.teacher5, { kind: 'developmentPerspective', title: 'Nog een OPP' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'opp_exists', planId });
  });

  it('a draft is invisible to parents', async () => {
    const list = await t.request('GET', `${base(P.p5)}/published-plans`, C.parent);
    expect(list.status).toBe(200);
    expect(list.body.plans).toEqual([]);
    expect((await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent)).status).toBe(404);
    expect((await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.parent)).status).toBe(403);
  });

  it('saves the working text with an optimistic version; the growth line is drawn against the actual results', async () => {
    instrumentId = await one(sql`select id from instruments where school_id = ${G.school} and code = 'cito-rekenen'`);
    doc = {
      ...doc,
      exitDestination: 'vmbo-kb', reasoning: 'Gezien de groei in rekenen en lezen is vmbo-kb haalbaar.',
      hinderingFactors: [{ area: 'pupil', text: 'Werkgeheugen is zwak' }], stimulatingFactors: [{ area: 'home', text: 'Ouders oefenen dagelijks' }],
      support: 'Dagelijks 20 minuten rekenen in een kleine groep buiten de klas.',
      domains: [{
        key: 'd1', domain: 'rekenen-wiskunde', endGoal: 'Eind groep 8 niveau 1F rekenen', measure: 'dle', instrumentId,
        growth: [{ on: '2027-01-31', value: 30 }, { on: '2027-06-15', value: 34 }],
        goals: [{ ...emptyGoal('t1', 'rekenen-wiskunde', '2027-06-15', 'Kent de tafels 1 t/m 10'), measure: 'Tempotoets', target: '45 in 3 minuten' }],
      }],
      pupilVoice: { heard: true, heardOn: '2026-11-20', text: 'Ik wil graag beter worden in rekenen.', notHeardReason: '' },
    };
    const saved = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version, title: 'OPP rekenen en lezen', doc });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    expect(saved.body.findings.map((f: { code: string }) => f.code)).not.toContain('missingExitDestination');
    expect(Array.isArray(saved.body.actuals.d1)).toBe(true);
    expect(saved.body.actuals.d1.length).toBeGreaterThan(0);
    for (const point of saved.body.actuals.d1) expect(point).toMatchObject({ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), value: expect.any(Number) });
    const stale = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.teacher5, { version, title: 'Oud', doc });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
    const wrongKind = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: saved.body.version, title: 'x y', doc: { ...doc, kind: 'actionPlan' } });
    expect(wrongKind.status).toBe(422);
    const foreignInstrument = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: saved.body.version, title: 'x y', doc: { ...doc, domains: [{ ...doc.domains[0], instrumentId: 999999 }] } });
    expect(foreignInstrument.status).toBe(422);
    version = saved.body.version;
  });

  it('publishes version 1 with its content hash; publishing unchanged text again is refused', async () => {
    const before = await auditCount(planId, 'publish');
    const res = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.ib, { version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', unpublishedChanges: false });
    expect(res.body.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    expect(res.body.versions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.versions[0].signatures).toMatchObject({ requirement: 'consent', complete: false, objected: false });
    expect(res.body.versions[0].signatures.guardians.map((g: { guardianId: number }) => g.guardianId).sort()).toEqual([U.mother, U.father].sort());
    version = res.body.version;
    const again = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.ib, { version });
    expect(again.status).toBe(422);
    expect(again.body.error).toBe('no_changes');
    expect(await auditCount(planId, 'publish')).toBe(before + 1);
  });

  it('the parent sees the published version, never the working text or the notes, and what waits for a signature', async () => {
    const note = await t.request('POST', `${base(P.p5)}/plans/${planId}/notes`, C.ib, { notedOn: '2026-11-23', text: 'Geheime werkaantekening over de thuissituatie' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ notedOn: '2026-11-23', author: { name: expect.any(String) } });
    const readsBefore = await auditCount(planId, 'read');
    const list = await t.request('GET', `${base(P.p5)}/published-plans`, C.parent);
    expect(list.body.plans).toEqual([expect.objectContaining({ id: planId, latestVersion: 1, waitingForMe: true, kind: 'developmentPerspective' })]);
    const view = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ canSign: true, requirement: 'consent', otherPupils: 0 });
    expect(view.body).not.toHaveProperty('doc');
    expect(view.body).not.toHaveProperty('notes');
    expect(JSON.stringify(view.body)).not.toContain('Geheime werkaantekening');
    expect(await auditCount(planId, 'read')).toBe(readsBefore + 1);
    // The step-parent without gezag sees nothing of it; the father sees it waiting for him too.
    expect((await t.request('GET', `${base(P.p5)}/published-plans`, C.stepParent)).status).toBe(403);
    const father = await t.request('GET', `${base(P.p5)}/published-plans`, C.father);
    expect(father.body.plans[0].waitingForMe).toBe(true);
  });

  it('binds a response to the version’s text: wrong hash, wrong kind, missing zienswijze and no gezag are refused', async () => {
    const hash = (await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent)).body.versions[0].contentHash as string;
    const url = `${base(P.p5)}/published-plans/${planId}/versions/1/responses`;
    const mismatch = await t.request('POST', url, C.parent, { kind: 'consent', statement: '', contentHash: 'f'.repeat(64) });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toBe('hash_mismatch');
    const agree = await t.request('POST', url, C.parent, { kind: 'agree', statement: '', contentHash: hash });
    expect(agree.status).toBe(422);
    expect(agree.body.fields.kind).toBeTruthy();
    const refuse = await t.request('POST', url, C.parent, { kind: 'refuse', statement: '', contentHash: hash });
    expect(refuse.status).toBe(422);
    expect(refuse.body.fields.statement).toMatch(/zienswijze/);
    const noGezag = await t.request('POST', url, C.stepParent, { kind: 'consent', statement: '', contentHash: hash });
    expect(noGezag.status).toBe(403);
    const staff = await t.request('POST', url, C.ib, { kind: 'consent', statement: '', contentHash: hash });
    expect(staff.status).toBe(403);
    expect(await one(sql`select count(*)::int as n from support_plan_responses where plan_id = ${planId}`, 'n')).toBe(0);
  });

  it('one parent’s consent does not sign for the other; a second signature by the same parent is refused, a comment is not', async () => {
    const hash = (await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent)).body.versions[0].contentHash as string;
    const url = `${base(P.p5)}/published-plans/${planId}/versions/1/responses`;
    const signsBefore = await auditCount(planId, 'sign');
    const res = await t.request('POST', url, C.parent, { kind: 'consent', statement: '', contentHash: hash });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'consent', method: 'digital', guardianId: U.mother, versionNumber: 1, contentHash: hash, signedOn: '2026-11-24', pupilId: P.p5 });
    expect(await auditCount(planId, 'sign')).toBe(signsBefore + 1);
    const twice = await t.request('POST', url, C.parent, { kind: 'refuse', statement: 'Toch niet', contentHash: hash });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('already_signed');
    const comment = await t.request('POST', url, C.parent, { kind: 'comment', statement: 'Graag ook aandacht voor lezen.', contentHash: hash });
    expect(comment.status).toBe(201);

    const staff = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    const state = staff.body.versions[0].signatures;
    expect(state.complete).toBe(false);
    expect(state.guardians.find((g: { guardianId: number }) => g.guardianId === U.mother)).toMatchObject({ outstanding: false, response: { kind: 'consent' } });
    expect(state.guardians.find((g: { guardianId: number }) => g.guardianId === U.father)).toMatchObject({ outstanding: true, response: null });
    expect(staff.body.versions[0].responses.map((r: { kind: string }) => r.kind)).toEqual(['consent', 'comment']);
    const mother = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent);
    expect(mother.body.canSign).toBe(false);
    const father = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.father);
    expect(father.body.canSign).toBe(true);
  });

  it('a teacher’s edit makes version 2, which needs everyone’s consent again; the old version cannot be signed any more', async () => {
    const cur = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.teacher5);
    expect(cur.body.can.edit).toBe(true);
    const edited = { ...cur.body.doc, support: `${cur.body.doc.support} Plus een leesmaatje op dinsdag.` };
    const saved = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.teacher5, { version: cur.body.version, title: cur.body.title, doc: edited });
    expect(saved.body.unpublishedChanges).toBe(true);
    const v2 = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.teacher5, { version: saved.body.version });
    expect(v2.status).toBe(200);
    expect(v2.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(v2.body.versions[0].signatures.guardians.every((g: { outstanding: boolean }) => g.outstanding)).toBe(true);
    expect(v2.body.versions[1].signatures.guardians.find((g: { guardianId: number }) => g.guardianId === U.mother).response.kind).toBe('consent');

    const list = await t.request('GET', `${base(P.p5)}/published-plans`, C.parent);
    expect(list.body.plans[0]).toMatchObject({ latestVersion: 2, waitingForMe: true });
    const v1hash = v2.body.versions[1].contentHash;
    const stale = await t.request('POST', `${base(P.p5)}/published-plans/${planId}/versions/1/responses`, C.father, { kind: 'consent', statement: '', contentHash: v1hash });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale_version');
    const v2hash = v2.body.versions[0].contentHash;
    expect(v2hash).not.toBe(v1hash);
    for (const who of ['parent', 'father'] as const) {
      const res = await t.request('POST', `${base(P.p5)}/published-plans/${planId}/versions/2/responses`, C[who], { kind: 'consent', statement: '', contentHash: v2hash });
      expect(res.status, who).toBe(201);
    }
    const done = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent);
    expect(done.body.versions[0].signatures.complete).toBe(true);
  });

  it('a signature on version 2 does not count for version 3', async () => {
    const cur = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    const saved = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: cur.body.version, title: 'OPP rekenen, lezen en spelling', doc: cur.body.doc });
    const v3 = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.ib, { version: saved.body.version });
    expect(v3.status).toBe(200);
    expect(v3.body.versions[0]).toMatchObject({ number: 3, title: 'OPP rekenen, lezen en spelling' });
    expect(v3.body.versions[0].signatures.complete).toBe(false);
    expect(v3.body.versions[0].signatures.guardians.every((g: { outstanding: boolean; response: unknown }) => g.outstanding && g.response === null)).toBe(true);
    expect(v3.body.versions[1].signatures.complete).toBe(true);
    const support = await t.request('GET', `${base(P.p5)}/support`, C.ib);
    const summary = support.body.plans.find((p: { id: number }) => p.id === planId);
    expect(summary).toMatchObject({ latestVersion: 3, unpublishedChanges: false, signatures: { complete: false } });
  });

  it('records a paper signature with its scan, which can be downloaded again; only for a parent with gezag, once, on the latest version', async () => {
    const scan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('handtekening vader op papier')]);
    const body = (guardianId: number) => ({ guardianId, kind: 'consent', statement: '', signedOn: '2026-11-24', scan: { filename: 'instemming vader.png', mime: 'image/png', dataBase64: scan.toString('base64') } });
    const url = `${base(P.p5)}/plans/${planId}/versions/3/paper`;
    expect((await t.request('POST', url, C.parent, body(U.father))).status).toBe(403);
    const noGezag = await t.request('POST', url, C.ib, body(U.stepParent));
    expect(noGezag.status).toBe(422);
    expect(noGezag.body.fields.guardianId).toMatch(/gezag/);
    const old = await t.request('POST', `${base(P.p5)}/plans/${planId}/versions/2/paper`, C.ib, body(U.father));
    expect(old.status).toBe(409);
    expect(old.body.error).toBe('stale_version');
    const future = await t.request('POST', url, C.ib, { ...body(U.father), signedOn: '2026-12-01' });
    expect(future.status).toBe(422);
    const badMime = await t.request('POST', url, C.ib, { ...body(U.father), scan: { ...body(U.father).scan, mime: 'text/html' } });
    expect(badMime.status).toBe(422);
    const res = await t.request('POST', url, C.ib, body(U.father));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ method: 'paper', kind: 'consent', guardianId: U.father, guardianName: 'Vincent Vader', versionNumber: 3, scanId: expect.any(Number) });
    const again = await t.request('POST', url, C.ib, body(U.father));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_signed');

    const file = await raw(`${base(P.p5)}/plans/${planId}/scans/${res.body.scanId}`, C.teacher5);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/image\/png/);
    expect(file.disposition).toMatch(/^attachment;/);
    expect(Buffer.compare(file.body, scan)).toBe(0);
    expect((await raw(`${base(P.p5)}/plans/${planId}/scans/${res.body.scanId}`, C.parent)).status).toBe(403);
    expect((await raw(`${base(P.p5)}/plans/${planId}/scans/abc`, C.ib)).status).toBe(404);

    const state = (await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib)).body.versions[0].signatures;
    expect(state.guardians.find((g: { guardianId: number }) => g.guardianId === U.father).response.method).toBe('paper');
    expect(state.guardians.find((g: { guardianId: number }) => g.guardianId === U.mother).outstanding).toBe(true);
  });

  it('prints each version with its own signatures: version 1 with the mother’s digital consent', async () => {
    const v1 = await raw(`${base(P.p5)}/plans/${planId}/versions/1/pdf`, C.ib);
    expect(v1.status).toBe(200);
    expect(v1.type).toBe('application/pdf');
    expect(v1.disposition).toMatch(/opp-.*-v1\.pdf/);
    const text = await pdfText(v1.body);
    expect(text).toContain(names.mother);
    expect(text).toContain('Instemming gegeven');
    const parentPdf = await raw(`${base(P.p5)}/published-plans/${planId}/versions/3/pdf`, C.parent);
    expect(parentPdf.status).toBe(200);
    expect(await pdfText(parentPdf.body)).toContain('op papier');
    expect((await raw(`${base(P.p5)}/plans/${planId}/versions/9/pdf`, C.ib)).status).toBe(404);
    expect((await raw(`${base(P.p5)}/plans/${planId}/versions/abc/pdf`, C.ib)).status).toBe(404);
  });

  it('meetings with parents: the evaluation meeting sets "last evaluated" and the next yearly evaluation', async () => {
    const meeting = {
      heldOn: '2026-11-23', purpose: 'evaluation', participants: 'IB, leerkracht, ouders', subject: 'Evaluatie OPP', agreements: 'Doorgaan',
      schoolView: 'Goede groei', parentView: 'Tevreden', disagreement: false, consequencesExplained: false, earlierMeetingOn: null,
    };
    const res = await t.request('POST', `${base(P.p5)}/plans/${planId}/meetings`, C.ib, meeting);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...meeting, version: 1, createdBy: { name: expect.any(String) } });
    const view = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    expect(view.body.deadlines).toMatchObject({ lastEvaluatedOn: '2026-11-23', nextEvaluationBy: '2027-11-23' });
    const updated = await t.request('PUT', `${base(P.p5)}/plans/${planId}/meetings/${res.body.id}`, C.ib, { ...meeting, version: 1, disagreement: true, consequencesExplained: true, earlierMeetingOn: '2026-11-02' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, disagreement: true, earlierMeetingOn: '2026-11-02' });
    const stale = await t.request('PUT', `${base(P.p5)}/plans/${planId}/meetings/${res.body.id}`, C.ib, { ...meeting, version: 1 });
    expect(stale.status).toBe(409);
    expect((await t.request('PUT', `${base(P.p5)}/plans/${planId}/meetings/999999`, C.ib, { ...meeting, version: 1 })).status).toBe(404);
    const parent = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent);
    expect(parent.body.meetings.map((m: { id: number }) => m.id)).toEqual([res.body.id]);
  });

  it('a published plan is not deleted; audit entries exist for reads, publications and signatures', async () => {
    const del = await t.request('DELETE', `${base(P.p5)}/plans/${planId}`, C.ib);
    expect(del.status).toBe(409);
    expect(del.body.error).toBe('published');
    expect(await auditCount(planId, 'publish')).toBe(3);
    // The mother's consent and comment on v1, both parents' consents on v2, the father's paper consent on v3.
    expect(await auditCount(planId, 'sign')).toBe(5);
    const [{ n: parentReads }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log where entity = 'support_plan' and entity_id = ${String(planId)}
      and action = 'read' and actor_id = ${U.mother} and pupil_id = ${P.p5}`);
    expect(parentReads).toBeGreaterThan(3);
    const [entry] = await t.q<{ detail: { number: number; kind: string; method: string } }>(sql`select detail from audit_log where entity = 'support_plan'
      and entity_id = ${String(planId)} and action = 'sign' and actor_id = ${U.father} order by id limit 1`);
    expect(entry.detail).toMatchObject({ number: 2, kind: 'consent', method: 'digital' });
  });
});

describe('a handelingsplan for several pupils: no names outside the plan; evaluation, one extension, a follow-up plan', () => {
  let planId = 0;
  let doc: ActionPlanDoc;

  it('the care coordinator makes one plan for pupils of two groups; a teacher may only add pupils they teach', async () => {
    const refused = await t.request('POST', `${base(P.p5)}/plans`, C.teacher5, { kind: 'actionPlan', title: 'Tafelgroep', pupilIds: [P.p3] });
    expect(refused.status).toBe(422);
    expect(refused.body.fields.pupilIds).toBeTruthy();
    const opp = await t.request('POST', `${base(P.p5)}/plans`, C.ib, { kind: 'developmentPerspective', title: 'Groep-OPP', pupilIds: [P.p3] });
    expect(opp.status).toBe(422);
    const res = await t.request('POST', `${base(P.p5)}/plans`, C.ib, { kind: 'actionPlan', title: 'Tafelgroep', pupilIds: [P.p3] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'actionPlan', status: 'draft', otherPupils: 0, requirement: 'agreement' });
    expect(res.body.doc).toMatchObject({ kind: 'actionPlan', format: 'crossSubject', startsOn: '2026-11-24', endsOn: '2027-01-19' });
    expect(res.body.pupils.map((p: { id: number }) => p.id).sort()).toEqual([P.p5, P.p3].sort());
    planId = res.body.id;
    doc = {
      ...res.body.doc,
      problem: `Tafels niet geautomatiseerd; ${names.p3First} en de anderen werken traag.`,
      goals: [
        { ...emptyGoal('a1', 'rekenen-wiskunde', '2027-01-19', 'Kent de tafels 1 t/m 5 geautomatiseerd'), measure: 'Tempotoets', target: '30 in 2 minuten' },
        { ...emptyGoal('a2', 'rekenen-wiskunde', '2027-01-19', 'Kent de tafels 6 t/m 10 geautomatiseerd'), measure: 'Tempotoets', target: '30 in 2 minuten' },
      ],
    };
    const saved = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: res.body.version, title: 'Tafelgroep', doc });
    expect(saved.status).toBe(200);
    expect(saved.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pupilNameInText', field: 'problem' })]));
    // Saving with a name is possible (a finding), publishing is not: every pupil's parents would read it.
    const named = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.ib, { version: saved.body.version });
    expect(named.status).toBe(422);
    expect(named.body.error).toBe('pupil_names');
    expect(named.body.message).toContain(names.p3First);
    expect((await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib)).body.versions).toEqual([]);
    doc = { ...doc, problem: 'Tafels niet geautomatiseerd; de leerlingen werken traag.' };
    const clean = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: saved.body.version, title: 'Tafelgroep', doc });
    expect(clean.body.findings.map((f: { code: string }) => f.code)).not.toContain('pupilNameInText');
    const published = await t.request('POST', `${base(P.p5)}/plans/${planId}/publish`, C.ib, { version: clean.body.version });
    expect(published.status).toBe(200);
  });

  it('the teacher of one of the pupils sees only that pupil; the other pupil’s name and parents appear nowhere', async () => {
    const res = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.teacher5);
    expect(res.status).toBe(200);
    expect(res.body.pupils.map((p: { id: number }) => p.id)).toEqual([P.p5]);
    expect(res.body.otherPupils).toBe(1);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(names.p3Last);
    expect((await t.request('GET', `${base(P.p3)}/plans/${planId}`, C.teacher5)).status).toBe(403);
    // The read is recorded for both pupils of the plan (the text is about both), the other one marked as reached via ours.
    const [{ n: p3reads }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login = 'leerkracht' and a.entity = 'support_plan' and a.entity_id = ${String(planId)} and a.action = 'read'
        and a.pupil_id = ${P.p3} and (a.detail->>'via')::int = ${P.p5}`);
    expect(p3reads).toBe(1);
    // The other way round: the groep 3 teacher reaches it through their pupil and sees not ours.
    const other = await t.request('GET', `${base(P.p3)}/plans/${planId}`, C.teacher3);
    expect(other.status).toBe(200);
    expect(other.body.pupils.map((p: { id: number }) => p.id)).toEqual([P.p3]);
    expect(other.body.guardians.map((g: { id: number }) => g.id)).not.toContain(U.mother);
    // A plan is reached only through its own pupils.
    const p6 = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g5} and pupil_id not in (${P.p5}, ${P.needs}) order by pupil_id limit 1`);
    expect((await t.request('GET', `${base(p6)}/plans/${planId}`, C.teacher5)).status).toBe(404);
  });

  it('the parent sees the plan without any other pupil’s name, and is asked for akkoord', async () => {
    // A meeting of a shared plan is held with one family: no other family reads it.
    const meeting = await t.request('POST', `${base(P.p3)}/plans/${planId}/meetings`, C.ib, {
      heldOn: '2026-11-20', purpose: 'start', participants: 'IB en de ouders van de andere leerling', subject: 'Start', agreements: 'Thuis oefenen',
      schoolView: '', parentView: 'Graag', disagreement: false, consequencesExplained: false, earlierMeetingOn: null,
    });
    expect(meeting.status).toBe(201);
    const res = await t.request('GET', `${base(P.p5)}/published-plans/${planId}`, C.parent);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ otherPupils: 1, requirement: 'agreement', canSign: true, meetings: [] });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(names.p3Last);
    expect(text).not.toContain(names.p3First);
    const pdf = await raw(`${base(P.p5)}/published-plans/${planId}/versions/1/pdf`, C.parent);
    const pdfBody = await pdfText(pdf.body);
    expect(pdfBody).toContain('2 leerlingen');
    expect(pdfBody).not.toContain(names.p3Last);
    const hash = res.body.versions[0].contentHash;
    const consent = await t.request('POST', `${base(P.p5)}/published-plans/${planId}/versions/1/responses`, C.parent, { kind: 'consent', statement: '', contentHash: hash });
    expect(consent.status).toBe(422);
    const disagree = await t.request('POST', `${base(P.p5)}/published-plans/${planId}/versions/1/responses`, C.parent, { kind: 'disagree', statement: 'Liever in de klas.', contentHash: hash });
    expect(disagree.status).toBe(201);
    const staff = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    expect(staff.body.versions[0].signatures.objected).toBe(true);
    // The groep 3 pupil's view of the same version carries none of our parent's responses.
    const p3view = await t.request('GET', `${base(P.p3)}/plans/${planId}`, C.ib);
    expect(p3view.body.versions[0].responses).toEqual([]);
  });

  it('cannot be evaluated before every goal has a result and a decision is taken', async () => {
    const cur = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    const res = await t.request('PUT', `${base(P.p5)}/plans/${planId}/status`, C.ib, { version: cur.body.version, status: 'evaluated' });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('evaluation_incomplete');
    expect(res.body.problems.length).toBeGreaterThan(0);
    const draft = await t.request('PUT', `${base(P.p5)}/plans/${planId}/status`, C.ib, { version: cur.body.version, status: 'draft' });
    expect(draft.status).toBe(422);
  });

  it('is extended once; the second extension is refused', async () => {
    const cur = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    const tooLong = await t.request('POST', `${base(P.p5)}/plans/${planId}/extend`, C.ib, { version: cur.body.version, endsOn: '2027-06-01' });
    expect(tooLong.status).toBe(422);
    const res = await t.request('POST', `${base(P.p5)}/plans/${planId}/extend`, C.teacher5, { version: cur.body.version, endsOn: '2027-02-16' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ extensions: 1, status: 'active', doc: { endsOn: '2027-02-16' } });
    const again = await t.request('POST', `${base(P.p5)}/plans/${planId}/extend`, C.ib, { version: res.body.version, endsOn: '2027-03-01' });
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/al 1 keer verlengd/);
    expect((await t.request('POST', `${base(P.p5)}/plans/${planId}/extend`, C.ib, { version: res.body.version, endsOn: 'morgen' })).status).toBe(422);
  });

  it('after the evaluation a follow-up plan keeps the goals not achieved; the old plan is closed', async () => {
    const cur = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    const evaluated: ActionPlanDoc = {
      ...cur.body.doc,
      goals: cur.body.doc.goals.map((g: ActionPlanDoc['goals'][number], i: number) => ({ ...g, result: i === 0 ? 'achieved' : 'notAchieved', resultNote: 'Tempotoets 12-2' })),
      evaluation: { summary: 'Tafels 1–5 zitten; 6–10 nog niet.', decision: 'followUp' },
    };
    const saved = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: cur.body.version, title: cur.body.title, doc: evaluated });
    const status = await t.request('PUT', `${base(P.p5)}/plans/${planId}/status`, C.ib, { version: saved.body.version, status: 'evaluated' });
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('evaluated');
    const stale = await t.request('POST', `${base(P.p5)}/plans/${planId}/follow-up`, C.ib, { version: saved.body.version });
    expect(stale.status).toBe(409);
    const res = await t.request('POST', `${base(P.p5)}/plans/${planId}/follow-up`, C.ib, { version: status.body.version });
    expect(res.status).toBe(201);
    const next = await t.request('GET', `${base(P.p5)}/plans/${res.body.planId}`, C.ib);
    expect(next.body).toMatchObject({ status: 'draft', extensions: 0, doc: { startsOn: '2027-02-16', evaluation: { summary: '', decision: null } } });
    expect(next.body.doc.goals.map((g: { what: string; result: unknown; carriedFrom: string }) => [g.what, g.result, g.carriedFrom])).toEqual([['Kent de tafels 6 t/m 10 geautomatiseerd', null, 'a2']]);
    expect(next.body.pupils.map((p: { id: number }) => p.id).sort()).toEqual([P.p5, P.p3].sort());
    const old = await t.request('GET', `${base(P.p5)}/plans/${planId}`, C.ib);
    expect(old.body.status).toBe('closed');
    const closed = await t.request('PUT', `${base(P.p5)}/plans/${planId}`, C.ib, { version: old.body.version, title: old.body.title, doc: old.body.doc });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('plan_closed');
    // The follow-up was never published: it can be deleted, for both pupils at once.
    const del = await t.request('DELETE', `${base(P.p3)}/plans/${res.body.planId}`, C.ib);
    expect(del.status).toBe(204);
    expect((await t.request('GET', `${base(P.p5)}/plans/${res.body.planId}`, C.ib)).status).toBe(404);
    expect(await auditCount(res.body.planId, 'delete')).toBe(2);
  });
});

describe('prefill from the groepsoverzicht line and the groepsplan row', () => {
  let line: OverviewLineFields;

  beforeAll(async () => {
    const overview = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.teacher5, { periodId: G.period1, form: 'crossSubject' });
    expect(overview.status).toBe(201);
    expect((await t.request('POST', `/api/group-overviews/${overview.body.id}/plan`, C.teacher5, {})).status).toBe(201);
    line = await one<OverviewLineFields>(sql`select fields from group_overview_lines where overview_id = ${overview.body.id} and pupil_id = ${P.needs}`, 'fields');
  });

  it('an OPP starts with the needs and the factors of the pupil’s latest line', async () => {
    expect(line.needs.length).toBeGreaterThan(0);
    const res = await t.request('POST', `${base(P.needs)}/plans`, C.teacher5, { kind: 'developmentPerspective', title: 'OPP', decidedOn: '2026-10-15' });
    expect(res.status).toBe(201);
    expect(res.body.decidedOn).toBe('2026-10-15');
    expect(res.body.doc.needs).toContain(line.needs[0].goal);
    expect(res.body.doc.needs).toContain(line.needs[0].needs.split('\n')[0]);
    expect(res.body.doc.stimulatingFactors).toEqual([{ area: 'pupil', text: line.stimulating }]);
    expect(res.body.doc.hinderingFactors).toEqual([{ area: 'pupil', text: line.hindering }]);
  });

  it('a handelingsplan linked to a groepsplan row starts with that row’s goals (new keys, no results)', async () => {
    const support = await t.request('GET', `${base(P.needs)}/support`, C.teacher5);
    const links = support.body.groupPlanLinks as { planId: number; rowKey: string; rowLabel: string }[];
    // The basisgroep row and the pupil's instruction group (Intensief), not the other instruction groups.
    expect(links.length).toBe(2);
    expect(links.map((l) => l.rowLabel)).toContain('Intensief');
    expect(links.map((l) => l.rowLabel)).not.toContain('Verrijkt');
    const link = links.find((l) => l.rowLabel === 'Intensief')!;
    const gp = await t.request('GET', `/api/group-plans/${link.planId}`, C.teacher5);
    const row = gp.body.doc.rows.find((r: { key: string }) => r.key === link.rowKey);
    expect(row.goals.length).toBeGreaterThan(0);
    const bad = await t.request('POST', `${base(P.needs)}/plans`, C.teacher5, { kind: 'actionPlan', title: 'HP', groupPlanId: link.planId, groupPlanRow: 'geen-rij' });
    expect(bad.status).toBe(422);
    const res = await t.request('POST', `${base(P.needs)}/plans`, C.teacher5, { kind: 'actionPlan', title: 'HP rekenen', groupPlanId: link.planId, groupPlanRow: link.rowKey });
    expect(res.status).toBe(201);
    expect(res.body.groupPlanLink).toMatchObject({ planId: link.planId, rowKey: link.rowKey, label: expect.stringContaining('Intensief') });
    expect(res.body.doc.goals.map((g: { what: string }) => g.what)).toEqual(row.goals.map((g: { what: string }) => g.what));
    const oldKeys = new Set(row.goals.map((g: { key: string }) => g.key));
    for (const g of res.body.doc.goals) {
      expect(oldKeys.has(g.key)).toBe(false);
      expect(g).toMatchObject({ result: null, resultNote: '', attainment: {}, dueOn: res.body.doc.endsOn });
    }
    expect(res.body.doc.needs).toContain(line.needs[0].goal);
  });
});

describe('withdrawing and closing', () => {
  it('a withdrawn draft stays on record; once the OPP is closed a new one may start', async () => {
    const support = await t.request('GET', `${base(P.needs)}/support`, C.ib);
    const opp = support.body.plans.find((p: { kind: string }) => p.kind === 'developmentPerspective');
    expect(opp).toMatchObject({ status: 'draft', latestVersion: 0, signatures: null, unpublishedChanges: true });
    const plan = await t.request('GET', `${base(P.needs)}/plans/${opp.id}`, C.ib);
    const evaluated = await t.request('PUT', `${base(P.needs)}/plans/${opp.id}/status`, C.ib, { version: plan.body.version, status: 'evaluated' });
    expect(evaluated.status).toBe(422);
    const withdrawn = await t.request('PUT', `${base(P.needs)}/plans/${opp.id}/status`, C.ib, { version: plan.body.version, status: 'closed' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('closed');
    const del = await t.request('DELETE', `${base(P.needs)}/plans/${opp.id}`, C.ib);
    expect(del.status).toBe(409);
    expect(del.body.message).toMatch(/Alleen een concept/);
    expect((await t.request('POST', `${base(P.needs)}/plans/${opp.id}/publish`, C.ib, { version: withdrawn.body.version })).body.error).toBe('plan_closed');
    const next = await t.request('POST', `${base(P.needs)}/plans`, C.ib, { kind: 'developmentPerspective', title: 'OPP, tweede opzet' });
    expect(next.status).toBe(201);
  });
});

describe('bad input is refused with 4xx, never a 500', () => {
  it.each([
    ['GET', '/api/pupils/abc/support', undefined],
    ['GET', 'P5/plans/abc', undefined],
    ['GET', 'P5/plans/99999999999', undefined],
    ['GET', 'P5/plans/999999', undefined],
    ['GET', 'P5/published-plans/abc', undefined],
    ['GET', 'P5/published-plans/999999/versions/x/pdf', undefined],
    ['DELETE', 'P5/plans/abc', undefined],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', decidedOn: '2026-02-30' }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', format: 'subject', subject: 'knutselen' }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', pupilIds: ['abc'] }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', pupilIds: [99999999] }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', pupilIds: [1e12], groupPlanId: 1e12, previousPlanId: 1e12 }],
    ['POST', 'P5/plans/999999/publish', { version: 1e12 }],
    ['POST', 'P5/plans/999999/versions/99999999999/paper', { guardianId: 1e12 }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', previousPlanId: 99999999 }],
    ['POST', 'P5/plans', { kind: 'actionPlan', title: 'HP', groupPlanId: 99999999, groupPlanRow: 'x' }],
    ['POST', 'P5/plans', 'geen json-object'],
    ['POST', 'P5/support-levels', { level: '2', startsOn: '24-11-2026' }],
    ['POST', 'P5/support-levels', { level: '2', startsOn: '2026-11-24', consentOn: '2027-02-29' }],
    ['PATCH', 'P5/support-levels/1', { consentOn: 'gisteren' }],
    ['PUT', 'P5/plans/999999', { version: 'een', title: 'x', doc: {} }],
    ['POST', 'P5/plans/999999/notes', { notedOn: '2026-11-24', text: 'x' }],
    ['POST', 'P5/published-plans/999999/versions/1/responses', { kind: 'ja', statement: '', contentHash: 'x' }],
  ] as [string, string, unknown][])('%s %s', async (method, path, body) => {
    const url = path.replace('P5', base(P.p5));
    const res = await t.request(method, url, method === 'POST' && url.includes('responses') ? C.parent : C.ib, body);
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  });

  it('a note in the future and a scan that is not base64 are refused', async () => {
    const plan = await one(sql`select p.id from support_plans p join support_plan_pupils pp on pp.plan_id = p.id where pp.pupil_id = ${P.p5} and p.kind = 'developmentPerspective'`);
    const note = await t.request('POST', `${base(P.p5)}/plans/${plan}/notes`, C.ib, { notedOn: '2026-12-24', text: 'Later' });
    expect(note.status).toBe(422);
    expect(note.body.fields.notedOn).toBeTruthy();
    const paper = await t.request('POST', `${base(P.p5)}/plans/${plan}/versions/3/paper`, C.ib, {
      guardianId: U.mother, kind: 'consent', statement: '', signedOn: '2026-11-24', scan: { filename: 'a.pdf', mime: 'application/pdf', dataBase64: '<script>' },
    });
    expect(paper.status).toBe(422);
    // Base64 letters of a length no decoder accepts: refused before the database sees them.
    const truncated = await t.request('POST', `${base(P.p5)}/plans/${plan}/versions/3/paper`, C.ib, {
      guardianId: U.mother, kind: 'consent', statement: '', signedOn: '2026-11-24', scan: { filename: 'a.pdf', mime: 'application/pdf', dataBase64: 'AAAAA' },
    });
    expect(truncated.status).toBe(422);
    expect(truncated.body.fields['scan.dataBase64']).toBeTruthy();
    const cur = await t.request('GET', `${base(P.p5)}/plans/${plan}`, C.ib);
    const domains = [{ ...cur.body.doc.domains[0], goals: [{ ...cur.body.doc.domains[0].goals[0], instrumentId: 1e12 }] }];
    const huge = await t.request('PUT', `${base(P.p5)}/plans/${plan}`, C.ib, { version: cur.body.version, title: cur.body.title, doc: { ...cur.body.doc, domains } });
    expect(huge.status).toBe(422);
    expect(huge.body.fields.doc).toMatch(/toets/);
  });
});
