// The foundation as users click it: teacher, parent, administrator, and a refused URL. axe scans every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, logout, newPage, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ acceptDialogs: false }));
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

/** The API as the logged-in browser user sees it (same cookies). */
const api = <T>(path: string) => apiGet<T>(page, server, path);

type Row = { id: number; firstName: string; lastName: string; group: { id: number; name: string } | null; handover: boolean };

describe('teacher', () => {
  it('lands on their group and sees only pupils they teach', async () => {
    await login(page, server.url, 'leerkracht');
    await page.getByRole('heading', { name: 'Groep 5', exact: true }).waitFor();
    await expectAccessible(page, 'teacher home');
    await screenshot(page, 'teacher-home');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn leerlingen', exact: true }).click();
    const table = page.getByRole('table', { name: 'Leerlingen' });
    await table.waitFor();
    await expectAccessible(page, 'pupil list');
    const rows = table.locator('tbody tr');
    const groupCells = await rows.locator('td:nth-child(3)').allInnerTexts();
    expect(groupCells.length).toBeGreaterThan(20);
    // Every row is either a pupil of groep 5 now, or last year's groep 5 pupil marked for handover.
    for (const cell of groupCells) expect(cell === 'Groep 5' || cell.includes('Overdracht'), cell).toBe(true);
    const fromApi = await api<{ items: Row[] }>('/api/pupils');
    expect(groupCells.length).toBe(fromApi.items.length);
    await screenshot(page, 'teacher-pupils');

    // The pupil page shows the basics: name, age, group history, parents.
    const first = fromApi.items.find((p) => !p.handover)!;
    await rows.getByRole('link', { name: `${first.firstName} ${first.lastName}` }).first().click();
    await page.getByRole('heading', { level: 1, name: `${first.firstName} ${first.lastName}` }).waitFor();
    await page.getByRole('heading', { name: 'Groepsgeschiedenis' }).waitFor();
    await page.getByRole('heading', { name: 'Ouders en verzorgers' }).waitFor();
    expect(await page.getByText('2026-2027').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'pupil page (teacher)');
    await screenshot(page, 'teacher-pupil-page');
  });

  it('is refused when opening another group\'s pupil by URL', async () => {
    // A pupil of groep 3, found as the care coordinator in a separate browser context.
    const ibPage = await newPage(browser);
    await login(ibPage, server.url, 'ib');
    const all = (await (await ibPage.request.get(`${server.url}/api/pupils`)).json()) as { items: Row[] };
    const other = all.items.find((p) => p.group?.name === '3')!;
    expect(other).toBeTruthy();
    await ibPage.context().close();

    await page.goto(`${server.url}/leerlingen/${other.id}`);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    expect(await page.getByText(other.lastName).count()).toBe(0);
    await expectAccessible(page, 'no access');
    await screenshot(page, 'teacher-refused');
    await logout(page);
  });
});

describe('parent', () => {
  it('sees only their own child', async () => {
    await login(page, server.url, 'ouder');
    const me = await api<{ children: { id: number; name: string }[] }>('/api/me');
    expect(me.children).toHaveLength(1);
    await page.getByRole('link', { name: me.children[0].name }).first().waitFor();
    await expectAccessible(page, 'parent home');
    await screenshot(page, 'parent-home');
    const pupils = await api<{ items: Row[] }>('/api/pupils');
    expect(pupils.items.map((p) => p.id)).toEqual([me.children[0].id]);
    await page.getByRole('link', { name: me.children[0].name }).first().click();
    await page.getByRole('heading', { level: 1, name: me.children[0].name }).waitFor();
    await expectAccessible(page, 'pupil page (parent)');
    await screenshot(page, 'parent-child');
    // Another pupil by URL is refused.
    await page.goto(`${server.url}/leerlingen/${me.children[0].id + 1}`);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    await logout(page);
  });
});

describe('administrator', () => {
  it('creates a pupil and enrols it in a group', async () => {
    await login(page, server.url, 'beheerder');
    await page.goto(`${server.url}/beheer/leerlingen`);
    await page.getByRole('button', { name: 'Leerling toevoegen' }).first().waitFor();
    await expectAccessible(page, 'admin pupils');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Leerling toevoegen' }) }).first();
    await form.getByLabel('Voornaam').fill('Noëlle');
    await form.getByLabel('Achternaam').fill('Testeling');
    await form.getByLabel('Geboortedatum').fill('2018-04-12');
    await form.getByLabel('Instroomdatum').fill('2026-11-23');
    await form.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await page.getByText('Noëlle Testeling is toegevoegd.').waitFor();
    await screenshot(page, 'admin-pupil-created');
    await page.getByRole('link', { name: /Open de pagina van Noëlle Testeling/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Noëlle Testeling' }).waitFor();
    await expectAccessible(page, 'pupil page (admin)');

    const group = page.getByLabel('Groep', { exact: true });
    const option = await group.locator('option', { hasText: 'Groep 5 (2026-2027)' }).getAttribute('value');
    await group.selectOption(option!);
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByText('De leerling is ingeschreven.').waitFor();
    const history = page.locator('table', { has: page.getByRole('columnheader', { name: 'Schooljaar' }) });
    await history.getByRole('link', { name: 'Groep 5', exact: true }).waitFor();
    await screenshot(page, 'admin-pupil-enrolled');

    // Validation in Dutch: a birth date in the future is refused and nothing is written.
    await page.goto(`${server.url}/beheer/leerlingen`);
    const form2 = page.locator('form', { has: page.getByRole('button', { name: 'Leerling toevoegen' }) }).first();
    await form2.getByLabel('Voornaam').fill('Toekomst');
    await form2.getByLabel('Achternaam').fill('Kind');
    await form2.getByLabel('Geboortedatum').fill('2030-01-01');
    await form2.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await page.getByText('De geboortedatum ligt in de toekomst.').waitFor();
    await logout(page);

    // The teacher of groep 5 now sees the new pupil.
    await login(page, server.url, 'leerkracht');
    const pupils = await api<{ items: Row[] }>('/api/pupils');
    expect(pupils.items.some((p) => p.firstName === 'Noëlle' && p.lastName === 'Testeling' && p.group?.name === '5')).toBe(true);
    await logout(page);
  });

  it('care coordinator reads the audit log of a pupil', async () => {
    await login(page, server.url, 'ib');
    const pupils = await api<{ items: Row[] }>('/api/pupils?q=Testeling');
    const id = pupils.items[0].id;
    await page.goto(`${server.url}/leerlingen/${id}`);
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: /Logboek van Noëlle Testeling/ }).waitFor();
    // The administrator's enrolment and the teacher's list view are in the log.
    await page.getByRole('cell', { name: 'Tom Beheer' }).first().waitFor();
    await page.getByRole('cell', { name: 'Lotte Leerkracht' }).first().waitFor();
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit-log');
    await logout(page);
  });
});
