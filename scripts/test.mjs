#!/usr/bin/env node
// `npm test`: runs the WHOLE Koers test suite and ends with one plain line
//   N passed, N failed
// summing every suite (the line CI reads). Exits non-zero if any test failed or
// any suite/step could not run.
//
// Steps:
//   a. scripts/ensure-chromium.mjs      chromium + fonts + pdftotext (apt-get as root)
//   b. vite build                       only if vite.config.* exists (e2e serves dist/web)
//   c. vitest --project unit --project api   on the embedded DB (PGlite)
//   d. scripts/pg-server.mjs            a real PostgreSQL (DATABASE_URL / :5432 / throwaway)
//   e. vitest --project api             again, DATABASE_URL = that server
//   f. vitest --project e2e             embedded DB; the tests start the app themselves
//   g. sum the vitest JSON reports in .test-results/
//
// Knobs (for developers; CI sets none of them):
//   KOERS_TEST_ONLY=unit,api,pg,e2e,build   run only these parts (pg = step d/e; build = step b,
//                                           implied by e2e)
//   KOERS_TEST_SKIP_PG=1                    skip step d/e, loudly (ignored when CI is set)
//   KOERS_TEST_SUITE_TIMEOUT_MIN=25         kill a vitest run that takes longer (counts as failed)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const RESULTS = path.join(ROOT, '.test-results');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const SUITE_TIMEOUT_MS = Number(process.env.KOERS_TEST_SUITE_TIMEOUT_MIN || 25) * 60_000;

const say = (msg) => console.log(`[test] ${msg}`);
const banner = (msg) => console.log(`\n[test] ===== ${msg} =====`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

// --- selection -------------------------------------------------------------
const PARTS = ['unit', 'api', 'pg', 'e2e', 'build'];
const only = (process.env.KOERS_TEST_ONLY || '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean)
  .map((s) => (s === 'postgres' ? 'pg' : s));
for (const p of only) {
  if (!PARTS.includes(p)) {
    console.error(`[test] unknown part "${p}" in KOERS_TEST_ONLY (known: ${PARTS.join(', ')})`);
    process.exit(2);
  }
}
const want = (p) => only.length === 0 || only.includes(p) || (p === 'build' && only.includes('e2e'));
if (only.length) say(`KOERS_TEST_ONLY=${only.join(',')}: running only these parts (not a full run)`);

let skipPg = false;
if (process.env.KOERS_TEST_SKIP_PG === '1') {
  if (process.env.CI) {
    say('KOERS_TEST_SKIP_PG=1 is ignored because CI is set: the PostgreSQL run always happens in CI');
  } else {
    skipPg = true;
    const line = '!'.repeat(78);
    console.log(`\n${line}\n!! KOERS_TEST_SKIP_PG=1: the API tests will NOT run against real PostgreSQL.\n` +
      `!! PG15-vs-PGlite(PG18) differences go unnoticed. CI always runs this step.\n${line}\n`);
  }
}

// --- results bookkeeping ---------------------------------------------------
/** @type {{label:string, passed:number, failed:number, skipped:number, problems:string[], secs:string}[]} */
const suites = [];
/** steps that failed outside vitest (each counts as one failure) */
const stepFailures = [];

// --- child processes ---------------------------------------------------------
let currentChild = null;
let pgServer = null;
let interrupted = false;

function killTree(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // its own process group (detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

function run(cmd, args, { env = process.env, timeoutMs = 0 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env, detached: true });
    currentChild = child;
    let timedOut = false;
    let timer = null;
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        say(`TIMEOUT after ${timeoutMs / 60_000} min: killing ${path.basename(cmd)} ${args.join(' ')}`);
        killTree(child, 'SIGTERM');
        setTimeout(() => killTree(child, 'SIGKILL'), 5000).unref();
      }, timeoutMs);
    }
    child.on('error', (e) => {
      clearTimeout(timer);
      currentChild = null;
      resolve({ code: 127, error: e.message, timedOut });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      currentChild = null;
      // vitest's workers are in the same group; make sure none outlive it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* group already empty */
      }
      resolve({ code: code ?? 128 + (os.constants.signals[signal] ?? 0), signal, timedOut });
    });
  });
}

function localBin(name) {
  const p = path.join(BIN, name);
  // Same as `npx NAME` for a locally installed package, minus npm's config warnings.
  return fs.existsSync(p) ? [p, []] : ['npx', ['--no', '--', name]];
}

async function cleanupAndExit(code) {
  killTree(currentChild, 'SIGTERM');
  if (pgServer) {
    try {
      await pgServer.stop();
    } catch (e) {
      console.error(`[test] could not stop PostgreSQL: ${e.message}`);
    }
    pgServer = null;
  }
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[test] ${sig}: stopping the running suite and cleaning up`);
    cleanupAndExit(sig === 'SIGINT' ? 130 : 143);
  });
}

// --- vitest suites -----------------------------------------------------------
function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { __error: e.code === 'ENOENT' ? 'no JSON report was written' : `unreadable JSON report: ${e.message}` };
  }
}

async function vitestSuite(label, projects, env) {
  banner(`${label}: vitest ${projects.map((p) => `--project ${p}`).join(' ')}`);
  const jsonFile = path.join(RESULTS, `${label}.json`);
  fs.rmSync(jsonFile, { force: true });
  const [cmd, pre] = localBin('vitest');
  const args = [
    ...pre,
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
  ];
  const t0 = Date.now();
  const res = await run(cmd, args, { env, timeoutMs: SUITE_TIMEOUT_MS });
  const took = secs(t0);
  recordReport(label, jsonFile, res, took);
}

// Turn one vitest JSON report + exit status into a suite entry.
function recordReport(label, jsonFile, res, took) {
  const r = readReport(jsonFile);
  const problems = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (r.__error) {
    problems.push(`${r.__error} (${path.relative(ROOT, jsonFile)}); vitest exited with ${res.code}${res.error ? `: ${res.error}` : ''}`);
  } else {
    passed = r.numPassedTests ?? 0;
    failed = r.numFailedTests ?? 0;
    skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (res.code !== 0 && failed === 0) {
      const broken = (r.testResults ?? [])
        .filter((f) => f.status === 'failed')
        .map((f) => `    ${path.relative(ROOT, f.name)}: ${String(f.message || 'failed').split('\n')[0]}`);
      problems.push(
        `vitest exited with ${res.code} but reported no failed test` +
          (r.numFailedTestSuites ? ` (${r.numFailedTestSuites} test file(s) failed to run)` : ' (unhandled error, see output above)') +
          (broken.length ? `:\n${broken.join('\n')}` : ''),
      );
    }
    if (res.code === 0 && (r.numTotalTests ?? 0) === 0) {
      say(`WARNING: suite ${label} ran no tests`);
    }
  }
  if (res.timedOut) problems.push(`killed after the ${SUITE_TIMEOUT_MS / 60_000} min suite timeout`);
  suites.push({ label, passed, failed, skipped, problems, secs: took });
}

function suiteFailedToRun(label, why) {
  suites.push({ label, passed: 0, failed: 0, skipped: 0, problems: [why], secs: '0.0 s' });
}

// --- main ----------------------------------------------------------------------
async function main() {
  const tAll = Date.now();
  fs.mkdirSync(RESULTS, { recursive: true });
  const embeddedEnv = { ...process.env };
  delete embeddedEnv.DATABASE_URL; // steps c and f always use the embedded DB
  if (!embeddedEnv.CHROMIUM_PATH && fs.existsSync('/usr/bin/chromium')) embeddedEnv.CHROMIUM_PATH = '/usr/bin/chromium';

  // a. system tools
  banner('system tools: chromium, fonts, pdftotext');
  const ens = await run(process.execPath, [path.join(ROOT, 'scripts', 'ensure-chromium.mjs')]);
  if (ens.code !== 0) {
    if (want('e2e')) stepFailures.push('ensure-chromium: chromium / pdftotext missing and could not be installed (see above)');
    else say('WARNING: ensure-chromium failed; continuing because e2e is not selected');
  }

  // b. web build
  let buildOk = true;
  const viteConfig = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'].find((f) => fs.existsSync(f));
  if (want('build')) {
    if (viteConfig) {
      banner(`web build: vite build (${viteConfig})`);
      const t0 = Date.now();
      const [cmd, pre] = localBin('vite');
      const b = await run(cmd, [...pre, 'build'], { env: embeddedEnv, timeoutMs: SUITE_TIMEOUT_MS });
      if (b.code !== 0) {
        buildOk = false;
        stepFailures.push(`vite build failed (exit ${b.code}${b.timedOut ? ', timed out' : ''})`);
      } else {
        say(`vite build ok (${secs(t0)})`);
      }
    } else {
      say('no vite.config.* yet: skipping the web build');
    }
  }

  // c. unit + api on PGlite
  const embeddedProjects = ['unit', 'api'].filter(want);
  if (embeddedProjects.length) await vitestSuite('pglite', embeddedProjects, embeddedEnv);

  // d + e. api on real PostgreSQL
  if (want('pg') && !skipPg) {
    banner('PostgreSQL server for the api suite');
    const t0 = Date.now();
    try {
      const { startPgServer } = await import('./pg-server.mjs');
      pgServer = await startPgServer({ log: (m) => say(`pg: ${m}`) });
      say(`PostgreSQL ready (${pgServer.kind}) in ${secs(t0)}`);
    } catch (e) {
      console.error(`[test] could not get a PostgreSQL server: ${e.stack || e.message}`);
      suiteFailedToRun('postgres', `no PostgreSQL server: ${String(e.message).split('\n')[0]}`);
    }
    if (pgServer && !interrupted) {
      try {
        await vitestSuite('postgres', ['api'], { ...embeddedEnv, DATABASE_URL: pgServer.url });
      } finally {
        say('stopping PostgreSQL');
        await pgServer.stop().catch((e) => stepFailures.push(`could not stop PostgreSQL: ${e.message}`));
        pgServer = null;
      }
    }
  }

  // f. e2e
  if (want('e2e') && !interrupted) {
    if (!buildOk) suiteFailedToRun('e2e', 'not run because the vite build failed');
    else await vitestSuite('e2e', ['e2e'], embeddedEnv);
  }

  // g. summary
  let passed = 0;
  let failed = 0;
  console.log(`\n[test] ===== summary (${secs(tAll)}) =====`);
  for (const s of suites) {
    const extra = s.problems.length ? 1 : 0; // a suite that did not run cleanly counts as one failure
    passed += s.passed;
    failed += s.failed + extra;
    console.log(
      `suite ${s.label} -> ${s.passed} ok / ${s.failed} failed` +
        (s.skipped ? ` / ${s.skipped} skipped` : '') +
        ` [${s.secs}]` +
        (extra ? ` -- SUITE FAILED TO RUN CLEANLY (counted as 1 failure)` : ''),
    );
    for (const p of s.problems) console.log(`  why: ${p}`);
  }
  for (const f of stepFailures) {
    failed += 1;
    console.log(`step failed (counted as 1 failure): ${f}`);
  }
  if (skipPg) console.log('NOTE: the PostgreSQL api run was SKIPPED (KOERS_TEST_SKIP_PG=1)');
  if (suites.length === 0) {
    failed += 1;
    console.log('no suite ran (counted as 1 failure)');
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(async (e) => {
  console.error(`[test] internal error: ${e.stack || e.message}`);
  if (pgServer) await pgServer.stop().catch(() => {});
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
