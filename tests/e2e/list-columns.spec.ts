import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';

// The columns of a list chosen as a person would: hide one, move one, resize one from the
// keyboard, make the rows compact; the list remembers it when opened again.

async function createContact(page: Page, app: RunningApp, name: string, company: string): Promise<void> {
  const answer = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name, company } } });
  expect(await answer.json()).toMatchObject({ ok: true });
}

/** The names of the list's columns, left to right, less the selection checkboxes' column (it has no text). */
async function headerNames(page: Page): Promise<string[]> {
  const names = await page.getByRole('grid', { name: 'Contacts' }).getByRole('columnheader').allInnerTexts();
  return names.filter((name) => name.trim() !== '');
}

test('chooses, moves, resizes and compacts the contact columns, and finds them so after a reload', async ({ app, page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await createContact(page, app, 'Ann Archer', 'Archer & Co');
  await createContact(page, app, 'Bob Fletcher', 'Fletcher Roofing');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row', { name: /Ann Archer/ })).toBeVisible();
  const before = (await headerNames(page)).map((name) => name.toLowerCase());
  expect(before.slice(0, 3)).toEqual(['name', 'company', 'phone']);

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns of Contacts' });
  await chooser.getByRole('checkbox', { name: 'Phone' }).uncheck();
  await chooser.getByRole('button', { name: 'Move Company earlier' }).click();
  await chooser.getByText('Compact', { exact: true }).click();
  await expect(chooser.getByRole('radio', { name: 'Compact' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(chooser).toBeHidden();
  await expect(page.getByRole('button', { name: 'Columns' })).toBeFocused();

  await expect(grid.getByRole('columnheader', { name: 'Phone' })).toHaveCount(0);
  const after = (await headerNames(page)).map((name) => name.toLowerCase());
  expect(after.slice(0, 2)).toEqual(['company', 'name']);

  // Resizing from the keyboard: the header's edge is a separator that the arrow keys move.
  const edge = grid.getByRole('separator', { name: 'Resize Company column' });
  const startWidth = Number(await edge.getAttribute('aria-valuenow'));
  await edge.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => Number(await edge.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(startWidth + 60);
  const resized = Number(await edge.getAttribute('aria-valuenow'));

  // Compact rows are shorter than the comfortable ones.
  const rowHeight = async () => (await grid.getByRole('row', { name: /Ann Archer/ }).boundingBox())!.height;
  expect(await rowHeight()).toBeLessThan(56);

  // The rows still move with the keyboard and Enter opens the contact.
  await grid.getByRole('row', { name: /Ann Archer/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row', { name: /Bob Fletcher/ })).toBeFocused();

  await page.reload();
  await expect(grid.getByRole('row', { name: /Ann Archer/ })).toBeVisible();
  expect((await headerNames(page)).map((name) => name.toLowerCase()).slice(0, 2)).toEqual(['company', 'name']);
  await expect(grid.getByRole('columnheader', { name: 'Phone' })).toHaveCount(0);
  expect(Number(await grid.getByRole('separator', { name: 'Resize Company column' }).getAttribute('aria-valuenow'))).toBe(resized);
  expect(await rowHeight()).toBeLessThan(56);

  // Dragging the edge with the pointer widens the column too.
  const box = (await grid.getByRole('separator', { name: 'Resize Name column' }).boundingBox())!;
  const nameWidth = Number(await grid.getByRole('separator', { name: 'Resize Name column' }).getAttribute('aria-valuenow'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await grid.getByRole('separator', { name: 'Resize Name column' }).getAttribute('aria-valuenow'))).toBeGreaterThan(nameWidth + 40);
});
