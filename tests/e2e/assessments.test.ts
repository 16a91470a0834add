// Pupil monitoring as users click it: the care coordinator imports a Cito "Leerling in beeld" export and sees the
// pupil's chart; the teacher types results into the group grid with the keyboard (and pastes a block) and finds them
// after a reload. axe scans and a screenshot of every new page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, logout, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ acceptDialogs: true }));
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

/** The API as the logged-in browser user sees it (same cookies). */
const api = <T>(path: string) => apiGet<T>(page, server, path);

type GroupSummary = { id: number; name: string; schoolId: number; schoolYear: { current: boolean } };
type GroupDetail = { id: number; pupils: { id: number; firstName: string; lastName: string; birthDate: string; grade: number | null }[] };
type Instrument = { id: number; code: string; name: string };
type PupilResults = { results: { instrumentId: number; moment: string; abilityScore: number | null; level: string | null }[] };

const PREFIXES = ['van den', 'van der', 'van de', 'van', 'de', 'den', 'der', 'ter', 'ten', "'t", 'te'];

/** "van den Bosch" → ["van den", "Bosch"]: the Cito export has the tussenvoegsel in a column of its own. */
function splitLastName(lastName: string): [string, string] {
  for (const p of PREFIXES) if (lastName.toLowerCase().startsWith(`${p} `)) return [lastName.slice(0, p.length), lastName.slice(p.length + 1)];
  return ['', lastName];
}

const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

let groupId = 0;
let importedPupil: { id: number; firstName: string; lastName: string } | null = null;

describe('care coordinator (intern begeleider)', () => {
  it('imports a Cito "Leerling in beeld" export through the wizard, all or nothing, and a second time adds nothing', async () => {
    await login(page, server.url, 'ib');
    const groups = await api<{ items: GroupSummary[] }>('/api/groups');
    const group = groups.items.find((g) => g.name === '5' && g.schoolYear.current)!;
    groupId = group.id;
    const detail = await api<GroupDetail>(`/api/groups/${group.id}`);
    const instruments = await api<{ items: Instrument[] }>(`/api/schools/${group.schoolId}/instruments`);
    const woordenschat = instruments.items.find((i) => i.code === 'cito-woordenschat')!;
    // Three pupils without Cito Woordenschat results yet, so every line is new.
    const chosen: GroupDetail['pupils'] = [];
    for (const p of detail.pupils) {
      const r = await api<PupilResults>(`/api/pupils/${p.id}/results`);
      if (!r.results.some((x) => x.instrumentId === woordenschat.id)) chosen.push(p);
      if (chosen.length === 3) break;
    }
    expect(chosen.length).toBe(3);
    importedPupil = chosen[0];

    // The groepsexport of Cito LVS "Leerling in beeld": semicolons, Dutch dates and decimal commas, tussenvoegsel apart.
    const header = 'Groep;Achternaam;Tussenvoegsel;Roepnaam;Geboortedatum;Toets;Toetsmoment;Afnamedatum;Vaardigheidsscore;Niveau;Percentiel';
    const lines = chosen.flatMap((p, i) => {
      const [tv, name] = splitLastName(p.lastName);
      return [
        `Groep 4;${name};${tv};${p.firstName};${dutchDate(p.birthDate)};Woordenschat;M4;21-01-2026;${126 + i * 4},5;;${40 + i * 10}`,
        `Groep 4;${name};${tv};${p.firstName};${dutchDate(p.birthDate)};Woordenschat;E4;10-06-2026;${134 + i * 5};;${45 + i * 10}`,
      ];
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'koers-import-')), 'woordenschat-groep4.csv');
    fs.writeFileSync(file, '\uFEFF' + [header, ...lines].join('\r\n') + '\r\n');

    await page.goto(`${server.url}/resultaten/import`);
    await page.getByRole('heading', { level: 1, name: 'Toetsresultaten importeren' }).waitFor();
    await expectAccessible(page, 'import: upload');
    await screenshot(page, 'import-1-upload');

    // Without a file: a clear message, nothing sent.
    await page.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.getByText('Kies eerst een bestand.').waitFor();

    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.getByRole('heading', { name: 'Kolommen koppelen' }).waitFor();
    await page.getByText('Cito LVS — Leerling in beeld (groepsexport)').waitFor();
    // The detected mapping: the score column is linked to "Vaardigheidsscore".
    const ability = page.getByLabel('Vaardigheidsscore', { exact: true });
    expect(await ability.locator('option:checked').innerText()).toBe('Vaardigheidsscore');
    await expect.poll(() => page.locator('.preview-table tbody tr').count()).toBe(6);
    await expectAccessible(page, 'import: mapping');
    await screenshot(page, 'import-2-mapping');

    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Controle' }).waitFor();
    const counts = page.locator('dl.counts');
    await expect.poll(async () => (await counts.innerText()).replace(/\s+/g, ' ')).toContain('Nieuw 6');
    await page.getByText('Alle regels zijn in orde.').waitFor();
    await expectAccessible(page, 'import: check');
    await screenshot(page, 'import-3-check');

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { name: 'Import klaar' }).waitFor();
    await expect.poll(async () => (await page.locator('dl.counts').innerText()).replace(/\s+/g, ' ')).toContain('Toegevoegd 6');
    await expectAccessible(page, 'import: done');
    await screenshot(page, 'import-4-done');

    // The same file again: every line is unchanged, nothing to import.
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Alle resultaten in dit bestand staan al in Koers.', { exact: false }).waitFor();
    expect((await page.locator('dl.counts').innerText()).replace(/\s+/g, ' ')).toContain('Ongewijzigd 6');
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
  }, 120_000);

  it('sees the imported results as a chart with the norm bands and a table on the pupil page', async () => {
    const p = importedPupil!;
    await page.goto(`${server.url}/leerlingen/${p.id}`);
    await page.getByRole('heading', { level: 1, name: `${p.firstName} ${p.lastName}` }).waitFor();
    await page.getByRole('heading', { name: 'Toetsresultaten en signalen' }).waitFor();
    await expectAccessible(page, 'pupil page with results section');
    await page.getByRole('link', { name: 'Alle toetsresultaten' }).click();

    await page.getByRole('heading', { level: 1, name: `Toetsresultaten — ${p.firstName} ${p.lastName}` }).waitFor();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Woordenschat — Cito Woordenschat (Leerling in beeld)' }) });
    await section.waitFor();
    // The chart (a canvas described as an image) names the scores; the table has the levels the norms gave.
    const chart = section.getByRole('img');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('126,5');
    const table = section.getByRole('table', { name: /Resultaten van .* op Cito Woordenschat/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('M4');
    expect(rows[0]).toContain('126,5');
    expect(rows[0]).toContain('III'); // 126,5 at M4: level III (from 124) in the demo norm table
    expect(rows[1]).toContain('E4');
    // The chart has been drawn (chart.js loaded lazily and painted the canvas).
    await expect.poll(() => chart.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 5000)).toBe(true);
    await page.waitForTimeout(300);
    await expectAccessible(page, 'pupil results');
    await screenshot(page, 'pupil-results');
  }, 120_000);

  it('looks at the group\'s signals, the dwarsdoorsnede and the school trend', async () => {
    await page.goto(`${server.url}/groepen/${groupId}`);
    await page.getByRole('heading', { name: 'Toetsresultaten en signalen' }).waitFor();
    await expectAccessible(page, 'group page with signals');
    await screenshot(page, 'group-signals');
    await page.getByRole('link', { name: 'Dwarsdoorsnede' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dwarsdoorsnede — Groep 5' }).waitFor();
    await page.getByLabel('Toets', { exact: true }).selectOption({ label: 'Cito Woordenschat (Leerling in beeld)' });
    await page.getByLabel('Toetsmoment', { exact: true }).selectOption('E4');
    // E4 lies in last school year: this year's group has no E4 of its own; the page says so rather than guessing.
    await page.getByRole('heading', { name: 'Verdeling over de niveaus' }).waitFor();
    await page.getByRole('heading', { name: 'Signalen in de groep' }).waitFor();
    await expectAccessible(page, 'cross-section');
    await screenshot(page, 'cross-section');

    await page.goto(`${server.url}/resultaten/trend`);
    await page.getByRole('heading', { level: 1, name: 'Trend over vier jaar' }).waitFor();
    await page.getByRole('table', { name: /Deel van de leerlingen op of boven de norm/ }).waitFor();
    await page.waitForTimeout(300);
    await expectAccessible(page, 'trend');
    await screenshot(page, 'trend');
  }, 120_000);

  it('edits a test, refuses a broken norm file, and saves the signal rules all at once', async () => {
    await page.goto(`${server.url}/resultaten/toetsen`);
    await page.getByRole('heading', { level: 1, name: 'Toetsen en normen' }).waitFor();
    await page.getByRole('button', { name: 'Normen Cito Woordenschat (Leerling in beeld)' }).click();
    await page.getByRole('heading', { name: 'Normen van Cito Woordenschat (Leerling in beeld)' }).waitFor();
    await page.getByRole('table', { name: 'Niveaunormen van Cito Woordenschat (Leerling in beeld)' }).waitFor();
    // A broken norm file changes nothing and says which line is wrong.
    await page.getByLabel('Inhoud van het bestand').fill('soort;moment;niveau;vanaf\nniveau;M4;I;abc\n');
    await page.getByRole('button', { name: 'Normen vervangen' }).click();
    await page.getByRole('table', { name: 'Fouten in het normbestand' }).waitFor();
    await expectAccessible(page, 'instruments and norms');
    await screenshot(page, 'instruments');
    // Edit an instrument: it is saved and stays in the list.
    await page.getByRole('button', { name: 'Wijzigen AVI-leesniveau' }).click();
    await page.getByLabel('Leverancier (optioneel)').fill('Cito / eigen afname');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('AVI-leesniveau is opgeslagen.').waitFor();
    await page.getByText('Cito / eigen afname').waitFor();

    await page.goto(`${server.url}/resultaten/signalering`);
    await page.getByRole('heading', { level: 1, name: 'Signaleringsregels' }).waitFor();
    const rules = page.locator('fieldset.rule-card');
    await expect.poll(() => rules.count()).toBeGreaterThan(3);
    const weeks = page.getByLabel('Weken achterstand');
    await weeks.fill('16');
    await page.getByRole('button', { name: 'Alle regels opslaan' }).click();
    await page.getByText('De regels zijn opgeslagen en de signalen zijn opnieuw berekend.').waitFor();
    expect(await page.getByLabel('Weken achterstand').inputValue()).toBe('16');
    await expectAccessible(page, 'signal rules');
    await screenshot(page, 'signal-rules');
    await logout(page);
  }, 120_000);
});

describe('teacher (groepsleerkracht)', () => {
  it('enters results in the grid with the keyboard and a pasted block, sees errors per cell, and finds them after a reload', async () => {
    await login(page, server.url, 'leerkracht');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Resultaten Groep 5' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toetsresultaten invoeren — Groep 5' }).waitFor();
    await page.getByLabel('Toets', { exact: true }).selectOption({ label: 'Cito Rekenen-Wiskunde (Leerling in beeld)' });
    await page.getByLabel('Toetsmoment', { exact: true }).selectOption('M5');
    const grid = page.getByRole('table', { name: /Resultaten Cito Rekenen-Wiskunde/ });
    await grid.waitFor();
    await expectAccessible(page, 'grid');
    await screenshot(page, 'grid-empty');

    const names = (await grid.locator('tbody th').allInnerTexts()).map((n) => n.trim());
    const cell = (row: number, column: string) => page.getByRole('textbox', { name: `${column} ${names[row]}` });

    // Keyboard only: type, Enter goes down, Tab goes across, arrow up goes back up.
    await cell(0, 'Vaardigheidsscore').click();
    await page.keyboard.type('175,5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('162');
    await page.keyboard.press('Enter');
    await page.keyboard.type('abc');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    // Tab from the ability score goes to the next column of the same pupil.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toMatch(/grid-col-\d+ grid-row-/);
    await page.keyboard.type('150'); // percentile 150: impossible, the server says so
    expect(await cell(0, 'Percentiel').inputValue()).toBe('150');

    // Paste a block of two rows × two columns (tab separated, decimal comma) from a spreadsheet at row 4.
    await cell(3, 'Ruwe score').focus();
    await cell(3, 'Ruwe score').evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, '30\t181,5\n28\t170\n');
    await expect.poll(() => cell(4, 'Vaardigheidsscore').inputValue()).toBe('170');

    // Saving checks every cell first: "abc" is not a number; nothing is sent.
    await page.getByRole('button', { name: 'Alles opslaan' }).click();
    await page.getByText('Geen geldig getal.').waitFor();
    await cell(2, 'Vaardigheidsscore').fill('149');
    // The server refuses the percentile of 150 next to its cell, and saves nothing.
    await page.getByRole('button', { name: 'Alles opslaan' }).click();
    await page.getByText('Er is niets opgeslagen: niet alle scores zijn goed.', { exact: false }).waitFor();
    expect(await cell(0, 'Percentiel').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'grid-errors');
    await cell(0, 'Percentiel').fill('80');
    await page.getByRole('button', { name: 'Alles opslaan' }).click();
    await page.getByText('5 resultaten zijn opgeslagen.', { exact: false }).waitFor();
    // The level follows from the demo norm table, shown after saving.
    const level = grid.locator('tbody tr').first().locator('td.derived').first();
    await expect.poll(async () => (await level.innerText()).trim()).toMatch(/^(I\+?|II|III|IV|V-?)$/);
    await expectAccessible(page, 'grid saved');
    await screenshot(page, 'grid-saved');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Toetsresultaten invoeren — Groep 5' }).waitFor();
    await grid.waitFor();
    expect(await page.getByLabel('Toetsmoment', { exact: true }).inputValue()).toBe('M5');
    expect(await cell(0, 'Vaardigheidsscore').inputValue()).toBe('175,5');
    expect(await cell(1, 'Vaardigheidsscore').inputValue()).toBe('162');
    expect(await cell(4, 'Vaardigheidsscore').inputValue()).toBe('170');
    expect(await cell(0, 'Percentiel').inputValue()).toBe('80');

    // The dwarsdoorsnede of M5 now counts these five pupils.
    await page.getByRole('link', { name: 'Dwarsdoorsnede' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dwarsdoorsnede — Groep 5' }).waitFor();
    const dist = page.getByRole('table', { name: /Aantal leerlingen per niveau/ });
    await dist.waitFor();
    expect((await dist.locator('tfoot').innerText()).replace(/\s+/g, ' ')).toContain('5');
    await page.waitForTimeout(300);
    await expectAccessible(page, 'cross-section (teacher)');
    await screenshot(page, 'cross-section-teacher');
    await logout(page);
  }, 120_000);
});
