// End-to-end support: a real Koers server process on a fresh embedded database, and headless Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Server {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `src/server/main.ts` as its own process, as the README's start command does, and waits for its URL. */
export async function startServer(env: Record<string, string> = {}, dataDir?: string): Promise<Server> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'koers-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', KOERS_TODAY: '2026-11-24', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Koers draait op (http:\/\/\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${output}`)); });
  });
  return {
    url,
    dataDir: dir,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  } as Server;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh page in Dutch that fails the test on any uncaught page error. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => { throw err; });
  return page;
}

export async function login(page: Page, base: string, user: string, password = 'demo-wachtwoord') {
  // Start logged out whatever the previous step left behind.
  await page.context().clearCookies();
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('Gebruikersnaam').waitFor();
}

/** axe on the current page: no serious or critical violations (WCAG 2.1 A/AA). */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** What every e2e file opens: the Koers server, Chromium and one page (confirm dialogs accepted unless told not to). */
export async function openE2e(opts: { acceptDialogs?: boolean } = {}): Promise<{ server: Server; browser: Browser; page: Page }> {
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await newPage(browser);
  if (opts.acceptDialogs !== false) page.on('dialog', (d) => void d.accept());
  return { server, browser, page };
}

export async function closeE2e(opened: { server?: Server; browser?: Browser }): Promise<void> {
  await opened.browser?.close();
  await opened.server?.stop();
}

/** A JSON GET as the page's logged-in user sees it (same cookies); fails the test unless it answers 200. */
export async function apiGet<T>(page: Page, server: Server, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  if (res.status() !== 200) throw new Error(`GET ${path} answered ${res.status()}`);
  return (await res.json()) as T;
}
