import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// Ctrl+Z takes back the last changes one after another, not only the newest toast's; in a text
// field it is the field's own undo; `?` lists the shortcuts.

test('Ctrl+Z brings back two deleted notes, newest first, but not while typing in a field', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  for (const body of ['Gate code 4521', 'Prefers mornings']) await rpc(page, app, 'notes.create', { contactId: ann.id, body });
  await page.goto(`${app.origin}/#/contacts/${ann.id}/notes`);
  const notes = page.getByRole('article', { name: /note by/ });
  await expect(notes).toHaveCount(2);

  await notes.filter({ hasText: 'Gate code' }).getByRole('button', { name: 'Delete note' }).click();
  await expect(notes).toHaveCount(1);
  await notes.filter({ hasText: 'Prefers mornings' }).getByRole('button', { name: 'Delete note' }).click();
  await expect(notes).toHaveCount(0);

  // In the note box, Ctrl+Z is the browser's undo of the typing; the deleted notes stay deleted.
  const box = page.getByLabel('New note');
  await box.fill('half a thought');
  await box.press('Control+z');
  await expect(notes).toHaveCount(0);

  await box.blur();
  await page.keyboard.press('Control+z');
  await expect(notes).toHaveCount(1);
  await expect(notes).toContainText('Prefers mornings');
  await page.keyboard.press('Control+z');
  await expect(notes).toHaveCount(2);
  await expect(notes.filter({ hasText: 'Gate code 4521' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').getByText('Nothing to undo')).toBeVisible();
});

test('? opens the shortcut sheet listing undo and the palette; Escape closes it', async ({ app, page }) => {
  await page.goto(`${app.origin}/#/contacts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Anywhere' })).toContainText('Ctrl' + 'Z' + 'Undo the last change');
  await expect(sheet).toContainText('Open the command palette');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
