// The groepsoverzicht read is cached per overview behind a fingerprint of every row it is built from
// (src/server/group-cycle/overview-cache.ts). These tests change each kind of source row and check that the next read
// shows the change (or, for changes without a visible effect, that the fingerprint moves), that users with different
// rights share the cached body but not `canEdit`, and that every read, cached or not, is audited per pupil.
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewStamp } from '../../src/server/group-cycle/overview-cache';
import { loginDemoRoles, testApp, TODAY, type TestApp } from '../support/app';

let t: TestApp;
let C = {} as Awaited<ReturnType<typeof loginDemoRoles>>;
const G = {} as { school: number; g5: number; g3: number; period1: number; overview: number; pupil: number };

const one = async (q: ReturnType<typeof sql>, key = 'id') => (await t.q<Record<string, number>>(q))[0][key];

async function read(cookie = C.ib) {
  const res = await t.request('GET', `/api/group-overviews/${G.overview}`, cookie);
  expect(res.status).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  return res.body;
}
const line = (view: any) => view.lines.find((l: { pupilId: number }) => l.pupilId === G.pupil);

beforeAll(async () => {
  t = await testApp();
  G.school = await one(sql`select id from schools where brin = '99KA'`);
  const year = await one(sql`select id from school_years where school_id = ${G.school} and name = '2026-2027'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${year} and name = '3'`);
  G.period1 = await one(sql`select id from care_periods where school_year_id = ${year} and seq = 1`);
  C = await loginDemoRoles(t, G.g3);
  const created = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.ib, { periodId: G.period1, form: 'crossSubject' });
  expect(created.status).toBe(201);
  G.overview = created.body.id;
  // A pupil of the overview with results (so result changes show).
  G.pupil = await one(sql`select l.pupil_id as id from group_overview_lines l
    where l.overview_id = ${G.overview} and exists (select 1 from results r where r.pupil_id = l.pupil_id) order by l.pupil_id limit 1`);
}, 120_000);
afterAll(async () => t?.close());

describe('groepsoverzicht cache', () => {
  it('serves the same body again, with each user’s own canEdit, and audits every read', async () => {
    const first = await read(C.ib);
    const auditBefore = await one(sql`select count(*)::int as n from audit_log where entity = 'group_overview' and entity_id = ${String(G.overview)} and action = 'read'`, 'n');
    const again = await read(C.ib);
    const director = await read(C.director);
    expect(again).toEqual(first);
    expect(first.canEdit).toBe(true);
    expect(director.canEdit).toBe(false);
    const { canEdit: _a, ...restIb } = again;
    const { canEdit: _b, ...restDirector } = director;
    expect(restDirector).toEqual(restIb);
    const auditAfter = await one(sql`select count(*)::int as n from audit_log where entity = 'group_overview' and entity_id = ${String(G.overview)} and action = 'read'`, 'n');
    expect(auditAfter - auditBefore).toBe(2 * first.lines.length);
    // The guard still decides on a cached overview: a parent and another group's teacher are refused.
    expect((await t.request('GET', `/api/group-overviews/${G.overview}`, C.parent)).status).toBe(403);
    expect((await t.request('GET', `/api/group-overviews/${G.overview}`, C.teacher3)).status).toBe(403);
  });

  it('answers gzip to a client that accepts it (as browsers do), with the same JSON', async () => {
    const plain = await read(C.ib);
    for (const [cookie, editable] of [[C.ib, true], [C.director, false]] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/group-overviews/${G.overview}`, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      const body = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'));
      expect(body).toEqual({ ...plain, canEdit: editable });
      expect(res.rawPayload.length).toBeLessThan(JSON.stringify(plain).length / 3);
    }
  });

  it('shows a saved line, a renamed pupil, deleted results, a changed setting and a renamed staff member at once', async () => {
    const before = await read();
    const l = line(before);
    const saved = await t.request('PUT', `/api/group-overviews/${G.overview}/lines/${G.pupil}`, C.ib, {
      version: l.version, fields: { ...l.fields, particulars: 'Bijzonderheid na de cache' },
    });
    expect(saved.status).toBe(200);
    expect(line(await read()).fields.particulars).toBe('Bijzonderheid na de cache');

    await t.q(sql`update pupils set first_name = 'Cachenaam' where id = ${G.pupil}`);
    expect(line(await read()).firstName).toBe('Cachenaam');

    expect(line(await read()).results.length).toBeGreaterThan(0);
    await t.q(sql`delete from results where pupil_id = ${G.pupil}`);
    expect(line(await read()).results).toEqual([]);

    await t.q(sql`update schools set settings = jsonb_set(settings, '{groupCycle,clusters,0,label}', '"Cachegroep"') where id = ${G.school}`);
    expect((await read()).settings.clusters[0].label).toBe('Cachegroep');

    const staff = (await read()).staff[0];
    await t.q(sql`update users set name = 'Cache Collega' where id = ${staff.userId}`);
    expect((await read()).staff.find((s: { userId: number }) => s.userId === staff.userId).name).toBe('Cache Collega');
  });

  it('moves the fingerprint for a change in every table the overview is built from', async () => {
    const touches: [string, ReturnType<typeof sql>][] = [
      ['overview', sql`update group_overviews set status = status where id = ${G.overview}`],
      ['line', sql`update group_overview_lines set cluster = cluster where overview_id = ${G.overview} and pupil_id = ${G.pupil}`],
      ['pupil', sql`update pupils set leave_date = leave_date where id = ${G.pupil}`],
      ['result', sql`update results set moment = moment where id = (select r.id from results r join group_overview_lines l on l.pupil_id = r.pupil_id where l.overview_id = ${G.overview} limit 1)`],
      ['result added', sql`insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on)
        select ${G.pupil}, i.id, y.id, 'X9', '2026-11-01' from instruments i, school_years y
        where i.school_id = ${G.school} and y.school_id = ${G.school} and y.name = '2026-2027' limit 1`],
      ['result removed', sql`delete from results where pupil_id = ${G.pupil} and moment = 'X9'`],
      ['enrolment', sql`update enrolments set grade = grade where pupil_id = ${G.pupil}`],
      ['group', sql`update groups set name = name where id = ${G.g5}`],
      ['school year', sql`update school_years set name = name where school_id = ${G.school}`],
      ['care period', sql`update care_periods set name = name where id = ${G.period1}`],
      ['school', sql`update schools set name = name where id = ${G.school}`],
      ['instrument', sql`update instruments set name = name where id = (select id from instruments where school_id = ${G.school} limit 1)`],
      ['norm table', sql`update norm_tables set kind = kind where id = (select n.id from norm_tables n join instruments i on i.id = n.instrument_id where i.school_id = ${G.school} limit 1)`],
      ['signal rule', sql`update signal_rules set school_id = school_id where id = (select id from signal_rules where school_id = ${G.school} limit 1)`],
      ['group staff', sql`update group_staff set kind = kind where group_id = ${G.g5}`],
      ['plan', sql`insert into group_plans (school_id, group_id, period_id, overview_id, format, doc, reflection)
        select school_id, group_id, period_id, id, 'convergent', '{}'::jsonb, '{}'::jsonb from group_overviews where id = ${G.overview}`],
    ];
    for (const [what, change] of touches) {
      const before = await overviewStamp(t.database.db, G.overview, TODAY);
      await t.q(change);
      const after = await overviewStamp(t.database.db, G.overview, TODAY);
      expect(after, what).not.toBe(before);
    }
    // A change elsewhere (another school's pupil) leaves it alone, and another day gives another fingerprint.
    const stamp = await overviewStamp(t.database.db, G.overview, TODAY);
    await t.q(sql`update pupils set first_name = first_name where id = (select id from pupils where school_id <> ${G.school} limit 1)`);
    expect(await overviewStamp(t.database.db, G.overview, TODAY)).toBe(stamp);
    expect(await overviewStamp(t.database.db, G.overview, '2026-11-25')).not.toBe(stamp);
    expect(await overviewStamp(t.database.db, 999_999, TODAY)).toBeNull();
  });
});
