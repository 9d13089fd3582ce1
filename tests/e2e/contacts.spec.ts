import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';

// The contacts screens driven as a person would: by role and label, through the browser host.

async function createThroughApi(page: Page, app: RunningApp, draft: Record<string, unknown>): Promise<void> {
  // page.request carries the page's cookie, so this is the same signed-in window talking.
  const answer = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft } });
  expect(await answer.json()).toMatchObject({ ok: true });
}

/** The app opens on the dashboard; these tests start from the contact list. */
async function openContacts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
}

async function contactCount(page: Page, app: RunningApp): Promise<number> {
  const answer = await page.request.post(`${app.origin}/rpc/contacts.list`, { data: {} });
  return ((await answer.json()) as { data: { total: number } }).data.total;
}

test('creates a contact, finds it by phone digits, edits it, deletes it and brings it back with Undo', async ({ app, page }) => {
  await openContacts(page);
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first contact' }).click();

  await page.getByLabel('Name', { exact: true }).fill('Ann Example');
  await page.getByRole('textbox', { name: 'Company' }).fill('Acme Plumbing');
  await page.getByLabel('Phone number', { exact: true }).fill('020 7946 0958');
  await page.getByLabel('E-mail address', { exact: true }).fill('ann@example.com');
  await page.getByRole('button', { name: 'Create contact' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  const phoneLink = page.getByRole('link', { name: '+44 20 7946 0958' });
  await expect(phoneLink).toHaveAttribute('href', 'tel:+442079460958');
  await expect(page.getByRole('link', { name: 'ann@example.com' })).toHaveAttribute('href', 'mailto:ann@example.com');

  await createThroughApi(page, app, { name: 'Bob Other', phones: [{ type: 'mobile', number: '07700 900123' }] });
  await page.getByRole('link', { name: 'All contacts' }).click();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row', { name: /Bob Other/ })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('7946');
  await expect(grid.getByRole('row', { name: /Bob Other/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Ann Example/ })).toBeVisible();
  await expect(page.getByText('1 of 2 contacts')).toBeVisible();

  // Keyboard: from the search box into the list, Enter opens the contact.
  await search.press('ArrowDown');
  await expect(grid.getByRole('row', { name: /Ann Example/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Company' }).fill('Castle Roofing');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Won' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Company: Castle Roofing' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Type and status' }).getByText('Won')).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').getByText('Deleted Ann Example')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ann Example/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Ann Example/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Castle Roofing/ })).toBeVisible();
});

test('warns before creating a second contact with the same e-mail, and Open existing opens the first', async ({
  app,
  page,
}) => {
  await createThroughApi(page, app, {
    name: 'Ann Example',
    company: 'Acme Plumbing',
    emails: [{ type: 'work', address: 'ann@example.com' }],
  });
  await openContacts(page);
  await expect(page.getByRole('row', { name: /Ann Example/ })).toBeVisible();

  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Annie Example');
  await page.getByLabel('E-mail address', { exact: true }).fill('Ann@Example.com');
  await page.getByRole('button', { name: 'Create contact' }).click();

  const dialog = page.getByRole('dialog', { name: 'This contact may already exist' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ann Example');
  await expect(dialog).toContainText('same e-mail ann@example.com');

  await dialog.getByRole('button', { name: 'Open existing' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  expect(await contactCount(page, app)).toBe(1);
});

test('Create anyway keeps both contacts, and a phone the core cannot read is marked on its field', async ({ app, page }) => {
  await createThroughApi(page, app, { name: 'Ann Example', phones: [{ type: 'mobile', number: '020 7946 0958' }] });
  await openContacts(page);

  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ann at the office');
  const phone = page.getByLabel('Phone number', { exact: true });
  await phone.fill('12');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/not a phone number/);
  await expect(phone).toBeFocused();

  await phone.fill('+44 20 7946 0958');
  await page.getByRole('button', { name: 'Create contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'This contact may already exist' });
  await expect(dialog).toContainText('same phone +44 20 7946 0958');
  await dialog.getByRole('button', { name: 'Create anyway' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ann at the office' })).toBeVisible();
  expect(await contactCount(page, app)).toBe(2);
});
