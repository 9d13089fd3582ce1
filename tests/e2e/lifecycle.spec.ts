import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A website lead converts to a customer from its page: the stage, its history and the timeline say
// so at once, and the dashboard and the pipeline's numbers count the conversion by source.

test('converts a lead to a customer and the conversion figures count it', async ({ app, page }) => {
  await rpc(page, app, 'settings.update', { userName: 'Sam Carter' });
  await rpc(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  const lead = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Cotham Hill Lettings', contactType: 'lead', source: 'website' } });
  await rpc(page, app, 'contacts.create', { draft: { name: 'Still a lead', contactType: 'lead', source: 'website' } });
  await page.goto(`${app.origin}/#/contacts/${lead.id}`);

  const card = page.getByRole('region', { name: 'Lifecycle' });
  await expect(card.getByLabel('Stage', { exact: true })).toHaveValue('lead');
  await expect(card).toContainText('From the contact type');
  await card.getByRole('button', { name: 'Convert to customer' }).click();
  await expect(card.getByLabel('Stage', { exact: true })).toHaveValue('customer');
  await expect(card.getByRole('button', { name: 'Convert to customer' })).toBeHidden();
  const history = card.getByRole('list', { name: 'Stage history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Customer');
  await expect(history.getByRole('listitem').first()).toContainText('Sam Carter');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Stage: Lead → Customer');
  // The score's words follow the stage: no longer "a cold lead".
  await expect(page.getByRole('region', { name: 'Score and health' })).toContainText(/customer/i);

  await page.goto(`${app.origin}/#/dashboard`);
  const tile = page.getByRole('link', { name: /Leads converted/ });
  await expect(tile).toContainText('50%');
  await expect(tile).toContainText('1 of 2 leads');
  await tile.click();

  const conversions = page.getByRole('region', { name: 'Leads to customers' });
  await expect(conversions.getByRole('table', { name: 'By source' }).getByRole('row', { name: /website/ })).toContainText('50%');
});
