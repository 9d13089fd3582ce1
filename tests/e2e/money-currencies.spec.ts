import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { rpc, type PipelineData } from './rpc';

// An office that quotes in pounds and in dollars sees each currency's total on its own, on the
// pipeline board and on the dashboard: £1,200 and $300 are never shown as 1,500 of anything.

async function openFromSidebar(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

test('money in pounds and dollars is shown per currency on the board and the dashboard, never added together', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example', potentialValue: { amountMinor: 40_000, currency: 'EUR' } } });
  await rpc(page, app, 'contacts.create', { draft: { name: 'Bob Example', potentialValue: { amountMinor: 90_000, currency: 'GBP' } } });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  const prospect = pipeline.stages.find((stage) => stage.name === 'Prospect')!.id;
  const pounds = await rpc<{ id: string }>(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler', valueMinor: 120_000, stageId: prospect });
  const dollars = await rpc<{ id: string }>(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Survey', valueMinor: 30_000, currency: 'USD', stageId: prospect });
  for (const [deal, price] of [
    [pounds.id, 50_000],
    [dollars.id, 20_000],
  ] as const) {
    const quote = await rpc<{ id: string }>(page, app, 'quotes.create', { dealId: deal, lines: [{ description: 'Work', quantityMilli: 1000, unitPriceMinor: price }] });
    await rpc(page, app, 'quotes.send', { id: quote.id });
  }

  await openFromSidebar(page, 'Pipeline');
  const column = page.getByRole('group', { name: 'Prospect', exact: true });
  await expect(column).toContainText('2 deals');
  await expect(column).toContainText(/£1,200 · \$300/);
  await expect(column).not.toContainText('1,500');
  await expect(page.getByText(/^2 open deals/)).toHaveText('2 open deals · £1,200 and $300 open · £60 and $15 weighted');
  await page.screenshot({ path: test.info().outputPath('board-currencies.png') });

  await openFromSidebar(page, 'Dashboard');
  const figures = page.getByRole('region', { name: 'Figures' });
  await expect(figures).toContainText(/£500\.00 · \$200\.00/);
  await expect(figures).toContainText(/£900\.00/);
  await expect(figures).toContainText(/and €400\.00/);
  await expect(figures).not.toContainText('700.00');
  await expect(figures).not.toContainText('1,300.00');
});
