import fs from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { createCore } from '../../src-main/core/create-core';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { expect, test } from './app-fixture';

// "Export CSV" on a list's selection in Chromium: the file the browser downloads holds exactly the
// rows selected — some by click and shift-click, or all matching a filter (rows not loaded too).

const plumbers = 130;

async function fillWithContacts(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin' });
    core.engine.transaction(() => {
      for (let index = 0; index < plumbers + 20; index += 1) {
        const contactType = index < plumbers ? 'Plumber' : 'Landlord';
        core.contacts.create(ContactDraftSchema.parse({ name: `${contactType} ${String(index).padStart(4, '0')}`, contactType }));
      }
    });
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
