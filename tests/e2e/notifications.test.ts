// Notifications as a user meets them (issue 6): the intern begeleider plans a leerlingbespreking with the
// groepsleerkracht as participant; the teacher sees "Meldingen" with an unread count in the header, opens the page,
// which says what waits without naming a pupil, follows the link to the meeting, and the count goes down. axe and a
// screenshot of the page.
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

type Me = { id: number; schools: { id: number }[] };

describe('meldingen', () => {
  it('tells the teacher an invitation waits, links to the meeting and counts down once read', async () => {
    await login(page, server.url, 'leerkracht');
    const teacher = await apiGet<Me>(page, server, '/api/me');
    const before = (await apiGet<{ unread: number }>(page, server, '/api/notifications/count')).unread;

    await login(page, server.url, 'ib');
    const ib = await apiGet<Me>(page, server, '/api/me');
    const created = await page.request.post(`${server.url}/api/meetings`, {
      data: { schoolId: ib.schools[0].id, kind: 'pupilDiscussion', title: 'Leerlingbespreking bouw midden', heldOn: '2026-12-09', participantIds: [teacher.id] },
    });
    expect(created.status()).toBe(201);
    const meeting = (await created.json()) as { id: number };

    await login(page, server.url, 'leerkracht');
    const link = page.getByRole('link', { name: /^Meldingen/ });
    await expect.poll(async () => (await link.textContent()) ?? '').toContain(String(before + 1));
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Leerlingbespreking bouw midden' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('U bent uitgenodigd voor Leerlingbespreking bouw midden op 09-12-2026.');
    await expectAccessible(page, 'meldingen');
    await screenshot(page, 'notifications');

    await item.getByRole('link', { name: 'Openen' }).click();
    await page.waitForURL(`**/overleg/${meeting.id}`);
    await page.getByRole('heading', { level: 1, name: 'Leerlingbespreking bouw midden' }).waitFor();
    await expect.poll(async () => (await apiGet<{ unread: number }>(page, server, '/api/notifications/count')).unread).toBe(before);
  });
});
