#!/usr/bin/env node
// Makes sure the system tools the test suite needs are installed:
//   /usr/bin/chromium   (Debian package "chromium", driven by playwright-core in e2e tests)
//   fonts-dejavu-core   (a real font for chromium's rendering / screenshots)
//   /usr/bin/pdftotext  (Debian package "poppler-utils", for PDF tests)
// Playwright's own browser download does not work here, so we use Debian's chromium.
// If something is missing and we are root (as in CI), apt-get installs it;
// if we cannot install it we fail loudly: browser tests are never skipped silently.
// Exit 0 when everything is there, 1 otherwise.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const wanted = [
  { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM), what: CHROMIUM },
  { pkg: 'fonts-dejavu-core', present: () => fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), what: 'DejaVu fonts' },
  { pkg: 'poppler-utils', present: () => fs.existsSync('/usr/bin/pdftotext'), what: '/usr/bin/pdftotext' },
];

const log = (msg) => console.log(`[ensure-chromium] ${msg}`);
const fail = (msg) => {
  console.error(`[ensure-chromium] ERROR: ${msg}`);
  process.exit(1);
};

const missing = wanted.filter((w) => !w.present());
if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  log(`missing: ${missing.map((m) => m.what).join(', ')} -> installing Debian packages: ${pkgs.join(' ')}`);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let prefix = [];
  if (!isRoot) {
    // Not root: a password-less sudo is fine too; anything else is an error.
    const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    if (sudo.status !== 0) {
      fail(
        `${missing.map((m) => m.what).join(', ')} not installed and we are not root (and no password-less sudo).\n` +
          `  Install them once with:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n` +
          '  The browser (e2e) tests need /usr/bin/chromium (or set CHROMIUM_PATH); they are not skipped.',
      );
    }
    prefix = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  }

  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptOpts = ['-o', 'DPkg::Lock::Timeout=300', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];
  const run = (args) => {
    const argv = [...prefix, 'apt-get', ...aptOpts, ...args];
    log(`$ ${argv.join(' ')}`);
    const t0 = Date.now();
    const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.error) fail(`could not run apt-get: ${r.error.message}`);
    if (r.status !== 0) return false;
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return true;
  };

  if (!run(['update'])) fail('apt-get update failed; cannot install ' + pkgs.join(' '));
  if (!run(['install', '-y', ...pkgs])) fail(`apt-get install -y ${pkgs.join(' ')} failed`);

  const still = wanted.filter((w) => !w.present());
  if (still.length > 0) fail(`still missing after apt-get install: ${still.map((m) => m.what).join(', ')}`);
}

// Check the browser actually starts far enough to report its version.
const v = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
if (v.status !== 0) {
  fail(`${CHROMIUM} --version failed (exit ${v.status ?? v.signal}):\n${v.stdout}${v.stderr}${v.error ?? ''}`);
}
const p = spawnSync('pdftotext', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const popplerVersion = `${p.stdout}${p.stderr}`.split('\n')[0].trim();
log(`ok: ${v.stdout.trim()}; ${popplerVersion || 'pdftotext present'}`);
