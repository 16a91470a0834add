// Sessions live in the database: two Koers processes on one database serve the same user interchangeably,
// logout and revocation are seen everywhere, expiry and disabled accounts end a session.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/server/clock';
import { loadConfig } from '../../src/server/config';
import { tokenHash, SESSION_HOURS } from '../../src/server/auth/session';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { buildApp, type App } from '../../src/server/http/app';
import { testApp, TODAY, type TestApp } from '../support/app';

let t: TestApp;
/** A second Koers "process" on the same database. */
let other: App;

async function on(app: App, method: string, url: string, cookie?: string, body?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, cookies: res.cookies };
}

const tokenOf = (cookie: string) => cookie.replace(/^koers_session=/, '');

beforeAll(async () => {
  t = await testApp();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), KOERS_TODAY: TODAY };
  other = await buildApp({ db: t.database.db, dbKind: t.database.kind, config, clock: systemClock(TODAY) });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('two app instances on one database', () => {
  it('the second instance accepts a session created by the first, and the other way round', async () => {
    const cookie = await t.login('leerkracht');
    const me = await on(other, 'GET', '/api/me', cookie);
    expect(me.status).toBe(200);
    expect(me.body.login).toBe('leerkracht');
    const pupils = await on(other, 'GET', '/api/pupils', cookie);
    expect(pupils.status).toBe(200);
    expect(pupils.body.items.length).toBeGreaterThan(0);

    const res = await on(other, 'POST', '/api/auth/login', undefined, { login: 'ib', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const fromOther = `koers_session=${res.cookies.find((c) => c.name === 'koers_session')!.value}`;
    const back = await t.request('GET', '/api/me', fromOther);
    expect(back.status).toBe(200);
    expect(back.body.login).toBe('ib');
  });

  it('logout through one instance is seen by the other', async () => {
    const cookie = await t.login('ouder');
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(200);
    expect((await on(other, 'POST', '/api/auth/logout', cookie, {})).status).toBe(204);
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(401);
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(401);
  });

  it('a password change through one instance revokes the other sessions on both', async () => {
    const a = await t.login('directeur');
    const b = await t.login('directeur');
    const res = await on(other, 'POST', '/api/me/password', a, { currentPassword: DEMO_PASSWORD, newPassword: 'een-ander-lang-wachtwoord' });
    expect(res.status).toBe(204);
    expect((await t.request('GET', '/api/me', a)).status).toBe(200);
    expect((await t.request('GET', '/api/me', b)).status).toBe(401);
    expect((await on(other, 'GET', '/api/me', b)).status).toBe(401);
  });

  it('sessions survive a restart: a freshly built instance still knows them', async () => {
    const cookie = await t.login('mentor');
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), KOERS_TODAY: TODAY };
    const fresh = await buildApp({ db: t.database.db, dbKind: t.database.kind, config, clock: systemClock(TODAY) });
    await fresh.ready();
    try {
      const me = await on(fresh, 'GET', '/api/me', cookie);
      expect(me.status).toBe(200);
      expect(me.body.login).toBe('mentor');
    } finally {
      await fresh.close();
    }
  });
});

describe('session lifetime', () => {
  it('an expired session is 401 on every instance', async () => {
    const cookie = await t.login('vakdocent');
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(200);
    const changed = await t.q(sql`update sessions set expires_at = now() - interval '1 minute' where id = ${tokenHash(tokenOf(cookie))} returning id`);
    expect(changed).toHaveLength(1);
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(401);
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(401);
    expect((await t.request('GET', '/api/pupils', cookie)).status).toBe(401);
  });

  it('a session in use is extended (sliding expiry), up to the session length', async () => {
    const cookie = await t.login('zorgcoordinator');
    await t.q(sql`update sessions set expires_at = now() + interval '1 hour' where id = ${tokenHash(tokenOf(cookie))}`);
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(200);
    const [{ hours }] = await t.q<{ hours: number }>(sql`select extract(epoch from expires_at - now())::float / 3600 as hours from sessions where id = ${tokenHash(tokenOf(cookie))}`);
    expect(hours).toBeGreaterThan(SESSION_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(SESSION_HOURS + 0.01);
  });

  it('a cookie that is not in the database is 401, and a session token is never stored in clear', async () => {
    const cookie = await t.login('bestuur');
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from sessions where id = ${tokenOf(cookie)}`);
    expect(n).toBe(0);
    expect((await t.request('GET', '/api/me', `${cookie}x`)).status).toBe(401);
  });
});

describe('a disabled account', () => {
  it('loses its sessions at once, everywhere, and cannot log in again until enabled', async () => {
    const admin = await t.login('beheerder');
    const cookie = await t.login('leerkracht');
    const second = await on(other, 'POST', '/api/auth/login', undefined, { login: 'leerkracht', password: DEMO_PASSWORD });
    const secondCookie = `koers_session=${second.cookies.find((c) => c.name === 'koers_session')!.value}`;
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(200);
    const [{ id }] = await t.q<{ id: number }>(sql`select id from users where login = 'leerkracht'`);

    const res = await t.request('PATCH', `/api/users/${id}`, admin, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from sessions where user_id = ${id}`);
    expect(n).toBe(0);
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(401);
    expect((await on(other, 'GET', '/api/me', secondCookie)).status).toBe(401);
    expect((await t.request('GET', '/api/pupils', cookie)).status).toBe(401);

    // Logging in gives the same answer as a wrong password: nothing tells that the account exists.
    const login = await on(other, 'POST', '/api/auth/login', undefined, { login: 'leerkracht', password: DEMO_PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.error).toBe('invalid_credentials');

    // Enabled again, the user can log in; the old sessions stay gone.
    expect((await t.request('PATCH', `/api/users/${id}`, admin, { disabled: false })).status).toBe(200);
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(401);
    expect((await t.request('GET', '/api/me', await t.login('leerkracht'))).status).toBe(200);
  });

  it('a session is refused even if a disabled flag is set directly in the database (no cached sessions)', async () => {
    const cookie = await t.login('mentor');
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(200);
    await t.q(sql`update users set disabled = true where login = 'mentor'`);
    expect((await on(other, 'GET', '/api/me', cookie)).status).toBe(401);
    expect((await t.request('GET', '/api/me', cookie)).status).toBe(401);
    await t.q(sql`update users set disabled = false where login = 'mentor'`);
  });

  it('an admin cannot disable their own account', async () => {
    const admin = await t.login('beheerder');
    const [{ id }] = await t.q<{ id: number }>(sql`select id from users where login = 'beheerder'`);
    const res = await t.request('PATCH', `/api/users/${id}`, admin, { disabled: true });
    expect(res.status).toBe(422);
    expect((await t.request('GET', '/api/me', admin)).status).toBe(200);
  });
});
