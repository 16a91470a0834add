// School set-up and the account page as users click them: a new school year with its care-cycle periods,
// a combination group, and a teacher turning on two-factor login and logging in with a code.
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeE2e, expectAccessible, login, logout, openE2e, screenshot, type Server } from '../support/e2e';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ acceptDialogs: true }));
}, 120_000);

afterAll(() => closeE2e({ server, browser }));

describe('school set-up', () => {
  it('administrator adds a school year and generates four periods of ten weeks', async () => {
    await login(page, server.url, 'beheerder');
    await page.goto(`${server.url}/beheer/jaren`);
    await page.getByRole('heading', { name: 'Schooljaren en periodes' }).waitFor();
    await expectAccessible(page, 'years');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Schooljaar toevoegen' }) });
    await form.getByLabel('Naam', { exact: true }).fill('2027-2028');
    await form.getByLabel('Begindatum').fill('2027-08-01');
    await form.getByLabel('Einddatum').fill('2028-07-31');
    await form.getByRole('button', { name: 'Schooljaar toevoegen' }).click();
    await page.getByText('Schooljaar 2027-2028 is toegevoegd.').waitFor();

    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Schooljaar 2027-2028' }) });
    await card.getByLabel('Indeling').selectOption({ label: 'Vier periodes van tien weken' });
    await card.getByRole('button', { name: 'Periodes maken' }).click();
    await card.getByText('De periodes zijn gemaakt.').waitFor();
    await expect.poll(() => card.locator('tbody tr').count()).toBe(4);
    const rows = await card.locator('tbody tr').allInnerTexts();
    // The first period runs from the year's start; the next ones start every ten weeks after the first Monday (2 August).
    expect(rows[0]).toContain('01-08-2027');
    expect(rows[1]).toContain('11-10-2027');
    expect(rows[3]).toContain('31-07-2028');
    await screenshot(page, 'admin-years');
  });

  it('administrator adds a combination group 4/5 and sees it in the list', async () => {
    await page.goto(`${server.url}/beheer/groepen`);
    await page.getByRole('button', { name: 'Nieuwe groep' }).click();
    await page.getByRole('button', { name: 'Groep toevoegen' }).first().waitFor();
    await expectAccessible(page, 'admin groups');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Groep toevoegen' }) }).first();
    await form.getByLabel('Naam van de groep').fill('4/5b');
    await form.getByRole('checkbox', { name: '4', exact: true }).check();
    await form.getByRole('checkbox', { name: '5', exact: true }).check();
    await form.getByRole('button', { name: 'Groep toevoegen' }).click();
    await page.getByText(/4\/5b is toegevoegd\./).waitFor();
    await page.getByRole('cell', { name: /4\/5b/ }).first().waitFor();
    await screenshot(page, 'admin-groups');

    // Non-adjacent grades are refused with a Dutch message.
    await form.getByLabel('Naam van de groep').fill('3/6');
    await form.getByRole('checkbox', { name: '3', exact: true }).check();
    await form.getByRole('checkbox', { name: '6', exact: true }).check();
    await form.getByRole('button', { name: 'Groep toevoegen' }).click();
    await page.getByText('Een combinatiegroep bestaat uit opeenvolgende leerjaren (bijv. 4/5).').waitFor();
    await logout(page);
  });
});

describe('account', () => {
  it('a teacher turns on two-factor login and then logs in with a code', async () => {
    await login(page, server.url, 'leerkracht');
    await page.goto(`${server.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await expectAccessible(page, 'account');
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.getByLabel('Code uit de app').fill(totp.generate());
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    await page.getByText('Tweestapsverificatie staat aan.', { exact: false }).waitFor();
    await screenshot(page, 'account-totp-on');
    await logout(page);

    // Password alone is not enough any more: Koers asks for the code.
    await page.getByLabel('Gebruikersnaam').fill('leerkracht');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('demo-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Inlogcode' }).waitFor();
    await expectAccessible(page, 'login code');
    expect((await page.request.get(`${server.url}/api/pupils`)).status()).toBe(401);
    await page.getByLabel('Code', { exact: true }).fill(totp.generate());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect((await page.request.get(`${server.url}/api/pupils`)).status()).toBe(200);
    await logout(page);
  });
});
