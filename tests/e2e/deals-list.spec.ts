import { createCore } from '../../src-main/core/create-core';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { expect, test } from './app-fixture';

// The pipeline's deals as the shared table in Chromium: columns chosen, sorted by the weighted
// value (which only the core orders by), saved as a view; rows selected by click, shift-click and
// Space; moved to a stage in one action, then taken back with Undo.

const deals = [
  { title: 'Boiler swap', value: 400_000, stage: 'Prospect' },
  { title: 'Bathroom refit', value: 900_000, stage: 'Quote sent' },
  { title: 'Gutter clean', value: 20_000, stage: 'Thinking about it' },
  { title: 'Radiator bleed', value: 8_000, stage: 'In discussion' },
  { title: 'Roof repair', value: 300_000, stage: 'First contact' },
];

async function fillWithDeals(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin', currency: 'GBP' });
    const contactId = core.contacts.create(ContactDraftSchema.parse({ name: 'Ann Archer' })).id;
    const pipeline = core.pipelines.createFromTemplate('prospects');
    for (const deal of deals) {
      const stageId = pipeline.stages.find((stage) => stage.name === deal.stage)!.id;
      const created = await core.invoke('deals.create', { contactId, pipelineId: pipeline.id, stageId, title: deal.title, valueMinor: deal.value });
      if (!created.ok) throw new Error(created.error.message);
    }
  } finally {
    core.close();
  }
}

test.use({ prepareDataDir: { fill: fillWithDeals } });

test('deals as a table: columns chosen, sorted by weighted value and saved as a view, three moved to Won and back with Undo', async ({ app: _app, page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('group', { name: 'View' }).getByText('List', { exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Deals in Prospects' });
  await expect(grid.getByRole('row', { name: /Boiler swap/ })).toBeVisible();
  await expect(page.getByText('5 deals')).toBeVisible();

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns of Deals in Prospects' });
  await chooser.getByRole('checkbox', { name: 'Owner' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);

  // Weighted, largest first: £9,000 × 50%, £3,000 × 10%, £4,000 × 5%, £200 × 60%, £80 × 25%.
  const weighted = grid.getByRole('columnheader', { name: 'Weighted' });
  await weighted.getByRole('button').click();
  await expect(weighted).toHaveAttribute('aria-sort', 'descending');
  const titles = async () => (await grid.getByRole('row').allInnerTexts()).slice(1).map((text) => deals.find((deal) => text.includes(deal.title))?.title);
  await expect.poll(titles).toEqual(['Bathroom refit', 'Roof repair', 'Boiler swap', 'Gutter clean', 'Radiator bleed']);

  const views = page.getByRole('complementary', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Biggest chances');
  await dialog.getByText('The team', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(views.getByRole('button', { name: 'Biggest chances', exact: true })).toHaveAttribute('aria-current', 'true');
  await views.getByRole('button', { name: 'All deals', exact: true }).click();
  await expect(grid.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await views.getByRole('button', { name: 'Biggest chances', exact: true }).click();
  await expect(grid.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
  await expect.poll(titles).toEqual(['Bathroom refit', 'Roof repair', 'Boiler swap', 'Gutter clean', 'Radiator bleed']);

  // The first row, shift-click the second: two; Space on the fourth row adds it.
  await grid.getByRole('checkbox', { name: 'Select Bathroom refit' }).click();
  await grid.getByRole('checkbox', { name: 'Select Roof repair' }).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByRole('status')).toHaveText('2 selected');
  await grid.getByRole('row', { name: /Gutter clean/ }).focus();
  await page.keyboard.press('Space');
  await expect(bar.getByRole('status')).toHaveText('3 selected');
  await page.screenshot({ path: test.info().outputPath('deals-list-1600.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('deals-list-1280.png') });

  await bar.getByRole('button', { name: 'Move to stage' }).click();
  const move = page.getByRole('dialog', { name: 'Move to a stage' });
  await move.getByLabel('Stage').selectOption({ label: 'Won' });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved 3 deals to Won' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Won/ })).toHaveCount(3);

  await page.getByRole('status').filter({ hasText: 'Moved 3 deals to Won' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Moved 3 deals to Won' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Won/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Bathroom refit/ })).toContainText('Quote sent');
});
