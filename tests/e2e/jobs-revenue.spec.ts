import { expect, test } from './app-fixture';
import { rpc, type PipelineData } from './rpc';

// Jobs in Chromium beyond the triage desk: one booked before its contact is known and linked by
// the suggestion the user confirms; one booked from a deal and unlinked; and what a customer and
// the partner who referred them brought, from the jobs that were paid.

interface Named {
  id: string;
  name: string;
}

test('a job booked with only a phone number is linked to the contact the app suggests, and the revenue follows', async ({ app, page }) => {
  const ruth = await rpc<Named>(page, app, 'contacts.create', {
    draft: { name: 'Ruth Hartley', phones: [{ type: 'mobile', number: '07700 900123' }], address: { street: '4 Cotham Hill', city: 'Bristol', postcode: 'BS6 6LA' } },
  });
  const agent = await rpc<Named>(page, app, 'contacts.create', { draft: { name: 'Clifton Letting Agents', contactType: 'partner' } });
  await rpc(page, app, 'jobs.create', { contactId: ruth.id, title: 'Boiler service', status: 'paid', invoicedMinor: 9_500, paidAt: Date.now() - 86_400_000 });

  await page.goto(`${app.origin}/#/jobs`);
  await page.getByRole('button', { name: 'New job' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New job' });
  await dialog.getByLabel('Job', { exact: true }).fill('Leak under the sink');
  await dialog.getByLabel('Their phone').fill('+44 7700 900123');
  const suggestion = dialog.getByRole('list', { name: 'Suggested contacts' });
  await expect(suggestion.getByRole('listitem')).toHaveText([/Ruth Hartley.*Same phone number/]);
  await dialog.screenshot({ path: '/tmp/shots-jobs/suggestion.png' });

  // Booked without taking the suggestion: the job waits, "not linked yet", with the number.
  await dialog.getByLabel('Invoiced').fill('240');
  await dialog.getByLabel('Status').selectOption('paid');
  await dialog.getByRole('button', { name: 'Book job' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('group', { name: 'Status' }).getByText('All', { exact: true }).click();
  const row = page.getByRole('row', { name: /Leak under the sink/ });
  await expect(row).toContainText('Not linked yet · +44 7700 900123');

  // Opened again, the suggestion is still offered; using it links the job and fills the address.
  await row.click();
  const editing = page.getByRole('dialog', { name: 'Leak under the sink' });
  await editing.getByRole('button', { name: 'Use Ruth Hartley' }).click();
  await expect(editing.getByRole('combobox', { name: 'Contact' })).toHaveValue('Ruth Hartley');
  await editing.getByRole('button', { name: 'Save job' }).click();
  await expect(editing).toBeHidden();
  await expect(row).toContainText('Ruth Hartley');

  // Her page: two jobs, both paid, £335.00; and the partner who referred her, chosen in place.
  await page.goto(`${app.origin}/#/contacts/${ruth.id}`);
  const card = page.getByRole('region', { name: 'Jobs and revenue' });
  await expect(card.getByRole('definition').nth(0)).toHaveText('2 jobs, 2 paid');
  await expect(card.getByRole('definition').nth(1)).toHaveText('£335.00');
  await card.getByRole('button', { name: 'Add referrer' }).click();
  await card.getByRole('combobox', { name: 'Referred by' }).fill('Clifton');
  await card.getByRole('option', { name: /Clifton Letting Agents/ }).click();
  await expect(card.getByRole('link', { name: 'Clifton Letting Agents' })).toBeVisible();
  await card.screenshot({ path: '/tmp/shots-jobs/revenue.png' });

  // The partner's page counts what those it sent brought.
  await card.getByRole('link', { name: 'Clifton Letting Agents' }).click();
  const partnerCard = page.getByRole('region', { name: 'Jobs and revenue' });
  await expect(partnerCard.getByRole('region', { name: 'Referrals' })).toContainText('Referred 1 contact: 2 paid jobs, £335.00');
  await expect(partnerCard.getByRole('link', { name: 'Ruth Hartley' })).toBeVisible();
  expect((await rpc<{ referrals: { count: number } }>(page, app, 'revenue.ofContact', { id: agent.id })).referrals.count).toBe(1);
});

test('a deal lists its jobs, books a new one from itself, and unlinks one with undo', async ({ app, page }) => {
  const ann = await rpc<Named>(page, app, 'contacts.create', { draft: { name: 'Ann Baker' } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  const deal = await rpc<{ id: string }>(page, app, 'deals.create', { contactId: ann.id, pipelineId: pipeline.id, title: 'New bathroom', valueMinor: 500_000 });

  await page.goto(`${app.origin}/#/pipeline`);
  await page.getByRole('button', { name: /^New bathroom,/ }).click();
  const dealDialog = page.getByRole('dialog', { name: 'New bathroom' });
  const jobs = dealDialog.getByRole('region', { name: 'Jobs' });
  await expect(jobs).toContainText('No jobs yet.');
  await jobs.getByRole('button', { name: 'New job' }).click();

  const jobDialog = page.getByRole('dialog', { name: 'New job' });
  await expect(jobDialog.getByLabel('Job', { exact: true })).toHaveValue('New bathroom');
  await jobDialog.getByRole('button', { name: 'Book job' }).click();
  await expect(jobDialog).toBeHidden();
  const linked = await rpc<{ items: { id: string; dealId: string | null }[] }>(page, app, 'jobs.list', { dealId: deal.id });
  expect(linked.items).toHaveLength(1);

  await page.goto(`${app.origin}/#/pipeline`);
  await page.getByRole('button', { name: /^New bathroom,/ }).click();
  const again = page.getByRole('dialog', { name: 'New bathroom' }).getByRole('region', { name: 'Jobs' });
  await expect(again.getByRole('listitem')).toHaveCount(1);
  await again.getByRole('button', { name: 'Unlink New bathroom from this deal' }).click();
  await expect(again).toContainText('No jobs yet.');
  expect((await rpc<{ total: number }>(page, app, 'jobs.list', { dealId: deal.id })).total).toBe(0);
  // The toast's Undo (under the dialog while it is open) links it back.
  await page.keyboard.press('Escape');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await rpc<{ total: number }>(page, app, 'jobs.list', { dealId: deal.id })).total).toBe(1);
});
