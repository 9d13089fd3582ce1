import fs from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { createCore } from '../../src-main/core/create-core';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { expect, test } from './app-fixture';

// "Export CSV" on a list's selection in Chromium: the file the browser downloads holds exactly the
// rows selected — some by click and shift-click, or all matching a filter (rows not loaded too).

const plumbers = 130;
const openJobs = 120;
const deals = [
  { title: 'Boiler swap', value: 400_000 },
  { title: 'Bathroom refit', value: 1_234_550 },
  { title: 'Gutter clean', value: 20_000 },
];

async function fillWithContacts(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin' });
    await core.invoke('settings.update', { currency: 'GBP', defaultRegion: 'GB', timeZone: 'Europe/London' });
    const contactIds: string[] = [];
    core.engine.transaction(() => {
      for (let index = 0; index < plumbers + 20; index += 1) {
        const contactType = index < plumbers ? 'Plumber' : 'Landlord';
        contactIds.push(core.contacts.create(ContactDraftSchema.parse({ name: `${contactType} ${String(index).padStart(4, '0')}`, contactType })).id);
      }
    });
    // More open jobs than the list loads at first, and a few done ones the Open filter leaves out.
    for (let index = 0; index < openJobs + 5; index += 1) {
      const open = index < openJobs;
      const job = await core.invoke('jobs.create', {
        contactId: contactIds[index]!,
        title: `${open ? 'Visit' : 'Finished'} ${String(index).padStart(4, '0')}`,
        status: open ? 'scheduled' : 'done',
        scheduledAt: Date.UTC(2026, 11, 7, 9, 0) + index * 60_000,
        ...(index === 1 ? { invoicedMinor: 12_050, currency: 'GBP' } : {}),
      });
      if (!job.ok) throw new Error(job.error.message);
    }
    const pipeline = core.pipelines.createFromTemplate('prospects');
    for (const deal of deals) {
      const created = await core.invoke('deals.create', { contactId: contactIds[0]!, pipelineId: pipeline.id, title: deal.title, valueMinor: deal.value });
      if (!created.ok) throw new Error(created.error.message);
    }
  } finally {
    core.close();
  }
}

test.use({ prepareDataDir: { fill: fillWithContacts } });

/** Runs "Export CSV" from the bulk bar, downloads the file from the toast and answers its rows by header. */
async function exportSelection(page: Page): Promise<Record<string, string>[]> {
  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Export CSV' }).click();
  const toast = page.getByRole('status').filter({ hasText: /^Exported/ });
  await expect(toast).toBeVisible({ timeout: 15_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), toast.getByRole('button', { name: 'Download' }).click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('exports exactly the selected contacts, then all contacts matching a filter, as CSV', async ({ app: _app, page }) => {
  test.setTimeout(60_000);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row', { name: /Landlord 0130/ })).toBeVisible();

  // Three by click and shift-click, and one more by click.
  await grid.getByRole('checkbox', { name: 'Select Landlord 0131' }).click();
  await grid.getByRole('checkbox', { name: 'Select Landlord 0133' }).click({ modifiers: ['Shift'] });
  await grid.getByRole('checkbox', { name: 'Select Landlord 0137' }).click();
  await expect(page.getByRole('region', { name: 'Bulk actions' }).getByRole('status')).toHaveText('4 selected');
  const some = await exportSelection(page);
  expect(some.map((row) => row.Name)).toEqual(['Landlord 0131', 'Landlord 0132', 'Landlord 0133', 'Landlord 0137']);

  // All plumbers, more than the list has loaded.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByLabel('Contact type').selectOption('Plumber');
  await expect(page.getByText(`${plumbers} of 150 contacts`)).toBeVisible();
  await grid.getByRole('checkbox', { name: 'Select Plumber 0000' }).click();
  await page.getByRole('button', { name: `Select all ${plumbers} matching` }).click();
  const all = await exportSelection(page);
  expect(all).toHaveLength(plumbers);
  expect(new Set(all.map((row) => row.Name))).toEqual(new Set(Array.from({ length: plumbers }, (_, index) => `Plumber ${String(index).padStart(4, '0')}`)));
});

test('exports the selected jobs, then all open jobs, and the selected deals, as CSV with times and money as people read them', async ({ app: _app, page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  const jobsGrid = page.getByRole('grid', { name: 'Jobs' });
  await expect(jobsGrid.getByRole('row', { name: /Visit 0000/ })).toBeVisible();
  await expect(page.getByText(`${openJobs} open jobs`)).toBeVisible();

  await jobsGrid.getByRole('checkbox', { name: 'Select Visit 0001' }).click();
  await jobsGrid.getByRole('checkbox', { name: 'Select Visit 0003' }).click();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByRole('status')).toHaveText('2 selected');
  await page.screenshot({ path: test.info().outputPath('jobs-export-selection.png') });
  const someJobs = await exportSelection(page);
  const byTitle = new Map(someJobs.map((row) => [row.Job, row]));
  expect([...byTitle.keys()].sort()).toEqual(['Visit 0001', 'Visit 0003']);
  expect(byTitle.get('Visit 0001')).toMatchObject({ Contact: 'Plumber 0001', Status: 'Scheduled', Scheduled: '7 Dec 2026, 09:01', Invoiced: '£120.50' });

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await jobsGrid.getByRole('checkbox', { name: 'Select Visit 0000' }).click();
  await page.getByRole('button', { name: `Select all ${openJobs} matching` }).click();
  const allJobs = await exportSelection(page);
  expect(allJobs).toHaveLength(openJobs);
  expect(allJobs.every((row) => row.Job!.startsWith('Visit '))).toBe(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('group', { name: 'View' }).getByText('List', { exact: true }).click();
  const dealsGrid = page.getByRole('grid', { name: 'Deals in Prospects' });
  await dealsGrid.getByRole('checkbox', { name: 'Select Bathroom refit' }).click();
  await dealsGrid.getByRole('checkbox', { name: 'Select Gutter clean' }).click();
  await expect(bar.getByRole('status')).toHaveText('2 selected');
  await page.screenshot({ path: test.info().outputPath('deals-export-selection.png') });
  const someDeals = await exportSelection(page);
  expect(someDeals.map((row) => [row.Deal, row.Value, row.Stage]).sort()).toEqual([
    ['Bathroom refit', '£12,345.50', 'Prospect'],
    ['Gutter clean', '£200.00', 'Prospect'],
  ]);
});
