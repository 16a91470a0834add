// Sessions live in the database: they survive a restart and any Koers process serves any session.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { CARE_ROLES, type RoleGrant } from '../../domain/access/policy';
import { prepared, type DbOrTx } from '../db/client';
import type { SessionUser } from '../http/context';

export const SESSION_COOKIE = 'koers_session';
export const SESSION_HOURS = 12;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: DbOrTx, userId: number, stage: 'ok' | 'totp', ip: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hours = stage === 'totp' ? 0.25 : SESSION_HOURS;
  await db.execute(sql`insert into sessions (id, user_id, stage, expires_at, ip)
    values (${tokenHash(token)}, ${userId}, ${stage}, now() + make_interval(secs => ${hours * 3600}), ${ip})`);
  return token;
}

export interface SessionRow {
  session_id: string;
  stage: 'ok' | 'totp';
  user_id: number;
  name: string;
  login: string;
  locale: 'nl' | 'en';
  totp_enabled: boolean;
  grants: RoleGrant[];
  totp_required: boolean;
  refresh: boolean;
}

export interface LoadedSession { stage: 'ok' | 'totp'; user: SessionUser }

const careRoles = sql.raw(`'{${CARE_ROLES.join(',')}}'::text[]`);

/** The session, its user, the user's roles, and whether a school requires TOTP of them (no row: no valid session). */
export function sessionSelect(token: string): SQL {
  return sql`
    select s.id as session_id, s.stage, u.id as user_id, u.name, u.login, u.locale, u.totp_enabled,
      coalesce((select json_agg(json_build_object('role', r.role, 'schoolId', r.school_id, 'boardId', r.board_id))
                from user_roles r where r.user_id = u.id), '[]'::json) as grants,
      exists (select 1 from user_roles r join schools sc on sc.id = r.school_id
              where r.user_id = u.id and r.role = any(${careRoles})
                and sc.require_totp_for_care_roles) as totp_required,
      s.expires_at < now() + make_interval(secs => ${(SESSION_HOURS / 2) * 3600}) and s.stage = 'ok' as refresh
    from sessions s join users u on u.id = s.user_id
    where s.id = ${tokenHash(token)} and s.expires_at > now() and not u.disabled`;
}

/** The session of a row of sessionSelect; a session past half its life is extended. */
export async function sessionFromRow(db: DbOrTx, r: SessionRow): Promise<LoadedSession> {
  if (r.refresh) {
    await db.execute(sql`update sessions set expires_at = now() + make_interval(secs => ${SESSION_HOURS * 3600}) where id = ${r.session_id}`);
  }
  return {
    stage: r.stage,
    user: {
      userId: r.user_id,
      name: r.name,
      login: r.login,
      locale: r.locale,
      totpEnabled: r.totp_enabled,
      grants: r.grants,
      mfaSetupRequired: r.totp_required && !r.totp_enabled,
      sessionId: r.session_id,
    },
  };
}

/** One query: see sessionSelect. */
export async function loadSession(db: DbOrTx, token: string): Promise<LoadedSession | null> {
  const [r] = await prepared<SessionRow>(db, 'koers_load_session', sessionSelect(token));
  return r ? sessionFromRow(db, r) : null;
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.execute(sql`delete from sessions where id = ${sessionId}`);
}

export async function revokeAllSessions(db: DbOrTx, userId: number, exceptSessionId?: string): Promise<void> {
  await db.execute(sql`delete from sessions where user_id = ${userId} and id <> ${exceptSessionId ?? ''}`);
}
