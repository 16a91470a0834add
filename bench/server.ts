// The Koers server as the benchmark runs it: a separate process, started by bench/run.ts as
//   node --import tsx bench/server.ts        (env: DATABASE_URL, PORT, LOG_LEVEL=silent, KOERS_TODAY)
// It is src/server/start.ts step by step (open database → migrate → default instruments → buildApp → outbox job → listen, no demo
// seeding: bench/run.ts has loaded the board already), with ONE extra route registered before listen:
//   GET /bench/select1  → runs `select 1` through the same drizzle/pg pool and returns {"ok":true}.
// That is the "bare endpoint in the same process" every figure is compared with. It passes through the same
// global hooks (cookie, helmet headers, the /api-only session and access hooks return at once) but does no
// session lookup, no policy and no audit.
//
// A second extra route, GET /bench/stats, reports counters the benchmark reads between phases (never during one):
// how many statements went through the pool (pg.Pool.prototype.query is wrapped below, before the pool exists;
// the measured GET routes use no transactions, so every statement of theirs passes there), the summed time from
// pool.query() to its result (includes waiting for a free pool connection), and the event-loop utilisation.
// The wrapper costs a counter and a clock read per statement.
//
// Experiment (diagnosis only, never for the budget figures): BENCH_EXPERIMENT=prepared gives every statement a
// name derived from its text, so node-postgres prepares it once per pool connection and PostgreSQL can reuse the
// plan (bench/run.ts also sets plan_cache_mode = force_generic_plan on the database for this experiment). It
// approximates "hot-path queries as prepared statements" without touching src/.
//
// When listening it prints one line to stdout:  BENCH-SERVER-READY {"url":"http://127.0.0.1:PORT","pid":N}
// SIGTERM/SIGINT close the app and the pool and exit 0.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemClock } from '../src/server/clock';
import { ensureDefaultInstruments } from '../src/server/assessments/defaults';
import { loadConfig } from '../src/server/config';
import { migrate, openDatabase } from '../src/server/db/client';
import { buildApp } from '../src/server/http/app';
import { startOutboxJob } from '../src/server/outbox/outbox';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('bench/server.ts: DATABASE_URL must be set (the benchmark measures PostgreSQL, not PGlite)');
  process.exit(2);
}

const counters = { statements: 0, statementMs: 0, failed: 0 };
type PoolQuery = (...args: unknown[]) => unknown;
const poolProto = pg.Pool.prototype as unknown as { query: PoolQuery };
const originalQuery = poolProto.query;
const experiment = process.env.BENCH_EXPERIMENT ?? '';
if (experiment && experiment !== 'prepared') {
  console.error(`bench/server.ts: unknown BENCH_EXPERIMENT=${experiment} (known: prepared)`);
  process.exit(2);
}
poolProto.query = function (this: unknown, ...args: unknown[]) {
  counters.statements++;
  if (experiment === 'prepared') {
    const cfg = args[0];
    if (typeof cfg === 'string') args[0] = { text: cfg, name: 'b' + createHash('sha1').update(cfg).digest('hex').slice(0, 24) };
    else if (cfg && typeof cfg === 'object' && typeof (cfg as { text?: unknown }).text === 'string' && !(cfg as { name?: unknown }).name) {
      const text = (cfg as { text: string }).text;
      args[0] = { ...(cfg as object), name: 'b' + createHash('sha1').update(text).digest('hex').slice(0, 24) };
    }
  }
  const t0 = performance.now();
  const result = originalQuery.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(
      () => { counters.statementMs += performance.now() - t0; },
      () => { counters.statementMs += performance.now() - t0; counters.failed++; },
    );
  }
  return result;
};

// BENCH_POOL_SIZE (experiment only): pool size; unset = openDatabase's default, which is what start() uses.
const poolSize = process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : undefined;
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolSize });
await migrate(database);
await ensureDefaultInstruments(database.db);
const clock = systemClock(config.KOERS_TODAY);
const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock });

// Outside /api/, so the "every /api route declares access" rule does not apply; say it anyway for readers.
app.get('/bench/select1', { config: { access: { kind: 'public' } } }, async () => {
  await database.db.execute(sql`select 1`);
  return { ok: true };
});

app.get('/bench/stats', async () => {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  return { ...counters, eluIdleMs: elu.idle, eluActiveMs: elu.active, cpuUserUs: cpu.user, cpuSystemUs: cpu.system, rssBytes: process.memoryUsage().rss };
});

const stopOutbox = startOutboxJob(app);
const address = await app.listen({ port: config.PORT, host: config.HOST });
process.stdout.write(`BENCH-SERVER-READY ${JSON.stringify({ url: address.replace('[::1]', 'localhost'), pid: process.pid })}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    stopOutbox();
    app.close()
      .then(() => database.close())
      .then(() => process.exit(0), () => process.exit(1));
  });
}
