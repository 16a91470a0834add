// The OPP and the parents' consent as the users click it: the intern begeleider writes an OPP with its legal core and a
// planned growth line for the demo parent's child and publishes it; the parent reads it in the portal and gives
// instemming; the teacher edits the handelingsdeel and publishes version 2; the parent sees that the new version needs
// consent again (the consent on version 1 does not carry over); the PDF of version 1 shows the consent, the PDF of
// version 2 blank signature lines. axe on every page and state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, logout, openE2e, screenshot, type Server } from '../support/e2e';
import { pdfText } from '../support/pdf-text';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e());
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

const api = <T>(path: string) => apiGet<T>(page, server, path);

let childId = 0;
let childName = '';
let parentName = '';
let planId = 0;
const SUPPORT = 'Twee keer per week 30 minuten rekenen buiten de groep met de RT’er, met concreet materiaal.';
const SUPPORT_V2 = ' Daarnaast dagelijks 10 minuten automatiseren met een maatje.';

async function pdfOf(path: string): Promise<string> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  return pdfText(await res.body());
}

describe('OPP with parents’ consent', () => {
  it('finds the demo parent’s child', async () => {
    await login(page, server.url, 'ouder');
    const me = await api<{ name: string; children: { id: number; name: string }[] }>('/api/me');
    parentName = me.name;
    childId = me.children[0].id;
    childName = me.children[0].name;
    expect(childId).toBeGreaterThan(0);
    await logout(page);
  });

  it('the intern begeleider writes an OPP with a growth line and publishes it', async () => {
    await login(page, server.url, 'ib');
    await page.goto(`${server.url}/leerlingen/${childId}`);
    await page.getByRole('link', { name: 'Ondersteuning en plannen' }).first().click();
    await page.getByRole('heading', { level: 1, name: `Ondersteuning — ${childName}` }).waitFor();
    await page.getByRole('button', { name: 'Nieuw OPP' }).click();
    await expect(page.getByLabel('Titel van het plan').inputValue()).resolves.toBe('Ontwikkelingsperspectiefplan');
    await page.getByRole('button', { name: 'OPP aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ontwikkelingsperspectiefplan' }).waitFor();
    planId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(planId).toBeGreaterThan(0);
    // The legal core is missing, and the page says so without blocking.
    await page.getByRole('heading', { name: 'Aandachtspunten' }).waitFor();
    await expectAccessible(page, 'opp: new');

    await page.getByLabel('Verwachte uitstroombestemming').selectOption('vmbo-kb');
    await page.getByLabel('Onderbouwing').fill('Rekenen blijft ruim een jaar achter; begrijpend lezen en werkhouding zijn sterk.');
    // Planlast: the needs come from the pupil's groepsoverzicht line; nobody retypes them.
    expect((await page.getByLabel('Onderwijs- en ondersteuningsbehoeften').inputValue()).length).toBeGreaterThan(20);
    for (const [list, text] of [['Belemmerende', 'Werkt traag bij meerstapsopgaven'], ['Bevorderende', 'Gemotiveerd en vraagt om hulp']]) {
      const rows = await page.getByLabel(new RegExp(`^Factor ${list} factoren: Factor \\d+$`)).count();
      await page.getByRole('button', { name: `${list} factor toevoegen` }).click();
      await page.getByLabel(`Factor ${list} factoren: Factor ${rows + 1}`).fill(text);
    }
    // A row added and left empty is not content: it is dropped on saving.
    await page.getByRole('button', { name: 'Bevorderende factor toevoegen' }).click();
    await page.getByLabel('Begeleiding en ondersteuning (handelingsdeel)').fill(SUPPORT);
    await page.getByRole('button', { name: 'Ontwikkelingsgebied toevoegen' }).click();
    await page.getByLabel('Einddoel').fill('Eind groep 8 rekenen op niveau 1F');
    await page.getByLabel('Groeilijn in').selectOption('dle');
    // The actual results of the pupil's arithmetic test are drawn against the plan.
    const results = await api<{ series: { instrumentName: string; domain: string; points: { dle: number | null }[] }[] }>(`/api/pupils/${childId}/results`);
    const rekenen = results.series.find((x) => x.domain === 'rekenen-wiskunde' && x.points.some((p) => p.dle != null));
    expect(rekenen, 'the demo child has arithmetic results with a DLE').toBeTruthy();
    await page.getByLabel('Toets voor de behaalde resultaten (optioneel)').selectOption({ label: rekenen!.instrumentName });
    for (const [i, on, value] of [[1, '2026-06-30', '18'], [2, '2027-01-31', '22'], [3, '2027-06-30', '27']] as const) {
      await page.getByRole('button', { name: 'Punt toevoegen' }).click();
      await page.getByLabel(`Datum Punt ${i}`).fill(on);
      await page.getByLabel(`Verwachte waarde Punt ${i}`).fill(value);
    }
    await page.getByLabel('Ja, de leerling is gehoord').check();
    await page.getByLabel('Gesproken op').fill('2026-11-20');
    await page.getByLabel('Wat de leerling zegt').fill('Ik wil graag sommen met blokjes oefenen.');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Het plan is opgeslagen.').waitFor();
    await expectAccessible(page, 'opp: filled');
    await screenshot(page, 'opp-1-filled');

    type Saved = {
      doc: { exitDestination: string; stimulatingFactors: { text: string }[]; domains: { key: string; growth: { on: string; value: number }[] }[]; pupilVoice: { heard: boolean } };
      findings: { code: string }[]; actuals: Record<string, { on: string; value: number }[]>;
    };
    const saved = await api<Saved>(`/api/pupils/${childId}/plans/${planId}`);
    expect(saved.doc.exitDestination).toBe('vmbo-kb');
    expect(saved.doc.stimulatingFactors.every((f) => f.text.trim() !== '')).toBe(true);
    expect(saved.doc.stimulatingFactors.map((f) => f.text)).toContain('Gemotiveerd en vraagt om hulp');
    expect(saved.doc.domains[0].growth).toEqual([{ on: '2026-06-30', value: 18 }, { on: '2027-01-31', value: 22 }, { on: '2027-06-30', value: 27 }]);
    expect(saved.actuals[saved.doc.domains[0].key]?.length ?? 0).toBeGreaterThan(0);
    expect(saved.doc.pupilVoice.heard).toBe(true);
    expect(saved.findings.map((f) => f.code)).not.toContain('missingExitDestination');
    expect(saved.findings.map((f) => f.code)).not.toContain('growthLineMissing');

    // The growth line as chart and as a table for screen readers.
    await page.getByRole('tab', { name: 'Groeilijn' }).click();
    const table = page.getByRole('table', { name: /Groeilijn .*gepland en behaald/ });
    await table.waitFor();
    // At least one row shows an actual result next to (or instead of) a planned value.
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.children[2] as HTMLElement | undefined)?.innerText.trim() ?? ''));
    expect(cells.some((c) => /\d/.test(c))).toBe(true);
    await expectAccessible(page, 'opp: growth line');
    await screenshot(page, 'opp-2-growth');

    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Publiceren voor ouders' }).click();
    await page.getByRole('button', { name: 'Ja, publiceren' }).click();
    await page.getByText('Versie 1 is gepubliceerd voor de ouders.').waitFor();
    await page.getByRole('tab', { name: /Versies en handtekeningen/ }).click();
    await page.getByRole('heading', { name: /^Versie 1 — gepubliceerd/ }).waitFor();
    await expectAccessible(page, 'opp: versions');
    await logout(page);
  });

  it('the parent reads the OPP in the portal and gives instemming', async () => {
    await login(page, server.url, 'ouder');
    await page.goto(`${server.url}/leerlingen/${childId}`);
    await page.getByRole('link', { name: 'Plannen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Plannen van ${childName}` }).waitFor();
    await page.getByText('Wacht op uw reactie').first().waitFor();
    await expectAccessible(page, 'portal: list');
    await page.getByRole('link', { name: 'Ontwikkelingsperspectiefplan' }).first().click();
    await page.getByText('Versie 1 wacht op uw reactie').waitFor();
    // The parent reads the published text, never the working notes.
    await page.getByText(SUPPORT).first().waitFor();
    await expectAccessible(page, 'portal: plan');
    await screenshot(page, 'opp-3-portal');

    await page.getByLabel('Ik geef instemming').check();
    await page.getByLabel('Ik heb versie 1 gelezen').check();
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await page.getByText('Uw reactie op versie 1 is vastgelegd: Instemming gegeven.').waitFor();
    await expectAccessible(page, 'portal: signed');
    await logout(page);
  });

  it('the teacher edits the handelingsdeel and publishes version 2', async () => {
    await login(page, server.url, 'leerkracht');
    await page.goto(`${server.url}/leerlingen/${childId}/plannen/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Ontwikkelingsperspectiefplan' }).waitFor();
    const support = page.getByLabel('Begeleiding en ondersteuning (handelingsdeel)');
    await support.fill(SUPPORT + SUPPORT_V2);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Het plan is opgeslagen.').waitFor();
    await page.getByText('De tekst is gewijzigd sinds versie 1.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Publiceren voor ouders' }).click();
    await page.getByRole('button', { name: 'Ja, publiceren' }).click();
    await page.getByText('Versie 2 is gepubliceerd voor de ouders.').waitFor();
    await expectAccessible(page, 'opp: version 2 by teacher');
    await logout(page);
  });

  it('the parent sees that version 2 needs consent again', async () => {
    await login(page, server.url, 'ouder');
    await page.goto(`${server.url}/leerlingen/${childId}/gedeelde-plannen/${planId}`);
    await page.getByText('Versie 2 wacht op uw reactie').waitFor();
    await page.getByText(SUPPORT_V2.trim()).first().waitFor();
    await page.getByLabel('Ik heb versie 2 gelezen').waitFor();
    await expectAccessible(page, 'portal: version 2 waiting');
    await screenshot(page, 'opp-4-portal-v2');

    const view = await api<{ versions: { number: number; signatures: { complete: boolean; guardians: { name: string; response: { kind: string } | null }[] } }[]; canSign: boolean }>(
      `/api/pupils/${childId}/published-plans/${planId}`);
    expect(view.canSign).toBe(true);
    const byNumber = new Map(view.versions.map((v) => [v.number, v]));
    const mine = (n: number) => byNumber.get(n)!.signatures.guardians.find((g) => g.name === parentName)!;
    expect(mine(1).response?.kind).toBe('consent');
    expect(mine(2).response).toBeNull();
    expect(byNumber.get(2)!.signatures.complete).toBe(false);
  });

  it('the PDFs show each version’s signatures: consent on version 1, blank lines on version 2', async () => {
    const v1 = await pdfOf(`/api/pupils/${childId}/published-plans/${planId}/versions/1/pdf`);
    const v2 = await pdfOf(`/api/pupils/${childId}/published-plans/${planId}/versions/2/pdf`);
    expect(v1).toContain('Versie 1');
    expect(v1).toContain(`Instemming gegeven — ${parentName}`);
    expect(v1).not.toContain(SUPPORT_V2.trim());
    expect(v2).toContain('Versie 2');
    expect(v2).toContain(SUPPORT_V2.trim());
    expect(v2).not.toContain(`Instemming gegeven — ${parentName}`);
    expect(v2).toContain('Handtekening:');
    expect(v2).toContain(parentName);
  });

  it('the IB records an oudergesprek, a logboek note and the other parent’s paper signature; the parent adds a zienswijze and never sees the logboek', async () => {
    const NOTE = 'Werkt geconcentreerd met het rekenrek; blokjes helpen bij de tafels.';
    const AGREED = 'Thuis elke dag vijf minuten tafels oefenen met de app.';
    await logout(page);
    await login(page, server.url, 'ib');
    await page.goto(`${server.url}/leerlingen/${childId}/plannen/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Ontwikkelingsperspectiefplan' }).waitFor();

    await page.getByRole('tab', { name: /^Oudergesprekken/ }).click();
    await page.getByRole('button', { name: 'Nieuw oudergesprek' }).click();
    await page.getByLabel('Datum van het gesprek').fill('2026-11-23');
    await page.getByLabel('Soort gesprek').selectOption('evaluation');
    await page.getByLabel('Aanwezig (namen en rollen)').fill('IB, leerkracht, beide ouders');
    await page.getByLabel('Afspraken', { exact: true }).fill(AGREED);
    await page.getByLabel('School en ouders verschillen van mening').check();
    await page.getByLabel('De gevolgen zijn met de ouders besproken').check();
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Het gesprek is opgeslagen.').waitFor();
    await expectAccessible(page, 'opp: meeting');

    await page.getByRole('tab', { name: /^Logboek/ }).click();
    await page.getByLabel('Notitie', { exact: true }).fill(NOTE);
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await page.getByText('De notitie is toegevoegd.').waitFor();
    await page.getByText(NOTE).waitFor();

    await page.getByRole('tab', { name: /^Versies en handtekeningen/ }).click();
    await page.getByRole('button', { name: 'Op papier ondertekend vastleggen' }).first().click();
    const guardian = page.getByLabel('Ouder met gezag');
    const other = (await guardian.locator('option').allInnerTexts()).find((o) => o !== parentName && !o.startsWith('—'));
    expect(other, 'the child has a second parent with gezag').toBeTruthy();
    await guardian.selectOption({ label: other! });
    await page.getByLabel('Reactie', { exact: true }).selectOption('consent');
    await page.getByLabel('Ondertekend op').fill('2026-11-24');
    await page.getByLabel('Scan van het formulier (PDF, JPG of PNG, tot 5 MB)').setInputFiles({
      name: 'handtekening.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% scan van het getekende formulier\n'),
    });
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De reactie op papier is vastgelegd.').waitFor();
    await expectAccessible(page, 'opp: paper signature');
    await screenshot(page, 'opp-5-paper');
    const staff = await api<{ versions: { number: number; signatures: { guardians: { name: string; response: { kind: string; method: string; scanId: number | null } | null }[] } }[] }>(
      `/api/pupils/${childId}/plans/${planId}`);
    const paper = staff.versions.find((v) => v.number === 2)!.signatures.guardians.find((g) => g.name === other)!.response;
    expect(paper).toMatchObject({ kind: 'consent', method: 'paper' });
    expect(paper!.scanId).toBeGreaterThan(0);
    await logout(page);

    await login(page, server.url, 'ouder');
    await page.goto(`${server.url}/leerlingen/${childId}/gedeelde-plannen/${planId}`);
    await page.getByText(AGREED).waitFor();
    await page.getByLabel('Zienswijze (zonder te ondertekenen)').fill('Wij willen graag na de kerst opnieuw praten.');
    await page.getByRole('button', { name: 'Zienswijze versturen' }).click();
    await page.getByText('Uw zienswijze op versie 2 is vastgelegd.').waitFor();
    await expectAccessible(page, 'portal: zienswijze');
    expect(await page.locator('main').innerText()).not.toContain(NOTE);
  }, 180_000);
});
