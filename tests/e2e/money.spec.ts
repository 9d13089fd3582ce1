import type { Locator, Page } from '@playwright/test';
import { readPdf } from '../helpers/pdf-text';
import { expect, test } from './app-fixture';
import { rpc, type PipelineData } from './rpc';

// Money typed by a person is read by one parser with one rule per field: a deal's value and a
// contact's potential value may not be negative (and say so in the same words), a quote line
// may (a deposit already paid), and the PDF the customer gets adds up what the editor showed.

const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('button', { name: new RegExp(`^${title},`) });

test('a negative deal value is refused with a reason, as the contact form refuses a negative potential value', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  await rpc(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();

  await page.getByRole('button', { name: 'New deal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deal' });
  await dialog.getByLabel('Title').fill('Refund dispute');
  await dialog.getByRole('combobox', { name: 'Contact' }).fill('Ann');
  await dialog.getByRole('option', { name: /Ann Example/ }).click();
  await dialog.getByLabel('Value').fill('-250');
  await dialog.getByRole('button', { name: 'Add deal' }).click();
  await expect(dialog.getByLabel('Value')).toHaveAccessibleDescription(/cannot be negative/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, 'Refund dispute')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Bob Fletcher');
  await page.getByLabel('Potential value').fill('-500');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByLabel('Potential value')).toHaveAccessibleDescription(/cannot be negative/);
});

test('a quote line may be negative: a deposit already paid comes off the total, on screen and on the PDF', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  await rpc(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler replacement', valueMinor: 150_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();

  await card(page, 'Boiler replacement').click();
  await page.getByRole('dialog', { name: 'Boiler replacement' }).getByRole('button', { name: 'New quote' }).click();
  const editor = page.getByRole('dialog', { name: 'New quote' });
  await editor.getByLabel('Description, line 1').fill('Combi boiler, fitted');
  await editor.getByLabel('Unit price, line 1').fill('1,500');
  await editor.getByLabel('Tax rate, line 1').fill('0');
  await editor.getByRole('button', { name: 'Add line' }).click();
  await editor.getByLabel('Description, line 2').fill('Deposit already paid');
  await editor.getByLabel('Unit price, line 2').fill('-500');
  await editor.getByLabel('Tax rate, line 2').fill('0');
  const totals = editor.getByRole('group', { name: 'Quote totals' });
  await expect(totals.getByRole('definition').last()).toHaveText('£1,000.00');

  await editor.getByRole('button', { name: 'Make PDF and mark as sent' }).click();
  const sent = page.getByRole('dialog', { name: /^Quote / });
  const pdfLink = sent.getByRole('link', { name: /\.pdf/ });
  await expect(pdfLink).toBeVisible();
  const pdf = await page.request.get(`${app.origin}${await pdfLink.getAttribute('href')}`);
  const { text } = await readPdf(await pdf.body());
  expect(text).toContain('Deposit already paid');
  expect(text).toMatch(/-£500\.00/);
  expect(text).toMatch(/Total\s+£1,000\.00/);
  expect(text).not.toContain('£2,000.00');
});
