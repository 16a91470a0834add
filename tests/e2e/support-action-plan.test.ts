// The handelingsplan path as the groepsleerkracht clicks it: from the pupil page to the support page, a new
// ondersteuningsniveau whose model asks for a handelingsplan (with the "Let op" warning while it is missing), a
// handelingsplan for two pupils (SMART hint on a vague goal, the name finding of a plan for more pupils), publishing
// version 1 for the parents, the evaluation refused while incomplete, one extension and the second one refused with
// the school's rule, the evaluation finished. The intern begeleider finds the pupil in the overview of extra support
// and a task in "Mijn taken". Privacy: the plan names both pupils only to staff; the demo parent sees nothing of it.
// axe on every new page and state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LevelDef } from '../../src/domain/support/model';
import { apiGet, closeE2e, expectAccessible, login, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e());
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

const api = <T>(path: string) => apiGet<T>(page, server, path);

/** A GET as the logged-in browser user that may be refused: the status only. */
async function status(path: string): Promise<number> {
  return (await page.request.get(`${server.url}${path}`)).status();
}

/** As the app shows a date: 24-11-2026. */
function shown(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type GroupSummary = { id: number; name: string; schoolYear: { current: boolean } };
type GroupDetail = { id: number; pupils: { id: number; firstName: string; lastName: string }[] };
type Me = { children: { id: number }[] };
type SupportView = {
  settings: { levels: LevelDef[]; actionPlan: { minWeeks: number; maxWeeks: number; maxExtensions: number } };
  currentLevel: { level: string } | null;
  levels: unknown[];
  plans: { id: number }[];
};
type PlanView = {
  id: number;
  status: string;
  extensions: number;
  doc: { startsOn: string | null; endsOn: string | null };
  pupils: { id: number; name: string }[];
  otherPupils: number;
  versions: { number: number }[];
};
type Pupil = { id: number; firstName: string; lastName: string; name: string };
type Task = { kind: string; pupilId: number | null; planId: number | null; pupilName: string };

const TODAY = '2026-11-24';
const REASON = 'Na twee periodes verlengde instructie onvoldoende vooruitgang met de tafels.';
const QUESTION = 'Rekenen: tafels 1 t/m 10 automatiseren';
const TITLE = 'Tafels automatiseren (groep 5)';
const VAGUE_GOAL = 'De leerling kent de tafels van 1 tot en met 10';
const GOAL = 'De leerling zegt de tafels van 1 tot en met 10 vlot en foutloos op';
const PROBLEM = 'De tafels van 6 tot en met 9 zijn nog niet geautomatiseerd; de leerling telt op de vingers.';
const APPROACH = 'Dagelijks tien minuten flitsen met tafelkaartjes in een tweetal, daarna het tafelspel op de computer.';

let ouderChildIds: number[] = [];
let pupil: Pupil;
let other: Pupil;
let level: LevelDef;
let maxExtensions = 1;
let planId = 0;
let planUrl = '';
let endsOn = '';
let extendedTo = '';

describe('handelingsplan (leerkracht groep 5)', () => {
  it('changes the ondersteuningsniveau from the pupil page and warns that the handelingsplan is missing', async () => {
    // The demo parent's children: neither pupil of this plan may be one of them.
    await login(page, server.url, 'ouder');
    ouderChildIds = (await api<Me>('/api/me')).children.map((c) => c.id);
    expect(ouderChildIds.length).toBeGreaterThan(0);

    await login(page, server.url, 'leerkracht');
    const groups = await api<{ items: GroupSummary[] }>('/api/groups');
    const groupId = groups.items.find((g) => g.name === '5' && g.schoolYear.current)!.id;
    const group = await api<GroupDetail>(`/api/groups/${groupId}`);
    // Two pupils of groep 5 without any support yet (the demo gives some of them levels and plans), not the
    // parent's child, with different first names.
    const free: Pupil[] = [];
    for (const p of group.pupils) {
      if (ouderChildIds.includes(p.id)) continue;
      const support = await api<SupportView>(`/api/pupils/${p.id}/support`);
      if (support.levels.length > 0 || support.plans.length > 0) continue;
      if (free.some((f) => f.firstName === p.firstName || f.lastName === p.lastName)) continue;
      free.push({ ...p, name: `${p.firstName} ${p.lastName}` });
      if (free.length === 2) break;
    }
    expect(free).toHaveLength(2);
    [pupil, other] = free;
    const support = await api<SupportView>(`/api/pupils/${pupil.id}/support`);
    level = support.settings.levels.find((l) => l.planType === 'actionPlan')!;
    expect(level).toBeDefined();
    maxExtensions = support.settings.actionPlan.maxExtensions;
    expect(maxExtensions).toBeGreaterThan(0);

    // From the pupil page to "Ondersteuning en plannen".
    await page.goto(`${server.url}/leerlingen/${pupil.id}`);
    await page.getByRole('heading', { level: 1, name: pupil.name }).waitFor();
    await expectAccessible(page, 'pupil page');
    await screenshot(page, 'support-hp-1-pupil');
    await page.getByRole('link', { name: 'Ondersteuning en plannen' }).first().click();
    await page.waitForURL(`**/leerlingen/${pupil.id}/ondersteuning`);
    await page.getByRole('heading', { level: 1, name: `Ondersteuning — ${pupil.name}` }).waitFor();
    const current = page.getByRole('region', { name: 'Huidig ondersteuningsniveau' });
    await current.getByText('Voor deze leerling is nog geen ondersteuningsniveau vastgelegd.').waitFor();
    await page.getByRole('region', { name: 'Plannen' }).getByText('Nog geen handelingsplannen of OPP’s.').waitFor();
    await expectAccessible(page, 'support page: no level');
    await screenshot(page, 'support-hp-2-support-empty');

    // "Niveau wijzigen": the level of the school's model that asks for a handelingsplan, with reason and hulpvraag.
    await current.getByRole('button', { name: 'Niveau wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Ondersteuningsniveau wijzigen' });
    await form.getByLabel('Niveau', { exact: true }).selectOption({ label: level.label });
    await form.getByText('Plan op dit niveau: handelingsplan', { exact: false }).waitFor();
    expect(await form.getByLabel('Ingangsdatum').inputValue()).toBe(TODAY);
    await form.getByLabel('Reden van de wijziging').fill(REASON);
    await form.getByLabel('Hulpvraag', { exact: true }).fill(QUESTION);
    await form.getByLabel('Besproken in (optioneel)').fill('Leerlingbespreking 24-11-2026');
    await expectAccessible(page, 'support page: change level form');
    await screenshot(page, 'support-hp-3-change-level');
    await form.getByRole('button', { name: 'Niveau opslaan' }).click();
    await current.getByText('Het nieuwe niveau is vastgelegd.').waitFor();

    // The current level with its reason and hulpvraag …
    await current.getByText(level.label, { exact: true }).waitFor();
    await current.getByText(REASON).waitFor();
    await current.getByText(QUESTION).waitFor();
    expect(await current.innerText()).toContain(shown(TODAY));
    // … the warning that the level's handelingsplan is missing …
    await current.getByText('Let op', { exact: true }).waitFor();
    await current.getByText(`Bij ${level.label} hoort een handelingsplan, maar er is geen lopend handelingsplan.`).waitFor();
    // … and the history, current entry "t/m heden".
    const history = page.getByRole('table', { name: `Ondersteuningsniveaus van ${pupil.name}, nieuwste eerst` });
    const row = history.getByRole('row', { name: new RegExp(`^${escapeRe(level.label)}`) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining([shown(TODAY), 'heden', REASON, QUESTION]));
    await expectAccessible(page, 'support page: level set');
    await screenshot(page, 'support-hp-4-level-set');
  }, 120_000);

  it('writes a handelingsplan for two pupils: SMART hint, the name finding, saving and publishing version 1', async () => {
    const plans = page.getByRole('region', { name: 'Plannen' });
    await plans.getByRole('button', { name: 'Nieuw handelingsplan' }).click();
    const form = page.getByRole('form', { name: 'Nieuw handelingsplan' });
    await form.getByLabel('Titel van het plan').fill(TITLE);
    await form.getByLabel('Plan voor meer leerlingen').check();
    const choice = form.getByRole('group', { name: 'Andere leerlingen in dit plan' });
    await choice.getByLabel(other.name, { exact: true }).check();
    expect(await choice.getByLabel(pupil.name, { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'support page: new handelingsplan form');
    await screenshot(page, 'support-hp-5-new-plan');
    await form.getByRole('button', { name: 'Handelingsplan aanmaken' }).click();
    await page.waitForURL(/\/leerlingen\/\d+\/plannen\/\d+$/);
    planUrl = page.url();
    planId = Number(planUrl.split('/').pop());
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Concept', { exact: true }).first().waitFor();
    // A plan for more pupils: the editor says no names belong in the text; the teacher sees both pupils.
    await page.getByText('Dit plan geldt voor meer leerlingen. Noem in de tekst geen namen', { exact: false }).waitFor();
    const header = page.locator('.sp-plan-header');
    expect(await header.innerText()).toContain(pupil.name);
    expect(await header.innerText()).toContain(other.name);
    const created = await api<PlanView>(`/api/pupils/${pupil.id}/plans/${planId}`);
    expect(created.doc.startsOn).toBe(TODAY);
    endsOn = created.doc.endsOn!;
    expect(endsOn).toBe(addDays(TODAY, 7 * (await api<SupportView>(`/api/pupils/${pupil.id}/support`)).settings.actionPlan.maxWeeks));
    await expectAccessible(page, 'plan: new draft');
    await screenshot(page, 'support-hp-6-draft');

    // A goal with a vague verb: the SMART hint names it; rewritten, measured and dated it is SMART.
    // The plan starts from the groepsoverzicht (a prefilled goal); without one the teacher adds it.
    await page.getByRole('heading', { level: 3, name: 'Doelen' }).waitFor();
    const goal = page.getByRole('group', { name: 'Doel 1', exact: true });
    if ((await goal.count()) === 0) await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    await goal.getByLabel('Wat kan de leerling aan het eind (doel)').fill(VAGUE_GOAL);
    await goal.getByText(/Specifiek:/).waitFor();
    await goal.getByText('vage omschrijving (‘kent’)', { exact: false }).waitFor();
    await expectAccessible(page, 'plan: SMART hint');
    await screenshot(page, 'support-hp-7-smart-hint');
    await goal.getByLabel('Wat kan de leerling aan het eind (doel)').fill(GOAL);
    await goal.getByLabel('Hoe wordt het gemeten of geobserveerd').fill('Tafeltoets van de methode, afgenomen door de leerkracht');
    await goal.getByLabel('Streefniveau of -score (in woorden)').fill('9 van de 10 sommen goed binnen 2 minuten');
    await goal.getByLabel('Bereikt op').fill(addDays(endsOn, -4));
    await goal.getByText('Dit doel is SMART geformuleerd.').waitFor();
    expect(await goal.getByText(/Specifiek:|Meetbaar:|Tijdgebonden:/).count()).toBe(0);

    await page.getByLabel('Probleem, hiaat of hulpvraag').fill(PROBLEM);
    await page.getByLabel('Inhoud (wat)').fill('Tafels 6 tot en met 9, eerst de omkeersommen.');
    // The other pupil's first name in the text of a plan for more pupils: a finding after saving.
    await page.getByLabel('Aanpak en methodiek (hoe)').fill(`${APPROACH} Oefent samen met ${other.firstName}.`);
    await page.getByText('Niet-opgeslagen wijzigingen').waitFor();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Het plan is opgeslagen.').waitFor();
    const findings = page.getByRole('region', { name: 'Aandachtspunten' });
    const nameFinding = `De naam ‘${other.firstName}’ staat in aanpak; een plan voor meer leerlingen noemt geen namen.`;
    await findings.getByText(nameFinding).waitFor();
    await expectAccessible(page, 'plan: name finding');
    await screenshot(page, 'support-hp-8-name-finding');

    // The name removed: saved again, nothing left to point out.
    await page.getByLabel('Aanpak en methodiek (hoe)').fill(APPROACH);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Het plan is opgeslagen.').waitFor();
    await findings.getByText('Geen aandachtspunten.').waitFor();
    expect(await findings.getByText(/De naam/).count()).toBe(0);

    // Publishing for the parents asks first, then makes version 1; the draft becomes active.
    await page.getByRole('button', { name: 'Publiceren voor ouders' }).click();
    const confirm = page.getByRole('group', { name: 'Ja, publiceren' });
    await confirm.getByText('Publiceren maakt van de huidige tekst versie 1.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Ja, publiceren' }).click();
    await page.getByText('Versie 1 is gepubliceerd voor de ouders.').waitFor();
    await header.getByText('Lopend', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Versies en handtekeningen (1)' }).click();
    const versions = page.getByRole('tabpanel', { name: 'Versies en handtekeningen (1)' });
    await versions.getByRole('heading', { level: 3, name: /^Versie 1 — gepubliceerd \d{2}-\d{2}-\d{4} door Lotte Leerkracht/ }).waitFor();
    await versions.getByRole('link', { name: 'PDF van versie 1' }).waitFor();
    await versions.getByText('Inhoud van versie 1 tonen').click();
    await versions.getByText(GOAL).waitFor();
    await expectAccessible(page, 'plan: versions');
    await screenshot(page, 'support-hp-9-versions');
    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).waitFor();
  }, 120_000);

  it('refuses an incomplete evaluation, extends once and refuses a second extension with the school\'s rule', async () => {
    const actions = page.getByRole('region', { name: 'Publiceren en status' });
    await actions.getByRole('button', { name: 'Evaluatie afronden' }).click();
    const refused = actions.getByRole('alert');
    await refused.getByText('De evaluatie is nog niet compleet').waitFor();
    await refused.getByText('Doel 1: geef aan of het doel bereikt is.').waitFor();
    await refused.getByText('Kies het besluit na de evaluatie', { exact: false }).waitFor();
    await page.locator('.sp-plan-header').getByText('Lopend', { exact: true }).waitFor();
    await expectAccessible(page, 'plan: evaluation refused');
    await screenshot(page, 'support-hp-10-evaluation-refused');

    // Extending within the bounds (at most maxWeeks after the current end) works once.
    extendedTo = addDays(endsOn, 28);
    await actions.getByRole('button', { name: 'Verlengen' }).click();
    const extend = actions.getByRole('form', { name: 'Plan verlengen' });
    await extend.getByText('Dit plan is nog niet verlengd.').waitFor();
    await extend.getByLabel('Nieuwe einddatum').fill(extendedTo);
    await expectAccessible(page, 'plan: extend form');
    await extend.getByRole('button', { name: 'Verlengen' }).click();
    await actions.getByText(`Het plan is verlengd tot ${shown(extendedTo)}.`).waitFor();
    await page.locator('.sp-plan-header').getByText('1 keer verlengd').waitFor();
    expect(await page.getByLabel('Einddatum (evaluatie)').inputValue()).toBe(extendedTo);
    const once = await api<PlanView>(`/api/pupils/${pupil.id}/plans/${planId}`);
    expect(once.extensions).toBe(1);
    expect(once.doc.endsOn).toBe(extendedTo);
    await screenshot(page, 'support-hp-11-extended');

    if (maxExtensions > 1) {
      // A school that allows more: use them up first (through the same form).
      for (let n = 1; n < maxExtensions; n++) {
        const next = addDays((await api<PlanView>(`/api/pupils/${pupil.id}/plans/${planId}`)).doc.endsOn!, 7);
        await actions.getByRole('button', { name: 'Verlengen' }).click();
        await actions.getByRole('form', { name: 'Plan verlengen' }).getByLabel('Nieuwe einddatum').fill(next);
        await actions.getByRole('form', { name: 'Plan verlengen' }).getByRole('button', { name: 'Verlengen' }).click();
        await actions.getByText(`Het plan is verlengd tot ${shown(next)}.`).waitFor();
      }
    }

    // One more is refused with the school's rule, and nothing changes.
    await actions.getByRole('button', { name: 'Verlengen' }).click();
    const again = actions.getByRole('form', { name: 'Plan verlengen' });
    await again.getByText(`Dit plan is al ${maxExtensions} keer verlengd.`).waitFor();
    await again.getByRole('button', { name: 'Verlengen' }).click();
    const rule = `Dit plan is al ${maxExtensions} keer verlengd; de school staat er ${maxExtensions} toe. Bespreek de leerling in de leerlingbespreking of verhoog het niveau.`;
    await again.getByRole('alert').getByText(rule).first().waitFor();
    const after = await api<PlanView>(`/api/pupils/${pupil.id}/plans/${planId}`);
    expect(after.extensions).toBe(maxExtensions);
    await expectAccessible(page, 'plan: second extension refused');
    await screenshot(page, 'support-hp-12-extension-refused');
    await again.getByRole('button', { name: 'Annuleren' }).click();
    await again.waitFor({ state: 'detached' });
  }, 120_000);

  it('records a result per goal and a decision, and finishes the evaluation', async () => {
    const evaluation = page.getByRole('region', { name: 'Evaluatie', exact: true });
    await evaluation.getByText(GOAL).waitFor();
    await evaluation.getByLabel('Resultaat van doel 1').selectOption({ label: 'Behaald' });
    await evaluation.getByLabel('Toelichting bij het resultaat Doel 1').fill('Op de tafeltoets 10 van de 10 goed binnen 2 minuten.');
    await evaluation.getByLabel('Samenvatting van de evaluatie').fill('Het dagelijks flitsen in tweetallen werkte; de tafels zijn geautomatiseerd.');
    await evaluation.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Stoppen: de doelen zijn bereikt' });
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Het plan is opgeslagen.').waitFor();
    await expectAccessible(page, 'plan: evaluation filled in');
    await screenshot(page, 'support-hp-13-evaluation');

    const actions = page.getByRole('region', { name: 'Publiceren en status' });
    await actions.getByRole('button', { name: 'Evaluatie afronden' }).click();
    await actions.getByText('De evaluatie is afgerond.').waitFor();
    await page.locator('.sp-plan-header').getByText('Geëvalueerd', { exact: true }).waitFor();
    expect(await actions.getByRole('button', { name: 'Evaluatie afronden' }).count()).toBe(0);
    const evaluated = await api<PlanView>(`/api/pupils/${pupil.id}/plans/${planId}`);
    expect(evaluated.status).toBe('evaluated');
    await expectAccessible(page, 'plan: evaluated');
    await screenshot(page, 'support-hp-14-evaluated');

    // The support page lists the plan, evaluated, for both pupils.
    await page.getByRole('link', { name: 'Terug naar de ondersteuning' }).click();
    await page.getByRole('heading', { level: 1, name: `Ondersteuning — ${pupil.name}` }).waitFor();
    const row = page.getByRole('region', { name: 'Plannen' }).getByRole('row', { name: new RegExp(escapeRe(TITLE)) });
    await row.getByText('Geëvalueerd', { exact: true }).waitFor();
    await row.getByText('2 leerlingen').waitFor();
    await row.getByText('1 keer verlengd').waitFor();
    await expectAccessible(page, 'support page: plan evaluated');
    await screenshot(page, 'support-hp-15-support-page');
  }, 120_000);
});

describe('intern begeleider', () => {
  it('finds the pupil at its level in the overview of extra support, and a task that opens a pupil or plan', async () => {
    await login(page, server.url, 'ib');
    await page.goto(`${server.url}/ondersteuning`);
    await page.getByRole('heading', { level: 1, name: 'Leerlingen met extra ondersteuning' }).waitFor();
    const atLevel = page.getByRole('region', { name: new RegExp(`^${escapeRe(level.label)} \\(\\d+\\)$`) });
    const row = atLevel.getByRole('row', { name: new RegExp(escapeRe(pupil.name)) });
    await row.getByRole('link', { name: pupil.name, exact: true }).waitFor();
    await row.getByText(shown(TODAY)).waitFor();
    await row.getByRole('link', { name: new RegExp(`^HP: ${escapeRe(TITLE)}`) }).waitFor();
    // The plan's other pupil has no level recorded: listed for the running plan in a section of its own.
    const noLevel = page.getByRole('region', { name: /^Geen niveau vastgelegd \(wel een lopend plan\) \(\d+\)$/ });
    await noLevel.getByRole('row', { name: new RegExp(escapeRe(other.name)) }).waitFor();
    await expectAccessible(page, 'overview of extra support');
    await screenshot(page, 'support-hp-16-overview');
    await row.getByRole('link', { name: pupil.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Ondersteuning — ${pupil.name}` }).waitFor();

    // "Mijn taken": at least one task; the one about this plan when there is one (parents asked to agree).
    await page.getByRole('link', { name: 'Mijn taken' }).first().click();
    await page.waitForURL('**/taken');
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const tasks = (await api<{ tasks: Task[] }>('/api/tasks')).tasks;
    expect(tasks.length).toBeGreaterThan(0);
    await page.getByText(new RegExp(`^${tasks.length} openstaande (taak|taken)$`)).waitFor();
    await expectAccessible(page, 'my tasks');
    await screenshot(page, 'support-hp-17-tasks');
    const mine = tasks.find((t) => t.planId === planId);
    const links = page.locator('.spp-task-list').getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    const link = mine ? page.locator('.spp-task-list').getByRole('link', { name: new RegExp(`\\(${escapeRe(mine.pupilName)}\\)$`) }).first() : links.first();
    await link.click();
    await page.waitForURL(/\/leerlingen\/\d+\/(plannen\/\d+|ondersteuning)$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (mine) {
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`/plannen/${planId}$`));
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    }
  }, 120_000);
});

describe('privacy of a plan for more pupils', () => {
  it('names both pupils to their teacher through either pupil, and shows the demo parent nothing of it', async () => {
    await login(page, server.url, 'leerkracht');
    const viaOther = await api<PlanView>(`/api/pupils/${other.id}/plans/${planId}`);
    expect(viaOther.pupils.map((p) => p.id).sort((a, b) => a - b)).toEqual([pupil.id, other.id].sort((a, b) => a - b));
    expect(viaOther.otherPupils).toBe(0);
    expect(viaOther.versions.map((v) => v.number)).toEqual([1]);

    await login(page, server.url, 'ouder');
    for (const child of ouderChildIds) {
      const published = await api<{ plans: { id: number }[] }>(`/api/pupils/${child}/published-plans`);
      expect(published.plans.map((p) => p.id)).not.toContain(planId);
      expect([403, 404]).toContain(await status(`/api/pupils/${child}/published-plans/${planId}`));
    }
    // Nor through the plan's own pupils, which are not the parent's children.
    expect([403, 404]).toContain(await status(`/api/pupils/${other.id}/published-plans`));
    expect([403, 404]).toContain(await status(`/api/pupils/${pupil.id}/published-plans/${planId}`));
    // The parent's tasks do not name the pupils either.
    const parentTasks = (await api<{ tasks: Task[] }>('/api/tasks')).tasks;
    expect(JSON.stringify(parentTasks)).not.toContain(pupil.lastName);
    expect(JSON.stringify(parentTasks)).not.toContain(other.lastName);
  }, 120_000);
});
