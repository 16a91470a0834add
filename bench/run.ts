// Koers speed benchmark on PostgreSQL. Run:   npx tsx bench/run.ts
// See docs/benchmarks.md for what is measured, the budgets and the latest figures.
//
// 1. PostgreSQL: DATABASE_URL (must be an EMPTY database) or a throwaway server from scripts/pg-server.mjs.
// 2. Board-size data: migrate + generateBoard (2 demo schools + 48 extra PO schools × ~400 pupils, three school
//    years of history, demo logins); the IB school's current-year groups are topped up to 30 pupils; ANALYZE.
// 3. The Koers server in a SEPARATE process (bench/server.ts), which also serves the bare endpoint
//    GET /bench/select1 (one `select 1` through the same pool).
// 4. This process is the load generator, over loopback, logged in as the demo care coordinator (`ib`):
//      a. one connection, sequential: median / p95 of GET /bench/select1, /api/pupils/{id}, /api/groups/{id}
//      b. 20 connections for 10 s each: requests/s (+ latency under load)
//      c. ratios to the bare endpoint
//      d. audit: audit_log rows with action 'read' before/after vs the number of 200 pupil reads served
//    The whole of a–c is repeated BENCH_ROUNDS times (default 3); the tables give the median over rounds.
// 5. Prints Markdown tables; writes .bench/results-<date>.json. Stops the server and the throwaway PostgreSQL.
//
// Knobs (environment): DATABASE_URL, BENCH_ROUNDS=3, BENCH_LATENCY_REQUESTS=2000, BENCH_WARMUP_REQUESTS=300,
// BENCH_CONNECTIONS=20, BENCH_DURATION_S=10, BENCH_WARMUP_S=2, BENCH_EXTRA_SCHOOLS=48, BENCH_PUPILS_PER_SCHOOL=400,
// BENCH_GROUP_SIZE=30.
// Diagnosis only (changes the figures): BENCH_ONLY=pupil (comma list of select1,pupil,group) measures a subset;
// BENCH_POOL_SIZE=n changes the server's pg pool size (default: that of openDatabase, as in production);
// BENCH_EXPERIMENT=prepared runs the server with every statement prepared (see bench/server.ts);
// BENCH_CPU_PROF=1 runs the server under `node --cpu-prof` and prints where its CPU time went (bench/cpuprofile.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, rows } from '../src/server/db/client';
import { generateBoard } from '../src/server/demo/seed';
import { CpuMeter, type CpuSnapshot, type CpuUse } from './cpu';
import { summarise as summariseCpuProfile } from './cpuprofile';
import {
  concurrent, runMain, gitInfo, KeepAliveConnection, log, loginHeaders, median, newTally, num, open, ROOT, round2, sequential,
  startPostgres, startServer, stopServer, Target, type LatencyResult, type ThroughputResult, postmasterPidOf,
} from './lib';

const CFG = {
  today: '2026-11-24',
  extraSchools: num('BENCH_EXTRA_SCHOOLS', 48),
  pupilsPerSchool: num('BENCH_PUPILS_PER_SCHOOL', 400),
  groupSize: num('BENCH_GROUP_SIZE', 30),
  rounds: num('BENCH_ROUNDS', 3),
  latencyRequests: num('BENCH_LATENCY_REQUESTS', 2000),
  warmupRequests: num('BENCH_WARMUP_REQUESTS', 300),
  connections: num('BENCH_CONNECTIONS', 20),
  durationS: num('BENCH_DURATION_S', 10),
  warmupS: num('BENCH_WARMUP_S', 2),
  only: (process.env.BENCH_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean),
  cpuProf: process.env.BENCH_CPU_PROF === '1',
  experiment: process.env.BENCH_EXPERIMENT ?? '',
  poolSize: process.env.BENCH_POOL_SIZE ?? '',
};
const BUDGET = { pupilMedianMs: 4, pupilRps: 1000, throughputRatio: 0.5 };



// ---------------------------------------------------------------------------------------------------------------
// server-side counters (read between phases only)

interface ServerStats { statements: number; statementMs: number; failed: number; eluIdleMs: number; eluActiveMs: number; cpuUserUs: number; cpuSystemUs: number; rssBytes: number }
interface Profile {
  requests: number;
  statementsPerRequest: number;
  /** summed pool.query() time per request (includes waiting for a free pool connection) */
  dbMsPerRequest: number;
  /** event-loop utilisation of the server during the phase (1 = its JS thread never idle) */
  serverEventLoopUtil: number;
  cpuMsPerRequest: { server: number; postgres: number; client: number };
  cpu: CpuUse;
}

async function serverStats(base: string): Promise<ServerStats> {
  const r = await fetch(`${base}/bench/stats`);
  return (await r.json()) as ServerStats;
}
function profile(a: ServerStats, b: ServerStats, ca: CpuSnapshot, cb: CpuSnapshot, requests: number): Profile {
  const cpu = CpuMeter.diff(ca, cb);
  const per = (x: number) => round2(x / Math.max(1, requests));
  const active = b.eluActiveMs - a.eluActiveMs;
  const idle = b.eluIdleMs - a.eluIdleMs;
  return {
    requests,
    statementsPerRequest: per(b.statements - a.statements),
    dbMsPerRequest: Math.round(((b.statementMs - a.statementMs) / Math.max(1, requests)) * 1000) / 1000,
    serverEventLoopUtil: round2(active / Math.max(1, active + idle)),
    cpuMsPerRequest: {
      server: Math.round((cpu.ms.server / Math.max(1, requests)) * 1000) / 1000,
      postgres: Math.round((cpu.ms.postgres / Math.max(1, requests)) * 1000) / 1000,
      client: Math.round((cpu.ms.client / Math.max(1, requests)) * 1000) / 1000,
    },
    cpu,
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memGiB: round2(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAvgAtStart: os.loadavg().map(round2),
  };
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, ${machine.node}, load average ${machine.loadAvgAtStart.join(' ')}`);

  // 1. PostgreSQL -------------------------------------------------------------------------------------------
  const pgServer = await startPostgres();
  const dbUrl = pgServer.url;
  const pgKind = pgServer.kind;
  const postmasterPid = postmasterPidOf(pgServer);

  const database = (open.database = await openDatabase({ url: dbUrl, poolSize: 4 }));
  const db = database.db;
  await migrate(database);
  const [pgInfo] = await rows<{ version: string; fsync: string; synchronous_commit: string; shared_buffers: string; max_connections: string }>(db, sql`
    select version() as version, current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
      current_setting('shared_buffers') as shared_buffers, current_setting('max_connections') as max_connections`);
  const [{ n: boards }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from boards`);
  if (boards > 0) throw new Error('the database is not empty (boards exist): give bench/run.ts an empty database, or unset DATABASE_URL for a throwaway server');

  // 2. Board-size data ---------------------------------------------------------------------------------------
  log(`generating board: 2 demo schools + ${CFG.extraSchools} PO schools × ~${CFG.pupilsPerSchool} pupils (three school years), logins on`);
  const tGen = performance.now();
  await db.transaction((tx) => generateBoard(tx, { today: CFG.today, seed: 2026, extraSchools: CFG.extraSchools, pupilsPerSchool: CFG.pupilsPerSchool, withLogins: true }));
  const generateMs = Math.round(performance.now() - tGen);
  log(`generateBoard: ${(generateMs / 1000).toFixed(1)} s`);

  const [ib] = await rows<{ user_id: number; school_id: number; school: string }>(db, sql`
    select u.id as user_id, r.school_id, s.name as school from users u
    join user_roles r on r.user_id = u.id and r.role = 'care_coordinator' join schools s on s.id = r.school_id
    where u.login = 'ib'`);
  const [year] = await rows<{ id: number }>(db, sql`
    select id from school_years where school_id = ${ib.school_id} and starts_on <= ${CFG.today}::date and ends_on >= ${CFG.today}::date`);
  const pupilIds = (await rows<{ id: number }>(db, sql`
    select p.id from pupils p join enrolments e on e.pupil_id = p.id and e.school_year_id = ${year.id}
    where p.school_id = ${ib.school_id} order by p.id`)).map((r) => r.id);

  // The issue asks for groups of 30 pupils; the generator makes 24–27. Top the IB school's current groups up.
  const groups = await rows<{ id: number; name: string; grades: number[]; n: number }>(db, sql`
    select g.id, g.name, g.grades, (select count(*)::int from enrolments e where e.group_id = g.id) as n
    from groups g where g.school_year_id = ${year.id} order by g.grades[1], g.name`);
  let toppedUp = 0;
  await db.transaction(async (tx) => {
    for (const g of groups) {
      for (let k = g.n; k < CFG.groupSize; k++) {
        const grade = g.grades[0];
        const birthYear = 2026 - 4 - grade;
        const [p] = await rows<{ id: number }>(tx, sql`insert into pupils (school_id, first_name, last_name, birth_date, entry_date)
          values (${ib.school_id}, ${'Bench'}, ${`Leerling ${g.name}-${k + 1}`}, ${`${birthYear}-03-15`}, ${`${birthYear + 4}-03-16`}) returning id`);
        await tx.execute(sql`insert into enrolments (pupil_id, group_id, school_year_id, grade) values (${p.id}, ${g.id}, ${year.id}, ${grade})`);
        toppedUp++;
      }
    }
  });
  const groupSizesBefore = Object.fromEntries(groups.map((g) => [g.name, g.n]));
  await db.execute(sql`analyze`);
  const [data] = await rows<Record<string, number | string>>(db, sql`
    select (select count(*)::int from schools) as schools, (select count(*)::int from pupils) as pupils,
      (select count(*)::int from pupils where leave_date is null) as pupils_current,
      (select count(*)::int from enrolments) as enrolments, (select count(*)::int from groups) as groups,
      (select count(*)::int from users) as users, (select count(*)::int from guardians) as guardians,
      (select count(*)::int from user_roles) as user_roles, pg_size_pretty(pg_database_size(current_database())) as db_size`);
  log(`data: ${JSON.stringify(data)}; IB school "${ib.school}" ${pupilIds.length} current pupils, ${groups.length} current groups topped up with ${toppedUp} pupils to ${CFG.groupSize}`);

  // 3. The server process ------------------------------------------------------------------------------------
  if (CFG.experiment === 'prepared') {
    await db.execute(sql.raw(`alter database "${new URL(dbUrl).pathname.slice(1)}" set plan_cache_mode = force_generic_plan`));
  }
  const cpuProfDir = path.join(ROOT, '.bench', `cpuprof-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const ready = await startServer(dbUrl, CFG.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []);
  const base = ready.url;
  const meter = new CpuMeter(ready.pid, postmasterPid);

  // 4. Log in as the IB and check the endpoints ---------------------------------------------------------------
  const headers = await loginHeaders(base, 'ib');

  // The pupil read measured: the real route, or the one-statement experiment (bench/server.ts) in its place.
  const pupilPath = CFG.experiment === 'one-statement' ? '/bench/pupil-one-statement/' : '/api/pupils/';
  const check = await KeepAliveConnection.open(base, headers);
  const sizes: Record<string, number> = {};
  for (const [name, p] of [['select1', '/bench/select1'], ['pupil', `${pupilPath}${pupilIds[0]}`], ['group', `/api/groups/${groups[0].id}`]] as const) {
    const r = await check.get(p);
    if (r.status !== 200) throw new Error(`GET ${p} → ${r.status}: ${r.body.toString().slice(0, 300)}`);
    sizes[name] = r.body.length;
  }
  const groupPupils = new Map<string, number>();
  for (const g of groups) {
    const r = await check.get(`/api/groups/${g.id}`);
    const body = JSON.parse(r.body.toString()) as { pupils: unknown[] };
    if (r.status !== 200 || body.pupils.length !== CFG.groupSize) throw new Error(`group ${g.name}: ${r.status}, ${body.pupils?.length} pupils (want ${CFG.groupSize})`);
    groupPupils.set(`/api/groups/${g.id}`, body.pupils.length);
  }
  check.close();
  log(`responses: select1 ${sizes.select1} B, pupil ${sizes.pupil} B, group ${sizes.group} B (${CFG.groupSize} pupils)`);

  // Audit baseline (after the checks above, before the first measured pupil read).
  const auditCounts = async () => (await rows<{ read: number; read_pupil: number; list_group: number; denied: number; max_id: number }>(db, sql`
    select count(*) filter (where action = 'read')::int as read,
      count(*) filter (where action = 'read' and entity = 'pupil')::int as read_pupil,
      count(*) filter (where action = 'list' and detail->>'route' = '/api/groups/:id')::int as list_group,
      count(*) filter (where action = 'denied')::int as denied,
      coalesce(max(id), 0)::bigint as max_id from audit_log`))[0];
  const auditBefore = await auditCounts();

  const targets = {
    select1: new Target('GET /bench/select1 (bare: one `select 1`)', ['/bench/select1'], newTally()),
    pupil: new Target(CFG.experiment === 'one-statement' ? 'GET /bench/pupil-one-statement/{id} (experiment)' : 'GET /api/pupils/{id} (policy + audit)', pupilIds.map((id) => `${pupilPath}${id}`), newTally()),
    group: new Target(`GET /api/groups/{id} (${CFG.groupSize} pupils)`, groups.map((g) => `/api/groups/${g.id}`), newTally()),
  };
  type Key = keyof typeof targets;
  const keys = (['select1', 'pupil', 'group'] as Key[]).filter((k) => CFG.only.length === 0 || CFG.only.includes(k));

  interface RoundResult { latency: Record<Key, LatencyResult & { profile: Profile }>; throughput: Record<Key, ThroughputResult & { profile: Profile }> }
  const roundResults: RoundResult[] = [];

  const one = await KeepAliveConnection.open(base, headers);
  const many = await Promise.all(Array.from({ length: CFG.connections }, () => KeepAliveConnection.open(base, headers)));

  for (let round = 1; round <= CFG.rounds; round++) {
    const rr = { latency: {}, throughput: {} } as RoundResult;
    for (const k of keys) {
      await sequential(one, targets[k], CFG.warmupRequests, false);
      const s0 = await serverStats(base);
      const c0 = meter.snapshot();
      const res = (await sequential(one, targets[k], CFG.latencyRequests, true))!;
      const c1 = meter.snapshot();
      const s1 = await serverStats(base);
      rr.latency[k] = { ...res, profile: profile(s0, s1, c0, c1, CFG.latencyRequests) };
      log(`round ${round} 1 conn   ${k.padEnd(7)} median ${res.medianMs} ms  p95 ${res.p95Ms} ms  p99 ${res.p99Ms} ms  (${rr.latency[k].profile.statementsPerRequest} statements/req, db ${rr.latency[k].profile.dbMsPerRequest} ms/req)`);
    }
    for (const k of keys) {
      let s0: ServerStats | null = null;
      let c0: CpuSnapshot | null = null;
      // The counters are read when the measured window opens (after the warm-up seconds), from a side request.
      let statsPromise: Promise<void> | null = null;
      const res = await concurrent(many, targets[k], CFG.warmupS, CFG.durationS, () => {
        c0 = meter.snapshot();
        statsPromise = serverStats(base).then((s) => { s0 = s; });
      });
      await statsPromise;
      const c1 = meter.snapshot();
      const s1 = await serverStats(base);
      rr.throughput[k] = { ...res, profile: profile(s0!, s1, c0!, c1, res.requests) };
      const cpu = rr.throughput[k].profile.cpu.cores;
      log(`round ${round} ${CFG.connections} conns ${k.padEnd(7)} ${res.rps} req/s  p50 ${res.p50Ms} ms  p95 ${res.p95Ms} ms  p99 ${res.p99Ms} ms  ` +
        `cores: server ${cpu.server} pg ${cpu.postgres} client ${cpu.client} other ${cpu.other} idle ${cpu.idle}`);
    }
    roundResults.push(rr);
  }
  one.close();
  for (const c of many) c.close();

  // 5. Audit check -------------------------------------------------------------------------------------------
  const auditAfter = await auditCounts();
  const servedPupilReads = targets.pupil.tally.ok;
  const newReadRows = auditAfter.read - auditBefore.read;
  const perPupil = await rows<{ entity_id: string; n: number }>(db, sql`
    select entity_id, count(*)::int as n from audit_log where id > ${auditBefore.max_id} and action = 'read' and entity = 'pupil' group by entity_id`);
  const dbPerPupil = new Map(perPupil.map((r) => [`${pupilPath}${r.entity_id}`, r.n]));
  let perPupilMismatches = 0;
  for (const [p, n] of targets.pupil.tally.okById) if (dbPerPupil.get(p) !== n) perPupilMismatches++;
  for (const [p] of dbPerPupil) if (!targets.pupil.tally.okById.has(p)) perPupilMismatches++;
  let expectedGroupListRows = 0;
  for (const [p, n] of targets.group.tally.okById) expectedGroupListRows += n * (groupPupils.get(p) ?? 0);
  const audit = {
    servedPupilReads,
    nonOkPupilResponses: targets.pupil.tally.other,
    clientErrors: targets.pupil.tally.errors,
    auditReadRowsBefore: auditBefore.read,
    auditReadRowsAfter: auditAfter.read,
    newAuditReadRows: newReadRows,
    newAuditReadRowsEntityPupil: auditAfter.read_pupil - auditBefore.read_pupil,
    perPupilMismatches,
    servedGroupReads: targets.group.tally.ok,
    expectedGroupListRows,
    newGroupListRows: auditAfter.list_group - auditBefore.list_group,
    newDeniedRows: auditAfter.denied - auditBefore.denied,
    ok: newReadRows === servedPupilReads && perPupilMismatches === 0 && auditAfter.list_group - auditBefore.list_group === expectedGroupListRows,
  };
  log(`audit: ${servedPupilReads} pupil reads served (200), ${newReadRows} new audit_log rows with action 'read' → ${audit.ok ? 'EQUAL' : 'MISMATCH'}`);

  const finalServer = await serverStats(base);
  await stopServer();
  const [dbSizeAfter] = await rows<{ s: string }>(db, sql`select pg_size_pretty(pg_database_size(current_database())) as s`);
  await database.close();
  open.database = null;
  await pgServer.stop();
  open.pgServer = null;

  // 6. Summary -----------------------------------------------------------------------------------------------
  const med = (f: (r: RoundResult) => number) => round2(median(roundResults.map(f)));
  const range = (f: (r: RoundResult) => number) => {
    const v = roundResults.map(f);
    return [round2(Math.min(...v)), round2(Math.max(...v))] as [number, number];
  };
  const has = (k: Key) => keys.includes(k);
  const bare = has('select1');
  const summarize = (k: Key) => !has(k) ? null : ({
    endpoint: targets[k].name,
    medianMs: med((r) => r.latency[k].medianMs), medianRangeMs: range((r) => r.latency[k].medianMs),
    p95Ms: med((r) => r.latency[k].p95Ms), p95RangeMs: range((r) => r.latency[k].p95Ms),
    medianRatio: bare ? med((r) => r.latency[k].medianMs / r.latency.select1.medianMs) : NaN,
    p95Ratio: bare ? med((r) => r.latency[k].p95Ms / r.latency.select1.p95Ms) : NaN,
    rps: Math.round(median(roundResults.map((r) => r.throughput[k].rps))), rpsRange: range((r) => r.throughput[k].rps),
    rpsRatio: bare ? med((r) => r.throughput[k].rps / r.throughput.select1.rps) : NaN,
    rpsRatioRange: bare ? range((r) => r.throughput[k].rps / r.throughput.select1.rps) : [NaN, NaN] as [number, number],
    loadP50Ms: med((r) => r.throughput[k].p50Ms), loadP95Ms: med((r) => r.throughput[k].p95Ms), loadP99Ms: med((r) => r.throughput[k].p99Ms),
    statementsPerRequest: med((r) => r.latency[k].profile.statementsPerRequest),
    dbMsPerRequest1: med((r) => r.latency[k].profile.dbMsPerRequest),
    serverCpuMsPerRequest: med((r) => r.throughput[k].profile.cpuMsPerRequest.server),
    postgresCpuMsPerRequest: med((r) => r.throughput[k].profile.cpuMsPerRequest.postgres),
    clientCpuMsPerRequest: med((r) => r.throughput[k].profile.cpuMsPerRequest.client),
    serverEventLoopUtilUnderLoad: med((r) => r.throughput[k].profile.serverEventLoopUtil),
    /** req/s the measured CPU per request would allow if all cores served only this benchmark (no foreign load). */
    cpuCeilingRps: Math.round(median(roundResults.map((r) => {
      const c = r.throughput[k].profile.cpuMsPerRequest;
      return (machine.cpus * 1000) / (c.server + c.postgres + c.client);
    }))),
    coresUnderLoad: {
      server: med((r) => r.throughput[k].profile.cpu.cores.server), postgres: med((r) => r.throughput[k].profile.cpu.cores.postgres),
      client: med((r) => r.throughput[k].profile.cpu.cores.client), other: med((r) => r.throughput[k].profile.cpu.cores.other),
      idle: med((r) => r.throughput[k].profile.cpu.cores.idle),
    },
  });
  const summary = { select1: summarize('select1'), pupil: summarize('pupil'), group: summarize('group') };

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const P = summary.pupil;
  const G = summary.group;
  const budgetRows: { budget: string; target: string; measured: string; pass: boolean; informational?: boolean }[] = [];
  if (P) {
    budgetRows.push({ budget: 'pupil read median, 1 connection', target: `≤ ${BUDGET.pupilMedianMs} ms`, measured: `${P.medianMs} ms`, pass: P.medianMs <= BUDGET.pupilMedianMs });
    budgetRows.push({ budget: `pupil reads/s, ${CFG.connections} connections`, target: `≥ ${BUDGET.pupilRps}/s`, measured: `${P.rps}/s`, pass: P.rps >= BUDGET.pupilRps });
    if (bare) budgetRows.push({ budget: 'pupil read throughput ÷ bare endpoint', target: `≥ ${BUDGET.throughputRatio}`, measured: `${P.rpsRatio}`, pass: P.rpsRatio >= BUDGET.throughputRatio });
    budgetRows.push({ budget: 'audit entry for every served pupil read', target: 'rows = 200s', measured: `${audit.newAuditReadRows} rows / ${audit.servedPupilReads} served`, pass: audit.ok });
  }
  if (G && bare) {
    budgetRows.push({ budget: '(group read throughput ÷ bare endpoint, if the ratio budget covers it)', target: `≥ ${BUDGET.throughputRatio}`, measured: `${G.rpsRatio}`, pass: G.rpsRatio >= BUDGET.throughputRatio, informational: true });
  }
  const budgets = budgetRows.map((b) => ({ ...b, verdict: verdict(b.pass) }));

  const fmtRange = (r: [number, number]) => `${r[0]}–${r[1]}`;
  const md: string[] = [];
  md.push(`### Koers benchmark ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  if (CFG.only.length || CFG.cpuProf || CFG.experiment || CFG.poolSize) {
    const knobs = [CFG.only.length ? `BENCH_ONLY=${CFG.only.join(',')}` : '', CFG.cpuProf ? 'BENCH_CPU_PROF=1' : '', CFG.experiment ? `BENCH_EXPERIMENT=${CFG.experiment}` : '',
      CFG.poolSize ? `BENCH_POOL_SIZE=${CFG.poolSize}` : ''];
    md.push(`**Diagnostic run (${knobs.filter(Boolean).join(', ')}): not comparable with the budget figures.**`, '');
  }
  md.push(`${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, ${machine.os}, Node ${machine.node}, ${pgInfo.version.split(',')[0]} ` +
    `(fsync=${pgInfo.fsync}, synchronous_commit=${pgInfo.synchronous_commit}, shared_buffers=${pgInfo.shared_buffers}); load average at start ${machine.loadAvgAtStart.join(' ')}; ` +
    `PostgreSQL: ${pgKind === 'throwaway' ? 'throwaway server from scripts/pg-server.mjs' : pgKind}. git ${gitInfo().commit} + ${gitInfo().uncommittedFiles} uncommitted paths.`, '');
  md.push(`Data: ${data.schools} schools, ${data.pupils} pupils (${data.pupils_current} current), ${data.enrolments} enrolments, ${data.groups} groups, ` +
    `${data.users} users, ${data.guardians} guardian links; database ${data.db_size}. generateBoard took ${(generateMs / 1000).toFixed(1)} s.`, '');
  md.push(`Median of ${CFG.rounds} rounds (min–max over rounds in brackets). 1 connection: ${CFG.latencyRequests} sequential requests after ${CFG.warmupRequests} warm-up. ` +
    `${CFG.connections} connections: ${CFG.durationS} s after ${CFG.warmupS} s warm-up. Logged in as \`ib\` (care coordinator, ${ib.school}); ` +
    `${pupilIds.length} pupil ids and ${groups.length} group ids in rotation.`, '');
  md.push('| endpoint | median, 1 conn | p95, 1 conn | median ÷ bare | req/s, ' + CFG.connections + ' conns | req/s ÷ bare | p50 / p95 / p99 under load | statements/req |');
  md.push('|---|---|---|---|---|---|---|---|');
  for (const k of keys) {
    const s = summary[k]!;
    md.push(`| ${s.endpoint} | ${s.medianMs} ms (${fmtRange(s.medianRangeMs)}) | ${s.p95Ms} ms (${fmtRange(s.p95RangeMs)}) | ${s.medianRatio} | ` +
      `${s.rps} (${fmtRange(s.rpsRange)}) | ${s.rpsRatio} (${fmtRange(s.rpsRatioRange)}) | ${s.loadP50Ms} / ${s.loadP95Ms} / ${s.loadP99Ms} ms | ${s.statementsPerRequest} |`);
  }
  md.push('', `Where the time goes (per request; CPU measured under ${CFG.connections}-connection load from /proc, "cores" = CPU-seconds per second over both cores):`, '');
  md.push(`| endpoint | DB time, 1 conn | server CPU | PostgreSQL CPU | load-generator CPU | CPU ceiling (req/s on ${machine.cpus} idle cores, estimate) | cores under load: server / pg / client / other / idle | server event loop busy |`);
  md.push('|---|---|---|---|---|---|---|---|');
  for (const k of keys) {
    const s = summary[k]!;
    const c = s.coresUnderLoad;
    md.push(`| ${k} | ${s.dbMsPerRequest1} ms | ${s.serverCpuMsPerRequest} ms | ${s.postgresCpuMsPerRequest} ms | ${s.clientCpuMsPerRequest} ms | ${s.cpuCeilingRps}` +
      `${bare && k !== 'select1' ? ` (÷ bare ${round2(s.cpuCeilingRps / summary.select1!.cpuCeilingRps)})` : ''} | ` +
      `${c.server} / ${c.postgres} / ${c.client} / ${c.other} / ${c.idle} | ${Math.round(s.serverEventLoopUtilUnderLoad * 100)} % |`);
  }
  md.push('', `Audit: ${audit.servedPupilReads} pupil reads answered 200 (other statuses: ${JSON.stringify(audit.nonOkPupilResponses)}); ` +
    `audit_log rows with action 'read': ${audit.auditReadRowsBefore} before, ${audit.auditReadRowsAfter} after = ${audit.newAuditReadRows} new; ` +
    `per-pupil mismatches: ${audit.perPupilMismatches}. Group reads: ${audit.servedGroupReads} served, ${audit.newGroupListRows} 'list' rows (expected ${audit.expectedGroupListRows}).`, '');
  md.push('| budget | target | measured | verdict |', '|---|---|---|---|');
  for (const b of budgets) md.push(`| ${b.budget} | ${b.target} | ${b.measured} | ${b.verdict} |`);
  console.log(md.join('\n'));

  const outDir = path.join(ROOT, '.bench');
  fs.mkdirSync(outDir, { recursive: true });
  let outFile = path.join(outDir, `results-${startedAt.toISOString().slice(0, 10)}.json`);
  for (let n = 2; fs.existsSync(outFile); n++) outFile = path.join(outDir, `results-${startedAt.toISOString().slice(0, 10)}-${n}.json`);
  fs.writeFileSync(outFile, JSON.stringify({
    startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), config: CFG, budgets: BUDGET, machine: { ...machine, loadAvgAtEnd: os.loadavg().map(round2) },
    git: gitInfo(), postgres: { ...pgInfo, kind: pgKind }, data: { ...data, generateMs, toppedUp, groupSizesBefore, dbSizeAfter: dbSizeAfter.s },
    ibSchool: ib.school, responseBytes: sizes, summary, budgetVerdicts: budgets, audit, rounds: roundResults, serverAtEnd: finalServer,
  }, null, 2));
  log(`wrote ${path.relative(ROOT, outFile)}`);
  if (CFG.cpuProf) {
    const files = fs.existsSync(cpuProfDir) ? fs.readdirSync(cpuProfDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    for (const f of files) console.log('\n#### Server CPU profile\n\n' + summariseCpuProfile(path.join(cpuProfDir, f)));
    if (files.length === 0) log(`no .cpuprofile found in ${cpuProfDir}`);
  }
  return budgets.filter((b) => !b.informational).every((b) => b.pass) ? 0 : 1;
}

runMain(main);
