import type { Page } from '@playwright/test';
import { expect, test } from './sync-fixture';
import { createContact, formTeam, openContacts, openEditForm, syncIndicator, syncStatus, syncWaitMs } from './sync-steps';

// Two teammates add numbers and e-mail addresses to the same contact while the relay is down;
// once it is back, each laptop has every number and every address, in the same order.

test.describe.configure({ timeout: 180_000 });

/** Adds a number and an address in the open edit form and saves it. */
async function addPhoneAndEmail(page: Page, phone: { type: string; number: string }, email: string): Promise<void> {
  await page.getByRole('button', { name: /^Add (a|another) phone$/ }).click();
  const phones = page.getByRole('group', { name: 'Phones' });
  await phones.getByLabel(/^Phone number( \d+)?$/).last().fill(phone.number);
  await phones.getByLabel(/^Phone( \d+)? type$/).last().selectOption({ label: phone.type });
  await page.getByRole('button', { name: /^Add (an|another) e-mail$/ }).click();
  await page.getByRole('group', { name: 'E-mails' }).getByLabel(/^E-mail address( \d+)?$/).last().fill(email);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
}

function contactDetails(page: Page) {
  return page.getByRole('region', { name: 'Contact details' });
}

test('numbers and e-mail addresses added on two laptops while the relay is down are all on both afterwards', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  await expect((await openContacts(appB.page)).getByRole('row', { name: /Ann Example/ })).toBeVisible({ timeout: syncWaitMs });
  await openEditForm(appA.page, 'Ann Example');
  await addPhoneAndEmail(appA.page, { type: 'Mobile', number: '07700 900101' }, 'ann@acme.example');
  await expect((await openContacts(appB.page)).getByRole('row', { name: /Ann Example/ })).toContainText('+44 7700 900101', { timeout: syncWaitMs });

  await relay.kill();
  await openEditForm(appA.page, 'Ann Example');
  await addPhoneAndEmail(appA.page, { type: 'Work', number: '020 7946 0102' }, 'accounts@acme.example');
  await openEditForm(appB.page, 'Ann Example');
  await addPhoneAndEmail(appB.page, { type: 'Home', number: '0161 496 0103' }, 'ann.home@example.org');
  for (const app of [appA, appB]) await expect(syncStatus(app.page)).toHaveText(/Offline since/, { timeout: syncWaitMs });

  await relay.restart();
  for (const app of [appA, appB, appA]) {
    await syncIndicator(app.page).getByRole('button', { name: 'Sync now' }).click();
    await expect(syncStatus(app.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  }

  const shown: string[][] = [];
  for (const app of [appA, appB]) {
    const details = contactDetails(app.page);
    for (const number of ['+44 7700 900101', '+44 20 7946 0102', '+44 161 496 0103']) {
      await expect(details.getByRole('link', { name: number })).toBeVisible({ timeout: syncWaitMs });
    }
    for (const address of ['ann@acme.example', 'accounts@acme.example', 'ann.home@example.org']) {
      await expect(details.getByRole('link', { name: address })).toBeVisible({ timeout: syncWaitMs });
    }
    shown.push(await details.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')));
  }
  // The same order on both, so the same primary number and address everywhere.
  expect(shown[0]).toEqual(shown[1]);
  for (const app of [appA, appB]) {
    const row = (await openContacts(app.page)).getByRole('row', { name: /Ann Example/ });
    await expect(row).toContainText('+44 7700 900101');
    await expect(row).toContainText('ann@acme.example');
  }
});
