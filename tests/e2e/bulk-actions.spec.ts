import { createCore } from '../../src-main/core/create-core';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { expect, test } from './app-fixture';

// Bulk work on the contacts list in Chromium: 520 plumbers (more than the list loads at once)
// selected as "all matching" the filter and tagged in one action, then taken back with Undo; and
// the same through a segment used as the list's filter.

const plumbers = 520;

async function fillWithContacts(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin' });
    core.engine.transaction(() => {
      for (let index = 0; index < plumbers + 40; index += 1) {
        const contactType = index < plumbers ? 'Plumber' : 'Landlord';
        core.contacts.create(ContactDraftSchema.parse({ name: `${contactType} ${String(index).padStart(4, '0')}`, contactType, address: { city: index % 2 ? 'Bristol' : 'Bath' } }));
      }
    });
    const saved = await core.invoke('segments.save', {
      name: 'Bristol landlords',
      definition: {
        type: 'group',
        join: 'and',
        children: [
          { type: 'criterion', field: 'city', op: 'equals', value: 'Bristol' },
          { type: 'criterion', field: 'contactType', op: 'equals', value: 'Landlord' },
        ],
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
  } finally {
    core.close();
  }
}

test.use({ prepareDataDir: { fill: fillWithContacts } });

test('all 520 contacts matching a filter are tagged in one action, and Undo takes the tag off them all', async ({ app: _app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await page.getByLabel('Contact type').selectOption('Plumber');
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(page.getByText(`${plumbers} of 560 contacts`)).toBeVisible();

  // One row by its checkbox, a range with shift-click, then everything the filter matches.
  await grid.getByRole('checkbox', { name: 'Select Plumber 0000' }).click();
  await grid.getByRole('checkbox', { name: 'Select Plumber 0003' }).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByRole('status')).toHaveText('4 selected');
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(4);
  // Space on the focused row takes one back out.
  await grid.getByRole('row', { name: /Plumber 0002/ }).focus();
  await page.keyboard.press('Space');
  await expect(bar.getByRole('status')).toHaveText('3 selected');
  await bar.getByRole('button', { name: `Select all ${plumbers} matching` }).click();
  await expect(bar.getByRole('status')).toHaveText(`All ${plumbers} matching contacts selected`);
  await page.screenshot({ path: test.info().outputPath('bulk-bar.png') });

  await bar.getByRole('button', { name: 'Add tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a tag' });
  await expect(dialog).toContainText(`For the ${plumbers} contacts selected.`);
  await dialog.getByLabel('Tag').fill('storm');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Tagged ${plumbers} contacts “storm”` })).toBeVisible();
  // The tag facet counts them, and the list filtered by the tag shows them all.
  await expect(page.getByLabel('Tag').getByRole('option', { name: `storm (${plumbers})` })).toBeAttached();
  await page.getByLabel('Contact type').selectOption('');
  await page.getByLabel('Tag').selectOption('storm');
  await expect(page.getByText(`${plumbers} of 560 contacts`)).toBeVisible();

  await page.getByRole('status').filter({ hasText: 'Tagged' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Undone: Tagged ${plumbers} contacts “storm”` })).toBeVisible();
  await expect(page.getByText('0 of 560 contacts')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No contacts match these filters' })).toBeVisible();
  await page.getByLabel('Tag').selectOption('');
  await expect(page.getByLabel('Tag').getByRole('option', { name: /^storm/ })).toHaveCount(0);
});

test('a segment filters the list, all its members are selected and tagged', async ({ app: _app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await page.getByLabel('Segment').selectOption({ label: 'Bristol landlords' });
  await expect(page.getByText('20 of 560 contacts')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await grid.getByRole('checkbox', { name: 'Select all loaded contacts' }).check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByRole('status')).toHaveText('20 selected');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a tag' });
  await dialog.getByLabel('Tag').fill('letter sent');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 20 contacts “letter sent”' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(page.getByLabel('Tag').getByRole('option', { name: 'letter sent (20)' })).toBeAttached();
});
