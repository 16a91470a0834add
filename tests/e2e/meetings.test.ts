// Meetings as the school clicks them (issue 6). The intern begeleider schedules a groepsbespreking for groep 5, opens
// the agenda Koers prepared from the data (data points such as the previous plan or signalled pupils), records a
// decision with an action for the groepsleerkracht; the teacher finds it in "Mijn taken" and marks it done (who and
// when recorded). A zorgteam meeting: adding an external is refused while a discussed pupil lacks the parents' consent
// (the refusal names the pupils); the parent fills in the parents' part and gives consent in the parent portal, the
// intern begeleider records the other parents' consent on paper, and then the external can join. Also the overleg
// list and the action board. axe on every page; a screenshot of each.
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

const api = <T>(path: string) => apiGet<T>(page, server, path);

type GroupSummary = { id: number; name: string; schoolId: number; schoolYear: { current: boolean }; staff: { userId: number; name: string }[] };
type GroupDetail = { id: number; pupils: { id: number; firstName: string; lastName: string }[] };
type Me = { id: number; name: string; children: { id: number; name: string }[] };
type MeetingView = {
  id: number;
  title: string;
  agenda: { key: string; title: string; points: { kind: string; text: string }[] }[];
  actions: { id: number; description: string; owner: { id: number }; done: { at: string; by: string } | null }[];
  participants: { kind: string; name: string }[];
  cases: { id: number; pupil: { id: number; name: string }; consent: string }[];
};
type Task = { kind: string; meetingId?: number | null; actionId?: number | null };

const ACTION = 'Leesaanpak voor de subgroep begrijpend lezen uitwerken in het groepsplan';
const DECISION = 'De subgroep begrijpend lezen krijgt twee keer per week verlengde instructie.';
const DUE = '2026-12-18';
const SUPPORT_NEED = 'Hulp bij het differentiëren in de instructie voor de plusgroep.';
const EXTERNAL = { name: 'Drs. Fenna Bakker', organisation: 'Samenwerkingsverband Rijnland', role: 'orthopedagoog' };

let groupId = 0;
let teacher: { id: number; name: string };
let child: { id: number; name: string };
let other: { id: number; name: string };
let groupMeetingId = 0;
let careMeetingId = 0;

function meetingIdFromUrl(url: string): number {
  return Number(new URL(url).pathname.split('/').pop());
}

describe('groepsbespreking (intern begeleider, groepsleerkracht)', () => {
  it('lists the meetings and schedules a groepsbespreking for groep 5', async () => {
    await login(page, server.url, 'ouder');
    const parent = await api<Me>('/api/me');
    expect(parent.children.length).toBeGreaterThan(0);
    child = parent.children[0];

    await login(page, server.url, 'ib');
    const groups = await api<{ items: GroupSummary[] }>('/api/groups');
    const group = groups.items.find((g) => g.name === '5' && g.schoolYear.current)!;
    groupId = group.id;
    const detail = await api<GroupDetail>(`/api/groups/${groupId}`);
    expect(detail.pupils.some((p) => p.id === child.id)).toBe(true);
    const o = detail.pupils.find((p) => p.id !== child.id)!;
    other = { id: o.id, name: `${o.firstName} ${o.lastName}` };
    await login(page, server.url, 'leerkracht');
    const t = await api<Me>('/api/me');
    teacher = { id: t.id, name: t.name };
    expect(group.staff.map((s) => s.userId)).toContain(teacher.id);

    await login(page, server.url, 'ib');
    await page.getByRole('link', { name: 'Overleg', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Overleg' }).waitFor();
    await page.getByRole('region', { name: /^Komend/ }).waitFor();
    await expectAccessible(page, 'meetings list');
    await screenshot(page, 'meetings-1-list');

    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    const form = page.getByRole('form', { name: 'Nieuw overleg' });
    await form.getByLabel('Soort overleg').selectOption('groupDiscussion');
    // Without a group the form says what is missing.
    await form.getByLabel('Datum').fill('2026-12-03');
    await form.getByRole('button', { name: 'Overleg plannen' }).click();
    await form.getByText('Kies de groep van deze groepsbespreking.').waitFor();
    await form.getByLabel('Groep', { exact: true }).selectOption({ label: 'Groep 5' });
    // Choosing the group invites its teacher; the duration comes from the school's settings.
    expect(await form.getByRole('group', { name: 'Uitgenodigde medewerkers' }).getByLabel(teacher.name).isChecked()).toBe(true);
    expect(Number(await form.getByLabel('Duur in minuten').inputValue())).toBeGreaterThan(0);
    await form.getByLabel('Begintijd (optioneel)').fill('14:30');
    await form.getByLabel('Locatie (optioneel)').fill('Teamkamer');
    await expectAccessible(page, 'schedule form');
    await screenshot(page, 'meetings-2-schedule');
    await form.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.waitForURL(/\/overleg\/\d+$/);
    groupMeetingId = meetingIdFromUrl(page.url());
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Gegevens' }).getByText('03-12-2026, 14:30 uur', { exact: false }).waitFor();
  }, 120_000);

  it('shows the agenda Koers prepared from the data, with the checklist', async () => {
    const view = await api<MeetingView>(`/api/meetings/${groupMeetingId}`);
    // The agenda of Bijlage 15: the teachers' questions, the previous plan, the signalled pupils, …
    const keys = view.agenda.map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(['teacherQuestions', 'previousPlan', 'signalledPupils', 'newPlan']));
    const points = view.agenda.flatMap((a) => a.points);
    expect(points.length).toBeGreaterThan(0);
    const dataPoint = points.find((p) => ['planEvaluation', 'signalledPupil', 'result', 'needsDraft'].includes(p.kind));
    expect(dataPoint, 'a point generated from the group data').toBeDefined();

    const agenda = page.getByRole('region', { name: 'Agenda' });
    for (const item of view.agenda.slice(0, 3)) await agenda.getByRole('heading', { level: 3, name: item.title }).waitFor();
    await agenda.getByText(dataPoint!.text, { exact: false }).first().waitFor();
    await page.getByRole('region', { name: 'Voorbereiding (checklist)' }).waitFor();
    await expectAccessible(page, 'meeting page (groepsbespreking)');
    await screenshot(page, 'meetings-3-group-meeting');

    // The chair adds an agenda item of their own.
    await agenda.getByRole('button', { name: 'Agenda aanpassen' }).click();
    await agenda.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    const last = agenda.getByRole('group', { name: `Agendapunt ${view.agenda.length + 1}` });
    await last.getByLabel('Titel').fill('Rondvraag');
    await agenda.getByRole('button', { name: 'Agenda opslaan' }).click();
    await agenda.getByRole('heading', { level: 3, name: 'Rondvraag' }).waitFor();
    // The agenda PDF answers with a PDF.
    const pdf = await page.request.get(`${server.url}/api/meetings/${groupMeetingId}/pdf?part=agenda`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  }, 120_000);

  it('records a decision with an action for the groepsleerkracht', async () => {
    const actions = page.getByRole('region', { name: 'Besluiten en acties' });
    const form = actions.getByRole('form', { name: 'Besluit en actie vastleggen' });
    await form.getByLabel('Besluit (optioneel)').fill(DECISION);
    await form.getByLabel('Actie', { exact: true }).fill(ACTION);
    await form.getByLabel('Eigenaar').selectOption({ label: teacher.name });
    await form.getByLabel('Uiterlijk').fill(DUE);
    await screenshot(page, 'meetings-4-action-form');
    await form.getByRole('button', { name: 'Actie vastleggen' }).click();
    const row = actions.getByRole('row', { name: new RegExp(ACTION) });
    await row.waitFor();
    expect(await row.innerText()).toContain('18-12-2026');
    expect(await row.innerText()).toContain(teacher.name);
    const view = await api<MeetingView>(`/api/meetings/${groupMeetingId}`);
    expect(view.actions.find((a) => a.description === ACTION)?.owner.id).toBe(teacher.id);
    await expectAccessible(page, 'meeting page with action');
  }, 120_000);

  it('the teacher sees the action in "Mijn taken" and marks it done', async () => {
    await login(page, server.url, 'leerkracht');
    const tasks = await api<{ tasks: Task[] }>('/api/tasks');
    expect(tasks.tasks.some((t) => t.kind === 'meetingAction' && t.meetingId === groupMeetingId)).toBe(true);
    await page.getByRole('link', { name: 'Mijn taken' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const link = page.locator(`a[href="/overleg/${groupMeetingId}"]`, { hasText: 'Actiepunt uit overleg' });
    await link.first().waitFor();
    await page.getByText(ACTION, { exact: false }).first().waitFor();
    await expectAccessible(page, 'tasks with a meeting action');
    await screenshot(page, 'meetings-5-teacher-tasks');

    await link.first().click();
    await page.waitForURL(`**/overleg/${groupMeetingId}`);
    // The teacher hands in an own support need beforehand; it shows under the agenda.
    const questions = page.getByRole('region', { name: 'Vragen vooraf' });
    const ask = questions.getByRole('form', { name: 'Vraag indienen' });
    await ask.getByLabel('Soort').selectOption('supportNeed');
    await ask.getByLabel('Uw vraag').fill(SUPPORT_NEED);
    await ask.getByRole('button', { name: 'Vraag indienen' }).click();
    await questions.getByText(SUPPORT_NEED).first().waitFor();
    const withQuestion = await api<MeetingView>(`/api/meetings/${groupMeetingId}`);
    expect(withQuestion.agenda.flatMap((a) => a.points).some((p) => p.kind === 'supportNeed' && p.text.includes(SUPPORT_NEED))).toBe(true);
    const actions = page.getByRole('region', { name: 'Besluiten en acties' });
    await actions.getByRole('button', { name: `Afronden ${ACTION}` }).click();
    const done = actions.getByRole('form', { name: `Actie afronden: ${ACTION}` });
    await done.getByLabel('Toelichting (optioneel)').fill('Besproken met de duo-collega; staat in het groepsplan.');
    await done.getByRole('button', { name: 'Actie afronden' }).click();
    await actions.getByText(`Afgerond door ${teacher.name}`, { exact: false }).waitFor();
    const view = await api<MeetingView>(`/api/meetings/${groupMeetingId}`);
    const action = view.actions.find((a) => a.description === ACTION)!;
    expect(action.done?.by).toBe(teacher.name);
    const after = await api<{ tasks: Task[] }>('/api/tasks');
    expect(after.tasks.some((t) => t.kind === 'meetingAction' && t.actionId === action.id)).toBe(false);
    await expectAccessible(page, 'meeting page: action done (teacher)');
    await screenshot(page, 'meetings-6-action-done');
  }, 120_000);

  it('the intern begeleider sees the action board', async () => {
    await login(page, server.url, 'ib');
    await page.goto(`${server.url}/overleg/acties`);
    await page.getByRole('heading', { level: 1, name: 'Actiepunten uit overleg' }).waitFor();
    await page.getByRole('list', { name: 'Aantallen' }).waitFor();
    const row = page.getByRole('region', { name: /^Afgerond/ }).getByRole('row', { name: new RegExp(ACTION) });
    await row.waitFor();
    expect(await row.innerText()).toContain(`Afgerond door ${teacher.name}`);
    await expectAccessible(page, 'action board');
    await screenshot(page, 'meetings-7-board');

    // The overleg list now shows the new groepsbespreking among the upcoming meetings.
    await page.getByRole('link', { name: 'Naar het overleg' }).click();
    const upcoming = page.getByRole('region', { name: /^Komend/ });
    await upcoming.getByRole('link', { name: 'Groepsbespreking groep 5' }).first().waitFor();
    await page.getByLabel('Soort overleg').selectOption('careTeam');
    await expect.poll(() => upcoming.getByRole('link', { name: 'Groepsbespreking groep 5' }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByLabel('Soort overleg').selectOption('');
    await upcoming.getByRole('link', { name: 'Groepsbespreking groep 5' }).first().waitFor();
    await expectAccessible(page, 'meetings list with meetings');
    await screenshot(page, 'meetings-7b-list');
  }, 120_000);
});

describe('verslag and closing (intern begeleider)', () => {
  it('closes the groepsbespreking only once the required verslag fields are filled in', async () => {
    await page.goto(`${server.url}/overleg/${groupMeetingId}`);
    const details = page.getByRole('region', { name: 'Gegevens' });
    await details.getByRole('button', { name: 'Overleg is gehouden' }).click();
    await details.getByText('Gehouden', { exact: true }).waitFor();
    const close = page.getByRole('region', { name: 'Overleg afsluiten' });
    await close.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await close.getByRole('alert').waitFor();
    expect(await close.innerText()).toContain('Vul in het verslag in');

    const minutes = page.getByRole('region', { name: 'Verslag' });
    const view = await api<MeetingView & { minutesForm: { key: string; label: string; required: boolean }[] }>(`/api/meetings/${groupMeetingId}`);
    const required = view.minutesForm.filter((f) => f.required);
    expect(required.length).toBeGreaterThan(0);
    for (const f of required) await minutes.getByLabel(f.label, { exact: true }).fill(`${f.label}: besproken en vastgelegd.`);
    await minutes.getByRole('button', { name: 'Verslag opslaan' }).click();
    await minutes.getByText('Opgeslagen.').waitFor();
    await screenshot(page, 'meetings-7c-minutes');

    // A colleague saves the verslag meanwhile. Our next save is refused; after "Nieuwste versie laden" the form shows
    // the colleague's text (not ours, which a further save would otherwise have written over theirs).
    const first = required[0];
    const theirs = `${first.label}: aangevuld door een collega.`;
    const saved = await page.evaluate(async ({ id, key, text }) => {
      const current = await (await fetch(`/api/meetings/${id}`)).json();
      const res = await fetch(`/api/meetings/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, minutes: { ...current.minutes, [key]: text } }) });
      return res.status;
    }, { id: groupMeetingId, key: first.key, text: theirs });
    expect(saved).toBe(200);
    await minutes.getByLabel(first.label, { exact: true }).fill(`${first.label}: onze versie.`);
    await minutes.getByRole('button', { name: 'Verslag opslaan' }).click();
    await minutes.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.waitForFunction(({ label, text }) => [...document.querySelectorAll('textarea')].some((el) => el.labels?.[0]?.textContent?.includes(label) && el.value === text), { label: first.label, text: theirs });
    expect(await minutes.getByLabel(first.label, { exact: true }).inputValue()).toBe(theirs);
    await close.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await page.getByText('Dit overleg is afgesloten', { exact: false }).waitFor();
    await details.getByText('Afgesloten', { exact: true }).waitFor();
    // Closed: the verslag is read-only, the agenda can no longer be changed.
    expect(await page.getByRole('button', { name: 'Verslag opslaan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Agenda aanpassen' }).count()).toBe(0);
    await expectAccessible(page, 'closed meeting');
    await screenshot(page, 'meetings-7d-closed');
  }, 120_000);
});

describe('zorgteam with an external: consent first', () => {
  it('schedules a zorgteam meeting and proposes two pupils', async () => {
    await page.goto(`${server.url}/overleg`);
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    const form = page.getByRole('form', { name: 'Nieuw overleg' });
    await form.getByLabel('Soort overleg').selectOption('careTeam');
    await form.getByLabel('Datum').fill('2026-12-10');
    await form.getByLabel('Begintijd (optioneel)').fill('09:00');
    await form.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.waitForURL(/\/overleg\/\d+$/);
    careMeetingId = meetingIdFromUrl(page.url());

    const cases = page.getByRole('region', { name: 'Besproken leerlingen' });
    for (const [pupil, question] of [
      [child, 'Hoe ondersteunen we de concentratie in de klas en thuis?'],
      [other, 'Is nader onderzoek naar het leesprobleem nodig?'],
    ] as const) {
      await cases.getByRole('button', { name: 'Leerling aanmelden' }).click();
      const propose = cases.getByRole('form', { name: 'Leerling aanmelden voor dit overleg' });
      await propose.getByLabel('Leerling', { exact: true }).selectOption({ value: String(pupil.id) });
      await propose.getByLabel('Begeleidingsvraag', { exact: true }).fill(question);
      if (pupil === child) await screenshot(page, 'meetings-8-propose');
      await propose.getByRole('button', { name: 'Aanmelden' }).click();
      await cases.getByText(pupil.name, { exact: true }).waitFor();
    }
    await expectAccessible(page, 'zorgteam meeting with cases');
  }, 120_000);

  it('invites the director, a colleague without a group, from the school’s staff list', async () => {
    const participants = page.getByRole('region', { name: 'Deelnemers' });
    const add = participants.getByRole('form', { name: 'Medewerker toevoegen' });
    await add.getByLabel('Medewerker').selectOption({ label: 'Dirk Directeur' });
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await participants.getByRole('row', { name: /Dirk Directeur/ }).waitFor();
    const view = await api<MeetingView>(`/api/meetings/${careMeetingId}`);
    expect(view.participants.filter((p) => p.name === 'Dirk Directeur').map((p) => p.kind)).toEqual(['staff']);
  });

  it('refuses an external while consent is missing and names the pupils', async () => {
    const participants = page.getByRole('region', { name: 'Deelnemers' });
    const ext = participants.getByRole('form', { name: 'Externe deelnemer toevoegen' });
    await ext.getByLabel('Naam').fill(EXTERNAL.name);
    await ext.getByLabel('Organisatie').fill(EXTERNAL.organisation);
    await ext.getByLabel('Functie').fill(EXTERNAL.role);
    await ext.getByRole('button', { name: 'Externe toevoegen' }).click();
    const refusal = ext.getByRole('alert');
    await refusal.getByText('Eerst toestemming van de ouders nodig').waitFor();
    const text = await refusal.innerText();
    expect(text).toContain(child.name);
    expect(text).toContain(other.name);
    const view = await api<MeetingView>(`/api/meetings/${careMeetingId}`);
    expect(view.participants.some((p) => p.name === EXTERNAL.name)).toBe(false);
    await expectAccessible(page, 'external refused');
    await screenshot(page, 'meetings-9-external-refused');

    // Ask the parents of the first pupil for their part (the parent portal).
    const cases = page.getByRole('region', { name: 'Besproken leerlingen' });
    const card = cases.locator('li.mt-case', { hasText: child.name });
    await card.locator('summary').first().click();
    const caseForm = card.getByRole('form', { name: `Bespreking van ${child.name}` });
    await caseForm.getByText('Ouderdeel', { exact: true }).click();
    await caseForm.getByLabel('Ouders vragen het ouderdeel in te vullen').check();
    await caseForm.getByRole('button', { name: `Bespreking van ${child.name} opslaan` }).click();
    await card.getByText('Opgeslagen.').waitFor();
  }, 120_000);

  it('the parent fills in the parents’ part and gives consent in the portal', async () => {
    await login(page, server.url, 'ouder');
    const tasks = await api<{ tasks: Task[] }>('/api/tasks');
    expect(tasks.tasks.some((t) => t.kind === 'parentPartRequested')).toBe(true);
    await page.goto(`${server.url}/leerlingen/${child.id}/besprekingen`);
    await page.getByRole('heading', { level: 1, name: `Besprekingen over ${child.name}` }).waitFor();
    const section = page.getByRole('region', { name: /^Zorgteam van 10-12-2026/ });
    await section.getByText('Hoe ondersteunen we de concentratie in de klas en thuis?').waitFor();
    // The other pupil's case never reaches this page.
    expect(await page.getByText(other.name).count()).toBe(0);
    await expectAccessible(page, 'parent cases page');
    await screenshot(page, 'meetings-10-parent');

    const part = section.getByRole('form', { name: 'Uw inbreng (ouderdeel)' });
    const areas = part.locator('textarea');
    const n = await areas.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await areas.nth(i).fill(i === 0 ? 'Thuis lukt huiswerk het best aan de keukentafel, met korte pauzes.' : 'Hij fietst graag en helpt zijn opa in de moestuin.');
    await part.getByRole('button', { name: 'Inbreng opslaan' }).click();
    await section.getByText('Uw inbreng is opgeslagen.').waitFor();
    await section.getByRole('button', { name: 'Ik geef toestemming' }).click();
    await section.getByText('Toestemming gegeven', { exact: false }).first().waitFor();
    await expectAccessible(page, 'parent cases page after consent');
    await screenshot(page, 'meetings-11-parent-consent');
  }, 120_000);

  it('records the other parents’ consent on paper; then the external can join', async () => {
    await login(page, server.url, 'ib');
    await page.goto(`${server.url}/overleg/${careMeetingId}`);
    const participants = page.getByRole('region', { name: 'Deelnemers' });
    const ext = participants.getByRole('form', { name: 'Externe deelnemer toevoegen' });
    const fill = async () => {
      await ext.getByLabel('Naam').fill(EXTERNAL.name);
      await ext.getByLabel('Organisatie').fill(EXTERNAL.organisation);
      await ext.getByLabel('Functie').fill(EXTERNAL.role);
      await ext.getByRole('button', { name: 'Externe toevoegen' }).click();
    };
    // Still refused: the second pupil has no consent yet (the first one's parent gave it).
    await fill();
    const refusal = ext.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(other.name);
    expect(await refusal.innerText()).not.toContain(child.name);

    const cases = page.getByRole('region', { name: 'Besproken leerlingen' });
    const card = cases.locator('li.mt-case', { hasText: other.name });
    await card.locator('summary').first().click();
    const consent = card.getByRole('form', { name: 'Toestemming op papier vastleggen' });
    await consent.getByLabel('Naam van de ouder').fill('M. de Graaf');
    await screenshot(page, 'meetings-12-record-consent');
    await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await card.getByText('Toestemming gegeven door M. de Graaf', { exact: false }).waitFor();

    await fill();
    await participants.getByRole('row', { name: new RegExp(EXTERNAL.name) }).waitFor();
    const view = await api<MeetingView>(`/api/meetings/${careMeetingId}`);
    expect(view.participants.find((p) => p.name === EXTERNAL.name)?.kind).toBe('external');
    expect(view.cases.every((c) => c.consent === 'given')).toBe(true);
    await expectAccessible(page, 'zorgteam meeting with external');
    await screenshot(page, 'meetings-13-external-added');
  }, 120_000);
});
