// Notifications: notify() writes one in-app notification per recipient (not the actor, not twice) and an outbox mail
// that says only that something waits; a user lists, counts and marks read only their own notifications.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/server/notifications/notify';
import type { NotificationsView } from '../../src/domain/notifications/model';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
let ib: string;
let teacher: string;
const U = {} as { ib: number; teacher: number; school: number };

beforeAll(async () => {
  t = await testApp();
  ib = await t.login('ib');
  teacher = await t.login('leerkracht');
  [{ id: U.ib }] = await t.q<{ id: number }>(sql`select id from users where login = 'ib'`);
  [{ id: U.teacher }] = await t.q<{ id: number }>(sql`select id from users where login = 'leerkracht'`);
  [{ id: U.school }] = await t.q<{ id: number }>(sql`select id from schools where brin = '99KA'`);
});
afterAll(() => t.close());

async function count(cookie: string): Promise<number> {
  const res = await t.request('GET', '/api/notifications/count', cookie);
  expect(res.status).toBe(200);
  return res.body.unread as number;
}

describe('notifications', () => {
  it('notify: one notification per recipient except the actor, and a mail without pupil content', async () => {
    const before = { ib: await count(ib), teacher: await count(teacher) };
    const [{ n: mailsBefore }] = await t.q<{ n: number }>(sql`select count(*)::int as n from outbox`);
    await notify(t.database.db, 'http://koers.test', {
      userIds: [U.teacher, U.teacher, U.ib], except: U.ib, schoolId: U.school, kind: 'actionAssigned',
      params: { meetingTitle: 'Groepsbespreking groep 5', dueOn: '2026-12-01' }, link: '/overleg/1',
    });
    expect(await count(teacher)).toBe(before.teacher + 1);
    expect(await count(ib)).toBe(before.ib);
    const mails = await t.q<{ to_address: string; subject: string; body: string }>(sql`select to_address, subject, body from outbox order by id desc limit 5`);
    const [{ n: mailsAfter }] = await t.q<{ n: number }>(sql`select count(*)::int as n from outbox`);
    const [{ email }] = await t.q<{ email: string | null }>(sql`select email from users where id = ${U.teacher}`);
    expect(mailsAfter - mailsBefore).toBe(email ? 1 : 0);
    if (email) {
      expect(mails[0].to_address).toBe(email);
      expect(mails[0].body).toContain('http://koers.test/overleg/1');
      expect(mails[0].body).not.toContain('Groepsbespreking');
      expect(mails[0].body).toContain('geen gegevens over leerlingen');
    }
  });

  it('lists newest first and marks read only the own notifications', async () => {
    await notify(t.database.db, 'http://koers.test', { userIds: [U.teacher], schoolId: U.school, kind: 'meetingScheduled', params: { meetingTitle: 'Leerlingbespreking', heldOn: '2026-12-03' }, link: '/overleg/2' });
    await notify(t.database.db, 'http://koers.test', { userIds: [U.ib], schoolId: U.school, kind: 'caseProposed', params: { meetingTitle: 'Zorgteam' }, link: '/overleg/3' });
    const list = await t.request('GET', '/api/notifications', teacher);
    expect(list.status).toBe(200);
    const view = list.body as NotificationsView;
    expect(view.notifications[0]).toMatchObject({ kind: 'meetingScheduled', link: '/overleg/2', read: false, params: { heldOn: '2026-12-03' } });
    expect(view.unread).toBe(view.notifications.filter((n) => !n.read).length);

    // The IB's notification id sent by the teacher is ignored.
    const ibList = (await t.request('GET', '/api/notifications', ib)).body as NotificationsView;
    const ibUnread = ibList.unread;
    const foreign = ibList.notifications.find((n) => n.kind === 'caseProposed')!.id;
    const first = view.notifications[0].id;
    const marked = await t.request('POST', '/api/notifications/read', teacher, { ids: [first, foreign] });
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(view.unread - 1);
    expect(await count(ib)).toBe(ibUnread);

    const all = await t.request('POST', '/api/notifications/read', teacher, { all: true });
    expect(all.body.unread).toBe(0);
    expect(await count(teacher)).toBe(0);
  });

  it('refuses a bad body and anonymous callers', async () => {
    expect((await t.request('POST', '/api/notifications/read', teacher, { ids: [] })).status).toBe(422);
    expect((await t.request('GET', '/api/notifications')).status).toBe(401);
  });
});
