// Koers group-cycle benchmark (issue 4) on PostgreSQL. Run:   npx tsx bench/group-cycle.ts
// See docs/benchmarks.md ("Group cycle (groepsoverzicht, issue 4)") for what is measured, the budgets and the figures.
//
// Budget (issue 4): groepsoverzicht data for a 30-pupil group with 8 years of results on board-size PostgreSQL data:
// median ≤ 15 ms at one connection, p95 ≤ 100 ms at 20 concurrent connections (2 cores shared with the load generator).
//
// 0. The page's JavaScript: `npx vite build` into a temporary directory (not dist/web, which other processes may be
//    serving), then the gzip size of the first page (the entry script plus every script index.html preloads) and of
//    the group-cycle chunk(s) (assets/group-cycle-*.js). BENCH_SKIP_BUILD=1 skips it; BENCH_DIST=dir measures an
//    existing build instead.
// 1. PostgreSQL (DATABASE_URL, an EMPTY database, or a throwaway server) and board-size data as in bench/assessments.ts:
//    generateBoard with BENCH_EXTRA_SCHOOLS (63) extra PO schools × 400 pupils, up to 60 results per pupil (≈ 1 M results).
// 2. The group: De Meerpaal (brin 99KA), current-year groep 8 (the one cohort that can have 8 school years of PO
//    results: groep 1 to 8). The generator gives it 25 pupils; it is topped up to 30 with new pupils of the school
//    ("Bench Leerling 8-…"). Five earlier school years (with their care periods) are added to the school, and the 30
//    pupils are enrolled in a group of each of the 8 years (groep 1 … 8, repeaters as the generator made them).
//    Their results are replaced by 8 school years × the school's 14 PO instruments × their moments, made by the demo
//    generator (seedDemoResults in src/server/assessments/demo.ts, uncapped), up to today (2026-11-24). ANALYZE.
// 3. The Koers server (bench/server.ts) as a second process; this process logs in as the demo IB (`ib`), creates the
//    vakoverstijgend groepsoverzicht of the current period (POST /api/groups/:id/overviews) and its groepsplan
//    (POST /api/group-overviews/:id/plan), then measures GET /api/group-overviews/:id:
//      - BENCH_WARMUP_REQUESTS (30) warm-up, then BENCH_LATENCY_REQUESTS (300) sequential: median / p95;
//      - BENCH_CONNECTIONS (20) connections, BENCH_WARMUP_S (2) s warm-up, BENCH_DURATION_S (10) s: p50 / p95 / req/s;
//    and, as context, GET /api/group-plans/:id at one connection.
// 4. Every response must be 200, and audit_log must have got exactly one 'read' row per pupil line per served read
//    (30 × served overview reads, and per pupil), counted before and after as bench/run.ts does.
// 5. Breakdown (BENCH_BREAKDOWN=0 skips it): the parts of one overview read, timed in this process after the server stops.
// BENCH_ONLY_JS=1 stops after step 0.
// Diagnosis: BENCH_CPU_PROF=1 runs the server under `node --cpu-prof` and prints where its CPU time went.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { seedDemoResults } from '../src/server/assessments/demo';
import { gradeHistories, loadRules, RESULT_COLUMNS, resultPoints } from '../src/server/assessments/repo';
import { evaluateSignals } from '../src/domain/assessments/signals';
import { overviewStamp, overviewStampQuery } from '../src/server/group-cycle/overview-cache';
import { cycleSchool, overviewDomains, overviewLines, overviewRow, overviewView, previousLines, resultsAndSignals } from '../src/server/group-cycle/repo';
import { groupInfo } from '../src/server/groups/repo';
import { intArray, migrate, openDatabase, rows } from '../src/server/db/client';
import { generateBoard } from '../src/server/demo/seed';
import { CpuMeter, type CpuSnapshot } from './cpu';
import { summarise as summariseCpuProfile } from './cpuprofile';
import {
  concurrent, runMain, gitInfo, KeepAliveConnection, log, loginHeaders, newTally, num, open, ROOT, round2, sequential,
  startPostgres, startServer, stopServer, Target, TODAY, type LatencyResult, type ThroughputResult, postmasterPidOf,
} from './lib';

const CFG = {
  extraSchools: num('BENCH_EXTRA_SCHOOLS', 63),
  resultsPerPupil: num('BENCH_RESULTS_PER_PUPIL', 60),
  groupSize: 30,
  years: 8,
  latencyRequests: num('BENCH_LATENCY_REQUESTS', 300),
  warmupRequests: num('BENCH_WARMUP_REQUESTS', 30),
  connections: num('BENCH_CONNECTIONS', 20),
  durationS: num('BENCH_DURATION_S', 10),
  warmupS: num('BENCH_WARMUP_S', 2),
  cpuProf: process.env.BENCH_CPU_PROF === '1',
};
const BUDGET = { medianMs: 15, p95LoadMs: 100 };

// ---------------------------------------------------------------------------------------------------------------
// 0. JavaScript of the page

interface JsSizes { built: string; firstPage: { files: string[]; bytes: number; gzip: number }; groupCycle: { files: string[]; bytes: number; gzip: number }; groupCycleExtra: { files: string[]; bytes: number; gzip: number } }

function measureJs(): JsSizes | { error: string } | null {
  if (process.env.BENCH_SKIP_BUILD === '1') return null;
  let dist = process.env.BENCH_DIST;
  let tmp: string | null = null;
  if (!dist) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-bench-web-'));
    log(`npx vite build --outDir ${tmp}`);
    const r = spawnSync('npx', ['vite', 'build', '--outDir', tmp, '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      fs.rmSync(tmp, { recursive: true, force: true });
      return { error: `vite build failed (${r.status}): ${(r.stderr || r.stdout).slice(-1500)}` };
    }
    dist = tmp;
  }
  try {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const refs = [
      ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
      ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ];
    const file = (ref: string) => path.join(dist!, ref.replace(/^\//, ''));
    const size = (files: string[]) => ({
      files: files.map((f) => path.basename(f)),
      bytes: files.reduce((a, f) => a + fs.statSync(f).size, 0),
      gzip: files.reduce((a, f) => a + zlib.gzipSync(fs.readFileSync(f)).length, 0),
    });
    const first = [...new Set(refs.map(file))];
    const assets = path.join(dist, 'assets');
    const gc = fs.readdirSync(assets).filter((f) => /^group-cycle-.*\.js$/.test(f)).map((f) => path.join(assets, f));
    // What opening the page loads beyond the first page: the static imports of the group-cycle chunks, transitively.
    const seen = new Set<string>(first);
    const extra: string[] = [];
    const queue = [...gc];
    while (queue.length) {
      const f = queue.shift()!;
      if (seen.has(f)) continue;
      seen.add(f);
      if (!gc.includes(f)) extra.push(f);
      const code = fs.readFileSync(f, 'utf8');
      for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) queue.push(path.join(path.dirname(f), m[1]));
    }
    return { built: tmp ? 'npx vite build (temporary outDir)' : dist, firstPage: size(first), groupCycle: size(gc), groupCycleExtra: size(extra) };
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface ServerStats { statements: number; statementMs: number; eluIdleMs: number; eluActiveMs: number }
const serverStats = async (base: string) => (await (await fetch(`${base}/bench/stats`)).json()) as ServerStats;

function phaseProfile(s0: ServerStats, s1: ServerStats, c0: CpuSnapshot, c1: CpuSnapshot, requests: number) {
  const cpu = CpuMeter.diff(c0, c1);
  const per = (x: number) => Math.round((x / Math.max(1, requests)) * 1000) / 1000;
  const active = s1.eluActiveMs - s0.eluActiveMs;
  const idle = s1.eluIdleMs - s0.eluIdleMs;
  return {
    statementsPerRequest: round2((s1.statements - s0.statements) / Math.max(1, requests)),
    dbMsPerRequest: per(s1.statementMs - s0.statementMs),
    serverEventLoopUtil: round2(active / Math.max(1, active + idle)),
    cpuMsPerRequest: { server: per(cpu.ms.server), postgres: per(cpu.ms.postgres), client: per(cpu.ms.client) },
    cores: cpu.cores,
  };
}

/**
 * Where the time of one overview read goes, measured in this process (the server is stopped by then): the parts of
 * overviewView (src/server/group-cycle/repo.ts) one after the other, each the median of `n` runs on a warm cache.
 * resultPoints with sector 'vo' skips the grade histories and the didactic age (DL) per result: the difference is
 * what DL costs. The raw statement is resultPoints' query through the same pool without any JavaScript after it.
 */
async function breakdown(db: Parameters<typeof overviewView>[0], overviewId: number, n: number) {
  const o = await overviewRow(db, overviewId);
  const group = await groupInfo(db, o.group_id);
  const school = await cycleSchool(db, o.school_id);
  const ids = (await overviewLines(db, o.id)).map((l) => l.pupil_id);
  const domains = overviewDomains(o.form, o.subject, school.settings);
  const time = async (f: () => Promise<unknown> | unknown) => {
    for (let i = 0; i < 3; i++) await f();
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
    xs.sort((a, b) => a - b);
    return round2(xs[xs.length >> 1]);
  };
  const points = await resultPoints(db, ids, 'po');
  const rules = await loadRules(db, o.school_id, true);
  const view = await overviewView(db, o, group, TODAY);
  const { school: _s, ...out } = view;
  const json = JSON.stringify(out);
  const signalsJson = JSON.stringify(view.lines.map((l) => l.signals));
  const resultsJson = JSON.stringify(view.lines.map((l) => l.results));
  const previousJson = JSON.stringify(view.lines.map((l) => l.previous));
  return {
    overviewView: await time(() => overviewView(db, o, group, TODAY)),
    resultsAndSignals: await time(() => resultsAndSignals(db, o.school_id, school, ids, domains, '2027-02-28')),
    resultPointsPo: await time(() => resultPoints(db, ids, 'po')),
    resultPointsNoDl: await time(() => resultPoints(db, ids, 'vo')),
    resultQueryOnly: await time(() => rows(db, sql`select ${RESULT_COLUMNS}, y.name as year_name, y.starts_on as year_starts_on
      from results r join school_years y on y.id = r.school_year_id where r.pupil_id = any(${intArray(ids)}) order by r.pupil_id, r.taken_on, r.id`)),
    resultQueryCountOnly: await time(() => rows(db, sql`select count(*) from (select ${RESULT_COLUMNS}, y.name as year_name, y.starts_on as year_starts_on
      from results r join school_years y on y.id = r.school_year_id where r.pupil_id = any(${intArray(ids)}) order by r.pupil_id, r.taken_on, r.id) x`)),
    resultQueryExplain: await (async () => {
      const [e] = await rows<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number; Plan: Record<string, unknown> }] }>(db, sql`explain (analyze, buffers, format json)
        select ${RESULT_COLUMNS}, y.name as year_name, y.starts_on as year_starts_on
        from results r join school_years y on y.id = r.school_year_id where r.pupil_id = any(${intArray(ids)}) order by r.pupil_id, r.taken_on, r.id`);
      const plan = e['QUERY PLAN'][0];
      const nodes: string[] = [];
      const walk = (n: Record<string, unknown>) => {
        nodes.push(`${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}${n['Sort Method'] ? ` [${n['Sort Method']}, ${n['Sort Space Used']} kB ${n['Sort Space Type']}]` : ''} rows=${n['Actual Rows']} ${n['Actual Total Time']} ms`);
        for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
      };
      walk(plan.Plan);
      return { planningMs: plan['Planning Time'], executionMs: plan['Execution Time'], nodes };
    })(),
    gradeHistories: await time(() => gradeHistories(db, ids)),
    evaluateSignals30: await time(() => { for (const id of ids) evaluateSignals(rules, (points.get(id) ?? []).map((x) => x.point)); }),
    previousLines: await time(() => previousLines(db, ids, o.form, o.subject, '2026-08-01')),
    overviewLines: await time(() => overviewLines(db, o.id)),
    jsonStringify: await time(() => JSON.stringify(out)),
    // The cached read (overview-cache.ts): the fingerprint statement that decides whether the stored body still holds.
    overviewStamp: await time(() => overviewStamp(db, o.id, TODAY)),
    overviewStampExplain: await (async () => {
      const [e] = await rows<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number; Plan: Record<string, unknown> }] }>(db,
        sql`explain (analyze, buffers, format json) ${overviewStampQuery(o.id, TODAY)}`);
      const plan = e['QUERY PLAN'][0];
      // The slowest scans: where the fingerprint's time goes.
      const scans: { node: string; ms: number; rows: number }[] = [];
      const walk = (n: Record<string, unknown>) => {
        if (String(n['Node Type']).includes('Scan') && !String(n['Node Type']).startsWith('CTE')) {
          scans.push({ node: `${n['Node Type']} on ${n['Relation Name']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`, ms: Number(n['Actual Total Time']), rows: Number(n['Actual Rows']) });
        }
        for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
      };
      walk(plan.Plan);
      scans.sort((a, b) => b.ms - a.ms);
      return { planningMs: plan['Planning Time'], executionMs: plan['Execution Time'], slowest: scans.slice(0, 6) };
    })(),
    pointsPerRead: [...points.values()].reduce((a, l) => a + l.length, 0),
    rules: rules.length,
    bytes: { total: json.length, signals: signalsJson.length, results: resultsJson.length, previous: previousJson.length },
  };
}

async function main() {
  const startedAt = new Date();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGiB: round2(os.totalmem() / 2 ** 30), node: process.version, loadAvgAtStart: os.loadavg().map(round2) };
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, ${machine.node}, load average ${machine.loadAvgAtStart.join(' ')}`);

  // 0. JavaScript ---------------------------------------------------------------------------------------------------
  const js = measureJs();
  if (js && 'error' in js) log(js.error);
  else if (js) log(`JS: first page ${js.firstPage.gzip} B gzip (${js.firstPage.files.length} files); group-cycle chunks ${js.groupCycle.gzip} B gzip (${js.groupCycle.files.join(', ')}); ` +
    `their other imports ${js.groupCycleExtra.gzip} B gzip (${js.groupCycleExtra.files.join(', ')})`);
  if (process.env.BENCH_ONLY_JS === '1') return js && !('error' in js) ? 0 : 2;

  // 1. PostgreSQL and board-size data --------------------------------------------------------------------------------
  const pgServer = await startPostgres();
  const dbUrl = pgServer.url;
  const postmasterPid = postmasterPidOf(pgServer);
  const database = (open.database = await openDatabase({ url: dbUrl, poolSize: 4 }));
  const db = database.db;
  await migrate(database);
  const [{ n: boards }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from boards`);
  if (boards > 0) throw new Error('the database is not empty: give bench/group-cycle.ts an empty database, or unset DATABASE_URL');
  const [pgInfo] = await rows<{ version: string; fsync: string; synchronous_commit: string; shared_buffers: string }>(db, sql`
    select version() as version, current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit, current_setting('shared_buffers') as shared_buffers`);

  log(`generating board: 2 demo schools + ${CFG.extraSchools} PO schools × ~400 pupils, up to ${CFG.resultsPerPupil} results per pupil`);
  const tGen = performance.now();
  await db.transaction((tx) => generateBoard(tx, { today: TODAY, seed: 2026, extraSchools: CFG.extraSchools, pupilsPerSchool: 400, withLogins: true, resultsPerPupil: CFG.resultsPerPupil }));
  const generateMs = Math.round(performance.now() - tGen);
  log(`generateBoard: ${(generateMs / 1000).toFixed(1)} s`);

  // 2. The group: De Meerpaal's current groep 8, 30 pupils, 8 school years of results ---------------------------------
  const [school] = await rows<{ id: number; name: string }>(db, sql`select id, name from schools where brin = '99KA'`);
  const [current] = await rows<{ id: number; start: number }>(db, sql`
    select id, extract(year from starts_on)::int as start from school_years where school_id = ${school.id} and starts_on <= ${TODAY}::date and ends_on >= ${TODAY}::date`);
  const [group] = await rows<{ id: number; name: string; n: number }>(db, sql`
    select g.id, g.name, (select count(*)::int from enrolments e where e.group_id = g.id) as n
    from groups g where g.school_year_id = ${current.id} and g.grades = '{8}'::smallint[] order by g.name limit 1`);
  if (group.n > CFG.groupSize) throw new Error(`groep ${group.name} has ${group.n} pupils, more than ${CFG.groupSize}`);
  const prep = await db.transaction(async (tx) => {
    // Top up to 30 with new pupils of the school (born and entered as a groep-8 pupil would be).
    for (let k = group.n; k < CFG.groupSize; k++) {
      const [p] = await rows<{ id: number }>(tx, sql`insert into pupils (school_id, first_name, last_name, birth_date, entry_date)
        values (${school.id}, 'Bench', ${`Leerling 8-${k + 1}`}, '2014-03-15', '2018-03-16') returning id`);
      await tx.execute(sql`insert into enrolments (pupil_id, group_id, school_year_id, grade) values (${p.id}, ${group.id}, ${current.id}, 8)`);
    }
    // Eight school years: add the earlier ones (with care periods, two halves as the generator makes for PO).
    const firstStart = current.start - (CFG.years - 1);
    for (let y = firstStart; y <= current.start; y++) {
      await tx.execute(sql`insert into school_years (school_id, name, starts_on, ends_on) values (${school.id}, ${`${y}-${y + 1}`}, ${`${y}-08-01`}, ${`${y + 1}-07-31`})
        on conflict (school_id, name) do nothing`);
    }
    const years = await rows<{ id: number; start: number }>(tx, sql`
      select id, extract(year from starts_on)::int as start from school_years where school_id = ${school.id} and extract(year from starts_on)::int between ${firstStart} and ${current.start} order by starts_on`);
    if (years.length !== CFG.years) throw new Error(`expected ${CFG.years} school years, found ${years.length}`);
    for (const y of years) {
      await tx.execute(sql`insert into care_periods (school_year_id, seq, name, starts_on, ends_on) values
        (${y.id}, 1, '1e helft', ${`${y.start}-08-01`}, ${`${y.start + 1}-02-28`}), (${y.id}, 2, '2e helft', ${`${y.start + 1}-03-01`}, ${`${y.start + 1}-07-31`})
        on conflict do nothing`);
    }
    const pupilIds = (await rows<{ id: number }>(tx, sql`select pupil_id as id from enrolments where group_id = ${group.id} order by pupil_id`)).map((r) => r.id);
    const known = await rows<{ pupil_id: number; start: number; grade: number }>(tx, sql`
      select e.pupil_id, extract(year from y.starts_on)::int as start, e.grade from enrolments e join school_years y on y.id = e.school_year_id
      where e.pupil_id = any(${sql.param(pupilIds)}::int[])`);
    const knownGrade = new Map(known.map((k) => [`${k.pupil_id}:${k.start}`, k.grade]));
    // A group of the school in a year for a grade (the generator's, or a new one for the added years).
    const groupCache = new Map<string, number>();
    const groupFor = async (yearId: number, grade: number) => {
      const key = `${yearId}:${grade}`;
      let id = groupCache.get(key);
      if (id == null) {
        const [g] = await rows<{ id: number }>(tx, sql`select id from groups where school_year_id = ${yearId} and ${grade}::smallint = any(grades) order by name limit 1`);
        id = g?.id ?? (await rows<{ id: number }>(tx, sql`insert into groups (school_id, school_year_id, name, grades)
          values (${school.id}, ${yearId}, ${grade <= 2 ? '1/2a' : String(grade)}, ${grade <= 2 ? '{1,2}' : `{${grade}}`}::smallint[]) returning id`))[0].id;
        groupCache.set(key, id);
      }
      return id;
    };
    const enrolments: { pupilId: number; schoolYearId: number; grade: number }[] = [];
    let added = 0;
    for (const pupilId of pupilIds) {
      let grade = 9;
      for (const y of [...years].reverse()) {
        const k = knownGrade.get(`${pupilId}:${y.start}`);
        grade = k ?? Math.max(1, grade - 1);
        enrolments.push({ pupilId, schoolYearId: y.id, grade });
        if (k == null) {
          await tx.execute(sql`insert into enrolments (pupil_id, group_id, school_year_id, grade) values (${pupilId}, ${await groupFor(y.id, grade)}, ${y.id}, ${grade})`);
          added++;
        }
      }
    }
    // Pupils the generator made late entrants now have a school history from groep 1 on.
    await tx.execute(sql`update pupils set entry_date = least(entry_date, ${`${firstStart}-08-20`}::date) where id = any(${sql.param(pupilIds)}::int[])`);
    const [{ n: deleted }] = await rows<{ n: number }>(tx, sql`with d as (delete from results where pupil_id = any(${sql.param(pupilIds)}::int[]) returning 1) select count(*)::int as n from d`);
    const inserted = await seedDemoResults(tx, {
      schoolId: school.id, sector: 'po', seed: 4004, today: TODAY,
      years: years.map((y) => ({ id: y.id, startYear: y.start })), enrolments, resultsPerPupil: 1_000_000,
    });
    return { pupilIds, addedEnrolments: added, deletedResults: deleted, insertedResults: inserted, firstStart };
  });
  await db.execute(sql`analyze`);
  const [data] = await rows<{ results: number; group_results: number; per_year: string; instruments: number; pupils: number; schools: number; db_size: string }>(db, sql`
    select (select count(*)::int from results) as results,
      (select count(*)::int from results where pupil_id = any(${sql.param(prep.pupilIds)}::int[])) as group_results,
      (select string_agg(y.name || ': ' || n, ', ' order by y.name) from (select school_year_id, count(*) as n from results where pupil_id = any(${sql.param(prep.pupilIds)}::int[]) group by 1) c
        join school_years y on y.id = c.school_year_id) as per_year,
      (select count(distinct instrument_id)::int from results where pupil_id = any(${sql.param(prep.pupilIds)}::int[])) as instruments,
      (select count(*)::int from pupils) as pupils, (select count(*)::int from schools) as schools,
      pg_size_pretty(pg_database_size(current_database())) as db_size`);
  log(`data: ${JSON.stringify(data)}; groep ${group.name}: ${group.n} pupils + ${CFG.groupSize - group.n} added; ${prep.addedEnrolments} enrolments added; ` +
    `${prep.deletedResults} generated results replaced by ${prep.insertedResults}`);

  // 3. Server, overview and plan --------------------------------------------------------------------------------------
  const cpuProfDir = path.join(ROOT, '.bench', `cpuprof-group-cycle-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const ready = await startServer(dbUrl, CFG.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []);
  const base = ready.url;
  const meter = new CpuMeter(ready.pid, postmasterPid);
  const headers = await loginHeaders(base, 'ib');
  const post = async (p: string, body: unknown) => {
    const r = await fetch(`${base}${p}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    if (r.status !== 201) throw new Error(`POST ${p} → ${r.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as { id: number };
  };
  const [period] = await rows<{ id: number; name: string }>(db, sql`
    select id, name from care_periods where school_year_id = ${current.id} and starts_on <= ${TODAY}::date and ends_on >= ${TODAY}::date`);
  const tCreate = performance.now();
  const overview = await post(`/api/groups/${group.id}/overviews`, { periodId: period.id, form: 'crossSubject' });
  const createOverviewMs = round2(performance.now() - tCreate);
  const tPlan = performance.now();
  const plan = await post(`/api/group-overviews/${overview.id}/plan`, {});
  const createPlanMs = round2(performance.now() - tPlan);
  log(`overview ${overview.id} created in ${createOverviewMs} ms, plan ${plan.id} in ${createPlanMs} ms (period ${period.name})`);

  // Audit baseline, before the first read of either document.
  const auditCounts = async () => (await rows<{ overview: number; plan: number; max_id: number }>(db, sql`
    select count(*) filter (where entity = 'group_overview' and entity_id = ${String(overview.id)})::int as overview,
      count(*) filter (where entity = 'group_plan' and entity_id = ${String(plan.id)})::int as plan,
      coalesce(max(id), 0)::bigint as max_id from audit_log where action = 'read'`))[0];
  const auditBefore = await auditCounts();

  const targets = {
    overview: new Target('GET /api/group-overviews/{id}', [`/api/group-overviews/${overview.id}`], newTally()),
    plan: new Target('GET /api/group-plans/{id}', [`/api/group-plans/${plan.id}`], newTally()),
  };
  // The reads ask for gzip as every browser does (Accept-Encoding); the overview answers it compressed.
  const readHeaders = { ...headers, 'accept-encoding': 'gzip, deflate, br' };
  const one = await KeepAliveConnection.open(base, readHeaders);
  // Check the shape once (counted in the tallies: these reads are audited too).
  const shape: Record<string, unknown> = {};
  for (const k of ['overview', 'plan'] as const) {
    const p = targets[k].paths[0];
    const r = await one.get(p);
    targets[k].tally.ok += r.status === 200 ? 1 : 0;
    if (r.status !== 200) throw new Error(`GET ${p} → ${r.status}: ${r.body.toString().slice(0, 300)}`);
    // A gzip body (magic 1f 8b) is unpacked for the shape; `wireBytes` is what went over the socket.
    const json = r.body[0] === 0x1f && r.body[1] === 0x8b ? zlib.gunzipSync(r.body) : r.body;
    const body = JSON.parse(json.toString());
    if (k === 'overview') {
      const lines = body.lines as { results: unknown[]; signals: unknown[]; previous: unknown }[];
      if (lines.length !== CFG.groupSize) throw new Error(`overview has ${lines.length} lines, want ${CFG.groupSize}`);
      shape.overview = {
        bytes: json.length, wireBytes: r.body.length, lines: lines.length, instruments: (body.instruments as unknown[]).length,
        resultCells: lines.reduce((a, l) => a + l.results.length, 0), signals: lines.reduce((a, l) => a + l.signals.length, 0),
      };
    } else {
      shape.plan = { bytes: json.length, wireBytes: r.body.length, pupils: (body.pupils as unknown[]).length, rows: (body.doc.rows as unknown[]).length };
    }
  }
  log(`responses: ${JSON.stringify(shape)}`);

  const latency: Record<string, LatencyResult & { profile: ReturnType<typeof phaseProfile> }> = {};
  for (const k of ['overview', 'plan'] as const) {
    await sequential(one, targets[k], CFG.warmupRequests, false);
    const s0 = await serverStats(base);
    const c0 = meter.snapshot();
    const res = (await sequential(one, targets[k], CFG.latencyRequests, true))!;
    const c1 = meter.snapshot();
    const s1 = await serverStats(base);
    latency[k] = { ...res, profile: phaseProfile(s0, s1, c0, c1, res.n) };
    log(`1 conn ${k}: median ${res.medianMs} ms, p95 ${res.p95Ms} ms, p99 ${res.p99Ms} ms (${latency[k].profile.statementsPerRequest} statements/req, ` +
      `server ${latency[k].profile.cpuMsPerRequest.server} ms + pg ${latency[k].profile.cpuMsPerRequest.postgres} ms CPU/req)`);
  }
  const many = await Promise.all(Array.from({ length: CFG.connections }, () => KeepAliveConnection.open(base, readHeaders)));
  let s0: ServerStats | null = null;
  let c0: CpuSnapshot | null = null;
  let statsPromise: Promise<void> | null = null;
  const tput = await concurrent(many, targets.overview, CFG.warmupS, CFG.durationS, () => {
    c0 = meter.snapshot();
    statsPromise = serverStats(base).then((s) => { s0 = s; });
  });
  await statsPromise;
  if (!s0 || !c0 || tput.requests === 0) throw new Error(`no request completed inside the measured window: raise BENCH_DURATION_S`);
  const c1 = meter.snapshot();
  const s1 = await serverStats(base);
  const throughput: ThroughputResult & { profile: ReturnType<typeof phaseProfile> } = { ...tput, profile: phaseProfile(s0!, s1, c0!, c1, tput.requests) };
  log(`${CFG.connections} conns overview: ${tput.rps} req/s, p50 ${tput.p50Ms} ms, p95 ${tput.p95Ms} ms, p99 ${tput.p99Ms} ms; cores ${JSON.stringify(throughput.profile.cores)}`);
  one.close();
  for (const c of many) c.close();

  // 4. Audit: one 'read' row per pupil line per served read -----------------------------------------------------------
  const auditAfter = await auditCounts();
  const perPupil = await rows<{ entity: string; pupil_id: number; n: number }>(db, sql`
    select entity, pupil_id, count(*)::int as n from audit_log where id > ${auditBefore.max_id} and action = 'read'
      and ((entity = 'group_overview' and entity_id = ${String(overview.id)}) or (entity = 'group_plan' and entity_id = ${String(plan.id)}))
    group by entity, pupil_id`);
  const pupilSet = new Set(prep.pupilIds);
  const check = (entity: string, served: number) => {
    const list = perPupil.filter((r) => r.entity === entity);
    const mismatches = list.filter((r) => r.n !== served || !pupilSet.has(r.pupil_id)).length + (CFG.groupSize - list.length);
    return { served, mismatches };
  };
  const non200 = { overview: targets.overview.tally.other, plan: targets.plan.tally.other, clientErrors: targets.overview.tally.errors + targets.plan.tally.errors };
  const allOk = Object.keys(non200.overview).length === 0 && Object.keys(non200.plan).length === 0 && non200.clientErrors === 0;
  const audit = {
    overview: { ...check('group_overview', targets.overview.tally.ok), expectedRows: CFG.groupSize * targets.overview.tally.ok, newRows: auditAfter.overview - auditBefore.overview },
    plan: { ...check('group_plan', targets.plan.tally.ok), expectedRows: CFG.groupSize * targets.plan.tally.ok, newRows: auditAfter.plan - auditBefore.plan },
  };
  const auditOk = audit.overview.newRows === audit.overview.expectedRows && audit.overview.mismatches === 0 && audit.plan.newRows === audit.plan.expectedRows && audit.plan.mismatches === 0;
  log(`audit: overview ${audit.overview.served} reads → ${audit.overview.newRows} rows (want ${audit.overview.expectedRows}); plan ${audit.plan.served} → ${audit.plan.newRows} (want ${audit.plan.expectedRows}) → ${auditOk ? 'EQUAL' : 'MISMATCH'}`);

  await stopServer();
  let parts: Awaited<ReturnType<typeof breakdown>> | null = null;
  if (process.env.BENCH_BREAKDOWN !== '0') {
    parts = await breakdown(db, overview.id, num('BENCH_BREAKDOWN_RUNS', 30));
    log(`breakdown (ms, median, in this process): ${JSON.stringify(parts)}`);
  }
  await database.close();
  open.database = null;
  await pgServer.stop();
  open.pgServer = null;

  // Report ---------------------------------------------------------------------------------------------------------
  const budgets = [
    { name: 'groepsoverzicht median, 1 connection', target: `≤ ${BUDGET.medianMs} ms`, measured: `${latency.overview.medianMs} ms`, pass: latency.overview.medianMs <= BUDGET.medianMs },
    { name: `groepsoverzicht p95, ${CFG.connections} connections`, target: `≤ ${BUDGET.p95LoadMs} ms`, measured: `${throughput.p95Ms} ms`, pass: throughput.p95Ms <= BUDGET.p95LoadMs },
    { name: 'every response 200', target: 'all', measured: allOk ? 'all' : JSON.stringify(non200), pass: allOk },
    { name: 'one audit read row per pupil line per served read', target: '30 × reads', measured: `${audit.overview.newRows} = 30 × ${audit.overview.served}; plan ${audit.plan.newRows} = 30 × ${audit.plan.served}; ${audit.overview.mismatches + audit.plan.mismatches} per-pupil mismatches`, pass: auditOk },
  ];
  const git = gitInfo();
  const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
  const o = shape.overview as { bytes: number; wireBytes: number; instruments: number; resultCells: number; signals: number };
  const pl = shape.plan as { bytes: number };
  const prof = (p: ReturnType<typeof phaseProfile>) => `${p.statementsPerRequest} | ${p.cpuMsPerRequest.server} / ${p.cpuMsPerRequest.postgres} / ${p.cpuMsPerRequest.client} ms`;
  const out = [
    `### Koers group-cycle benchmark ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '',
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, Node ${process.version}, ${pgInfo.version.split(' on ')[0]} (fsync=${pgInfo.fsync}, synchronous_commit=${pgInfo.synchronous_commit}, shared_buffers=${pgInfo.shared_buffers}); ` +
      `load average at start ${machine.loadAvgAtStart.join(' ')}; git ${git.commit}${git.uncommittedFiles ? ` + ${git.uncommittedFiles} uncommitted paths` : ''}.`, '',
    `Data: ${data.schools} schools, ${data.pupils} pupils, ${data.results} results (generateBoard ${(generateMs / 1000).toFixed(1)} s), database ${data.db_size}. ` +
      `Group: ${school.name} groep ${group.name} (${current.start}-${current.start + 1}), ${group.n} generated pupils + ${CFG.groupSize - group.n} added = ${CFG.groupSize}; ` +
      `their results: **${data.group_results}** over ${CFG.years} school years (${data.per_year}), ${data.instruments} instruments.`, '',
    `Overview of period "${period.name}" (vakoverstijgend): created through the API in ${createOverviewMs} ms, its plan in ${createPlanMs} ms. ` +
      `Response: ${o.bytes} B (${o.wireBytes} B on the wire), ${o.instruments} instrument columns, ${o.resultCells} result cells, ${o.signals} signals; plan response ${pl.bytes} B.`, '',
    `| endpoint | median, 1 conn | p95, 1 conn | req/s, ${CFG.connections} conns | p50 / p95 / p99 under load | statements/req | CPU/req server / pg / client (1 conn) |`,
    '|---|---|---|---|---|---|---|',
    `| ${targets.overview.name} | ${latency.overview.medianMs} ms | ${latency.overview.p95Ms} ms | ${throughput.rps} | ${throughput.p50Ms} / ${throughput.p95Ms} / ${throughput.p99Ms} ms | ${prof(latency.overview.profile)} |`,
    `| ${targets.plan.name} (context) | ${latency.plan.medianMs} ms | ${latency.plan.p95Ms} ms | – | – | ${prof(latency.plan.profile)} |`, '',
    `Under ${CFG.connections}-connection load, per overview read: server ${throughput.profile.cpuMsPerRequest.server} ms, PostgreSQL ${throughput.profile.cpuMsPerRequest.postgres} ms, ` +
      `load generator ${throughput.profile.cpuMsPerRequest.client} ms of CPU; cores server / pg / client / other / idle: ` +
      `${throughput.profile.cores.server} / ${throughput.profile.cores.postgres} / ${throughput.profile.cores.client} / ${throughput.profile.cores.other} / ${throughput.profile.cores.idle}; ` +
      `server event loop busy ${Math.round(throughput.profile.serverEventLoopUtil * 100)} %.`, '',
    '| budget | target | measured | verdict |', '|---|---|---|---|',
    ...budgets.map((b) => `| ${b.name} | ${b.target} | ${b.measured} | ${b.pass ? 'PASS' : 'FAIL'} |`),
  ];
  if (js && 'error' in js) out.push('', `JavaScript: ${js.error}`);
  else if (js) {
    out.push('', '| JavaScript | files | bytes | gzip |', '|---|---|---|---|',
      `| first page (entry + modulepreloads of index.html) | ${js.firstPage.files.length} | ${kb(js.firstPage.bytes)} | ${kb(js.firstPage.gzip)} |`,
      `| group-cycle chunk(s): ${js.groupCycle.files.join(', ')} | ${js.groupCycle.files.length} | ${kb(js.groupCycle.bytes)} | ${kb(js.groupCycle.gzip)} |`,
      `| other chunks the group-cycle chunks import (not in the first page) | ${js.groupCycleExtra.files.length} | ${kb(js.groupCycleExtra.bytes)} | ${kb(js.groupCycleExtra.gzip)} |`);
  }
  if (parts) {
    out.push('', `Where an overview read's time goes (this process, server stopped, median of ${num('BENCH_BREAKDOWN_RUNS', 30)} runs each, one after the other; ${parts.pointsPerRead} result points, ${parts.rules} signal rules):`, '',
      '| part | ms |', '|---|---|',
      `| overviewView (everything the route does except session, access, audit and serialisation) | ${parts.overviewView} |`,
      `| resultsAndSignals | ${parts.resultsAndSignals} |`,
      `| resultPoints (sector po: with grade histories and DL per result) | ${parts.resultPointsPo} |`,
      `| resultPoints without DL (sector vo) | ${parts.resultPointsNoDl} |`,
      `| its SQL statement alone (rows through the pool, no JS after it) | ${parts.resultQueryOnly} |`,
      `| the same statement wrapped in count(*) (PostgreSQL work, one row back) | ${parts.resultQueryCountOnly} |`,
      `| EXPLAIN ANALYZE of the statement: planning / execution | ${parts.resultQueryExplain.planningMs} / ${parts.resultQueryExplain.executionMs} (${parts.resultQueryExplain.nodes.join('; ')}) |`,
      `| gradeHistories | ${parts.gradeHistories} |`,
      `| evaluateSignals for the 30 pupils | ${parts.evaluateSignals30} |`,
      `| previousLines | ${parts.previousLines} |`,
      `| overviewLines | ${parts.overviewLines} |`,
      `| JSON.stringify of the response (${parts.bytes.total} B: signals ${parts.bytes.signals} B, result cells ${parts.bytes.results} B, previous lines ${parts.bytes.previous} B) | ${parts.jsonStringify} |`);
  }
  process.stdout.write(out.join('\n') + '\n');
  if (fs.existsSync(cpuProfDir)) {
    for (const f of fs.readdirSync(cpuProfDir).filter((x) => x.endsWith('.cpuprofile'))) console.log('\n#### Server CPU profile\n\n' + summariseCpuProfile(path.join(cpuProfDir, f)));
  }
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench', `results-group-cycle-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ startedAt, machine, cfg: CFG, data, prep: { ...prep, pupilIds: undefined }, shape, createOverviewMs, createPlanMs, breakdown: parts, latency, throughput, audit, non200, budgets, js }, null, 2));
  return budgets.every((b) => b.pass) ? 0 : 1;
}

runMain(main);
