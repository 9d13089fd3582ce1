import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A new office opening Fieldbook on an empty data folder: the getting-started checklist on the
// dashboard, each step done in place or one click from its place, ticking itself off, and gone
// for good once dismissed.

const logoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('the first-run checklist is done in place, ticks itself off and stays dismissed', async ({ app, page }) => {
  const checklist = page.getByRole('region', { name: 'Get Fieldbook ready' });
  await expect(checklist).toBeVisible({ timeout: 15_000 });
  const steps = checklist.getByRole('list', { name: 'Getting started steps' });
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  await expect(steps.getByRole('listitem', { name: /, done$/ })).toHaveCount(0);

  // Your name, typed and saved right here.
  await checklist.getByRole('textbox', { name: 'Your name' }).fill('Jo Castle');
  await checklist.getByRole('textbox', { name: 'Your name' }).press('Enter');
  await expect(steps.getByRole('listitem', { name: 'Your name, done' })).toBeVisible();

  // The office: its name and its logo, both here.
  await checklist.getByRole('textbox', { name: 'Office name' }).fill('Castle Roofing');
  await checklist.getByRole('button', { name: 'Save' }).click();
  await expect(checklist.getByText('Castle Roofing')).toBeVisible();
  await checklist.getByLabel('Upload logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng });
  await expect(steps.getByRole('listitem', { name: 'Your office and logo, done' })).toBeVisible();

  // A pipeline made in place.
  await checklist.getByRole('button', { name: 'Create a sales pipeline' }).click();
  await expect(steps.getByRole('listitem', { name: 'Set up a pipeline, done' })).toBeVisible();

  // Import opens the import screen; a contact added anywhere ticks the step off.
  await checklist.getByRole('button', { name: 'Import contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  await rpc(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(steps.getByRole('listitem', { name: 'Import your contacts, done' })).toBeVisible();
  await expect(checklist.getByText('4 of 5 done.', { exact: false })).toBeVisible();

  // Dismissed, it stays away, after a reload too.
  await checklist.getByRole('button', { name: 'Dismiss the getting started checklist' }).click();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Get Fieldbook ready' })).toHaveCount(0);
});

test('the empty contacts list offers Import contacts beside adding the first contact', async ({ app, page }) => {
  expect(app.url).toContain(app.origin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const empty = page.getByRole('region', { name: 'No contacts yet' });
  await expect(empty.getByRole('button', { name: 'Add your first contact' })).toBeVisible();
  await empty.getByRole('button', { name: 'Import contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
});
