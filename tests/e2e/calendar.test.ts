// The care calendar as the intern begeleider clicks it: /jaarplanning, "Jaarplanning genereren" (preview with the
// rule warnings, then confirm), moving the reading test to a Monday (the seed-002 rule warns next to it), the
// settings, and "Agenda abonneren": the private link fetched with Node's fetch and parsed with ical.js — events present,
// no pupil names — then revoked (404). The groepsleerkracht sees only their own part. axe on every state shown.
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e());
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

type Item = { title: string; kind: string; startsOn: string; source: string; group: { id: number; name: string } | null; pupil: { name: string } | null; warnings: { code: string }[] };
type View = { schoolId: number; items: Item[]; can: { manage: boolean } };
type Me = { schools: { id: number; sector: string }[] };

const READING = 'M-toetsen technisch lezen (DMT, AVI)';

describe('the year plan of the intern begeleider', () => {
  let feedUrl = '';
  let schoolId = 0;

  it('generates the year from the template after a preview', async () => {
    await login(page, server.url, 'ib');
    const me = await apiGet<Me>(page, server, '/api/me');
    schoolId = me.schools.find((s) => s.sector === 'po')!.id;
    await page.goto(`${server.url}/jaarplanning`);
    await page.getByRole('heading', { level: 1, name: 'Jaarplanning' }).waitFor();
    await expectAccessible(page, 'jaarplanning (start)');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByRole('heading', { name: /Voorbeeld voor schooljaar 2026-2027/ }).waitFor();
    await expect.poll(() => page.getByText(/items, waarvan \d+ besprekingen/).count()).toBe(1);
    await screenshot(page, 'calendar-preview');
    await expectAccessible(page, 'jaarplanning (voorbeeld)');
    await page.getByRole('button', { name: 'Bevestigen en genereren' }).click();
    await page.getByText(/De jaarplanning is gegenereerd/).waitFor();
    const view = await apiGet<View>(page, server, `/api/calendar?schoolId=${schoolId}`);
    expect(view.can.manage).toBe(true);
    expect(view.items.filter((i) => i.kind === 'groupDiscussion').length).toBe(3 * 8);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /januari 2027/i }).count()).toBe(1);
    await expect.poll(() => page.getByText(READING, { exact: true }).count()).toBe(1);
  });

  it('warns next to the reading test once it is moved to a Monday', async () => {
    await page.getByRole('button', { name: `‘${READING}’ wijzigen` }).click();
    const form = page.getByRole('form', { name: `‘${READING}’ wijzigen` });
    await form.getByLabel('Begindatum').fill('2027-01-25');
    await form.getByLabel('Einddatum').fill('2027-01-28');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const row = page.getByRole('listitem').filter({ hasText: READING });
    await row.getByText(/Leestoetsen niet op maandag \(25-01-2027\)/).waitFor();
    await expect.poll(() => row.getByText('25-01-2027 – 28-01-2027').count()).toBe(1);
    await expect.poll(() => row.getByText('aangepast').count()).toBe(1);
    const view = await apiGet<View>(page, server, `/api/calendar?schoolId=${schoolId}`);
    expect(view.items.find((i) => i.title === READING)).toMatchObject({ startsOn: '2027-01-25', warnings: [{ code: 'readingTestOnMonday' }] });
    await page.getByRole('heading', { level: 3, name: /januari 2027/i }).scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-warning');
    await expectAccessible(page, 'jaarplanning (waarschuwing)');
  });

  it('shows the template, holiday and rule settings', async () => {
    await page.getByText('Instellingen van de jaarplanning tonen').click();
    await page.getByRole('checkbox', { name: /Leestoetsen niet op maandag/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Leestoetsen niet op maandag/ }).isChecked()).toBe(true);
    await page.getByRole('table', { name: /Sjabloon \(\d+ regels\)/ }).waitFor();
    // A holiday that ends before it starts is refused next to the field; corrected, it is saved.
    const settings = page.getByRole('form', { name: 'Sjabloon, vakanties en regels' });
    await settings.getByRole('button', { name: 'Vakantie toevoegen' }).click();
    await settings.getByLabel('Naam', { exact: true }).last().fill('Studieweek');
    await settings.getByLabel('Begindatum').last().fill('2027-03-12');
    await settings.getByLabel('Einddatum').last().fill('2027-03-08');
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await settings.getByText('De vakantie eindigt vóór ze begint.').waitFor();
    await expectAccessible(page, 'jaarplanning (instellingen met fout)');
    await settings.getByLabel('Einddatum').last().fill('2027-03-19');
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await settings.getByText(/De instellingen zijn opgeslagen/).waitFor();
    const saved = await apiGet<{ settings: { holidays: { name: string; endsOn: string }[] } }>(page, server, `/api/calendar/settings?schoolId=${schoolId}`);
    expect(saved.settings.holidays.at(-1)).toEqual({ name: 'Studieweek', startsOn: '2027-03-12', endsOn: '2027-03-19' });
    await screenshot(page, 'calendar-settings');
    await expectAccessible(page, 'jaarplanning (instellingen)');
  });

  it('subscribes: the private link serves an iCalendar that ical.js parses, without pupil names', async () => {
    await page.getByRole('button', { name: 'Link maken' }).click();
    const input = page.getByLabel('Uw persoonlijke agendalink');
    await input.waitFor();
    feedUrl = await input.inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${server.url}/ical/[A-Za-z0-9_-]+\\.ics$`));
    await screenshot(page, 'calendar-feed');
    await expectAccessible(page, 'jaarplanning (agendalink)');

    const res = await fetch(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toContain(READING);
    expect(summaries).toContain('Groepsbespreking groep 5'); // meetings by their kind and group, never a typed title
    const reading = events.find((e) => e.summary === READING)!;
    expect(reading.startDate.toString()).toBe('2027-01-25');
    expect(reading.startDate.isDate).toBe(true);
    // The app names pupils next to their plan dates; the feed never does.
    const view = await apiGet<View>(page, server, `/api/calendar?schoolId=${schoolId}`);
    const names = view.items.filter((i) => i.pupil).map((i) => i.pupil!.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(text).not.toContain(name);
  });

  it('revokes the link: the calendar app gets a 404', async () => {
    await page.getByRole('button', { name: 'Link intrekken' }).click();
    await page.getByText('U hebt nog geen agendalink.').waitFor();
    expect((await fetch(feedUrl)).status).toBe(404);
  });
});

describe('the groepsleerkracht’s part', () => {
  it('shows only the teacher’s own group and no management', async () => {
    await login(page, server.url, 'leerkracht');
    await page.goto(`${server.url}/jaarplanning`);
    await page.getByRole('heading', { level: 1, name: 'Jaarplanning' }).waitFor();
    await expect.poll(() => page.getByText(READING, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Voorbeeld bekijken' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /wijzigen$/ }).count()).toBe(0);
    const me = await apiGet<Me>(page, server, '/api/me');
    const view = await apiGet<View>(page, server, `/api/calendar?schoolId=${me.schools[0].id}`);
    const groups = new Set(view.items.filter((i) => i.kind === 'groupDiscussion').map((i) => i.group?.name));
    expect([...groups]).toEqual(['5']);
    await screenshot(page, 'calendar-teacher');
    await expectAccessible(page, 'jaarplanning (leerkracht)');
  });
});
