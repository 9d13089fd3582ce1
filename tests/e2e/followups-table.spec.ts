import { createCore } from '../../src-main/core/create-core';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { expect, test } from './app-fixture';

// The follow-ups as the shared table in Chromium: columns chosen, sorted, saved as a view; rows
// selected by click, shift-click and Space; one bulk action run, then taken back with Undo.

const day = 24 * 3_600_000;
const names = ['Ann Archer', 'Bob Fletcher', 'Cat Mason', 'Dan Slater', 'Eve Joiner', 'Fay Turner'];

async function fillWithFollowUps(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin' });
    const contactIds = core.engine.transaction(() => names.map((name) => core.contacts.create(ContactDraftSchema.parse({ name })).id));
    for (const [index, contactId] of contactIds.entries()) {
      // Due a few days ahead, the last one first, so due order and title order differ.
      const made = await core.invoke('followups.create', {
        contactId,
        title: `Call back ${names[index]!.split(' ')[0]}`,
        dueAt: Date.now() + (10 - index) * day,
        assignee: index % 2 ? 'Bo' : 'Robin',
      });
      if (!made.ok) throw new Error(made.error.message);
    }
  } finally {
    core.close();
  }
}

test.use({ prepareDataDir: { fill: fillWithFollowUps } });

test('follow-ups as a table: columns chosen and saved as a view, rows selected by click, shift-click and Space, marked done and undone', async ({ app: _app, page }) => {
  // A long walk through one screen on a loaded machine.
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Follow-ups/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await page.getByText('Table', { exact: true }).click();
  await page.getByRole('tab', { name: /Upcoming/ }).click();
  const grid = page.getByRole('grid', { name: 'Follow-ups' });
  await expect(grid.getByRole('row', { name: /Call back Ann/ })).toBeVisible();
  // Soonest due first: Fay's is due first.
  await expect(grid.getByRole('row').nth(1)).toContainText('Call back Fay');

  // Columns: no priority, compact rows; then sorted by title.
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns of Follow-ups' });
  await chooser.getByRole('checkbox', { name: 'Priority' }).uncheck();
  await chooser.getByText('Compact', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Priority' })).toHaveCount(0);
  await grid.getByRole('button', { name: 'Follow-up', exact: true }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('Call back Ann');

  // Saved as a view of my own; it is chosen and shows no unsaved changes.
  const views = page.getByRole('complementary', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Upcoming by title');
  await dialog.getByText('Only me', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(views.getByRole('button', { name: 'Upcoming by title', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(views.getByText('Unsaved changes')).toHaveCount(0);

  // The plain list is the overdue section; the view brings back its section, sort and columns.
  await views.getByRole('button', { name: 'All follow-ups', exact: true }).click();
  await expect(page.getByRole('tab', { name: /Overdue/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Nothing overdue' })).toBeVisible();
  await views.getByRole('button', { name: 'Upcoming by title', exact: true }).click();
  await expect(page.getByRole('tab', { name: /Upcoming/ })).toHaveAttribute('aria-selected', 'true');
  await expect(grid.getByRole('columnheader', { name: 'Priority' })).toHaveCount(0);
  await expect(grid.getByRole('row').nth(1)).toContainText('Call back Ann');

  // Ann, then shift-click Cat: Ann, Bob, Cat; Space on Eve's row adds her.
  await grid.getByRole('checkbox', { name: 'Select Call back Ann' }).click();
  await grid.getByRole('checkbox', { name: 'Select Call back Cat' }).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByRole('status')).toHaveText('3 selected');
  await grid.getByRole('row', { name: /Call back Eve/ }).focus();
  await page.keyboard.press('Space');
  await expect(bar.getByRole('status')).toHaveText('4 selected');
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('followups-table-1600.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('followups-table-1280.png') });

  await bar.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked 4 follow-ups done' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Call back/ })).toHaveCount(2);
  await expect(page.getByRole('tab', { name: /Upcoming/ })).toContainText('2');

  await page.getByRole('status').filter({ hasText: 'Marked 4 follow-ups done' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Marked 4 follow-ups done' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Call back/ })).toHaveCount(6);

  // Delete asks first, naming how many: Cancel keeps them, the confirm button deletes them.
  await grid.getByRole('checkbox', { name: 'Select Call back Ann' }).click();
  await grid.getByRole('checkbox', { name: 'Select Call back Bob' }).click();
  await expect(bar.getByRole('status')).toHaveText('2 selected');
  await bar.getByRole('button', { name: 'Reassign' }).click();
  const reassign = page.getByRole('dialog', { name: 'Reassign' });
  await expect(reassign).toContainText('For the 2 follow-ups selected.');
  await reassign.getByRole('button', { name: 'Cancel' }).click();
  await expect(reassign).toHaveCount(0);
  await bar.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 follow-ups?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Call back/ })).toHaveCount(6);
  await bar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete 2 follow-ups?' }).getByRole('button', { name: 'Delete 2 follow-ups' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 follow-ups' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Call back/ })).toHaveCount(4);
  await expect(grid.getByRole('row', { name: /Call back Ann/ })).toHaveCount(0);
});
