import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// The command palette reaches every screen and every kind of record: a deal by its title, a quote
// by its number or its customer, the pipeline's numbers and the mail accounts by name; and when the
// text names an action ("new"), the actions come before the records that happen to match.

async function openPalette(page: Page, typed: string) {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill(typed);
  return palette;
}

test('finds deals and quotes, opens a quote with its deal, reaches every screen, and puts actions first for "new"', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Newton Builders' } });
  const pipeline = await rpc<{ id: string }>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  const deal = await rpc<{ id: string }>(page, app, 'deals.create', { contactId: ann.id, pipelineId: pipeline.id, title: 'Loft conversion', valueMinor: 1_200_000 });
  const quote = await rpc<{ number: string }>(page, app, 'quotes.create', { dealId: deal.id, lines: [] });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  let palette = await openPalette(page, 'loft');
  await expect(palette.getByRole('group', { name: 'Deals' }).getByRole('option', { name: /Loft conversion/ })).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByRole('group', { name: 'Quotes' }).getByRole('option', { name: new RegExp(`Quote ${quote.number}`) })).toBeVisible();
  await page.keyboard.press('Escape');

  palette = await openPalette(page, quote.number);
  await expect(palette.getByRole('option', { name: new RegExp(`Quote ${quote.number}`) })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dealDialog = page.getByRole('dialog', { name: 'Loft conversion' });
  await expect(dealDialog).toBeVisible();
  await expect(dealDialog).toContainText(quote.number);
  await page.keyboard.press('Escape');
  await expect(dealDialog).toBeHidden();

  for (const [typed, option, heading] of [
    ['numbers', 'Pipeline numbers', /./],
    ['import', 'Import & export', 'Import & export'],
    ['mail acc', 'Mail accounts', /Mail/],
    ['phone line', 'Phone line', /Phone/],
  ] as const) {
    palette = await openPalette(page, typed);
    await expect(palette.getByRole('option', { name: option, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  // "new" matches the contact Newton Builders too, but the actions come first.
  palette = await openPalette(page, 'new');
  const options = palette.getByRole('option');
  await expect(palette.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Newton Builders/ })).toBeVisible();
  await expect(options.first()).toHaveText(/^New contact/);
  await page.keyboard.press('Escape');
  palette = await openPalette(page, 'new deal');
  await expect(palette.getByRole('option', { name: 'New deal', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New deal' })).toBeVisible();
});
