#!/usr/bin/env node
// Provides a PostgreSQL server for the "api on real PostgreSQL" test run.
//
// Order of preference:
//   1. DATABASE_URL from the environment, used as-is (never dropped).
//   2. A server already answering on 127.0.0.1:5432 without a password
//      (as user "postgres" or as the current OS user): a fresh database
//      koers_test_<timestamp> is created there and dropped again on stop().
//   3. A throwaway server of our own: initdb into a fresh temp dir (as the
//      "postgres" OS user when we are root, because initdb refuses root),
//      started with pg_ctl on a free loopback port, stopped and deleted on
//      stop() (and on process exit). If no PostgreSQL binaries exist and we
//      are root, `apt-get install -y postgresql` first (the Debian package's
//      own cluster is never used or started by us).
//
// Library use:
//   import { startPgServer } from './pg-server.mjs';
//   const pg = await startPgServer();   // { url, kind, stop(), stopSync() }
//   ... use pg.url ...
//   await pg.stop();
//
// CLI use:
//   node scripts/pg-server.mjs                 # start, print DATABASE_URL=..., wait for Ctrl-C / SIGTERM
//   node scripts/pg-server.mjs -- CMD ARGS...  # run CMD with DATABASE_URL set, then clean up; exits with CMD's code

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const TMP_PREFIX = 'koers-pg-';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// As root the server runs as the "postgres" OS user, which must be able to reach
// its directory: a TMPDIR under /root would not do, so use /tmp then.
const tmpRoot = () => (isRoot ? '/tmp' : os.tmpdir());

function defaultLog(msg) {
  process.stderr.write(`[pg-server] ${msg}\n`);
}

// ---------------------------------------------------------------------------
// helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function query(connectionString, sql, { timeoutMs = 5000 } = {}) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

function quoteIdent(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}

function versionKey(dir) {
  // /usr/lib/postgresql/15/bin -> [15]; 9.6 -> [9, 6]
  const v = path.basename(path.dirname(dir));
  return v.split('.').map((n) => Number.parseInt(n, 10) || 0);
}

export function findPgBinDir() {
  const root = '/usr/lib/postgresql';
  let dirs = [];
  try {
    dirs = fs
      .readdirSync(root)
      .map((v) => path.join(root, v, 'bin'))
      .filter((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
  } catch {
    /* no /usr/lib/postgresql */
  }
  dirs.sort((a, b) => {
    const ka = versionKey(a);
    const kb = versionKey(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (kb[i] ?? 0) - (ka[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return dirs[0] ?? null;
}

function aptInstallPostgres(log) {
  if (!isRoot) {
    throw new Error(
      'no PostgreSQL server binaries found (/usr/lib/postgresql/*/bin/initdb) and not running as root, ' +
        'so cannot apt-get install postgresql. Install it (apt-get install postgresql), or set DATABASE_URL, ' +
        'or (developers only) KOERS_TEST_SKIP_PG=1.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Keep the Debian package from starting its own cluster: a policy-rc.d that
  // forbids service starts (standard in containers; we add one temporarily if absent).
  const policy = '/usr/sbin/policy-rc.d';
  let addedPolicy = false;
  if (!fs.existsSync(policy)) {
    try {
      fs.writeFileSync(policy, '#!/bin/sh\n# temporary, written by koers scripts/pg-server.mjs\nexit 101\n', { mode: 0o755 });
      addedPolicy = true;
    } catch {
      /* not fatal */
    }
  }
  try {
    const aptOpts = ['-o', 'DPkg::Lock::Timeout=300', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];
    log('no PostgreSQL binaries found: apt-get update && apt-get install -y postgresql');
    let r = spawnSync('apt-get', [...aptOpts, 'update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get update failed (exit ${r.status ?? r.signal ?? r.error})`);
    r = spawnSync('apt-get', [...aptOpts, 'install', '-y', 'postgresql'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get install -y postgresql failed (exit ${r.status ?? r.signal ?? r.error})`);
  } finally {
    if (addedPolicy) fs.rmSync(policy, { force: true });
  }
}

// Run a PostgreSQL binary; as root it runs as the "postgres" OS user.
function runPg(bin, args, { cwd } = {}) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, {
    cwd: cwd ?? tmpRoot(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    timeout: 120_000,
  });
  return { ok: r.status === 0, status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A zombie (dead, not yet reaped) still answers kill(pid, 0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function readPostmasterPid(dataDir) {
  try {
    const first = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

// Stop a throwaway server and delete its directory. Synchronous so it can run
// from process.on('exit').
function destroyThrowaway(baseDir, binDir, log) {
  const dataDir = path.join(baseDir, 'data');
  const pgCtl = path.join(binDir, 'pg_ctl');
  if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    let r = runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop'], { cwd: baseDir });
    if (!r.ok) {
      r = runPg(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], { cwd: baseDir });
    }
    const pid = readPostmasterPid(dataDir);
    if (pid && pidAlive(pid)) {
      log(`postmaster ${pid} still alive after pg_ctl stop; sending SIGKILL`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  fs.rmSync(baseDir, { recursive: true, force: true });
}

// Earlier runs that were killed hard (SIGKILL, machine pause) can leave a server
// behind. Each throwaway dir records the pid of the node process that owns it;
// if that process is gone, the server is an orphan: stop it and delete the dir.
function reapOrphans(binDir, log) {
  let entries = [];
  try {
    entries = fs.readdirSync(tmpRoot()).filter((n) => n.startsWith(TMP_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const base = path.join(tmpRoot(), name);
    let owner = NaN;
    try {
      owner = Number.parseInt(fs.readFileSync(path.join(base, 'owner.pid'), 'utf8'), 10);
    } catch {
      continue; // not ours, or still being set up
    }
    if (pidAlive(owner)) continue;
    log(`removing orphaned throwaway server dir ${base} (owner pid ${owner} is gone)`);
    try {
      destroyThrowaway(base, binDir, log);
    } catch (e) {
      log(`could not clean ${base}: ${e.message}`);
    }
  }
}

// ---------------------------------------------------------------------------
// the three strategies

async function tryExistingServer(log) {
  const users = [...new Set(['postgres', os.userInfo().username])];
  for (const user of users) {
    const adminUrl = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/postgres`;
    try {
      await query(adminUrl, 'select 1', { timeoutMs: 1500 });
    } catch {
      continue;
    }
    const dbName = `koers_test_${Date.now()}`;
    try {
      await query(adminUrl, `create database ${quoteIdent(dbName)}`);
    } catch (e) {
      log(`server on 127.0.0.1:5432 answers as ${user} but cannot create a database (${e.message}); not using it`);
      continue;
    }
    const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/${dbName}`;
    const { rows } = await query(url, 'select version() as v, current_database() as db');
    log(`using existing server on 127.0.0.1:5432 as ${user}, fresh database ${rows[0].db} (${rows[0].v.split(',')[0]})`);
    let dropped = false;
    const stop = async () => {
      if (dropped) return;
      dropped = true;
      try {
        await query(adminUrl, `drop database if exists ${quoteIdent(dbName)} with (force)`);
      } catch {
        await query(adminUrl, `drop database if exists ${quoteIdent(dbName)}`).catch((e) =>
          log(`could not drop ${dbName}: ${e.message}`),
        );
      }
    };
    const stopSync = () => {
      if (dropped) return;
      dropped = true;
      // Best effort from a synchronous exit hook: psql, if present.
      spawnSync('psql', [adminUrl, '-qc', `drop database if exists ${quoteIdent(dbName)} with (force)`], {
        stdio: 'ignore',
        timeout: 10_000,
      });
    };
    return { url, kind: 'existing', stop, stopSync };
  }
  return null;
}

async function startThrowaway(log) {
  let binDir = findPgBinDir();
  if (!binDir) {
    aptInstallPostgres(log);
    binDir = findPgBinDir();
    if (!binDir) throw new Error('apt-get install postgresql succeeded but no /usr/lib/postgresql/*/bin/initdb was found');
  }
  reapOrphans(binDir, log);

  const baseDir = fs.mkdtempSync(path.join(tmpRoot(), TMP_PREFIX));
  fs.writeFileSync(path.join(baseDir, 'owner.pid'), String(process.pid));
  let destroyed = false;
  const stopSync = () => {
    if (destroyed) return;
    destroyed = true;
    destroyThrowaway(baseDir, binDir, log);
  };
  process.on('exit', stopSync); // last resort, e.g. on an uncaught error

  try {
    if (isRoot) {
      const pwd = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (pwd.status !== 0) {
        throw new Error('running as root but there is no "postgres" OS user to run initdb as (is the postgresql package installed?)');
      }
      fs.chownSync(baseDir, Number(pwd.stdout.trim()), Number(gid.stdout.trim()));
    }
    const dataDir = path.join(baseDir, 'data');
    const t0 = Date.now();
    const init = runPg(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'koers', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'],
      { cwd: baseDir },
    );
    if (!init.ok) throw new Error(`initdb failed (exit ${init.status}):\n${init.out}`);

    let port;
    let lastErr = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      port = await freePort();
      const opts = [
        `-p ${port}`,
        `-k ${baseDir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      const st = runPg(
        path.join(binDir, 'pg_ctl'),
        ['-D', dataDir, '-l', path.join(baseDir, 'pg.log'), '-o', opts, '-w', '-t', '60', 'start'],
        { cwd: baseDir },
      );
      if (st.ok) {
        lastErr = '';
        break;
      }
      let logTail = '';
      try {
        logTail = fs.readFileSync(path.join(baseDir, 'pg.log'), 'utf8').split('\n').slice(-15).join('\n');
      } catch {
        /* no log */
      }
      lastErr = `pg_ctl start failed on port ${port} (exit ${st.status}):\n${st.out}\n--- pg.log (tail) ---\n${logTail}`;
      log(`${lastErr}\nretrying (${attempt}/3)`);
    }
    if (lastErr) throw new Error(lastErr);

    const adminUrl = `postgres://koers@127.0.0.1:${port}/postgres`;
    await query(adminUrl, 'create database koers_test');
    const url = `postgres://koers@127.0.0.1:${port}/koers_test`;
    const { rows } = await query(url, 'select version() as v, current_database() as db');
    log(
      `throwaway server ${path.basename(path.dirname(binDir))} up in ${Date.now() - t0} ms at ${url} ` +
        `(${rows[0].v.split(',')[0]}; dir ${baseDir})`,
    );
    return {
      url,
      kind: 'throwaway',
      dir: baseDir,
      stop: async () => {
        stopSync();
        process.removeListener('exit', stopSync);
      },
      stopSync,
    };
  } catch (e) {
    try {
      stopSync();
    } finally {
      process.removeListener('exit', stopSync);
    }
    throw e;
  }
}

/**
 * Get a PostgreSQL database for tests.
 * @param {{ log?: (msg: string) => void, env?: NodeJS.ProcessEnv }} [opts]
 * @returns {Promise<{ url: string, kind: 'env'|'existing'|'throwaway', stop: () => Promise<void>, stopSync: () => void }>}
 */
export async function startPgServer({ log = defaultLog, env = process.env } = {}) {
  if (env.DATABASE_URL) {
    const { rows } = await query(env.DATABASE_URL, 'select version() as v');
    log(`using DATABASE_URL from the environment (${rows[0].v.split(',')[0]})`);
    return { url: env.DATABASE_URL, kind: 'env', stop: async () => {}, stopSync: () => {} };
  }
  const existing = await tryExistingServer(log);
  if (existing) return existing;
  return startThrowaway(log);
}

// ---------------------------------------------------------------------------
// CLI

async function main(argv) {
  const sep = argv.indexOf('--');
  const cmd = sep >= 0 ? argv.slice(sep + 1) : [];
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log('usage: node scripts/pg-server.mjs            start, print DATABASE_URL, wait for Ctrl-C\n' +
      '       node scripts/pg-server.mjs -- CMD ARGS  run CMD with DATABASE_URL set, then clean up');
    return 0;
  }
  const server = await startPgServer();
  let child = null;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) child.kill('SIGTERM');
    await server.stop().catch((e) => defaultLog(`cleanup failed: ${e.message}`));
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => shutdown(sig === 'SIGINT' ? 130 : 143));
  }
  if (cmd.length === 0) {
    console.log(`DATABASE_URL=${server.url}`);
    defaultLog('running; press Ctrl-C (or send SIGTERM) to stop and clean up');
    setInterval(() => {}, 1 << 30); // keep alive until a signal
    return new Promise(() => {});
  }
  child = spawn(cmd[0], cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: server.url },
  });
  const code = await new Promise((resolve) => {
    child.on('error', (e) => {
      defaultLog(`could not run ${cmd[0]}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (c, s) => resolve(c ?? (s ? 128 + (os.constants.signals[s] ?? 0) : 1)));
  });
  await shutdown(code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    defaultLog(`ERROR: ${e.stack || e.message}`);
    process.exit(1);
  });
}
