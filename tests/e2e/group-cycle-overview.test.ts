// The groepsoverzicht as the teacher clicks it: from the group page to the group's cycle, the overview made for the
// current period (prefilled with the pupils, their last test results and the signals of the school's rules), one
// pupil's line with an onderwijsbehoefte composed from two hulpzinnen (saved, and still there after a reload), a
// pupil moved to another instruction group with the keyboard only, and one item of the kijkwijzer. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

/** The texts of the confirm dialogs (openE2e accepts them). */
const dialogs: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ acceptDialogs: true }));
  page.on('dialog', (d) => dialogs.push(d.message()));
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

const api = <T>(path: string) => apiGet<T>(page, server, path);

type GroupSummary = { id: number; name: string; schoolYear: { current: boolean } };
type Line = {
  pupilId: number;
  firstName: string;
  lastName: string;
  cluster: string | null;
  fields: { signalled: boolean; needs: { goal: string; needs: string; phrases: string[]; domain: string }[] };
  results: { instrumentId: number; level: string | null; belowNorm: boolean }[];
  signals: { tone: string; message: string }[];
  previous: { periodName: string } | null;
};
type Overview = { id: number; lines: (Line & { version: number })[]; settings: { clusters: { key: string; label: string }[] } };

/** A JSON write as the logged-in browser user (same cookies), as a colleague in another tab would. */
async function send(method: 'PUT', path: string, data: unknown): Promise<number> {
  const res = await page.request.fetch(`${server.url}${path}`, { method, data });
  return res.status();
}

const GOAL = 'Rekent de keersommen van de tafels van 6 tot en met 9 vlot en foutloos uit';
let groupId = 0;
let overviewId = 0;
let pupil: Line;
const nameOf = (l: Line) => `${l.firstName} ${l.lastName}`;

describe('groepsoverzicht (leerkracht)', () => {
  it('makes the overview for the current period from the group\'s cycle page', async () => {
    await login(page, server.url, 'leerkracht');
    const groups = await api<{ items: GroupSummary[] }>('/api/groups');
    groupId = groups.items.find((g) => g.name === '5' && g.schoolYear.current)!.id;

    await page.goto(`${server.url}/groepen/${groupId}`);
    await page.getByRole('link', { name: 'Groepsoverzicht en groepsplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Groepsoverzicht en groepsplan — Groep 5' }).waitFor();
    const current = page.locator('tr[aria-current="true"]');
    await current.getByText('Huidige periode').waitFor();
    await expectAccessible(page, 'cycle page, nothing made yet');
    await screenshot(page, 'group-cycle-1-cycle');

    await current.getByRole('button', { name: /Groepsoverzicht maken/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Groepsoverzicht Groep 5 — / }).waitFor();
    overviewId = Number(/\/groepsoverzichten\/(\d+)/.exec(page.url())![1]);
    expect(overviewId).toBeGreaterThan(0);

    // Prefilled: every pupil of the group, the last test results per instrument and the signals of the rules.
    const overview = await api<Overview>(`/api/group-overviews/${overviewId}`);
    const table = page.getByRole('table', { name: /^Groepsoverzicht Groep 5/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(overview.lines.length);
    expect(overview.lines.length).toBeGreaterThan(10);
    const withResults = overview.lines.filter((l) => l.results.some((r) => r.level));
    expect(withResults.length).toBeGreaterThan(0);
    // A signalled pupil with signals; preferably one whose line came over from last year's overview (demo data).
    const signalled = overview.lines.filter((l) => l.signals.length > 0 && l.fields.signalled);
    const withSignal = signalled.find((l) => l.previous !== null) ?? signalled[0];
    expect(withSignal).toBeDefined();
    const row = table.locator('tbody tr', { has: page.getByRole('button', { name: new RegExp(`^${nameOf(withSignal)}`) }) });
    expect(await row.locator('.gc-s-mark').count()).toBe(1);
    // The rule's signals as small badges with their message (the first two; the rest fold open).
    expect(await row.locator('.gc-signals li').count()).toBe(Math.min(2, withSignal.signals.length));
    expect(await row.locator('.gc-signals li').first().innerText()).toMatch(withSignal.signals[0].tone === 'concern' ? /^Aandacht .{10,}/ : /^Verrijking .{10,}/);
    if (overview.lines.some((l) => l.results.some((r) => r.belowNorm))) expect(await table.getByText('onder norm').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'overview');
    await screenshot(page, 'group-cycle-2-overview');
    pupil = withSignal;
  }, 120_000);

  it('writes an onderwijsbehoefte with two hulpzinnen for a signalled pupil, saves it and finds it after a reload', async () => {
    await page.getByRole('button', { name: new RegExp(`^${nameOf(pupil)}`) }).click();
    const editor = page.locator('section.gc-editor');
    await editor.getByRole('heading', { name: `Regel van ${nameOf(pupil)}` }).waitFor();
    expect(await editor.getByLabel('Gesignaleerd: deze leerling heeft de komende periode extra aandacht nodig').isChecked()).toBe(true);
    if (pupil.previous) await editor.getByText(`Vorige periode: ${pupil.previous.periodName}`).waitFor();
    const n = pupil.fields.needs.length + 1;

    await editor.getByLabel('Wat de leerling zegt').fill('Ik vind de tafels moeilijk als het snel moet.');
    await editor.getByRole('button', { name: 'Onderwijsbehoefte toevoegen' }).click();
    const need = editor.getByRole('group', { name: `Onderwijsbehoefte ${n}` });
    await need.getByLabel('Domein').selectOption('rekenen-wiskunde');
    await need.getByLabel('Doel voor de komende periode').fill(GOAL);
    await need.getByText(/^Hulpzinnen kiezen/).click();
    await need.getByRole('button', { name: 'kort en duidelijk is' }).click();
    await need.getByRole('button', { name: 'extra leer- en oefenstof bieden' }).click();
    expect(await need.getByRole('button', { name: 'kort en duidelijk is' }).getAttribute('aria-pressed')).toBe('true');
    const needsText = need.getByLabel('Wat heeft de leerling nodig om dit doel te bereiken?');
    expect(await needsText.inputValue()).toBe('een instructie nodig die kort en duidelijk is;\nopdrachten nodig die extra leer- en oefenstof bieden.');
    // The source of the hulpzinnen is shown with the picker.
    await need.getByText(/Pameijer, T\. van Beukering & S\. de Lange \(2009\)/).waitFor();
    await editor.getByText('Niet-opgeslagen wijzigingen').waitFor();
    await expectAccessible(page, 'overview with the line editor');
    await screenshot(page, 'group-cycle-3-line');

    await editor.getByRole('button', { name: 'Regel opslaan' }).click();
    await editor.getByText(`De regel van ${nameOf(pupil)} is opgeslagen.`).waitFor();
    // The required-fields check no longer names this pupil for a missing need.
    const saved = await api<Overview>(`/api/group-overviews/${overviewId}`);
    const line = saved.lines.find((l) => l.pupilId === pupil.pupilId)!;
    expect(line.fields.needs).toHaveLength(n);
    expect(line.fields.needs[n - 1]).toEqual(expect.objectContaining({ domain: 'rekenen-wiskunde', goal: GOAL, phrases: ['instructie-1', 'opdrachten-4'] }));

    await page.reload();
    await page.getByRole('button', { name: new RegExp(`^${nameOf(pupil)}`) }).click();
    const again = page.locator('section.gc-editor').getByRole('group', { name: `Onderwijsbehoefte ${n}` });
    expect(await again.getByLabel('Doel voor de komende periode').inputValue()).toBe(GOAL);
    expect(await again.getByLabel('Wat heeft de leerling nodig om dit doel te bereiken?').inputValue()).toContain('kort en duidelijk is');
    expect(await page.locator('section.gc-editor').getByLabel('Wat de leerling zegt').inputValue()).toBe('Ik vind de tafels moeilijk als het snel moet.');
    // The table shows the need in the pupil's row.
    const row = page.getByRole('table', { name: /^Groepsoverzicht Groep 5/ }).locator('tbody tr', { has: page.getByRole('button', { name: new RegExp(`^${nameOf(pupil)}`) }) });
    expect(await row.innerText()).toContain(GOAL.slice(0, 40));
  }, 120_000);

  it('says clearly when someone else saved the line first, and loads their version', async () => {
    const current = (await api<Overview>(`/api/group-overviews/${overviewId}`)).lines.find((l) => l.pupilId === pupil.pupilId)!;
    // A colleague saves the same line in another tab.
    expect(await send('PUT', `/api/group-overviews/${overviewId}/lines/${pupil.pupilId}`, { version: current.version, fields: { ...current.fields, parentVoice: 'Ouders oefenen thuis de tafels.' } })).toBe(200);

    const editor = page.locator('section.gc-editor');
    await editor.getByLabel('Bijzonderheden').fill('Heeft een bril sinds oktober.');
    await editor.getByRole('button', { name: 'Regel opslaan' }).click();
    await editor.getByText('Niet opgeslagen: iemand anders was u voor').waitFor();
    await editor.getByText('Iemand anders heeft dit intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen.', { exact: false }).waitFor();
    await expectAccessible(page, 'overview with a conflict');
    await editor.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.getByRole('button', { name: new RegExp(`^${nameOf(pupil)}`) }).click();
    expect(await page.locator('section.gc-editor').getByLabel('Wat de ouders zeggen').inputValue()).toBe('Ouders oefenen thuis de tafels.');
    expect(await page.locator('section.gc-editor').getByLabel('Bijzonderheden').inputValue()).toBe('');
  }, 120_000);

  it('refuses "vaststellen" while signalled pupils have no need, listing who', async () => {
    await page.getByRole('button', { name: 'Vaststellen' }).click();
    const refused = page.locator('.alert', { hasText: 'Het groepsoverzicht is niet vastgesteld' });
    await refused.waitFor();
    const other = (await api<Overview>(`/api/group-overviews/${overviewId}`)).lines.find((l) => l.fields.signalled && l.fields.needs.length === 0)!;
    expect(await refused.innerText()).toContain(nameOf(other));
    expect(await refused.innerText()).not.toContain(`${nameOf(pupil)} is gesignaleerd`);
    // "Open de regel" next to a problem opens that pupil's line.
    await refused.getByRole('button', { name: `Open de regel ${nameOf(other)}` }).click();
    await page.locator('section.gc-editor').getByRole('heading', { name: `Regel van ${nameOf(other)}` }).waitFor();
  }, 120_000);

  it('moves a pupil to another instruction group with the keyboard only and saves', async () => {
    // Leaving the page with unsaved changes asks first.
    await page.locator('section.gc-editor').getByLabel('Uitkomsten van observaties en analyses van het werk').fill('Werkt snel maar slordig.');
    await page.getByRole('link', { name: 'Instructiegroepen indelen' }).click();
    await expect.poll(() => dialogs.some((d) => d.startsWith('Er zijn wijzigingen die nog niet zijn opgeslagen.'))).toBe(true);
    await page.getByRole('heading', { level: 1, name: /^Instructiegroepen Groep 5/ }).waitFor();
    await expectAccessible(page, 'clusters');
    await screenshot(page, 'group-cycle-4-clusters');

    const overview = await api<Overview>(`/api/group-overviews/${overviewId}`);
    const clusters = overview.settings.clusters;
    const mover = overview.lines.find((l) => l.cluster !== clusters[0].key)!;
    const select = page.getByLabel(`Instructiegroep van ${nameOf(mover)}`);
    await select.focus();
    // Home on a closed select picks the first option: the first instruction group (most support).
    await page.keyboard.press('Home');
    const firstColumn = page.locator('section.gc-column', { has: page.getByRole('heading', { level: 2, name: new RegExp(`^${clusters[0].label}`) }) });
    await expect.poll(() => firstColumn.locator('.gc-card-name', { hasText: nameOf(mover) }).count()).toBe(1);
    // The moved card keeps the focus, so the keyboard user can go on from there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`gc-move-${mover.pupilId}`);
    await page.getByRole('button', { name: 'Indeling opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('De indeling is opgeslagen.').waitFor();

    const after = await api<Overview>(`/api/group-overviews/${overviewId}`);
    expect(after.lines.find((l) => l.pupilId === mover.pupilId)!.cluster).toBe(clusters[0].key);
    await page.reload();
    expect(await page.getByLabel(`Instructiegroep van ${nameOf(mover)}`).inputValue()).toBe(clusters[0].key);
  }, 120_000);

  it('fills in one item of the kijkwijzer', async () => {
    await page.goto(`${server.url}/groepsoverzichten/${overviewId}`);
    await page.getByRole('link', { name: 'Kijkwijzer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kijkwijzer groepsoverzicht' }).waitFor();
    const item = page.getByRole('group', { name: /^1a Zijn de toetsresultaten/ });
    await item.getByLabel('+ in orde').check();
    await item.getByLabel('Opmerkingen/suggesties bij 1a').fill('Alle Cito-scores van midden groep 4 staan erin.');
    await page.getByLabel('Afspraken').fill('Na de M5-toetsen samen de signalering bespreken.');
    await expectAccessible(page, 'kijkwijzer');
    await page.getByRole('button', { name: 'Checklist opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor({ timeout: 10_000 }).catch(async (err) => {
      await screenshot(page, 'group-cycle-5-kijkwijzer-failed');
      throw err;
    });
    await screenshot(page, 'group-cycle-5-kijkwijzer');

    await page.reload();
    const reloaded = page.getByRole('group', { name: /^1a Zijn de toetsresultaten/ });
    await reloaded.getByLabel('+ in orde').waitFor();
    expect(await reloaded.getByLabel('+ in orde').isChecked()).toBe(true);
    expect(await reloaded.getByLabel('Opmerkingen/suggesties bij 1a').inputValue()).toBe('Alle Cito-scores van midden groep 4 staan erin.');
    const checklist = await api<{ version: number; answers: { items: Record<string, { rating: string | null; comment: string }> } }>(`/api/group-overviews/${overviewId}/checklists/kijkwijzer`);
    expect(checklist.version).toBe(1);
    expect(checklist.answers.items['1a']).toEqual({ rating: '+', comment: 'Alle Cito-scores van midden groep 4 staan erin.' });
  }, 120_000);
});
