import type { Locator, Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';

// Pipelines, deals and quotes driven as a person would: by role and label, mouse and keyboard,
// through the browser host. Contacts (and, where a test is not about them, pipelines and deals)
// are made through the same signed-in window's RPC, as contacts.spec.ts does.

async function rpc<T>(page: Page, app: RunningApp, channel: string, input: unknown): Promise<T> {
  const answer = await page.request.post(`${app.origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  expect(body, `${channel} answered ${JSON.stringify(body.error)}`).toMatchObject({ ok: true });
  return body.data;
}

interface PipelineData {
  id: string;
  stages: { id: string; name: string }[];
}

const column = (page: Page, stage: string): Locator => page.getByRole('group', { name: stage, exact: true });
const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('button', { name: new RegExp(`^${title},`) });

async function openPipeline(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
}

async function chooseView(page: Page, view: 'Board' | 'List' | 'Numbers'): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByText(view, { exact: true }).click();
  await expect(page.getByRole('radio', { name: view })).toBeChecked();
}

test('creates a pipeline from a template, adds deals and moves them by mouse and by keyboard', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  await rpc(page, app, 'contacts.create', { draft: { name: 'Bob Fletcher' } });
  await openPipeline(page);

  await expect(page.getByRole('heading', { name: 'Set up your first pipeline' })).toBeVisible();
  await page.getByRole('button', { name: 'Use Prospects' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prospects' })).toBeVisible();
  for (const stage of ['Prospect', 'First contact', 'In discussion', 'Quote sent', 'Thinking about it', 'Won', 'Lost']) {
    await expect(column(page, stage)).toBeVisible();
  }

  await page.getByRole('button', { name: 'New deal' }).click();
  const newDeal = page.getByRole('dialog', { name: 'New deal' });
  await newDeal.getByLabel('Title').fill('Boiler replacement');
  await newDeal.getByRole('combobox', { name: 'Contact' }).fill('Ann');
  await newDeal.getByRole('option', { name: /Ann Example/ }).click();
  await newDeal.getByLabel('Value').fill('1,200');
  await newDeal.getByRole('button', { name: 'Add deal' }).click();
  await expect(newDeal).toHaveCount(0);
  await expect(card(column(page, 'Prospect'), 'Boiler replacement')).toBeVisible();

  await column(page, 'Prospect').getByRole('button', { name: 'Add a deal to Prospect' }).click();
  const second = page.getByRole('dialog', { name: 'New deal' });
  await second.getByLabel('Title').fill('Roof repair');
  await second.getByRole('combobox', { name: 'Contact' }).fill('Bob');
  await second.getByRole('combobox', { name: 'Contact' }).press('ArrowDown');
  await second.getByRole('combobox', { name: 'Contact' }).press('Enter');
  await expect(second.getByRole('combobox', { name: 'Contact' })).toHaveValue('Bob Fletcher');
  await second.getByLabel('Value').fill('800');
  await second.getByRole('button', { name: 'Add deal' }).click();
  await expect(column(page, 'Prospect')).toContainText('2 deals');
  await expect(column(page, 'Prospect')).toContainText('£2,000');

  // By mouse: HTML5 drag and drop onto another column.
  await card(page, 'Boiler replacement').dragTo(column(page, 'First contact'));
  await expect(card(column(page, 'First contact'), 'Boiler replacement')).toBeVisible();
  await expect(column(page, 'Prospect')).toContainText('1 deal');

  // By keyboard: Space picks up, the arrows carry, Space drops; every step is announced.
  const announcements = page.getByRole('status', { name: 'Board announcements' });
  await card(page, 'Boiler replacement').focus();
  await page.keyboard.press('Space');
  await expect(announcements).toContainText('Picked up Boiler replacement in First contact');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(announcements).toContainText('Boiler replacement is over Quote sent');
  await page.keyboard.press('Space');
  await expect(announcements).toHaveText('Boiler replacement moved to Quote sent');
  await expect(card(column(page, 'Quote sent'), 'Boiler replacement')).toBeFocused();

  // Escape puts a carried card back where it was.
  await card(page, 'Roof repair').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(announcements).toHaveText('Move cancelled. Roof repair stays in Prospect');
  await expect(card(column(page, 'Prospect'), 'Roof repair')).toBeFocused();

  // Into a lost stage: the reason is asked for, and required.
  await page.keyboard.press('Space');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const lost = page.getByRole('dialog', { name: 'Lost: Roof repair' });
  await lost.getByRole('button', { name: 'Move to Lost' }).click();
  await expect(lost.getByText('Say why, in a few words')).toBeVisible();
  await lost.getByLabel('Reason it was lost').fill('Went with someone else');
  await lost.getByRole('button', { name: 'Move to Lost' }).click();
  await expect(card(column(page, 'Lost'), 'Roof repair')).toBeVisible();
  await expect(column(page, 'Lost')).toContainText('Went with someone else');

  // The same deals as a sortable list.
  await chooseView(page, 'List');
  const table = page.getByRole('grid', { name: 'Deals in Prospects' });
  const valueHeader = table.getByRole('columnheader', { name: 'Value' });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('Boiler replacement');
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(1)).toContainText('Roof repair');
});

test('renames, reorders and adds stages while the deals keep their stage', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'urgent_jobs' });
  await rpc(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, stageId: pipeline.stages[1]!.id, title: 'Burst pipe' });
  await openPipeline(page);
  await expect(card(column(page, 'Client pack sent'), 'Burst pipe')).toBeVisible();

  await page.getByRole('button', { name: 'Edit stages' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit Urgent jobs' });
  await editor.getByLabel('Stage 2 name').fill('Welcome pack sent');
  await editor.getByRole('button', { name: 'Move Welcome pack sent later' }).click();
  await editor.getByRole('button', { name: 'Add stage' }).click();
  await editor.getByLabel('Stage 8 name').fill('Reviewed');
  await editor.getByLabel('Win chance of Reviewed (%)').fill('100');
  await editor.getByRole('button', { name: 'Save stages' }).click();
  await expect(editor).toHaveCount(0);

  await expect(card(column(page, 'Welcome pack sent'), 'Burst pipe')).toBeVisible();
  const names = await page.getByRole('region', { name: 'Deals by stage' }).getByRole('heading', { level: 2 }).allTextContents();
  expect(names).toEqual(['New inquiry', 'Awaiting instruction', 'Welcome pack sent', 'Job booked', 'Job in progress', 'Invoiced', 'Paid', 'Reviewed']);
});

test('sends a quote: live totals, the PDF attached to the contact and shown with its deal', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  await rpc(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler replacement', valueMinor: 120_000 });
  await openPipeline(page);

  await card(page, 'Boiler replacement').click();
  const dealDialog = page.getByRole('dialog', { name: 'Boiler replacement' });
  await dealDialog.getByRole('button', { name: 'New quote' }).click();
  const editor = page.getByRole('dialog', { name: 'New quote' });
  await editor.getByLabel('Description, line 1').fill('Combi boiler');
  await editor.getByLabel('Unit price, line 1').fill('1000');
  await editor.getByRole('button', { name: 'Add line' }).click();
  await editor.getByLabel('Description, line 2').fill('Labour');
  await editor.getByLabel('Quantity, line 2').fill('2.5');
  await editor.getByLabel('Unit price, line 2').fill('80');
  await editor.getByLabel('Discount, line 2').fill('10');
  const totals = editor.getByRole('group', { name: 'Quote totals' });
  // 1000 + 2.5 × 80 less 10% = 1180; tax at the default 20% = 236.
  await expect(totals).toContainText('£1,180.00');
  await expect(totals).toContainText('£236.00');
  await expect(totals).toContainText('£1,416.00');

  await editor.getByRole('button', { name: 'Make PDF and mark as sent' }).click();
  const sent = page.getByRole('dialog', { name: /^Quote Q-/ });
  await expect(sent.getByText('Sent', { exact: true })).toBeVisible();
  const pdfLink = sent.getByRole('link', { name: /^Quote Q-.*\.pdf/ });
  await expect(pdfLink).toBeVisible();
  const pdf = await page.request.get(`${app.origin}${await pdfLink.getAttribute('href')}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const files = await rpc<{ name: string; category: string }[]>(page, app, 'files.list', { contactId: contact.id });
  expect(files).toEqual([expect.objectContaining({ category: 'quote', name: expect.stringMatching(/^Quote Q-.*\.pdf$/) })]);

  // On the contact: the deal, its quote and the quote's PDF.
  await sent.getByRole('button', { name: 'Done' }).click();
  await dealDialog.getByRole('button', { name: 'Open contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  const deals = page.getByRole('region', { name: 'Deals' });
  await deals.getByRole('button', { name: 'Boiler replacement' }).click();
  await expect(page.getByRole('dialog', { name: 'Boiler replacement' }).getByRole('link', { name: /^Quote Q-.*\.pdf$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // Ann is of the office's first contact type, a customer: her score is engagement, not a lead score.
  const scores = page.getByRole('region', { name: 'Score and health' });
  await expect(scores.getByRole('meter', { name: 'Engagement' })).toBeVisible();
  await expect(scores.getByRole('list', { name: 'What makes up the engagement' })).toContainText('Has an open deal');
});

test('the funnel counts a deal entering a stage', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  await rpc(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler replacement', valueMinor: 120_000 });
  await openPipeline(page);

  await chooseView(page, 'Numbers');
  await expect(page.getByRole('img', { name: /Funnel of Prospects/ })).toBeVisible();
  const funnelRow = (stage: string) => page.getByRole('row', { name: new RegExp(`^${stage}\\b`) });
  await expect(funnelRow('Prospect').getByRole('cell').first()).toHaveText('1');
  await expect(funnelRow('In discussion').getByRole('cell').first()).toHaveText('0');

  await chooseView(page, 'Board');
  await card(page, 'Boiler replacement').dragTo(column(page, 'In discussion'));
  await expect(card(column(page, 'In discussion'), 'Boiler replacement')).toBeVisible();

  await chooseView(page, 'Numbers');
  await expect(funnelRow('In discussion').getByRole('cell').first()).toHaveText('1');
  // It skipped First contact, so Prospect's deal went on: 100% conversion.
  await expect(funnelRow('Prospect').getByRole('cell').nth(2)).toHaveText('100%');
  await expect(page.getByRole('list', { name: 'Key figures' }).getByRole('listitem').filter({ hasText: 'Open deals' })).toContainText('1');
});
