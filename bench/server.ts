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
// Experiment BENCH_EXPERIMENT=one-statement adds GET /bench/pupil-one-statement/:id and bench/run.ts measures it in
// place of /api/pupils/{id}: the cheapest pupil read we could think of, as a bound on what any design could reach.
// ONE statement reads the session, the relation facts and the record (the same SQL pieces as the real route) AND
// inserts the audit row; then the domain policy decides and the record is sent without response-schema serialization.
// It is not a design Koers can use: the audit row is written before the policy has decided, so a refused read would
// be logged as a read. It only shows how much of a pupil read's cost is left once every removable step is removed.
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
import { decidePupil } from '../src/domain/access/policy';
import { relationSelect } from '../src/server/access/relations';
import { SESSION_COOKIE, sessionSelect, type SessionRow } from '../src/server/auth/session';
import { prepared } from '../src/server/db/client';
import { buildApp } from '../src/server/http/app';
import { detailSelect, toPupilDetail, type DetailRow } from '../src/server/students/repo';
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
if (experiment && experiment !== 'prepared' && experiment !== 'one-statement') {
  console.error(`bench/server.ts: unknown BENCH_EXPERIMENT=${experiment} (known: prepared, one-statement)`);
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

if (experiment === 'one-statement') {
  app.get('/bench/pupil-one-statement/:id', { config: { access: { kind: 'public' } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE] ?? '';
    const today = clock.today();
    const [row] = await prepared<SessionRow & Record<string, unknown>>(database.db, 'bench_one_statement', sql`
      with sess as (${sessionSelect(token)}),
      rel as (${relationSelect(sql.raw('(select user_id from sess)'), sql`p.id = ${Number((req.params as { id: string }).id)}`, today)}),
      ins as (insert into audit_log (actor_id, school_id, pupil_id, action, entity, entity_id, detail, ip)
              select sess.user_id, rel.school_id, rel.pupil_id, 'read', 'pupil', rel.pupil_id::text, '{"basis":"bench"}'::jsonb, ${req.ip}
              from sess, rel returning 1)
      select sess.*, rel.*, x.preloaded, (select count(*) from ins)::int as audited
      from sess left join rel on true left join lateral (${detailSelect(sql.raw('rel.pupil_id'))}) x on true`);
    if (!row) return reply.status(401).send({ error: 'unauthenticated' });
    const relation = { pupilId: row.pupil_id as number, schoolId: row.school_id as number, boardId: row.board_id as number,
      teachesNow: row.teaches_now as boolean, taughtLastYear: row.taught_last_year as boolean, mentorNow: row.mentor_now as boolean,
      mentorLastYear: row.mentor_last_year as boolean, guardianWithAuthority: row.guardian as boolean };
    const actor = { userId: row.user_id, grants: row.grants };
    if (!decidePupil(actor, 'pupil.view', relation).allow) return reply.status(403).send({ error: 'forbidden' });
    const can = { editAdmin: decidePupil(actor, 'pupil.editAdmin', relation).allow, viewAudit: decidePupil(actor, 'pupil.viewAudit', relation).allow };
    return toPupilDetail(row.preloaded as DetailRow, today, can);
  });
}

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
