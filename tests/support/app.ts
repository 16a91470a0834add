// A Koers app for API tests: a private copy of the demo database (PGlite or PostgreSQL) and app.inject().
import fs from 'node:fs';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/auth/password';
import { systemClock } from '../../src/server/clock';
import { loadConfig } from '../../src/server/config';
import { openDatabase, rows, type Database } from '../../src/server/db/client';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { buildApp, type App } from '../../src/server/http/app';

export const TODAY = '2026-11-24';

export interface TestApp {
  app: App;
  database: Database;
  /** Logs in and returns the cookie header for later requests. */
  login(login: string, password?: string): Promise<string>;
  request(method: string, url: string, cookie?: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  q<T = any>(query: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

let counter = 0;

export async function testApp(opts: { today?: string } = {}): Promise<TestApp> {
  let database: Database;
  let dropDb: (() => Promise<void>) | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = (await import('pg')).default;
    const name = `koers_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolSize: 4 });
    dropDb = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const blob = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
    database = await openDatabase({ loadDataDir: blob });
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), KOERS_TODAY: opts.today ?? TODAY };
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock: systemClock(opts.today ?? TODAY) });
  await app.ready();

  const request: TestApp['request'] = async (method, path, cookie, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    let parsed: unknown = null;
    try { parsed = res.body ? JSON.parse(res.body) : null; } catch { parsed = res.body; }
    return { status: res.statusCode, body: parsed, headers: res.headers as Record<string, unknown> };
  };

  return {
    app,
    database,
    request,
    async login(login, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login, password }) });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'koers_session');
      return `koers_session=${cookie!.value}`;
    },
    q: (query) => rows(database.db, query),
    async close() {
      await app.close();
      await database.close();
      if (dropDb) await dropDb();
    },
  };
}

export type DemoRole = 'teacher5' | 'teacher3' | 'ib' | 'director' | 'parent' | 'admin' | 'zorg' | 'board';

/**
 * Cookies for the demo logins of every role the capability tests use: the groep 5 teacher and (given a password here)
 * the teacher of groep `otherGroupId`, the IB, director, a parent, the administrator, the other school's care
 * coordinator and the board.
 */
export async function loginDemoRoles(t: TestApp, otherGroupId: number): Promise<Record<DemoRole, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const [other] = await t.q<{ login: string }>(sql`update users set password_hash = ${hash}
    where id = (select user_id from group_staff where group_id = ${otherGroupId} limit 1) returning login`);
  const logins: Record<DemoRole, string> = {
    teacher5: 'leerkracht', teacher3: other.login, ib: 'ib', director: 'directeur', parent: 'ouder', admin: 'beheerder', zorg: 'zorgcoordinator', board: 'bestuur',
  };
  const out = {} as Record<DemoRole, string>;
  for (const [role, login] of Object.entries(logins) as [DemoRole, string][]) out[role] = await t.login(login);
  return out;
}
