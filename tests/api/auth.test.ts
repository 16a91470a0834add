// Login, rate limits, logout, password change, two-factor login (TOTP), compulsory TOTP per school, password reset, CSRF.
import { sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/server/auth/routes';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
let meerpaalId: number;

interface CallOptions { cookie?: string; body?: unknown; ip?: string; headers?: Record<string, string> }
interface CallResult { status: number; body: any; headers: Record<string, unknown>; session: { value: string; maxAge?: number; httpOnly?: boolean; sameSite?: string; path?: string } | null }

/** app.inject with a chosen client address and headers; returns the new session cookie, if any. */
async function call(method: string, url: string, o: CallOptions = {}): Promise<CallResult> {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: o.ip ?? '127.0.0.1',
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(o.headers ?? {}) },
    payload: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  let body: unknown = null;
  try { body = res.body ? JSON.parse(res.body) : null; } catch { body = res.body; }
  const c = res.cookies.find((x) => x.name === 'koers_session');
  return { status: res.statusCode, body, headers: res.headers as Record<string, unknown>, session: c ? (c as CallResult['session']) : null };
}

const login = (name: string, password = DEMO_PASSWORD, ip?: string) => call('POST', '/api/auth/login', { body: { login: name, password }, ip });
const cookieOf = (r: CallResult) => {
  if (!r.session) throw new Error(`no session cookie (status ${r.status} ${JSON.stringify(r.body)})`);
  return `koers_session=${r.session.value}`;
};

function totpOf(secret: string, label: string) {
  return new OTPAuth.TOTP({ issuer: 'Koers', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}
/** A six-digit code that is not valid now (nor in the neighbouring time steps). */
function wrongCode(totp: OTPAuth.TOTP) {
  for (;;) {
    const c = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
    if (totp.validate({ token: c, window: 3 }) === null) return c;
  }
}

async function outbox(admin: string) {
  const res = await t.request('GET', '/api/outbox', admin);
  expect(res.status).toBe(200);
  return res.body.items as { id: number; to: string; subject: string; body: string }[];
}

beforeAll(async () => {
  t = await testApp();
  [{ id: meerpaalId }] = await t.q<{ id: number }>(sql`select id from schools where name = 'Basisschool De Meerpaal'`);
});
afterAll(async () => t?.close());

// Every test starts without recorded failures, so limits only count what the test itself does.
beforeEach(async () => {
  await t.q(sql`delete from login_failures`);
});

describe('login', () => {
  it.each([
    ['leerkracht', 'teacher'], ['ib', 'care'], ['directeur', 'care'], ['mentor', 'teacher'],
    ['ouder', 'parent'], ['beheerder', 'admin'], ['bestuur', 'board'],
  ])('%s logs in and lands on the %s home', async (name, home) => {
    const res = await login(name);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.session?.value).toBeTruthy();
    expect(res.session?.httpOnly).toBe(true);
    expect(res.session?.sameSite).toBe('Lax');
    expect(res.session?.path).toBe('/');
    const me = await call('GET', '/api/me', { cookie: cookieOf(res) });
    expect(me.status).toBe(200);
    expect(me.body.login).toBe(name);
    expect(me.body.home).toBe(home);
    expect(me.body.mfa).toBe('ok');
    // The web's "today" (default dates, "not in the future") is the server's, here KOERS_TODAY.
    expect(me.body.today).toBe('2026-11-24');
  });

  it('the login name is case-insensitive and the session is stored only as a hash', async () => {
    const res = await login('LeerKracht');
    expect(res.status).toBe(200);
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from sessions where id = ${res.session!.value}`);
    expect(n).toBe(0);
  });

  it('without a session, /api/me and data routes are 401', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
    expect((await call('GET', '/api/pupils')).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: 'koers_session=not-a-real-token' })).status).toBe(401);
  });

  it('a wrong password and an unknown account get the same 401 answer, and neither sets a cookie', async () => {
    const wrong = await login('leerkracht', 'niet-het-wachtwoord');
    const unknown = await login('bestaat.niet', 'niet-het-wachtwoord');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.session).toBeNull();
    expect(unknown.session).toBeNull();
  });

  it('rate limit per account: the 6th attempt within the window is 429 even with the right password, also from another address', async () => {
    expect(LOGIN_LIMITS.perAccount).toBe(5);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      // Different case and different addresses still count for the same account.
      const res = await login(i % 2 ? 'ZorgCoordinator' : 'zorgcoordinator', `fout-${i}-wachtwoord`, `10.1.0.${i + 1}`);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const sixth = await login('zorgcoordinator', DEMO_PASSWORD, '10.1.0.99');
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toBe('rate_limited');
    expect(sixth.session).toBeNull();
    // Another account from the same address is not affected.
    expect((await login('mentor', DEMO_PASSWORD, '10.1.0.1')).status).toBe(200);
    // When the window has passed, the account can log in again.
    await t.q(sql`update login_failures set at = now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes + 1})`);
    expect((await login('zorgcoordinator', DEMO_PASSWORD, '10.1.0.99')).status).toBe(200);
  });

  it('a successful login clears the account\'s failure count', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) expect((await login('vakdocent', 'fout-wachtwoord', '10.2.0.1')).status).toBe(401);
    expect((await login('vakdocent', DEMO_PASSWORD, '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) expect((await login('vakdocent', 'fout-wachtwoord', '10.2.0.1')).status).toBe(401);
    expect((await login('vakdocent', DEMO_PASSWORD, '10.2.0.1')).status).toBe(200);
  });

  it('rate limit per address: many different accounts from one address block that address, not others', async () => {
    const ip = '10.3.0.7';
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      const res = await login(`gok.${i}`, 'fout-wachtwoord', ip);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await login('bestuur', DEMO_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('rate_limited');
    expect(blocked.session).toBeNull();
    // The same account from another address is fine.
    expect((await login('bestuur', DEMO_PASSWORD, '10.3.0.8')).status).toBe(200);
  });
});

describe('logout', () => {
  it('revokes the session: the old cookie is then 401', async () => {
    const cookie = cookieOf(await login('ouder'));
    expect((await call('GET', '/api/me', { cookie })).status).toBe(200);
    const out = await call('POST', '/api/auth/logout', { cookie, body: {} });
    expect(out.status).toBe(204);
    // The browser is told to forget the cookie.
    expect(String(out.headers['set-cookie'])).toMatch(/koers_session=;/);
    expect((await call('GET', '/api/me', { cookie })).status).toBe(401);
    expect((await call('GET', '/api/pupils', { cookie })).status).toBe(401);
  });

  it('logging out one session leaves the user\'s other sessions alone', async () => {
    const a = cookieOf(await login('ouder'));
    const b = cookieOf(await login('ouder'));
    expect((await call('POST', '/api/auth/logout', { cookie: a, body: {} })).status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: a })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: b })).status).toBe(200);
  });
});

describe('password change', () => {
  it('rejects a wrong current password and a short new one, then changes it and revokes only the other sessions', async () => {
    const current = cookieOf(await login('directeur'));
    const other = cookieOf(await login('directeur'));
    const newPassword = 'een-nieuw-lang-wachtwoord';

    const wrong = await call('POST', '/api/me/password', { cookie: current, body: { currentPassword: 'niet-het-wachtwoord', newPassword } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields.currentPassword).toBeTruthy();
    const short = await call('POST', '/api/me/password', { cookie: current, body: { currentPassword: DEMO_PASSWORD, newPassword: 'kort' } });
    expect(short.status).toBe(422);
    expect(short.body.fields.newPassword).toBeTruthy();
    const asLogin = await call('POST', '/api/me/password', { cookie: current, body: { currentPassword: DEMO_PASSWORD, newPassword: 'DIRECTEUR' } });
    expect(asLogin.status).toBe(422);
    // None of the refused attempts changed anything.
    expect((await call('GET', '/api/me', { cookie: other })).status).toBe(200);
    expect((await login('directeur', DEMO_PASSWORD, '10.4.0.1')).status).toBe(200);

    const ok = await call('POST', '/api/me/password', { cookie: current, body: { currentPassword: DEMO_PASSWORD, newPassword } });
    expect(ok.status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: current })).status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: other })).status).toBe(401);
    expect((await login('directeur', DEMO_PASSWORD, '10.4.0.2')).status).toBe(401);
    expect((await login('directeur', newPassword, '10.4.0.3')).status).toBe(200);
  });

  it('needs a login', async () => {
    const res = await call('POST', '/api/me/password', { body: { currentPassword: DEMO_PASSWORD, newPassword: 'een-nieuw-lang-wachtwoord' } });
    expect(res.status).toBe(401);
  });
});

describe('two-factor login (TOTP)', () => {
  it('setup → enable → login needs the code; data routes are 401 until the code is given', async () => {
    const first = cookieOf(await login('mentor'));
    const setup = await call('POST', '/api/me/totp/setup', { cookie: first, body: {} });
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    const totp = totpOf(setup.body.secret, 'mentor');

    // Not enabled by setup alone: login still goes straight through.
    expect((await login('mentor')).body.status).toBe('ok');

    const badEnable = await call('POST', '/api/me/totp/enable', { cookie: first, body: { code: wrongCode(totp) } });
    expect(badEnable.status).toBe(422);
    expect(badEnable.body.fields.code).toBeTruthy();
    expect((await call('GET', '/api/me', { cookie: first })).body.totpEnabled).toBe(false);

    const enable = await call('POST', '/api/me/totp/enable', { cookie: first, body: { code: totp.generate() } });
    expect(enable.status).toBe(204);
    expect((await call('GET', '/api/me', { cookie: first })).body.totpEnabled).toBe(true);

    const step1 = await login('mentor');
    expect(step1.status).toBe(200);
    expect(step1.body).toEqual({ status: 'mfa_required' });
    const pending = cookieOf(step1);
    expect((await call('GET', '/api/pupils', { cookie: pending })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: pending })).status).toBe(401);
    expect((await call('GET', '/api/groups', { cookie: pending })).status).toBe(401);

    const wrong = await call('POST', '/api/auth/login/totp', { cookie: pending, body: { code: wrongCode(totp) } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_code');
    expect(wrong.session).toBeNull();
    expect((await call('GET', '/api/pupils', { cookie: pending })).status).toBe(401);

    const step2 = await call('POST', '/api/auth/login/totp', { cookie: pending, body: { code: totp.generate() } });
    expect(step2.status).toBe(200);
    expect(step2.body).toEqual({ status: 'ok' });
    const full = cookieOf(step2);
    expect(full).not.toBe(pending);
    const pupils = await call('GET', '/api/pupils', { cookie: full });
    expect(pupils.status).toBe(200);
    expect(pupils.body.items.length).toBeGreaterThan(0);
    // The pending session was used up.
    expect((await call('POST', '/api/auth/login/totp', { cookie: pending, body: { code: totp.generate() } })).status).toBe(401);
  });

  it('the TOTP step needs a pending session: no cookie, or a full session, is 401', async () => {
    expect((await call('POST', '/api/auth/login/totp', { body: { code: '123456' } })).status).toBe(401);
    const full = cookieOf(await login('leerkracht'));
    expect((await call('POST', '/api/auth/login/totp', { cookie: full, body: { code: '123456' } })).status).toBe(401);
  });

  it('a pending session cannot reach data routes even after many wrong codes (rate limited)', async () => {
    const cookie = cookieOf(await login('mentor'));
    const [{ secret }] = await t.q<{ secret: string }>(sql`select totp_secret as secret from users where login = 'mentor'`);
    const totp = totpOf(secret, 'mentor');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await call('POST', '/api/auth/login/totp', { cookie, body: { code: wrongCode(totp) } })).status).toBe(401);
    }
    const limited = await call('POST', '/api/auth/login/totp', { cookie, body: { code: totp.generate() } });
    expect(limited.status).toBe(429);
    expect(limited.session).toBeNull();
  });
});

describe('password reset', () => {
  it('a request writes a link to the outbox; confirming sets the new password once', async () => {
    const admin = await t.login('beheerder');
    const before = cookieOf(await login('vakdocent'));
    const res = await call('POST', '/api/auth/password-reset', { body: { login: 'vakdocent' } });
    expect(res.status).toBe(202);

    const mail = (await outbox(admin)).find((m) => m.to === 'vakdocent@voorbeeld.invalid');
    expect(mail, 'outbox message for vakdocent').toBeTruthy();
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail!.body)?.[1];
    expect(token).toBeTruthy();
    // Only a hash of the token is stored.
    const [{ n }] = await t.q<{ n: number }>(sql`select count(*)::int as n from password_resets where token_hash = ${token!}`);
    expect(n).toBe(0);

    const newPassword = 'hersteld-wachtwoord-123';
    const short = await call('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword: 'kort' } });
    expect(short.status).toBe(422);
    expect(short.body.fields.newPassword).toBeTruthy();

    const confirm = await call('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } });
    expect(confirm.status).toBe(204);
    expect((await login('vakdocent', newPassword)).status).toBe(200);
    expect((await login('vakdocent', DEMO_PASSWORD)).status).toBe(401);
    // Sessions from before the reset are gone.
    expect((await call('GET', '/api/me', { cookie: before })).status).toBe(401);

    const again = await call('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword: 'nog-een-ander-wachtwoord' } });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_token');
    expect((await login('vakdocent', newPassword)).status).toBe(200);
  });

  it('a request for an unknown login also answers 202 and writes nothing', async () => {
    const known = await call('POST', '/api/auth/password-reset', { body: { login: 'leerkracht' } });
    const [{ n: before }] = await t.q<{ n: number }>(sql`select count(*)::int as n from outbox`);
    const [{ r: resetsBefore }] = await t.q<{ r: number }>(sql`select count(*)::int as r from password_resets`);
    const unknown = await call('POST', '/api/auth/password-reset', { body: { login: 'bestaat.echt.niet' } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const [{ n: after }] = await t.q<{ n: number }>(sql`select count(*)::int as n from outbox`);
    const [{ r: resetsAfter }] = await t.q<{ r: number }>(sql`select count(*)::int as r from password_resets`);
    expect(after).toBe(before);
    expect(resetsAfter).toBe(resetsBefore);
  });

  it('an expired or made-up token is refused', async () => {
    const fake = await call('POST', '/api/auth/password-reset/confirm', { body: { token: 'dit-is-geen-echte-token', newPassword: 'een-nieuw-lang-wachtwoord' } });
    expect(fake.status).toBe(400);
    expect(fake.body.error).toBe('invalid_token');

    const admin = await t.login('beheerder');
    expect((await call('POST', '/api/auth/password-reset', { body: { login: 'mentor' } })).status).toBe(202);
    const mail = (await outbox(admin)).find((m) => m.to === 'mentor@voorbeeld.invalid');
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail!.body)![1];
    await t.q(sql`update password_resets set expires_at = now() - interval '1 minute'`);
    const expired = await call('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword: 'een-nieuw-lang-wachtwoord' } });
    expect(expired.status).toBe(400);
    expect(expired.body.error).toBe('invalid_token');
  });
});

describe('CSRF', () => {
  it('a POST with a foreign Origin is 403 and changes nothing', async () => {
    const cookie = cookieOf(await login('leerkracht'));
    const res = await call('PATCH', '/api/me', { cookie, body: { locale: 'en' }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('bad_origin');
    expect((await call('GET', '/api/me', { cookie })).body.locale).toBe('nl');
    const logout = await call('POST', '/api/auth/logout', { cookie, body: {}, headers: { origin: 'https://evil.example' } });
    expect(logout.status).toBe(403);
    expect((await call('GET', '/api/me', { cookie })).status).toBe(200);
    const loginCsrf = await call('POST', '/api/auth/login', { body: { login: 'leerkracht', password: DEMO_PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(loginCsrf.status).toBe(403);
    expect(loginCsrf.session).toBeNull();
  });

  it('a POST from our own origin passes', async () => {
    const res = await call('POST', '/api/auth/login', {
      body: { login: 'leerkracht', password: DEMO_PASSWORD }, headers: { host: 'koers.example', origin: 'https://koers.example' },
    });
    expect(res.status).toBe(200);
  });

  it('a POST with a form or text/plain content type is 415', async () => {
    const cookie = cookieOf(await login('leerkracht'));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/auth/logout', headers: { cookie, 'content-type': type }, payload: type === 'text/plain' ? '{}' : '',
      });
      expect(res.statusCode, type).toBe(415);
      expect(JSON.parse(res.body).error).toBe('json_required');
    }
    const plainLogin = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ login: 'leerkracht', password: DEMO_PASSWORD }),
    });
    expect(plainLogin.statusCode).toBe(415);
    expect(plainLogin.cookies.find((c) => c.name === 'koers_session')).toBeUndefined();
    // The session survived the refused logout.
    expect((await call('GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('an opaque "null" Origin (sandboxed frame, privacy redirect) is refused as foreign, not a server error', async () => {
    const res = await call('POST', '/api/auth/login', { body: { login: 'leerkracht', password: DEMO_PASSWORD }, headers: { origin: 'null' } });
    expect(res.status).toBe(403);
    expect(res.session).toBeNull();
  });
});

// Last: this makes TOTP compulsory for every care role at De Meerpaal.
describe('a school that requires TOTP for care roles', () => {
  it('the ib must set up TOTP first: /api/me works, pupil data is 403 mfa_setup_required', async () => {
    const admin = await t.login('beheerder');
    const patch = await t.request('PATCH', `/api/schools/${meerpaalId}`, admin, { settings: { requireTotpForCareRoles: true } });
    expect(patch.status).toBe(200);
    expect(patch.body.settings.requireTotpForCareRoles).toBe(true);
    // The other setting is kept.
    expect(patch.body.settings.careCoordinatorLabel).toBe('intern begeleider');

    const res = await login('ib');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'mfa_setup_required' });
    const cookie = cookieOf(res);
    const me = await call('GET', '/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.mfa).toBe('setup_required');
    const pupils = await call('GET', '/api/pupils', { cookie });
    expect(pupils.status).toBe(403);
    expect(pupils.body.error).toBe('mfa_setup_required');
    const [{ id: pupilId }] = await t.q<{ id: number }>(sql`select id from pupils where school_id = ${meerpaalId} limit 1`);
    const detail = await call('GET', `/api/pupils/${pupilId}`, { cookie });
    expect(detail.status).toBe(403);
    expect(detail.body.error).toBe('mfa_setup_required');

    // The admin (not a care role) is not affected.
    expect((await t.request('GET', '/api/pupils', admin)).status).toBe(200);

    // Setting up TOTP in the same session opens the data.
    const setup = await call('POST', '/api/me/totp/setup', { cookie, body: {} });
    expect(setup.status).toBe(200);
    const totp = totpOf(setup.body.secret, 'ib');
    expect((await call('POST', '/api/me/totp/enable', { cookie, body: { code: totp.generate() } })).status).toBe(204);
    expect((await call('GET', '/api/me', { cookie })).body.mfa).toBe('ok');
    expect((await call('GET', '/api/pupils', { cookie })).status).toBe(200);
    // And the next login asks for the code.
    expect((await login('ib')).body).toEqual({ status: 'mfa_required' });
  });
});
