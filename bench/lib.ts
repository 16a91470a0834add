// What the benchmark scripts share: a throwaway PostgreSQL, the Koers server as a second process (bench/server.ts),
// login, and the load generator (sequential latency, concurrent throughput). bench/run.ts (issue 2: pupil and group
// reads) and bench/assessments.ts (issue 3: results) use it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/server/db/client';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { KeepAliveConnection } from './http-client';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TODAY = '2026-11-24';

export const num = (name: string, dflt: number) => {
  const v = process.env[name];
  return v ? Number(v) : dflt;
};

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
export const round2 = (x: number) => Math.round(x * 100) / 100;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile of an ascending array. */
export const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function gitInfo() {
  const run = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  return { commit: run(['rev-parse', '--short', 'HEAD']), uncommittedFiles: run(['status', '--porcelain']).split('\n').filter(Boolean).length };
}

// ---------------------------------------------------------------------------------------------------------------
// cleanup: whatever happens, the server child and the throwaway PostgreSQL go away

export interface PgServer { url: string; kind: string; dir?: string; stop(): Promise<void>; stopSync(): void }
/** What main() has open; cleanup closes it whatever happens. */
export const open: { pgServer: PgServer | null; database: Database | null } = { pgServer: null, database: null };
let serverChild: ChildProcess | null = null;

export function killServerSync() {
  if (serverChild && serverChild.exitCode === null && serverChild.signalCode === null) {
    try {
      serverChild.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}
process.on('exit', killServerSync); // pg-server.mjs registers its own exit hook for the throwaway server
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: cleaning up`);
    killServerSync();
    open.pgServer?.stopSync();
    process.exit(130);
  });
}

export async function stopServer() {
  const child = serverChild;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    log('server did not stop within 10 s after SIGTERM; SIGKILL');
    child.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// load generation

export interface Tally { ok: number; other: Record<string, number>; errors: number; okById: Map<string, number> }
export const newTally = (): Tally => ({ ok: 0, other: {}, errors: 0, okById: new Map() });
export function count(t: Tally, status: number, key: string) {
  if (status === 200) {
    t.ok++;
    t.okById.set(key, (t.okById.get(key) ?? 0) + 1);
  } else {
    t.other[status] = (t.other[status] ?? 0) + 1;
  }
}

export class Target {
  private i = 0;
  constructor(readonly name: string, readonly paths: string[], readonly tally: Tally) {}
  next(): string {
    const p = this.paths[this.i];
    this.i = (this.i + 1) % this.paths.length;
    return p;
  }
}

export interface LatencyResult { n: number; medianMs: number; p95Ms: number; p99Ms: number; meanMs: number; maxMs: number; non200: number }

export async function sequential(conn: KeepAliveConnection, target: Target, n: number, keep: boolean): Promise<LatencyResult | null> {
  const lat: number[] = keep ? new Array(n) : [];
  let non200 = 0;
  for (let i = 0; i < n; i++) {
    const p = target.next();
    const t0 = process.hrtime.bigint();
    const r = await conn.get(p);
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    count(target.tally, r.status, p);
    if (r.status !== 200) non200++;
    if (keep) lat[i] = dt;
  }
  if (!keep) return null;
  lat.sort((a, b) => a - b);
  return {
    n, medianMs: round2(pct(lat, 0.5)), p95Ms: round2(pct(lat, 0.95)), p99Ms: round2(pct(lat, 0.99)),
    meanMs: round2(lat.reduce((a, b) => a + b, 0) / n), maxMs: round2(lat[n - 1]), non200,
  };
}

export interface ThroughputResult { connections: number; seconds: number; requests: number; rps: number; p50Ms: number; p95Ms: number; p99Ms: number; non200: number; errors: number }

export async function concurrent(conns: KeepAliveConnection[], target: Target, warmupS: number, durationS: number, onMeasureStart: () => void): Promise<ThroughputResult> {
  const t0 = performance.now();
  const measureFrom = t0 + warmupS * 1000;
  const measureTo = measureFrom + durationS * 1000;
  const lat: number[] = [];
  let non200 = 0;
  let errors = 0;
  let started = false;
  const worker = async (conn: KeepAliveConnection) => {
    for (;;) {
      const s = performance.now();
      if (s >= measureTo) return;
      if (!started && s >= measureFrom) {
        started = true;
        onMeasureStart();
      }
      const p = target.next();
      let status: number;
      try {
        status = (await conn.get(p)).status;
      } catch (e) {
        errors++;
        target.tally.errors++;
        throw e;
      }
      const e = performance.now();
      count(target.tally, status, p);
      if (s >= measureFrom && e <= measureTo) {
        lat.push(e - s);
        if (status !== 200) non200++;
      }
    }
  };
  await Promise.all(conns.map(worker));
  lat.sort((a, b) => a - b);
  return {
    connections: conns.length, seconds: durationS, requests: lat.length, rps: Math.round(lat.length / durationS),
    p50Ms: round2(pct(lat, 0.5)), p95Ms: round2(pct(lat, 0.95)), p99Ms: round2(pct(lat, 0.99)), non200, errors,
  };
}


/** Starts PostgreSQL: DATABASE_URL, or a throwaway server through scripts/pg-server.mjs. */
export async function startPostgres(): Promise<PgServer> {
  const { startPgServer } = (await import(new URL('../scripts/pg-server.mjs', import.meta.url).href)) as {
    startPgServer(opts?: { log?: (m: string) => void }): Promise<PgServer>;
  };
  open.pgServer = await startPgServer({ log: (m) => log(`pg-server: ${m}`) });
  return open.pgServer;
}

/** Starts bench/server.ts as a second process on the database and waits for its ready line. */
export async function startServer(dbUrl: string, extraArgs: string[] = []): Promise<{ url: string; pid: number }> {
  const tSrv = performance.now();
  serverChild = spawn(process.execPath, [...extraArgs, '--import', 'tsx', path.join('bench', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', KOERS_TODAY: TODAY, DATA_DIR: path.join(os.tmpdir(), 'koers-bench-unused') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const child = serverChild;
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not report ready within 60 s')), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BENCH-SERVER-READY (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]));
      }
    });
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`server exited before ready (code ${code}, signal ${sig})`));
    });
  });
  log(`server pid ${ready.pid} ready at ${ready.url} in ${Math.round(performance.now() - tSrv)} ms`);
  return ready;
}

/** Logs in (demo password) and returns the headers for keep-alive requests with that session. */
export async function loginHeaders(base: string, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { status?: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 200 || body.status !== 'ok' || !cookie) throw new Error(`login as ${login} failed: ${res.status} ${JSON.stringify(body)}`);
  return { Cookie: cookie, Connection: 'keep-alive' };
}

export { KeepAliveConnection };

/** Runs a benchmark's main: its exit code (0 = budgets pass, 1 = a budget missed), or 2 after cleaning up on an error. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    async (e) => {
      log(`ERROR: ${(e as Error).stack ?? e}`);
      killServerSync();
      await open.database?.close().catch(() => {});
      await open.pgServer?.stop().catch(() => {});
      process.exit(2);
    },
  );
}

/** The postmaster's pid of a throwaway PostgreSQL (for its CPU figures), or null for a server we did not start. */
export function postmasterPidOf(pgServer: PgServer): number | null {
  if (pgServer.kind !== 'throwaway' || !pgServer.dir) return null;
  return Number.parseInt(fs.readFileSync(path.join(pgServer.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0], 10) || null;
}
