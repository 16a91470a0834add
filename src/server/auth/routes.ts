// Login, logout, two-factor (TOTP), password change and password reset.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { checkNewPassword, PASSWORD_PROBLEM_NL } from '../../domain/access/password-rules';
import { rows } from '../db/client';
import { enqueueMail } from '../outbox/outbox';
import { HttpError, invalid } from '../http/errors';
import { requireUser } from '../http/context';
import { meOf, meSchema } from './me';
import { hashPassword, verifyPassword } from './password';
import { createSession, loadSession, revokeAllSessions, SESSION_COOKIE, SESSION_HOURS, tokenHash } from './session';

/** Failed logins allowed per account and per address within the window. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowMinutes: 15 } as const;

const RATE_LIMITED = { error: 'rate_limited', message: `Te veel mislukte pogingen. Probeer het over ${LOGIN_LIMITS.windowMinutes} minuten opnieuw.` };

const errorSchema = z.object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const statusSchema = z.object({ status: z.enum(['ok', 'mfa_required', 'mfa_setup_required']) });

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, hours: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: req.server.ctx.config.TLS === '1', maxAge: Math.round(hours * 3600),
  });
}

function totpFor(secret: string, login: string) {
  return new OTPAuth.TOTP({ issuer: 'Koers', label: login, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function checkTotp(secret: string, login: string, code: string): boolean {
  return totpFor(secret, login).validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

const resetHash = (token: string) => createHash('sha256').update(token).digest('base64url');

function passwordProblem(password: string, login: string): Record<string, string> | null {
  const p = checkNewPassword(password, login);
  return p ? { newPassword: PASSWORD_PROBLEM_NL[p] } : null;
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  r.post('/api/auth/login', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['auth'],
      body: z.object({ login: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) }),
      response: { 200: statusSchema, 401: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const loginKey = req.body.login.toLowerCase();
    const [counts] = await rows<{ by_login: number; by_ip: number }>(db, sql`
      select count(*) filter (where login_key = ${loginKey})::int as by_login, count(*) filter (where ip = ${req.ip})::int as by_ip
      from login_failures where at > now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})
        and (login_key = ${loginKey} or ip = ${req.ip})`);
    if (counts.by_login >= LOGIN_LIMITS.perAccount || counts.by_ip >= LOGIN_LIMITS.perAddress) {
      return reply.status(429).send(RATE_LIMITED);
    }
    const [user] = await rows<{ id: number; password_hash: string | null; totp_enabled: boolean }>(db, sql`
      select id, password_hash, totp_enabled from users where lower(login) = ${loginKey} and not disabled`);
    const ok = await verifyPassword(user?.password_hash ?? null, req.body.password);
    if (!user || !ok) {
      await db.execute(sql`insert into login_failures (login_key, ip) values (${loginKey}, ${req.ip})`);
      return reply.status(401).send({ error: 'invalid_credentials', message: 'Gebruikersnaam of wachtwoord klopt niet.' });
    }
    await db.execute(sql`delete from login_failures where login_key = ${loginKey}`);
    if (user.totp_enabled) {
      const token = await createSession(db, user.id, 'totp', req.ip);
      setSessionCookie(req, reply, token, 0.25);
      return { status: 'mfa_required' as const };
    }
    const token = await createSession(db, user.id, 'ok', req.ip);
    setSessionCookie(req, reply, token, SESSION_HOURS);
    const session = await loadSession(db, token);
    return { status: session?.user.mfaSetupRequired ? 'mfa_setup_required' as const : 'ok' as const };
  });

  r.post('/api/auth/login/totp', {
    config: { access: { kind: 'pending' } },
    schema: { tags: ['auth'], body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Vul de 6 cijfers uit uw app in.') }), response: { 200: statusSchema, 401: errorSchema, 429: errorSchema } },
  }, async (req, reply) => {
    const userId = req.pendingUserId!;
    const [u] = await rows<{ login: string; totp_secret: string | null }>(db, sql`select login, totp_secret from users where id = ${userId}`);
    const key = `totp:${userId}`;
    const [counts] = await rows<{ n: number }>(db, sql`select count(*)::int as n from login_failures where login_key = ${key} and at > now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`);
    if (counts.n >= LOGIN_LIMITS.perAccount) {
      return reply.status(429).send(RATE_LIMITED);
    }
    if (!u?.totp_secret || !checkTotp(u.totp_secret, u.login, req.body.code)) {
      await db.execute(sql`insert into login_failures (login_key, ip) values (${key}, ${req.ip})`);
      return reply.status(401).send({ error: 'invalid_code', message: 'Deze code klopt niet. Gebruik de nieuwste code uit uw app.' });
    }
    const pending = req.cookies[SESSION_COOKIE];
    if (pending) await db.execute(sql`delete from sessions where id = ${tokenHash(pending)}`);
    const token = await createSession(db, userId, 'ok', req.ip);
    setSessionCookie(req, reply, token, SESSION_HOURS);
    return { status: 'ok' as const };
  });

  r.post('/api/auth/logout', {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'] },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await db.execute(sql`delete from sessions where id = ${tokenHash(token)}`);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/auth/password-reset', {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'], body: z.object({ login: z.string().trim().min(1).max(200) }) },
  }, async (req, reply) => {
    const loginKey = req.body.login.toLowerCase();
    const [u] = await rows<{ id: number; email: string | null; name: string; school_id: number | null }>(db, sql`
      select u.id, u.email, u.name, (select school_id from user_roles where user_id = u.id and school_id is not null limit 1) as school_id
      from users u where (lower(u.login) = ${loginKey} or lower(u.email) = ${loginKey}) and not u.disabled limit 1`);
    const [recent] = await rows<{ n: number }>(db, sql`select count(*)::int as n from login_failures where login_key = ${'reset:' + loginKey} and at > now() - interval '1 hour'`);
    await db.execute(sql`insert into login_failures (login_key, ip) values (${'reset:' + loginKey}, ${req.ip})`);
    if (u?.email && recent.n < 3) await sendResetLink(app, u, 'reset');
    return reply.status(202).send({ status: 'ok', message: 'Als dit account bestaat, is er een herstellink naar het e-mailadres gestuurd.' });
  });

  r.post('/api/auth/password-reset/confirm', {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'], body: z.object({ token: z.string().min(10).max(200), newPassword: z.string().max(500) }) },
  }, async (req, reply) => {
    const [t] = await rows<{ user_id: number; login: string }>(db, sql`
      select p.user_id, u.login from password_resets p join users u on u.id = p.user_id
      where p.token_hash = ${resetHash(req.body.token)} and p.used_at is null and p.expires_at > now()`);
    if (!t) throw new HttpError(400, 'invalid_token', 'Deze herstellink is verlopen of al gebruikt. Vraag een nieuwe aan.');
    const problem = passwordProblem(req.body.newPassword, t.login);
    if (problem) throw invalid(problem);
    const hashed = await hashPassword(req.body.newPassword);
    await db.transaction(async (tx) => {
      await tx.execute(sql`update password_resets set used_at = now() where token_hash = ${resetHash(req.body.token)}`);
      await tx.execute(sql`update users set password_hash = ${hashed}, password_changed_at = now() where id = ${t.user_id}`);
      await revokeAllSessions(tx, t.user_id);
    });
    return reply.status(204).send();
  });

  r.get('/api/me', {
    config: { access: { kind: 'user', duringMfaSetup: true } },
    schema: { tags: ['account'], response: { 200: meSchema } },
  }, async (req) => meOf(app, requireUser(req)));

  r.patch('/api/me', {
    config: { access: { kind: 'user', duringMfaSetup: true } },
    schema: { tags: ['account'], body: z.object({ locale: z.enum(['nl', 'en']) }), response: { 200: meSchema } },
  }, async (req) => {
    const user = requireUser(req);
    await db.execute(sql`update users set locale = ${req.body.locale} where id = ${user.userId}`);
    return meOf(app, { ...user, locale: req.body.locale });
  });

  r.post('/api/me/password', {
    config: { access: { kind: 'user', duringMfaSetup: true } },
    schema: { tags: ['account'], body: z.object({ currentPassword: z.string().max(500), newPassword: z.string().max(500) }) },
  }, async (req, reply) => {
    const user = requireUser(req);
    const [u] = await rows<{ password_hash: string | null }>(db, sql`select password_hash from users where id = ${user.userId}`);
    if (!(await verifyPassword(u?.password_hash ?? null, req.body.currentPassword))) {
      throw invalid({ currentPassword: 'Het huidige wachtwoord klopt niet.' });
    }
    const problem = passwordProblem(req.body.newPassword, user.login);
    if (problem) throw invalid(problem);
    const hashed = await hashPassword(req.body.newPassword);
    await db.transaction(async (tx) => {
      await tx.execute(sql`update users set password_hash = ${hashed}, password_changed_at = now() where id = ${user.userId}`);
      await revokeAllSessions(tx, user.userId, user.sessionId);
    });
    return reply.status(204).send();
  });

  r.post('/api/me/totp/setup', {
    config: { access: { kind: 'user', duringMfaSetup: true } },
    schema: { tags: ['account'], response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) } },
  }, async (req) => {
    const user = requireUser(req);
    if (user.totpEnabled) throw new HttpError(409, 'totp_enabled', 'Tweestapsverificatie staat al aan. Zet die eerst uit om een nieuwe sleutel te maken.');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await db.execute(sql`update users set totp_secret = ${secret} where id = ${user.userId}`);
    return { secret, otpauthUrl: totpFor(secret, user.login).toString() };
  });

  r.post('/api/me/totp/enable', {
    config: { access: { kind: 'user', duringMfaSetup: true } },
    schema: { tags: ['account'], body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Vul de 6 cijfers uit uw app in.') }) },
  }, async (req, reply) => {
    const user = requireUser(req);
    const [u] = await rows<{ totp_secret: string | null }>(db, sql`select totp_secret from users where id = ${user.userId}`);
    if (!u?.totp_secret) throw new HttpError(409, 'totp_not_setup', 'Maak eerst een sleutel aan.');
    if (!checkTotp(u.totp_secret, user.login, req.body.code)) throw invalid({ code: 'Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwste code.' });
    await db.execute(sql`update users set totp_enabled = true where id = ${user.userId}`);
    return reply.status(204).send();
  });

  r.post('/api/me/totp/disable', {
    config: { access: { kind: 'user' } },
    schema: { tags: ['account'], body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Vul de 6 cijfers uit uw app in.') }) },
  }, async (req, reply) => {
    const user = requireUser(req);
    const [u] = await rows<{ totp_secret: string | null }>(db, sql`select totp_secret from users where id = ${user.userId}`);
    if (!u?.totp_secret || !checkTotp(u.totp_secret, user.login, req.body.code)) throw invalid({ code: 'Deze code klopt niet.' });
    await db.execute(sql`update users set totp_enabled = false, totp_secret = null where id = ${user.userId}`);
    return reply.status(204).send();
  });
}

/** Creates a one-time link (reset, or first password for a new account) and puts it in the outbox. */
export async function sendResetLink(app: FastifyInstance, u: { id: number; email: string | null; name: string; school_id: number | null }, kind: 'reset' | 'invite') {
  if (!u.email) return;
  const token = randomBytes(32).toString('base64url');
  const hours = kind === 'invite' ? 24 * 7 : 1;
  await app.ctx.db.execute(sql`insert into password_resets (token_hash, user_id, expires_at)
    values (${resetHash(token)}, ${u.id}, now() + make_interval(secs => ${hours * 3600}))`);
  const base = app.ctx.config.PUBLIC_URL ?? `http://${app.ctx.config.HOST}:${app.ctx.config.PORT}`;
  const link = `${base}/wachtwoord-herstellen?token=${token}`;
  const subject = kind === 'invite' ? 'Uw account voor Koers' : 'Wachtwoord herstellen voor Koers';
  const body = kind === 'invite'
    ? `Beste ${u.name},\n\nEr is een account voor u aangemaakt in Koers. Kies via deze link uw wachtwoord (de link is 7 dagen geldig):\n${link}\n`
    : `Beste ${u.name},\n\nU vroeg om een nieuw wachtwoord. Kies het via deze link (1 uur geldig):\n${link}\n\nVroeg u dit niet? Dan kunt u dit bericht negeren.\n`;
  await enqueueMail(app.ctx.db, { schoolId: u.school_id, to: u.email, subject, body });
}
