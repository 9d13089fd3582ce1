import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// Someone rings about "the Cotham Hill flats": from the palette, the search page lists the
// contact, the note, the call, the deal, its quote and the job at once, the words marked in each;
// choosing a kind narrows the list to what its count said; the keyboard walks the results and
// Enter opens one.

test('one search finds every kind of record, narrows by kind and opens a hit from the keyboard', async ({ app, page }) => {
  const landlord = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Cotham Hill Lettings', tags: ['landlord'] } });
  const tenant = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Priya Shah' } });
  await rpc(page, app, 'notes.create', { contactId: tenant.id, body: 'Damp in the bathroom of the Cotham Hill flats, second floor.' });
  await rpc(page, app, 'calls.log', { direction: 'inbound', number: '0117 496 0123', startedAt: Date.now() - 3_600_000, disposition: 'call back', contactId: landlord.id, notes: 'Boiler at Cotham Hill again' });
  const pipeline = await rpc<{ id: string }>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  const deal = await rpc<{ id: string }>(page, app, 'deals.create', { contactId: landlord.id, pipelineId: pipeline.id, title: 'Cotham Hill re-roof' });
  await rpc(page, app, 'quotes.create', { dealId: deal.id, lines: [] });
  await rpc(page, app, 'jobs.create', { contactId: landlord.id, title: 'Boiler service', description: 'Flat 2 at Cotham Hill', status: 'scheduled' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('cotham hill');
  await palette.getByRole('option', { name: /Search everything for “cotham hill”/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search everything' })).toHaveValue('cotham hill');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(6);
  // The contact named so comes first, its words marked.
  await expect(results.getByRole('listitem').first()).toContainText('Cotham Hill Lettings');
  await expect(results.getByRole('listitem').first().locator('mark')).toHaveText(['Cotham', 'Hill']);
  await expect(results.getByRole('button', { name: /Note.*Priya Shah.*Cotham Hill flats/ })).toBeVisible();
  await expect(page.getByText('6 results for “cotham hill”')).toBeVisible();

  // Choosing a kind leaves as many hits as its count said.
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const jobs = filters.getByRole('checkbox', { name: /Jobs/ });
  await expect(filters.getByText('Jobs').locator('..')).toContainText('1');
  await jobs.check();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Boiler service');
  await jobs.uncheck();
  await filters.getByLabel('Tag').selectOption('landlord');
  await expect(results.getByRole('listitem')).toHaveCount(5);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(6);

  // Typing narrows as it goes; the keyboard walks from the box into the results and opens one.
  const box = page.getByRole('searchbox', { name: 'Search everything' });
  await box.fill('cotham re-roof');
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await box.press('ArrowDown');
  await expect(results.getByRole('button', { name: /Deal.*Cotham Hill re-roof/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Cotham Hill re-roof' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The address keeps the search: a reload comes back to the same results.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search everything' })).toHaveValue('cotham re-roof');
  await expect(results.getByRole('listitem')).toHaveCount(2);

  // A job opens in its own dialog over the jobs list.
  await page.getByRole('searchbox', { name: 'Search everything' }).fill('boiler');
  await results.getByRole('button', { name: /Job.*Boiler service/ }).click();
  await expect(page.getByRole('dialog', { name: 'Boiler service' })).toBeVisible();
});
