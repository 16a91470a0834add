// The audit log under concurrency: entries of simultaneous reads are written together, none is lost, and a read whose
// entry cannot be stored is not served.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
let ib: string;
let pupilIds: number[];

beforeAll(async () => {
  t = await testApp();
  ib = await t.login('ib');
  const rows = await t.q<{ id: number }>(sql`select p.id from pupils p join schools s on s.id = p.school_id where s.brin = '99KA' order by p.id limit 40`);
  pupilIds = rows.map((r) => r.id);
}, 60_000);

afterAll(async () => t?.close());

const readRows = async (ids: number[]) => (await t.q<{ pupil_id: number; n: number }>(sql`
  select pupil_id, count(*)::int as n from audit_log where action = 'read' and entity = 'pupil' and pupil_id = any(${sql.param(ids)}::int[]) group by pupil_id`));

it('80 simultaneous pupil reads leave exactly one read entry each, with who, basis and address', async () => {
  const before = new Map((await readRows(pupilIds)).map((r) => [r.pupil_id, r.n]));
  const targets = [...pupilIds, ...pupilIds];
  const results = await Promise.all(targets.map((id) => t.request('GET', `/api/pupils/${id}`, ib)));
  expect(results.map((r) => r.status)).toEqual(targets.map(() => 200));
  const after = new Map((await readRows(pupilIds)).map((r) => [r.pupil_id, r.n]));
  for (const id of pupilIds) expect((after.get(id) ?? 0) - (before.get(id) ?? 0)).toBe(2);
  const [one] = await t.q<{ actor: string; detail: { basis: string }; ip: string }>(sql`
    select u.login as actor, a.detail, a.ip from audit_log a join users u on u.id = a.actor_id
    where a.action = 'read' and a.pupil_id = ${pupilIds[0]} order by a.id desc limit 1`);
  expect(one).toEqual({ actor: 'ib', detail: { basis: 'care_coordinator' }, ip: '127.0.0.1' });
});

it('a read whose audit entry cannot be stored is refused, and the next reads are recorded again', async () => {
  await t.q(sql`alter table audit_log rename to audit_log_away`);
  try {
    const res = await Promise.all(pupilIds.slice(0, 5).map((id) => t.request('GET', `/api/pupils/${id}`, ib)));
    for (const r of res) {
      expect(r.status).toBe(500);
      expect(r.body).not.toHaveProperty('firstName');
    }
  } finally {
    await t.q(sql`alter table audit_log_away rename to audit_log`);
  }
  const before = (await readRows([pupilIds[0]]))[0]?.n ?? 0;
  expect((await t.request('GET', `/api/pupils/${pupilIds[0]}`, ib)).status).toBe(200);
  expect((await readRows([pupilIds[0]]))[0].n).toBe(before + 1);
});
