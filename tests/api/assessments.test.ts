// Pupil monitoring through the API: instruments and defaults, the group grid (round trip, 409, 422 all or nothing),
// a pupil's results for staff and parents, the dwarsdoorsnede and the trend against hand-computed figures, signals and
// rules, and the CSV import (preview, commit, re-import, nothing written on error or when the job dies).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTestHooks } from '../../src/server/assessments/import';
import { loginDemoRoles, testApp, type TestApp } from '../support/app';

let t: TestApp;
const C = {} as Record<'teacher5' | 'teacher3' | 'ib' | 'director' | 'parent' | 'admin' | 'zorg' | 'board', string>;
const S = {} as { po: number; vo: number };
const G = {} as { g5: number; g5Last: number; g3: number; year: number; lastYear: number };
const I = {} as { rekenen: number; woordenschat: number; spelling: number; avi: number };
let pupils5: { id: number; first_name: string; last_name: string }[] = [];
let child = 0;

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];
const resultCount = () => one(sql`select count(*)::int as n from results`, 'n');

async function csvUpload(cookie: string, schoolId: number, text: string | Buffer, fileName = 'resultaten.csv') {
  const res = await t.app.inject({
    method: 'POST', url: `/api/schools/${schoolId}/result-imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie, 'content-type': 'text/csv' }, payload: text,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function waitForImport(id: number) {
  for (let i = 0; i < 200; i++) {
    const res = await t.request('GET', `/api/result-imports/${id}`, C.ib);
    if (res.body.status === 'committed' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

beforeAll(async () => {
  t = await testApp();
  S.po = await one(sql`select id from schools where brin = '99KA'`);
  S.vo = await one(sql`select id from schools where brin = '99KB00'`);
  G.year = await one(sql`select id from school_years where school_id = ${S.po} and name = '2026-2027'`);
  G.lastYear = await one(sql`select id from school_years where school_id = ${S.po} and name = '2025-2026'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${G.year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${G.year} and name = '3'`);
  G.g5Last = await one(sql`select id from groups where school_year_id = ${G.lastYear} and name = '5'`);
  for (const code of ['rekenen', 'woordenschat', 'spelling'] as const) I[code] = await one(sql`select id from instruments where school_id = ${S.po} and code = ${'cito-' + code}`);
  I.avi = await one(sql`select id from instruments where school_id = ${S.po} and code = 'avi'`);
  pupils5 = await t.q(sql`select p.id, p.first_name, p.last_name from enrolments e join pupils p on p.id = e.pupil_id
    where e.group_id = ${G.g5} order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
  child = await one(sql`select g.pupil_id as id from guardians g join users u on u.id = g.user_id where u.login = 'ouder'`);
  Object.assign(C, await loginDemoRoles(t, G.g3));
}, 120_000);

afterAll(async () => t?.close());

describe('instruments and defaults', () => {
  it('every school has the default instruments of its sector, with illustrative norms and the default signal rules', async () => {
    const po = await t.request('GET', `/api/schools/${S.po}/instruments`, C.teacher5);
    expect(po.status).toBe(200);
    const codes = po.body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['cito-rekenen', 'cito-spelling', 'cito-begrijpend-lezen', 'cito-dmt', 'avi', 'iep-rekenen', 'zien']));
    expect(codes.some((c: string) => c.startsWith('cito-vo-'))).toBe(false);
    const rekenen = po.body.items.find((i: { code: string }) => i.code === 'cito-rekenen');
    expect(rekenen).toMatchObject({ levelScale: 'IV', hasLevelNorms: true, hasDleNorms: true, active: true, version: 1 });
    const vo = await t.request('GET', `/api/schools/${S.vo}/instruments`, C.zorg);
    expect(vo.body.items.map((i: { code: string }) => i.code).sort()).toEqual(['cito-vo-engels', 'cito-vo-nederlands', 'cito-vo-rekenen']);
    const rules = await t.request('GET', `/api/schools/${S.po}/signal-rules`, C.ib);
    expect(rules.body.items.map((r: { kind: string }) => r.kind)).toEqual(['lowLevel', 'levelDrop', 'delay', 'consecutiveLow', 'consecutiveLow', 'dleBehindAtGrade', 'highPerformer']);
  });

  it('a new school gets the defaults at creation', async () => {
    const boardId = await one(sql`select board_id as id from schools where id = ${S.po}`);
    const res = await t.request('POST', '/api/schools', C.admin, { boardId, name: 'Nieuwe Meerpaal', brin: '77XX', sector: 'po' });
    expect(res.status).toBe(201);
    expect(await one(sql`select count(*)::int as n from instruments where school_id = ${res.body.id}`, 'n')).toBeGreaterThanOrEqual(10);
    expect(await one(sql`select count(*)::int as n from signal_rules where school_id = ${res.body.id}`, 'n')).toBe(7);
    expect(await one(sql`select count(*)::int as n from norm_tables n join instruments i on i.id = n.instrument_id where i.school_id = ${res.body.id}`, 'n')).toBeGreaterThan(10);
  });

  it('the care coordinator adds and edits an instrument; a stale version is refused; bad input gets Dutch field messages', async () => {
    const body = { code: 'methode-rekenen', name: 'Methodetoets rekenen', domain: 'rekenen-wiskunde', supplier: 'school', moments: ['m5', 'E5'], scoreKinds: ['raw', 'level'], levelScale: 'AE' };
    const created = await t.request('POST', `/api/schools/${S.po}/instruments`, C.ib, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'methode-rekenen', moments: ['M5', 'E5'], hasLevelNorms: false, version: 1 });
    const dup = await t.request('POST', `/api/schools/${S.po}/instruments`, C.ib, body);
    expect(dup.status).toBe(422);
    expect(dup.body.fields.code).toMatch(/al een toets/);
    const bad = await t.request('POST', `/api/schools/${S.po}/instruments`, C.ib, { ...body, code: 'x y', moments: ['Z9'], scoreKinds: ['level'], levelScale: null });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['code', 'moments.0']));
    const noScale = await t.request('POST', `/api/schools/${S.po}/instruments`, C.ib, { ...body, code: 'zonder-schaal', levelScale: null });
    expect(noScale.status).toBe(422);
    expect(noScale.body.fields.levelScale).toMatch(/niveauschaal/);
    const patched = await t.request('PATCH', `/api/instruments/${created.body.id}`, C.ib, { version: 1, name: 'Methodetoets rekenen (nieuw)' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Methodetoets rekenen (nieuw)', version: 2 });
    expect((await t.request('PATCH', `/api/instruments/${created.body.id}`, C.ib, { version: 1, name: 'Oud' })).status).toBe(409);
    expect((await t.request('PATCH', `/api/instruments/${created.body.id}`, C.director, { version: 2, name: 'Niet' })).status).toBe(403);
  });

  it('norm tables are replaced from CSV all or nothing', async () => {
    const id = await one(sql`select id from instruments where school_id = ${S.po} and code = 'methode-rekenen'`);
    const good = 'soort;moment;niveau;vanaf\nniveau;M5;A;40\nniveau;M5;B;30\nniveau;M5;C;20\nniveau;M5;D;10\nniveau;M5;E;0\n';
    const res = await t.request('PUT', `/api/instruments/${id}/norms`, C.ib, { csv: good });
    expect(res.status).toBe(200);
    expect(res.body.levelNorms).toEqual([{ moment: 'M5', scale: 'AE', bands: [{ level: 'A', minScore: 40 }, { level: 'B', minScore: 30 }, { level: 'C', minScore: 20 }, { level: 'D', minScore: 10 }, { level: 'E', minScore: 0 }] }]);
    // A moment the instrument does not have, and a level of the other scale: 422, the stored norms stay.
    const bad = await t.request('PUT', `/api/instruments/${id}/norms`, C.ib, { csv: 'soort;moment;niveau;vanaf\nniveau;M6;A;40\nniveau;E5;I;10\n' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['unknownMoment', 'wrongScale']));
    expect((await t.request('GET', `/api/instruments/${id}/norms`, C.teacher5)).body.levelNorms).toHaveLength(1);
  });
});

describe('the group grid', () => {
  const url = () => `/api/groups/${G.g5}/results`;
  const grid = () => t.request('GET', `${url()}?instrumentId=${I.rekenen}&moment=M5`, C.teacher5);

  it('round trip: empty grid, enter scores (levels and DLE filled from the norms), read them back, audited', async () => {
    const empty = await grid();
    expect(empty.status).toBe(200);
    expect(empty.body.rows.map((r: { pupilId: number }) => r.pupilId)).toEqual(pupils5.map((p) => p.id));
    expect(empty.body.rows.every((r: { result: unknown }) => r.result === null)).toBe(true);
    const [a, b, c] = pupils5;
    const auditBefore = await one(sql`select count(*)::int as n from audit_log where entity = 'result' and action = 'create'`, 'n');
    const res = await t.request('PUT', url(), C.teacher5, {
      instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20',
      rows: [
        { pupilId: a.id, abilityScore: 190 },
        { pupilId: b.id, abilityScore: '171,5', level: 'ii', percentile: '55' },
        { pupilId: c.id, abilityScore: 164 },
      ],
    });
    expect(res.status).toBe(200);
    const byPupil = new Map(res.body.rows.map((r: { pupilId: number; result: unknown }) => [r.pupilId, r.result]));
    // cito-rekenen M5 (illustrative norm: mean 182.5, sd 14): II from 186, IV from 171, V- below 165; DLE = (score − 120) / 2.5.
    expect(byPupil.get(a.id)).toMatchObject({ abilityScore: 190, level: 'II', dle: 28, percentile: null, takenOn: '2026-11-20', version: 1 });
    expect(byPupil.get(b.id)).toMatchObject({ abilityScore: 171.5, level: 'II', percentile: 55, dle: 20.6 });
    expect(byPupil.get(c.id)).toMatchObject({ level: 'V-', dle: 17.6 });
    expect(res.body.takenOn).toBe('2026-11-20');
    const again = await grid();
    expect(again.body.rows.filter((r: { result: unknown }) => r.result).length).toBe(3);
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'result' and action = 'create'`, 'n')).toBe(auditBefore + 3);
    const [{ n: listed }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login = 'leerkracht' and a.entity = 'result' and a.action = 'list' and a.pupil_id = ${a.id}`);
    expect(listed).toBeGreaterThanOrEqual(2);
    expect(await one(sql`select grade as n from results where pupil_id = ${a.id} and instrument_id = ${I.rekenen} and moment = 'M5'`, 'n')).toBe(5);
  });

  it('a stale version answers 409 and changes nothing; the current version updates; an unchanged row is left alone', async () => {
    const [a, b] = pupils5;
    const loaded = await grid();
    const ra = loaded.body.rows.find((r: { pupilId: number }) => r.pupilId === a.id).result;
    // Somebody else saves first …
    const first = await t.request('PUT', url(), C.ib, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: a.id, version: ra.version, abilityScore: 195 }] });
    expect(first.status).toBe(200);
    // … so the teacher's save on the same version is refused, also the other rows of it.
    const stale = await t.request('PUT', url(), C.teacher5, {
      instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20',
      rows: [{ pupilId: b.id, version: 1, abilityScore: 150 }, { pupilId: a.id, version: ra.version, abilityScore: 180 }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
    const after = await grid();
    const rows = new Map(after.body.rows.map((r: { pupilId: number; result: { abilityScore: number; version: number } }) => [r.pupilId, r.result]));
    expect(rows.get(a.id)).toMatchObject({ abilityScore: 195, level: 'I', version: 2 });
    expect(rows.get(b.id)).toMatchObject({ abilityScore: 171.5, version: 1 });
    // A new row for a pupil who got a result meanwhile (sent without version) is a conflict too.
    expect((await t.request('PUT', url(), C.teacher5, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: a.id, abilityScore: 170 }] })).status).toBe(409);
    // Saving the same values again changes nothing (no new version, no audit entry).
    const same = await t.request('PUT', url(), C.teacher5, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: b.id, version: 1, abilityScore: 171.5, level: 'II', percentile: 55 }] });
    expect(same.status).toBe(200);
    expect(same.body.rows.find((r: { pupilId: number }) => r.pupilId === b.id).result.version).toBe(1);
  });

  it('one bad cell refuses the whole save (422 with Dutch messages per cell), nothing written', async () => {
    const [, , , d, e, f] = pupils5;
    const before = await resultCount();
    const res = await t.request('PUT', url(), C.teacher5, {
      instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20',
      rows: [
        { pupilId: d.id, abilityScore: 180 },
        { pupilId: e.id, percentile: 140 },
        { pupilId: f.id, level: 'VI', textValue: 'E4', abilityScore: 'veel' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('invalid');
    const errs = res.body.rowErrors.map((x: { pupilId: number; field: string }) => `${x.pupilId}:${x.field}`);
    expect(errs.sort()).toEqual([`${e.id}:percentile`, `${f.id}:abilityScore`, `${f.id}:level`, `${f.id}:textValue`].sort());
    expect(res.body.rowErrors.find((x: { field: string }) => x.field === 'percentile').message).toMatch(/percentiel/);
    expect(res.body.fields['rows.1.percentile']).toBeDefined();
    expect(await resultCount()).toBe(before);

    const other = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} limit 1`);
    const notInGroup = await t.request('PUT', url(), C.ib, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: other, abilityScore: 180 }] });
    expect(notInGroup.status).toBe(422);
    expect(notInGroup.body.rowErrors[0].message).toMatch(/niet in deze groep/);
    const cases: [unknown, string][] = [
      [{ instrumentId: I.rekenen, moment: 'B5', takenOn: '2026-11-20', rows: [] }, 'moment'],
      [{ instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-12-20', rows: [{ pupilId: d.id, abilityScore: 180 }] }, 'takenOn'],
      [{ instrumentId: I.rekenen, moment: 'M5', takenOn: '2025-11-20', rows: [{ pupilId: d.id, abilityScore: 180 }] }, 'takenOn'],
      [{ instrumentId: I.rekenen, moment: 'M5', rows: [{ pupilId: d.id, abilityScore: 180 }] }, 'takenOn'],
      [{ instrumentId: 999999, moment: 'M5', takenOn: '2026-11-20', rows: [] }, 'instrumentId'],
      [{ instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-31', rows: [] }, 'takenOn'],
    ];
    for (const [body, field] of cases) {
      const r = await t.request('PUT', url(), C.teacher5, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.fields[field], JSON.stringify(r.body)).toBeDefined();
    }
    expect((await t.request('GET', `${url()}?instrumentId=${I.rekenen}&moment=Q5`, C.teacher5)).status).toBe(422);
    expect((await t.request('GET', `${url()}?instrumentId=abc&moment=M5`, C.teacher5)).status).toBe(422);
    expect(await resultCount()).toBe(before);
  });

  it('empty cells delete a result; AVI levels are normalised', async () => {
    const [, , c] = pupils5;
    const loaded = await grid();
    const rc = loaded.body.rows.find((r: { pupilId: number }) => r.pupilId === c.id).result;
    const res = await t.request('PUT', url(), C.teacher5, { instrumentId: I.rekenen, moment: 'M5', takenOn: null, rows: [{ pupilId: c.id, version: rc.version, abilityScore: null, level: '' }] });
    expect(res.status).toBe(200);
    expect(res.body.rows.find((r: { pupilId: number }) => r.pupilId === c.id).result).toBeNull();
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'result' and action = 'delete' and pupil_id = ${c.id}`, 'n')).toBe(1);
    const avi = await t.request('PUT', url(), C.teacher5, { instrumentId: I.avi, moment: 'M5', takenOn: '2026-11-21', rows: [{ pupilId: c.id, textValue: 'avi e4' }] });
    expect(avi.status).toBe(200);
    expect(avi.body.rows.find((r: { pupilId: number }) => r.pupilId === c.id).result.textValue).toBe('E4');
  });

  it('a teacher of another group, last year’s teacher, and staff of another school are refused', async () => {
    const body = { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: pupils5[5].id, abilityScore: 180 }] };
    expect((await t.request('PUT', url(), C.teacher3, body)).status).toBe(403);
    expect((await t.request('GET', `${url()}?instrumentId=${I.rekenen}&moment=M5`, C.teacher3)).status).toBe(403);
    expect((await t.request('PUT', `/api/groups/${G.g5Last}/results`, C.teacher5, { ...body, moment: 'E4', takenOn: '2026-06-10' })).status).toBe(403);
    expect((await t.request('PUT', url(), C.zorg, body)).status).toBe(403);
    expect((await t.request('GET', `${url()}?instrumentId=${I.rekenen}&moment=M5`, C.zorg)).status).toBe(403);
    expect((await t.request('PUT', url(), C.director, body)).status).toBe(403);
    // An instrument of another school is not accepted for this group.
    const voInstrument = await one(sql`select id from instruments where school_id = ${S.vo} limit 1`);
    expect((await t.request('GET', `${url()}?instrumentId=${voInstrument}&moment=E1`, C.teacher5)).status).toBe(422);
  });
});

describe('a pupil’s results', () => {
  it('staff see results with DL, leerrendement and achterstand, chart series with norm bands, and signals; the read is audited', async () => {
    const res = await t.request('GET', `/api/pupils/${child}/results`, C.ib);
    expect(res.status).toBe(200);
    expect(res.body.pupil.id).toBe(child);
    expect(res.body.results.length).toBeGreaterThan(4);
    for (const r of res.body.results.filter((x: { dle: number | null; dl: number | null }) => x.dle != null && x.dl != null)) {
      expect(r.efficiency).toBe(Math.round((r.dle / r.dl) * 100));
      expect(r.delay.months).toBeCloseTo(r.dl - r.dle, 5);
    }
    // Last school year the child was in groep 4: DL at M4 (late January or early February) is 10 + 5 (or 6) months.
    const m4 = res.body.results.find((r: { moment: string; instrumentId: number }) => r.moment === 'M4' && r.instrumentId === I.rekenen);
    expect(m4).toMatchObject({ schoolYear: '2025-2026', grade: 4 });
    expect([15, 16]).toContain(m4.dl);
    const series = res.body.series.find((s: { instrumentId: number }) => s.instrumentId === I.rekenen);
    expect(series.points.length).toBeGreaterThan(1);
    expect(series.bands.find((b: { moment: string }) => b.moment === 'M4').bands[0].level).toBe('I+');
    expect(Array.isArray(res.body.signals)).toBe(true);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_id
      where u.login = 'ib' and a.pupil_id = ${child} and a.action = 'read' and a.entity = 'result'`);
    expect(n).toBe(1);
  });

  it('a parent sees the child’s results only when the school publishes them, and never the signals', async () => {
    const refused = await t.request('GET', `/api/pupils/${child}/results`, C.parent);
    expect(refused.status).toBe(403);
    expect(await one(sql`select count(*)::int as n from audit_log where pupil_id = ${child} and action = 'denied' and entity = 'result'`, 'n')).toBe(1);
    const patch = await t.request('PATCH', `/api/schools/${S.po}`, C.admin, { settings: { publishResultsToParents: true } });
    expect(patch.status).toBe(200);
    const allowed = await t.request('GET', `/api/pupils/${child}/results`, C.parent);
    expect(allowed.status).toBe(200);
    expect(allowed.body.results.length).toBeGreaterThan(0);
    expect(allowed.body.signals).toEqual([]);
    // Another child stays closed to this parent, published or not.
    const other = pupils5.find((p) => p.id !== child)!;
    expect((await t.request('GET', `/api/pupils/${other.id}/results`, C.parent)).status).toBe(403);
    await t.request('PATCH', `/api/schools/${S.po}`, C.admin, { settings: { publishResultsToParents: false } });
    expect((await t.request('GET', `/api/pupils/${child}/results`, C.parent)).status).toBe(403);
  });
});

describe('dwarsdoorsnede, trend and signals against hand-computed figures', () => {
  // Woordenschat has no demo results: the figures below come only from what this test enters.
  const levels = ['I+', 'I', 'II', 'III', 'III', 'IV', 'V', 'V-'];
  const previous = ['II', 'II', 'I', 'III', 'IV', 'IV', 'III', 'V'];

  beforeAll(async () => {
    const res = await t.request('PUT', `/api/groups/${G.g5}/results`, C.teacher5, {
      instrumentId: I.woordenschat, moment: 'M5', takenOn: '2026-11-18',
      rows: levels.map((level, i) => ({ pupilId: pupils5[i].id, level })),
    });
    expect(res.status).toBe(200);
    // E4 of last school year (the previous moment), straight into the database.
    for (const [i, level] of previous.entries()) {
      await t.q(sql`insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, grade, level)
        values (${pupils5[i].id}, ${I.woordenschat}, ${G.lastYear}, 'E4', '2026-06-10', 4, ${level})`);
    }
  });

  it('the group’s distribution this and last moment, and the share at or above the school norm (III, 75 %)', async () => {
    const res = await t.request('GET', `/api/groups/${G.g5}/cross-section?instrumentId=${I.woordenschat}&moment=M5`, C.teacher5);
    expect(res.status).toBe(200);
    expect(res.body.previousMoment).toBe('E4');
    expect(res.body.current).toEqual([{ level: 'I', count: 2 }, { level: 'II', count: 1 }, { level: 'III', count: 2 }, { level: 'IV', count: 1 }, { level: 'V', count: 2 }, { level: '?', count: 0 }]);
    expect(res.body.previous).toEqual([{ level: 'I', count: 1 }, { level: 'II', count: 2 }, { level: 'III', count: 2 }, { level: 'IV', count: 2 }, { level: 'V', count: 1 }, { level: '?', count: 0 }]);
    // I+, I, II, III, III of 8 → 5/8 = 62.5 % → 63.
    expect(res.body.norm).toEqual({ level: 'III', percent: 75, share: { count: 5, total: 8, percent: 63 } });
    const first = res.body.pupils.find((p: { pupilId: number }) => p.pupilId === pupils5[0].id);
    expect(first).toMatchObject({ level: 'I+', previousLevel: 'II' });
    expect(res.body.pupils.filter((p: { level: string | null }) => p.level === null)).toHaveLength(pupils5.length - 8);
    // Instruments without levels have no dwarsdoorsnede.
    expect((await t.request('GET', `/api/groups/${G.g5}/cross-section?instrumentId=${I.avi}&moment=M5`, C.teacher5)).status).toBe(422);
  });

  it('the school trend per grade and year', async () => {
    const res = await t.request('GET', `/api/schools/${S.po}/trend?instrumentId=${I.woordenschat}`, C.director);
    expect(res.status).toBe(200);
    expect(res.body.years).toEqual(['2024-2025', '2025-2026', '2026-2027']);
    expect(res.body.norm).toEqual({ level: 'III', percent: 75 });
    // E4 2025-2026: II, II, I, III, IV, IV, III, V → 5 of 8 at III or above; M5 2026-2027: 5 of 8.
    expect(res.body.grades).toEqual([
      { grade: 4, points: [{ schoolYear: '2025-2026', moment: 'E4', total: 8, atOrAbove: 5, percent: 63 }] },
      { grade: 5, points: [{ schoolYear: '2026-2027', moment: 'M5', total: 8, atOrAbove: 5, percent: 63 }] },
    ]);
    // With the norm at II, only I+, I and II count.
    await t.q(sql`update schools set settings = settings || '{"resultNorm": {"scale": "IV", "level": "II", "percent": 50}}'::jsonb where id = ${S.po}`);
    const strict = await t.request('GET', `/api/schools/${S.po}/trend?instrumentId=${I.woordenschat}`, C.ib);
    expect(strict.body.grades[1].points[0]).toEqual({ schoolYear: '2026-2027', moment: 'M5', total: 8, atOrAbove: 3, percent: 38 });
    expect(strict.body.norm).toEqual({ level: 'II', percent: 50 });
    await t.q(sql`update schools set settings = settings - 'resultNorm' where id = ${S.po}`);
    // The demo data fills the trend by domain.
    const demo = await t.request('GET', `/api/schools/${S.po}/trend?domain=rekenen-wiskunde`, C.board);
    expect(demo.status).toBe(200);
    expect(demo.body.grades.map((g: { grade: number }) => g.grade)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(demo.body.grades[0].points.every((p: { total: number; atOrAbove: number }) => p.total > 0 && p.atOrAbove <= p.total)).toBe(true);
    expect((await t.request('GET', `/api/schools/${S.po}/trend`, C.ib)).status).toBe(422);
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'result_trend'`, 'n')).toBeGreaterThanOrEqual(3);
  });

  it('group signals name the reason; a rule change re-evaluates', async () => {
    const res = await t.request('GET', `/api/groups/${G.g5}/signals`, C.teacher5);
    expect(res.status).toBe(200);
    const low = res.body.items.find((i: { pupilId: number }) => i.pupilId === pupils5[6].id).signals
      .filter((s: { kind: string; instrumentId: number }) => s.instrumentId === I.woordenschat);
    expect(low.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['lowLevel']));
    const high = res.body.items.find((i: { pupilId: number }) => i.pupilId === pupils5[0].id).signals
      .filter((s: { instrumentId: number }) => s.instrumentId === I.woordenschat);
    expect(high.map((s: { kind: string; tone: string }) => `${s.kind}:${s.tone}`)).toContain('highPerformer:enrichment');
    // pupils5[2]: I at E4 → II at M5 is a drop of one level.
    const drop = res.body.items.find((i: { pupilId: number }) => i.pupilId === pupils5[2].id).signals
      .filter((s: { instrumentId: number }) => s.instrumentId === I.woordenschat);
    expect(drop.map((s: { kind: string }) => s.kind)).toContain('levelDrop');

    const rules = (await t.request('GET', `/api/schools/${S.po}/signal-rules`, C.ib)).body.items;
    const changed = rules.map((r: { kind: string; active: boolean }) => (r.kind === 'lowLevel' ? { ...r, active: false } : r));
    const put = await t.request('PUT', `/api/schools/${S.po}/signal-rules`, C.ib, { items: changed });
    expect(put.status).toBe(200);
    expect(put.body.items.find((r: { kind: string }) => r.kind === 'lowLevel')).toMatchObject({ active: false, version: 2 });
    const after = await t.request('GET', `/api/groups/${G.g5}/signals`, C.teacher5);
    const lowAfter = after.body.items.find((i: { pupilId: number }) => i.pupilId === pupils5[6].id).signals;
    expect(lowAfter.some((s: { kind: string }) => s.kind === 'lowLevel')).toBe(false);
    // A stale version is refused, and invalid rules answer 422; a teacher may not change rules.
    expect((await t.request('PUT', `/api/schools/${S.po}/signal-rules`, C.ib, { items: changed })).status).toBe(409);
    const invalidRule = await t.request('PUT', `/api/schools/${S.po}/signal-rules`, C.ib, { items: [{ kind: 'delay', label: 'x', domains: [], active: true, params: { weeks: -3 } }] });
    expect(invalidRule.status).toBe(422);
    expect(Object.keys(invalidRule.body.fields).some((k) => k.startsWith('items.0'))).toBe(true);
    expect((await t.request('PUT', `/api/schools/${S.po}/signal-rules`, C.teacher5, { items: [] })).status).toBe(403);
    expect((await t.request('GET', `/api/schools/${S.po}/signal-rules`, C.ib)).body.items).toHaveLength(7);
  });
});

describe('CSV import', () => {
  const header = 'leerlingnummer;toets;toetsmoment;afnamedatum;vaardigheidsscore';
  const fileFor = (scores: number[]) => [header, ...scores.map((s, i) => `${pupils5[i].id};cito-spelling;M5;19-11-2026;${s}`)].join('\r\n') + '\r\n';
  let mapping: Record<string, number>;

  it('upload detects the layout; preview writes nothing; commit writes everything in one go; re-import adds nothing', async () => {
    const file = fileFor([150, 160, 170, 180, 190]);
    const up = await csvUpload(C.ib, S.po, file);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'resultaten.csv', delimiter: ';', total: 5, layoutId: 'generic', header: header.split(';') });
    expect(up.body.sample).toHaveLength(5);
    mapping = up.body.mapping;
    expect(mapping).toEqual({ pupilNumber: 0, instrument: 1, moment: 2, takenOn: 3, abilityScore: 4 });
    const before = await resultCount();
    const preview = await t.request('POST', `/api/result-imports/${up.body.id}/preview`, C.ib, { mapping, defaults: {} });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 5, new: 5, changed: 0, unchanged: 0, errorCount: 0, errors: [] });
    expect(preview.body.sample[0]).toMatchObject({ pupilId: pupils5[0].id, instrumentId: I.spelling, moment: 'M5', takenOn: '2026-11-19', abilityScore: 150 });
    expect(await resultCount()).toBe(before);

    const commit = await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {}, overwrite: false });
    expect(commit.status).toBe(202);
    expect(commit.body).toEqual({ id: up.body.id, status: 'committing' });
    const done = await waitForImport(up.body.id);
    expect(done).toMatchObject({ status: 'committed', total: 5, processed: 5, inserted: 5, updated: 0, unchanged: 0, error: null });
    expect(await resultCount()).toBe(before + 5);
    // Levels and DLE come from the norms (cito-spelling M5: mean 150, sd 10 → III from 147, II from 153).
    const stored = await t.q<{ level: string; dle: string; import_id: number; grade: number }>(sql`select level, dle::text, import_id, grade from results where instrument_id = ${I.spelling} and moment = 'M5' and school_year_id = ${G.year} order by ability_score`);
    expect(stored.map((s) => s.level)).toEqual(['III', 'I', 'I+', 'I+', 'I+']);
    expect(stored.every((s) => s.import_id === up.body.id && s.grade === 5)).toBe(true);
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'result' and action = 'create' and (detail->>'importId')::int = ${up.body.id}`, 'n')).toBe(5);
    expect(await one(sql`select count(*)::int as n from result_imports where id = ${up.body.id} and content is null`, 'n')).toBe(1);
    // Committing the same import twice is refused.
    expect((await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {} })).status).toBe(409);

    // The same file again: every row unchanged, nothing added.
    const again = await csvUpload(C.ib, S.po, file);
    const p2 = await t.request('POST', `/api/result-imports/${again.body.id}/preview`, C.ib, { mapping, defaults: {} });
    expect(p2.body).toMatchObject({ total: 5, new: 0, changed: 0, unchanged: 5, errorCount: 0 });
    await t.request('POST', `/api/result-imports/${again.body.id}/commit`, C.ib, { mapping, defaults: {} });
    expect(await waitForImport(again.body.id)).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 5 });
    expect(await resultCount()).toBe(before + 5);
  });

  it('a file with one bad row is refused as a whole (422, nothing written), with Dutch row messages', async () => {
    const file = `${fileFor([150, 151])}99999999;cito-spelling;M5;19-11-2026;140\r\n${pupils5[5].id};cito-spelling;M9;19-11-2026;140\r\n${pupils5[6].id};cito-spelling;M5;19-11-2027;140\r\n`;
    const up = await csvUpload(C.ib, S.po, file);
    const before = await resultCount();
    const preview = await t.request('POST', `/api/result-imports/${up.body.id}/preview`, C.ib, { mapping, defaults: {} });
    expect(preview.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['changesExisting', 'dateInFuture', 'momentInvalid', 'unknownPupil']);
    expect(preview.body.errors.find((e: { row: number }) => e.row === 4)).toMatchObject({ code: 'unknownPupil', column: 'leerlingnummer' });
    expect(preview.body.errors.every((e: { message: string }) => e.message.length > 5)).toBe(true);
    const commit = await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {}, overwrite: false });
    expect(commit.status).toBe(422);
    expect(commit.body.errorCount).toBe(4);
    // Overwriting does not excuse the other errors.
    const overwrite = await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {}, overwrite: true });
    expect(overwrite.status).toBe(422);
    expect(overwrite.body.errorCount).toBe(3);
    expect(await resultCount()).toBe(before);
  });

  it('changing stored results needs "overwrite"; then they are updated', async () => {
    const up = await csvUpload(C.ib, S.po, fileFor([152, 160]));
    const preview = await t.request('POST', `/api/result-imports/${up.body.id}/preview`, C.ib, { mapping, defaults: {} });
    expect(preview.body).toMatchObject({ changed: 1, new: 0, unchanged: 1 });
    expect(preview.body.errors.map((e: { code: string }) => e.code)).toEqual(['changesExisting']);
    expect((await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {}, overwrite: false })).status).toBe(422);
    const commit = await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {}, overwrite: true });
    expect(commit.status).toBe(202);
    expect(await waitForImport(up.body.id)).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 1 });
    expect(await one(sql`select ability_score::int as n from results where pupil_id = ${pupils5[0].id} and instrument_id = ${I.spelling} and moment = 'M5'`, 'n')).toBe(152);
    expect(await one(sql`select version as n from results where pupil_id = ${pupils5[0].id} and instrument_id = ${I.spelling} and moment = 'M5'`, 'n')).toBe(2);
  });

  it('a job that dies half-way leaves nothing written (one transaction), and can be started again', async () => {
    const file = [header, ...pupils5.slice(0, 12).map((p) => `${p.id};cito-begrijpend-lezen;M5;20-11-2026;140`)].join('\n');
    const up = await csvUpload(C.ib, S.po, file);
    const before = await resultCount();
    importTestHooks.failAfterRows = 1;
    try {
      const commit = await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {} });
      expect(commit.status).toBe(202);
      const failed = await waitForImport(up.body.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/niets van opgeslagen/);
      expect(await resultCount()).toBe(before);
      expect(await one(sql`select count(*)::int as n from audit_log where (detail->>'importId')::int = ${up.body.id}`, 'n')).toBe(0);
    } finally {
      importTestHooks.failAfterRows = null;
    }
    await t.request('POST', `/api/result-imports/${up.body.id}/commit`, C.ib, { mapping, defaults: {} });
    expect(await waitForImport(up.body.id)).toMatchObject({ status: 'committed', inserted: 12 });
    expect(await resultCount()).toBe(before + 12);
  });

  it('decodes Windows-1252 with a BOM-less header and comma decimals; refuses an empty or non-CSV body', async () => {
    const p = pupils5[7];
    const text = `leerlingnummer,toets,toetsmoment,afnamedatum,vaardigheidsscore,opmerking\n${p.id},cito-rekenen,M5,2026-11-20,"181,5",één\n`;
    const bytes = Buffer.from(text, 'latin1');
    const up = await csvUpload(C.ib, S.po, bytes);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(up.body.sample[0][5]).toBe('één');
    const preview = await t.request('POST', `/api/result-imports/${up.body.id}/preview`, C.ib, { mapping: up.body.mapping, defaults: {} });
    expect(preview.body.sample[0].abilityScore).toBe(181.5);
    expect((await csvUpload(C.ib, S.po, '')).status).toBe(422);
    const json = await t.request('POST', `/api/schools/${S.po}/result-imports`, C.ib, { csv: 'x' });
    expect(json.status).toBe(415);
    expect((await csvUpload(C.teacher5, S.po, text)).status).toBe(403);
    expect((await csvUpload(C.zorg, S.po, text)).status).toBe(403);
  });
});

describe('odd input', () => {
  it('answers 4xx with a message, never 500', async () => {
    const g = `/api/groups/${G.g5}`;
    const imp = (await csvUpload(C.ib, S.po, 'a;b\n1;2\n')).body.id as number;
    const calls: [string, string, unknown][] = [
      ['GET', `${g}/results?instrumentId=99999999999&moment=M5`, undefined],
      ['GET', `${g}/results?moment=M5`, undefined],
      ['PUT', `${g}/results`, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: 'x' }] }],
      ['PUT', `${g}/results`, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: pupils5[9].id, abilityScore: 1e308, percentile: 'NaN', dle: -1 }] }],
      ['PUT', `${g}/results`, { instrumentId: I.rekenen, moment: 'M5', takenOn: '2026-11-20', rows: [{ pupilId: 2147483648, abilityScore: 1 }] }],
      ['PUT', `${g}/results`, null],
      ['GET', `${g}/cross-section?instrumentId=${I.rekenen}&moment=E9`, undefined],
      ['GET', `/api/schools/${S.po}/trend?domain=sterrenkunde`, undefined],
      ['GET', `/api/schools/${S.po}/trend?instrumentId=${I.rekenen + 100000}`, undefined],
      ['PUT', `/api/instruments/${I.rekenen}/norms`, { csv: '' }],
      ['PUT', `/api/instruments/${I.rekenen}/norms`, { csv: 'soort;moment;score;dle\ndle;;abc;-5\n' }],
      ['PATCH', `/api/instruments/${I.rekenen}`, { version: 1, moments: [] }],
      ['PUT', `/api/schools/${S.po}/signal-rules`, { items: [{ id: 99999999, kind: 'lowLevel', label: 'Laag', domains: [], active: true, params: { levels: ['V'] } }] }],
      ['PUT', `/api/schools/${S.po}/signal-rules`, { items: 'geen lijst' }],
      ['POST', `/api/result-imports/${imp}/preview`, { mapping: { pupilNumber: -1 } }],
      ['POST', `/api/result-imports/${imp}/preview`, { mapping: { pupilNumber: 0, rawScore: 1 }, defaults: { takenOn: '2026-02-30' } }],
      ['POST', `/api/result-imports/${imp}/preview`, { mapping: { pupilNumber: 0, rawScore: 1 }, defaults: { moment: 'M5', layoutId: 'cito' } }],
      ['POST', `/api/result-imports/${imp}/commit`, { mapping: { pupilNumber: 0, rawScore: 1 }, defaults: { instrumentCode: 'bestaat-niet', moment: 'M5', takenOn: '2026-11-20' } }],
      ['POST', '/api/result-imports/99999999/preview', { mapping: {} }],
      ['GET', '/api/result-imports/abc', undefined],
    ];
    for (const [method, url, body] of calls) {
      const res = await t.request(method, url, C.ib, body);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect(typeof res.body.message).toBe('string');
    }
    // A mapping to a column the file lacks is a problem of the file as a whole (row 0), shown in the preview.
    const preview = await t.request('POST', `/api/result-imports/${imp}/preview`, C.ib, { mapping: { pupilNumber: 400, rawScore: 1 }, defaults: {} });
    expect(preview.status).toBe(200);
    expect(preview.body.errors[0]).toMatchObject({ row: 0, code: 'mappingInvalidColumn' });
  });
});
