// The administrator's pages as users click them: school settings (care-coordinator label, compulsory two-factor),
// accounts, the outbox with the invitation, and assigning a new teacher to a group.
// The tests run in order and build on each other: the account made in "accounts" is invited in "outbox" and
// put in a group in "group staff".
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, closeE2e, expectAccessible, login, logout, newPage, openE2e, screenshot, type Server } from '../support/e2e';

const SCHOOL = 'Basisschool De Meerpaal';
const NEW_USER = { name: 'Joris Bakker', login: 'j.bakker', email: 'j.bakker@demeerpaal.example', password: 'Zeilboot-Kompas-2026' };
const GROUP = '7';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ acceptDialogs: true }));
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

/** The admin pages open on the first managed school; the demo administrator manages two, so pick one. */
async function pickSchool(p: Page, name = SCHOOL) {
  const picker = p.getByRole('form', { name: 'School kiezen' }).getByLabel('School', { exact: true });
  await picker.selectOption({ label: name });
  await expect.poll(() => picker.locator('option:checked').innerText()).toBe(name);
}

function settingsForm(p: Page): Locator {
  return p.locator('form', { has: p.getByRole('button', { name: 'Opslaan', exact: true }) });
}

async function openSettings(p: Page) {
  await p.goto(`${server.url}/beheer/school`);
  await p.getByRole('heading', { level: 1, name: 'Schoolinstellingen' }).waitFor();
  await pickSchool(p);
  await settingsForm(p).getByLabel('Benaming van de intern begeleider').waitFor();
  return settingsForm(p);
}

async function saveSettings(form: Locator) {
  await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await form.getByText('De wijzigingen zijn opgeslagen.').waitFor();
}

describe('school settings', () => {
  it('administrator renames the care coordinator and makes two-factor compulsory; a care role must then set it up', async () => {
    await login(page, server.url, 'beheerder');
    let form = await openSettings(page);
    await expectAccessible(page, 'school settings');
    const label = form.getByLabel('Benaming van de intern begeleider');
    const totp = form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' });
    expect(await label.inputValue()).toBe('intern begeleider');
    expect(await totp.isChecked()).toBe(false);

    await label.fill('zorgspecialist');
    await totp.check();
    await saveSettings(form);
    try {
      await changedSettingsHold();
    } finally {
      // Restore the settings so the new teacher in the next tests is not asked for two-factor set-up.
      form = await openSettings(page);
      await form.getByLabel('Benaming van de intern begeleider').fill('intern begeleider');
      await form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' }).uncheck();
      await saveSettings(form);
    }
    await page.reload();
    form = await openSettings(page);
    expect(await form.getByLabel('Benaming van de intern begeleider').inputValue()).toBe('intern begeleider');
    expect(await form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' }).isChecked()).toBe(false);
  }, 150_000);

  it('the support settings: another level model, the handelingsplan term, and which signal rules point out OPP candidates', async () => {
    await login(page, server.url, 'beheerder');
    let form = await openSettings(page);
    const support = form.getByRole('group', { name: 'Ondersteuningsniveaus en plannen' });
    await support.getByLabel('Niveaumodel').selectOption({ label: 'Vijf niveaus (basis, extra, kwaliteitsondersteuner, arrangement, verwijzing)' });
    await support.getByLabel('Langste termijn (weken)').fill('10');
    const candidates = support.getByRole('group', { name: 'Signaleringsregels die een OPP-kandidaat aanwijzen' });
    await candidates.getByLabel('Laag niveau').check();
    await candidates.getByLabel('Achterstand in weken').uncheck();
    await expectAccessible(page, 'school settings: support');
    await saveSettings(form);

    await page.reload();
    form = await openSettings(page);
    const after = form.getByRole('group', { name: 'Ondersteuningsniveaus en plannen' });
    expect(await after.getByLabel('Langste termijn (weken)').inputValue()).toBe('10');
    const ticked = after.getByRole('group', { name: 'Signaleringsregels die een OPP-kandidaat aanwijzen' });
    expect(await ticked.getByLabel('Laag niveau').isChecked()).toBe(true);
    expect(await ticked.getByLabel('Achterstand in weken').isChecked()).toBe(false);
    type Settings = { support: { levels: unknown[]; actionPlan: { maxWeeks: number }; oppCandidateRuleKinds: string[] } };
    const schools = await apiGet<{ items: { name: string; settings: Settings }[] }>(page, server, '/api/schools');
    const saved = schools.items.find((x) => x.name === SCHOOL)!;
    expect(saved.settings.support.levels).toHaveLength(5);
    expect(saved.settings.support.actionPlan.maxWeeks).toBe(10);
    expect([...saved.settings.support.oppCandidateRuleKinds].sort()).toEqual(['consecutiveLow', 'dleBehindAtGrade', 'lowLevel']);
  }, 150_000);
});

/** After the administrator saved "zorgspecialist" and compulsory two-factor: what the admin and the intern begeleider see. */
async function changedSettingsHold() {
  let form = settingsForm(page);
  // The hint under the checkbox names the role with the school's own word at once.
  await form.getByText(/de zorgspecialist en de directeur/).waitFor();

  // Kept after a reload.
  await page.reload();
  form = await openSettings(page);
  expect(await form.getByLabel('Benaming van de intern begeleider').inputValue()).toBe('zorgspecialist');
  expect(await form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' }).isChecked()).toBe(true);
  await screenshot(page, 'admin-school-settings');

  // The label is used elsewhere too: the role filter on the accounts page.
  await page.goto(`${server.url}/beheer/accounts`);
  await pickSchool(page);
  const roleFilter = page.getByRole('form', { name: 'Accounts filteren' }).getByLabel('Rol', { exact: true });
  expect(await roleFilter.locator('option').allInnerTexts()).toContain('Zorgspecialist');

  // A one-letter label is refused with a Dutch message at the field, and nothing changes.
  form = await openSettings(page);
  await form.getByLabel('Benaming van de intern begeleider').fill('z');
  await form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' }).uncheck();
  await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
  const field = form.getByLabel('Benaming van de intern begeleider');
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const fieldMessage = await form.locator('.field-error').first().innerText();
  expect(fieldMessage).toBe('Een benaming heeft minstens 2 tekens.');
  await form.getByText('Controleer de gemarkeerde velden.').first().waitFor();
  expect(await form.getByText('De wijzigingen zijn opgeslagen.').count()).toBe(0);
  await expectAccessible(page, 'school settings with a field error');
  await screenshot(page, 'admin-school-settings-error');
  await page.reload();
  form = await openSettings(page);
  expect(await form.getByLabel('Benaming van de intern begeleider').inputValue()).toBe('zorgspecialist');
  expect(await form.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor zorgrollen' }).isChecked()).toBe(true);

  // The intern begeleider (a care role) logs in and is sent to set up two-factor login before anything else.
  const ib = await newPage(browser);
  try {
    await ib.goto(`${server.url}/inloggen`);
    await ib.getByLabel('Gebruikersnaam').fill('ib');
    await ib.getByLabel('Wachtwoord', { exact: true }).fill('demo-wachtwoord');
    const loginResponse = ib.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await ib.getByRole('button', { name: 'Inloggen' }).click();
    expect(await (await loginResponse).json()).toMatchObject({ status: 'mfa_setup_required' });
    await ib.waitForURL(`${server.url}/account`);
    await ib.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await ib.getByText('Uw school vereist tweestapsverificatie voor uw rol', { exact: false }).waitFor();
    await ib.getByRole('button', { name: 'Tweestapsverificatie instellen' }).waitFor();
    // Only the two-factor part is shown, not the password form.
    expect(await ib.getByRole('heading', { name: 'Wachtwoord wijzigen' }).count()).toBe(0);
    await expectAccessible(ib, 'account with two-factor set-up required');
    await screenshot(ib, 'ib-mfa-setup-required');
    // Other pages send them back to the account page, and the API refuses pupil data.
    await ib.goto(`${server.url}/leerlingen`);
    await ib.waitForURL(`${server.url}/account`);
    const pupils = await ib.request.get(`${server.url}/api/pupils`);
    expect(pupils.status()).toBe(403);
    expect((await pupils.json()).error).toBe('mfa_setup_required');
  } finally {
    await ib.context().close();
  }
}

describe('accounts', () => {
  it('administrator creates a teacher who is also mentor, with an e-mail address; a second account with the same login is refused', async () => {
    await page.goto(`${server.url}/beheer/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await pickSchool(page);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    const form = page.locator('form', { has: page.getByRole('group', { name: `Rollen bij ${SCHOOL}` }) });
    await form.waitFor();
    await expectAccessible(page, 'accounts with the new-account form');
    await form.getByLabel('Naam', { exact: true }).fill(NEW_USER.name);
    await form.getByLabel('Gebruikersnaam').fill(NEW_USER.login);
    await form.getByLabel('E-mailadres').fill(NEW_USER.email);
    const roles = form.getByRole('group', { name: `Rollen bij ${SCHOOL}` });
    // Groepsleerkracht is ticked by default; add Mentor.
    expect(await roles.getByRole('checkbox', { name: 'Groepsleerkracht' }).isChecked()).toBe(true);
    await roles.getByRole('checkbox', { name: 'Mentor' }).check();
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await form.getByText(`Het account van ${NEW_USER.name} is aangemaakt. De uitnodiging staat bij de uitgaande e-mail.`).waitFor();
    // The form is empty again.
    expect(await form.getByLabel('Gebruikersnaam').inputValue()).toBe('');

    const list = page.getByRole('table', { name: 'Accounts van de school' });
    await page.getByRole('form', { name: 'Accounts filteren' }).getByLabel('Zoeken').fill('bakker');
    const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NEW_USER.name }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe(NEW_USER.login);
    expect(cells[1]).toBe(NEW_USER.email);
    expect(cells[2].split(', ').sort()).toEqual(['Groepsleerkracht', 'Mentor']);
    expect(cells[3]).toBe('Actief');
    await screenshot(page, 'admin-accounts');

    // The same login in other capitals is taken too.
    await form.getByLabel('Naam', { exact: true }).fill('Jet Bakker');
    await form.getByLabel('Gebruikersnaam').fill('J.Bakker');
    await form.getByLabel('E-mailadres').fill('jet.bakker@demeerpaal.example');
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await form.getByText('Deze gebruikersnaam is al in gebruik.').waitFor();
    expect(await form.getByLabel('Gebruikersnaam').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'accounts with a duplicate login');
    await screenshot(page, 'admin-accounts-duplicate');
    await page.getByRole('form', { name: 'Accounts filteren' }).getByLabel('Zoeken').fill('jet.bakker');
    await page.getByText('Geen accounts gevonden.').waitFor();
  });
});

describe('outbox', () => {
  it('the invitation is in the outbox; its link sets a password and the new teacher logs in', async () => {
    await page.goto(`${server.url}/beheer/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Uitgaande e-mail' }).waitFor();
    await pickSchool(page);
    const table = page.getByRole('table', { name: 'Uitgaande e-mail' });
    const row = table.getByRole('row').filter({ hasText: NEW_USER.email });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[1]).toBe(NEW_USER.email);
    expect(cells[2]).toBe('Nog niet verzonden');
    await row.getByText('Uw account voor Koers').click();
    const body = row.locator('.mail-body');
    await body.waitFor();
    expect(await body.innerText()).toContain(`Beste ${NEW_USER.name},`);
    const link = body.getByRole('link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/wachtwoord-herstellen\\?token=[\\w-]{20,}$`));
    expect(await link.innerText()).toBe(href);
    await expectAccessible(page, 'outbox with an opened mail');
    await screenshot(page, 'admin-outbox');

    // Follow the link as the new teacher would, in their own browser.
    const teacher = await newPage(browser);
    try {
      await teacher.goto(href!);
      await teacher.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord instellen' }).waitFor();
      await expectAccessible(teacher, 'set password');
      // A password with the login in it or too short is refused first.
      await teacher.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
      await teacher.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
      await teacher.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await expect.poll(() => teacher.getByLabel('Nieuw wachtwoord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await teacher.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_USER.password);
      await teacher.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_USER.password);
      await teacher.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await teacher.getByText('Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen.').waitFor();
      await screenshot(teacher, 'invite-password-set');

      await teacher.getByRole('link', { name: 'Naar inloggen' }).click();
      await teacher.getByLabel('Gebruikersnaam').fill(NEW_USER.login);
      await teacher.getByLabel('Wachtwoord', { exact: true }).fill(NEW_USER.password);
      await teacher.getByRole('button', { name: 'Inloggen' }).click();
      await teacher.getByRole('button', { name: 'Uitloggen' }).waitFor();
      await teacher.getByRole('heading', { level: 1, name: `Welkom, ${NEW_USER.name}` }).waitFor();
      // Not in a group yet: the home page says so.
      await teacher.getByText('U bent dit schooljaar nog niet aan een groep gekoppeld.', { exact: false }).waitFor();
      await logout(teacher);

      // The link works once.
      await teacher.goto(href!);
      await teacher.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nog-een-ander-wachtwoord');
      await teacher.getByLabel('Herhaal het nieuwe wachtwoord').fill('Nog-een-ander-wachtwoord');
      await teacher.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await teacher.getByText('Deze herstellink is verlopen of al gebruikt. Vraag een nieuwe aan.').waitFor();
      await teacher.getByRole('link', { name: 'Nieuwe herstellink aanvragen' }).waitFor();
    } finally {
      await teacher.context().close();
    }
  });
});

describe('group staff', () => {
  it('administrator assigns the new teacher to a group; the teacher then sees its pupils', async () => {
    await page.goto(`${server.url}/beheer/groepen`);
    await page.getByRole('heading', { level: 1, name: 'Groepen en medewerkers' }).waitFor();
    await pickSchool(page);
    const groups = page.getByRole('table', { name: 'Groepen' });
    const row = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Groep ${GROUP}`, exact: true }) });
    await row.waitFor();
    const pupilCount = Number(await row.locator('td.num').innerText());
    expect(pupilCount).toBeGreaterThan(0);
    await row.getByRole('button', { name: `Wijzigen Groep ${GROUP}` }).click();

    const editor = page.locator('section', { has: page.getByRole('heading', { name: `Groep ${GROUP} bewerken` }) });
    await editor.getByRole('heading', { name: 'Medewerkers', exact: true }).waitFor();
    await expectAccessible(page, 'admin groups with the staff editor');
    const add = editor.locator('form', { has: page.getByRole('button', { name: 'Toevoegen aan de lijst' }) });
    expect(await add.getByLabel('Taak', { exact: true }).inputValue()).toBe('teacher');
    await add.getByLabel('Medewerker', { exact: true }).selectOption({ label: NEW_USER.name });
    await add.getByRole('button', { name: 'Toevoegen aan de lijst' }).click();
    await editor.getByText('Er zijn niet-opgeslagen wijzigingen.').waitFor();
    const staff = editor.getByRole('table', { name: `Medewerkers van Groep ${GROUP}` });
    await staff.getByRole('rowheader', { name: NEW_USER.name }).waitFor();
    await editor.getByRole('button', { name: 'Medewerkers opslaan' }).click();
    await editor.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect(await editor.getByText('Er zijn niet-opgeslagen wijzigingen.').count()).toBe(0);
    // The group list shows the new teacher too.
    await expect.poll(() => row.innerText()).toContain(NEW_USER.name);
    await screenshot(page, 'admin-group-staff');
    // Kept after a reload.
    await page.reload();
    await pickSchool(page);
    await expect.poll(() => page.getByRole('table', { name: 'Groepen' }).getByRole('row').filter({ hasText: NEW_USER.name }).count()).toBe(1);
    await logout(page);

    // The new teacher sees the group and its pupils on the home page.
    await login(page, server.url, NEW_USER.login, NEW_USER.password);
    await page.getByRole('heading', { level: 1, name: `Welkom, ${NEW_USER.name}` }).waitFor();
    const pupils = page.getByRole('table', { name: `Leerlingen van Groep ${GROUP}` });
    await pupils.waitFor();
    await expect.poll(() => pupils.locator('tbody tr').count()).toBe(pupilCount);
    await expectAccessible(page, 'home of the new teacher');
    await screenshot(page, 'new-teacher-home');

    // ... and on the groups page, from where the group opens.
    await page.goto(`${server.url}/groepen`);
    await page.getByRole('link', { name: `Groep ${GROUP}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Groep ${GROUP}`) }).waitFor();
    await expect.poll(() => page.locator('main tbody tr').count()).toBe(pupilCount);
    await logout(page);
  });
});

describe('publishing results to parents', () => {
  it('a parent sees the child\'s results only once the school publishes them, and without the signals', async () => {
    const parent = await newPage(browser);
    try {
      await login(parent, server.url, 'ouder');
      const me = (await (await parent.request.get(`${server.url}/api/me`)).json()) as { children: { id: number; name: string }[] };
      const child = me.children[0];
      await parent.goto(`${server.url}/leerlingen/${child.id}`);
      await parent.getByRole('link', { name: 'Alle toetsresultaten' }).click();
      // Not published (the default): refused, and the school's data stays on the server.
      await parent.getByRole('heading', { name: 'Geen toegang' }).waitFor();
      expect((await parent.request.get(`${server.url}/api/pupils/${child.id}/results`)).status()).toBe(403);

      // The administrator publishes results to parents.
      await login(page, server.url, 'beheerder');
      const form = await openSettings(page);
      const publish = form.getByLabel('Toetsresultaten zichtbaar voor ouders');
      expect(await publish.isChecked()).toBe(false);
      await publish.check();
      await saveSettings(form);
      try {
        await parent.reload();
        await parent.getByRole('heading', { level: 1, name: `Toetsresultaten — ${child.name}` }).waitFor();
        await parent.getByRole('heading', { level: 2, name: /Rekenen-wiskunde/ }).first().waitFor();
        // The results and charts, but not the school's signals.
        expect(await parent.getByRole('heading', { name: 'Signalen' }).count()).toBe(0);
        await expectAccessible(parent, 'results as a parent');
        await screenshot(parent, 'parent-results');
      } finally {
        // Back to the default for whatever runs next.
        const again = await openSettings(page);
        await again.getByLabel('Toetsresultaten zichtbaar voor ouders').uncheck();
        await saveSettings(again);
        await logout(page);
      }
      expect((await parent.request.get(`${server.url}/api/pupils/${child.id}/results`)).status()).toBe(403);
    } finally {
      await parent.context().close();
    }
  });
});
