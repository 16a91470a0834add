// Koers results benchmark (issue 3) on PostgreSQL. Run:   npx tsx bench/assessments.ts
// See docs/benchmarks.md ("Results (leerlingvolgsysteem)") for what is measured, the budgets and the latest figures.
//
// 1. PostgreSQL (DATABASE_URL, an EMPTY database, or a throwaway server) and board-size data: generateBoard with
//    BENCH_EXTRA_SCHOOLS (default 63) extra PO schools × 400 pupils, each pupil up to 60 results over three school
//    years (the demo generator's board-size mode). That is just over a million results (1,013,000 at the defaults).
// 2. The results of the extra schools are written out as one CSV file per school, in the generic import layout
//    (Koers leerlingnummer, toets, moment, afnamedatum, scores), and as one file for COPY (the same rows, ids
//    resolved). Then they are deleted.
// 3. Raw COPY: the COPY file into the `results` table itself (same indexes, constraints and foreign keys), timed;
//    then those rows are deleted again.
// 4. Import: the Koers server runs as a second process (bench/server.ts); this process uploads each school's file
//    through the API as a care coordinator (upload → commit → poll until committed), one school after the other, as
//    schools would. Timed from the first upload to the last commit. Rows in the table must equal the rows in the files.
//    Budget: import throughput ÷ COPY throughput ≥ 0.25.
// 5. Reads, logged in as the demo care coordinator of De Meerpaal:
//      - GET /api/groups/{id}/cross-section (dwarsdoorsnede, Cito rekenen, end-of-year moment, last school year's groups)
//      - GET /api/pupils/{id}/results (the pupil's chart data)
//    median / p95 at one connection (budget: median ≤ 10 ms) and p95 at 20 concurrent connections;
//      - GET /api/schools/{id}/trend?domain=rekenen-wiskunde (four-year trend) median at one connection (budget ≤ 300 ms).
//
// Knobs: BENCH_EXTRA_SCHOOLS=63, BENCH_RESULTS_PER_PUPIL=60, BENCH_LATENCY_REQUESTS=500, BENCH_WARMUP_REQUESTS=50,
// BENCH_CONNECTIONS=20, BENCH_DURATION_S=10, BENCH_WARMUP_S=2, BENCH_TREND_REQUESTS=30.
// Diagnosis: BENCH_CPU_PROF=1 runs the server under `node --cpu-prof` and prints where its CPU time went.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, rows } from '../src/server/db/client';
import { generateBoard } from '../src/server/demo/seed';
import { summarise as summariseCpuProfile } from './cpuprofile';
import {
  concurrent, runMain, gitInfo, KeepAliveConnection, log, loginHeaders, newTally, num, open, round2, sequential,
  sleep, startPostgres, startServer, stopServer, Target, TODAY, type LatencyResult, type ThroughputResult,
} from './lib';

const CFG = {
  extraSchools: num('BENCH_EXTRA_SCHOOLS', 63),
  resultsPerPupil: num('BENCH_RESULTS_PER_PUPIL', 60),
  latencyRequests: num('BENCH_LATENCY_REQUESTS', 500),
  warmupRequests: num('BENCH_WARMUP_REQUESTS', 50),
  connections: num('BENCH_CONNECTIONS', 20),
  durationS: num('BENCH_DURATION_S', 10),
  warmupS: num('BENCH_WARMUP_S', 2),
  trendRequests: num('BENCH_TREND_REQUESTS', 30),
};
const BUDGET = { importRatio: 0.25, readMedianMs: 10, trendMedianMs: 300 };

const RESULT_COLUMNS = ['pupil_id', 'instrument_id', 'school_year_id', 'moment', 'taken_on', 'grade', 'raw_score', 'ability_score', 'level', 'percentile', 'dle', 'text_value'] as const;
type ResultRow = Record<(typeof RESULT_COLUMNS)[number], string | number | null> & { code: string; school_id: number };

/** A CSV cell: Dutch decimal comma, quotes only where needed. */
const cell = (v: string | number | null) => {
  if (v == null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** A COPY text-format field. */
const copyField = (v: string | number | null) => (v == null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

async function main() {
  const startedAt = new Date();
  const pgServer = await startPostgres();
  const dbUrl = pgServer.url;
  const database = (open.database = await openDatabase({ url: dbUrl, poolSize: 4 }));
  const db = database.db;
  await migrate(database);
  const [{ n: boards }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from boards`);
  if (boards > 0) throw new Error('the database is not empty: give bench/assessments.ts an empty database, or unset DATABASE_URL');
  const [pgInfo] = await rows<{ version: string; fsync: string; synchronous_commit: string; su: boolean }>(db, sql`
    select version() as version, current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
      (select rolsuper from pg_roles where rolname = current_user) as su`);

  // 1. Board-size data -------------------------------------------------------------------------------------------
  log(`generating board: 2 demo schools + ${CFG.extraSchools} PO schools × ~400 pupils, up to ${CFG.resultsPerPupil} results per pupil`);
  const tGen = performance.now();
  await db.transaction((tx) => generateBoard(tx, { today: TODAY, seed: 2026, extraSchools: CFG.extraSchools, pupilsPerSchool: 400, withLogins: true, resultsPerPupil: CFG.resultsPerPupil }));
  const generateMs = Math.round(performance.now() - tGen);
  const [ib] = await rows<{ user_id: number; school_id: number }>(db, sql`
    select u.id as user_id, r.school_id from users u join user_roles r on r.user_id = u.id and r.role = 'care_coordinator' where u.login = 'ib'`);
  const extraSchools = (await rows<{ id: number }>(db, sql`select id from schools where id <> ${ib.school_id} and sector = 'po' order by id`)).map((r) => r.id);
  log(`generateBoard: ${(generateMs / 1000).toFixed(1)} s; ${extraSchools.length} extra PO schools`);

  // 2. Export the extra schools' results as import files and as one COPY file; then delete them ----------------------
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-bench-results-'));
  fs.chmodSync(dir, 0o755);
  const copyFile = path.join(dir, 'copy.tsv');
  const copyOut = fs.openSync(copyFile, 'w');
  const files: { schoolId: number; file: string; rows: number }[] = [];
  let exported = 0;
  for (const schoolId of extraSchools) {
    const list = await rows<ResultRow>(db, sql`
      select r.pupil_id, r.instrument_id, r.school_year_id, r.moment, r.taken_on, r.grade, r.raw_score::float8 as raw_score,
        r.ability_score::float8 as ability_score, r.level, r.percentile, r.dle::float8 as dle, r.text_value, i.code, i.school_id
      from results r join instruments i on i.id = r.instrument_id where i.school_id = ${schoolId} order by r.pupil_id, r.taken_on`);
    const lines = ['leerlingnummer;toets;moment;afnamedatum;ruwe score;vaardigheidsscore;niveau;percentiel;dle;avi'];
    const copyLines: string[] = [];
    for (const r of list) {
      lines.push([r.pupil_id, r.code, r.moment, r.taken_on, r.raw_score, r.ability_score, r.level, r.percentile, r.dle, r.text_value].map(cell).join(';'));
      copyLines.push(RESULT_COLUMNS.map((c) => copyField(r[c])).join('\t'));
    }
    const file = path.join(dir, `school-${schoolId}.csv`);
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
    fs.writeSync(copyOut, copyLines.join('\n') + (copyLines.length ? '\n' : ''));
    files.push({ schoolId, file, rows: list.length });
    exported += list.length;
  }
  fs.closeSync(copyOut);
  fs.chmodSync(copyFile, 0o644);
  const csvBytes = files.reduce((a, f) => a + fs.statSync(f.file).size, 0);
  await db.execute(sql`delete from results where instrument_id in (select id from instruments where school_id = any(${sql.param(extraSchools)}::int[]))`);
  // The benchmark's care coordinator imports for every school (a board-wide zorgcoördinator).
  await db.execute(sql`insert into user_roles (user_id, role, school_id) select ${ib.user_id}, 'care_coordinator', s from unnest(${sql.param(extraSchools)}::int[]) s`);
  await db.execute(sql`vacuum analyze results`);
  log(`exported ${exported} results of ${files.length} schools (${(csvBytes / 2 ** 20).toFixed(1)} MB of CSV) and deleted them`);

  // 3. Raw COPY of the same rows into the results table itself (its indexes, constraints and foreign keys), then deleted.
  if (!pgInfo.su) throw new Error('the COPY baseline reads a server-side file and needs a superuser connection');
  const tCopy = performance.now();
  await db.execute(sql.raw(`copy results (${RESULT_COLUMNS.join(', ')}) from '${copyFile}'`));
  const copyMs = performance.now() - tCopy;
  const countExtra = async () => (await rows<{ n: number }>(db, sql`
    select count(*)::int as n from results r join instruments i on i.id = r.instrument_id where i.school_id = any(${sql.param(extraSchools)}::int[])`))[0].n;
  const copied = await countExtra();
  await db.execute(sql`delete from results where instrument_id in (select id from instruments where school_id = any(${sql.param(extraSchools)}::int[]))`);
  await db.execute(sql`vacuum analyze results`);
  log(`COPY: ${copied} rows in ${(copyMs / 1000).toFixed(2)} s = ${Math.round(copied / (copyMs / 1000))} rows/s`);

  // 4. Import through the API ---------------------------------------------------------------------------------------
  const cpuProfDir = path.join('.bench', `cpuprof-assessments-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const ready = await startServer(dbUrl, process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []);
  const base = ready.url;
  const headers = await loginHeaders(base, 'ib');
  const perSchool: { schoolId: number; rows: number; uploadMs: number; commitMs: number; inserted: number }[] = [];
  const tImport = performance.now();
  for (const f of files) {
    const t0 = performance.now();
    const up = await fetch(`${base}/api/schools/${f.schoolId}/result-imports?fileName=${encodeURIComponent(path.basename(f.file))}`, {
      method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: fs.readFileSync(f.file),
    });
    const upBody = (await up.json()) as { id: number; mapping: unknown; total: number };
    if (up.status !== 201) throw new Error(`upload ${f.file}: ${up.status} ${JSON.stringify(upBody).slice(0, 500)}`);
    const t1 = performance.now();
    const commit = await fetch(`${base}/api/result-imports/${upBody.id}/commit`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ mapping: upBody.mapping, defaults: {}, overwrite: false }),
    });
    if (commit.status !== 202) throw new Error(`commit ${f.file}: ${commit.status} ${(await commit.text()).slice(0, 1000)}`);
    let status: { status: string; inserted: number; error: string | null };
    for (;;) {
      await sleep(50);
      status = (await (await fetch(`${base}/api/result-imports/${upBody.id}`, { headers })).json()) as typeof status;
      if (status.status !== 'committing') break;
    }
    if (status.status !== 'committed') throw new Error(`import ${f.file}: ${JSON.stringify(status)}`);
    perSchool.push({ schoolId: f.schoolId, rows: f.rows, uploadMs: t1 - t0, commitMs: performance.now() - t1, inserted: status.inserted });
  }
  const importMs = performance.now() - tImport;
  const imported = await countExtra();
  log(`import: ${imported} rows in ${(importMs / 1000).toFixed(2)} s = ${Math.round(imported / (importMs / 1000))} rows/s`);
  if (imported !== exported) throw new Error(`import stored ${imported} rows, the files held ${exported}`);
  await db.execute(sql`analyze results`);

  // 5. Reads ----------------------------------------------------------------------------------------------------------
  const [lastYear] = await rows<{ id: number }>(db, sql`
    select id from school_years where school_id = ${ib.school_id} and ends_on < ${TODAY}::date order by ends_on desc limit 1`);
  const [rekenen] = await rows<{ id: number }>(db, sql`select id from instruments where school_id = ${ib.school_id} and code = 'cito-rekenen'`);
  const groups = await rows<{ id: number; grade: number }>(db, sql`
    select id, grades[1] as grade from groups where school_year_id = ${lastYear.id} and grades[1] between 3 and 8 order by grades[1], name`);
  const pupilIds = (await rows<{ id: number }>(db, sql`
    select distinct r.pupil_id as id from results r join pupils p on p.id = r.pupil_id where p.school_id = ${ib.school_id} and p.leave_date is null order by 1 limit 200`)).map((r) => r.id);
  const targets = {
    crossSection: new Target('GET /api/groups/{id}/cross-section (dwarsdoorsnede)', groups.map((g) => `/api/groups/${g.id}/cross-section?instrumentId=${rekenen.id}&moment=${g.grade === 8 ? "M8" : `E${g.grade}`}`), newTally()),
    pupilChart: new Target('GET /api/pupils/{id}/results (chart data)', pupilIds.map((id) => `/api/pupils/${id}/results`), newTally()),
    trend: new Target('GET /api/schools/{id}/trend (four years)', [`/api/schools/${ib.school_id}/trend?domain=rekenen-wiskunde`], newTally()),
  };
  const one = await KeepAliveConnection.open(base, headers);
  const sizes: Record<string, number> = {};
  for (const [k, t] of Object.entries(targets)) {
    const p = t.paths[0];
    const r = await one.get(p);
    if (r.status !== 200) throw new Error(`GET ${p} → ${r.status}: ${r.body.toString().slice(0, 300)}`);
    sizes[k] = r.body.length;
  }
  const latency: Record<string, LatencyResult> = {};
  for (const k of ['crossSection', 'pupilChart'] as const) {
    await sequential(one, targets[k], CFG.warmupRequests, false);
    latency[k] = (await sequential(one, targets[k], CFG.latencyRequests, true))!;
    log(`1 conn ${k}: median ${latency[k].medianMs} ms, p95 ${latency[k].p95Ms} ms`);
  }
  await sequential(one, targets.trend, 3, false);
  latency.trend = (await sequential(one, targets.trend, CFG.trendRequests, true))!;
  log(`1 conn trend: median ${latency.trend.medianMs} ms, p95 ${latency.trend.p95Ms} ms`);
  const many = await Promise.all(Array.from({ length: CFG.connections }, () => KeepAliveConnection.open(base, headers)));
  const throughput: Record<string, ThroughputResult> = {};
  for (const k of ['crossSection', 'pupilChart'] as const) {
    throughput[k] = await concurrent(many, targets[k], CFG.warmupS, CFG.durationS, () => {});
    log(`${CFG.connections} conns ${k}: ${throughput[k].rps} req/s, p50 ${throughput[k].p50Ms} ms, p95 ${throughput[k].p95Ms} ms`);
  }
  one.close();
  for (const c of many) c.close();
  const non200 = Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.tally.other]));

  await stopServer();
  await database.close();
  open.database = null;
  await pgServer.stop();
  open.pgServer = null;
  fs.rmSync(dir, { recursive: true, force: true });

  // Report ---------------------------------------------------------------------------------------------------------
  const copyRps = copied / (copyMs / 1000);
  const importRps = imported / (importMs / 1000);
  const ratio = round2(importRps / copyRps);
  const uploadShare = round2(perSchool.reduce((a, s) => a + s.uploadMs, 0) / importMs);
  const budgets = [
    { name: 'import throughput ÷ raw COPY', target: `≥ ${BUDGET.importRatio}`, measured: String(ratio), pass: ratio >= BUDGET.importRatio },
    { name: 'dwarsdoorsnede median, 1 connection', target: `≤ ${BUDGET.readMedianMs} ms`, measured: `${latency.crossSection.medianMs} ms`, pass: latency.crossSection.medianMs <= BUDGET.readMedianMs },
    { name: 'pupil chart data median, 1 connection', target: `≤ ${BUDGET.readMedianMs} ms`, measured: `${latency.pupilChart.medianMs} ms`, pass: latency.pupilChart.medianMs <= BUDGET.readMedianMs },
    { name: 'school four-year trend median, 1 connection', target: `≤ ${BUDGET.trendMedianMs} ms`, measured: `${latency.trend.medianMs} ms`, pass: latency.trend.medianMs <= BUDGET.trendMedianMs },
  ];
  const git = gitInfo();
  const out = [
    `### Koers results benchmark ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '',
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, ${pgInfo.version.split(' on ')[0]} (fsync=${pgInfo.fsync}, synchronous_commit=${pgInfo.synchronous_commit}); ` +
      `load average at start ${os.loadavg().map(round2).join(' ')}; git ${git.commit}${git.uncommittedFiles ? ` + ${git.uncommittedFiles} uncommitted paths` : ''}.`, '',
    `Data: ${extraSchools.length + 1} PO schools; generateBoard took ${(generateMs / 1000).toFixed(1)} s. ${exported} results of ${files.length} schools exported as ${files.length} CSV files (${(csvBytes / 2 ** 20).toFixed(1)} MB).`, '',
    '| step | rows | seconds | rows/s |', '|---|---|---|---|',
    `| raw COPY into results (server-side file, same rows, ids resolved) | ${copied} | ${(copyMs / 1000).toFixed(2)} | ${Math.round(copyRps)} |`,
    `| import through the API (${files.length} uploads + commits, one after the other) | ${imported} | ${(importMs / 1000).toFixed(2)} | ${Math.round(importRps)} |`,
    '', `Import ÷ COPY: **${ratio}**. Upload (decode, parse, detect layout, store) took ${Math.round(uploadShare * 100)} % of the import time; validation and the one-transaction commit the rest.`, '',
    '| endpoint | response | median, 1 conn | p95, 1 conn | req/s, 20 conns | p50 / p95 under load |', '|---|---|---|---|---|---|',
    ...(['crossSection', 'pupilChart', 'trend'] as const).map((k) => `| ${targets[k].name} | ${sizes[k]} B | ${latency[k].medianMs} ms | ${latency[k].p95Ms} ms | ${throughput[k]?.rps ?? '–'} | ${throughput[k] ? `${throughput[k].p50Ms} / ${throughput[k].p95Ms} ms` : '–'} |`),
    '', `Non-200 responses: ${JSON.stringify(non200)}.`, '',
    '| budget | target | measured | verdict |', '|---|---|---|---|',
    ...budgets.map((b) => `| ${b.name} | ${b.target} | ${b.measured} | ${b.pass ? 'PASS' : 'FAIL'} |`),
  ];
  process.stdout.write(out.join('\n') + '\n');
  if (fs.existsSync(cpuProfDir)) {
    for (const f of fs.readdirSync(cpuProfDir).filter((x) => x.endsWith('.cpuprofile'))) console.log('\n#### Server CPU profile\n\n' + summariseCpuProfile(path.join(cpuProfDir, f)));
  }
  fs.mkdirSync('.bench', { recursive: true });
  fs.writeFileSync(path.join('.bench', `results-assessments-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ startedAt, cfg: CFG, copy: { rows: copied, ms: copyMs }, import: { rows: imported, ms: importMs, perSchool }, latency, throughput, budgets, sizes }, null, 2));
  return budgets.every((b) => b.pass) ? 0 : 1;
}

runMain(main);
