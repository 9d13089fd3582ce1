import { expect, test } from './app-fixture';
import { rpc } from './rpc';
import { tinyPdf } from './tiny-pdf';

// A long note says how much room is left before the limit is hit, and by how much it is over after;
// a PDF preview closes with Escape even after a click into the PDF took the focus.

test('the note box counts the characters left near the limit, and says how much to cut once over it', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  await page.goto(`${app.origin}/#/contacts/${ann.id}/notes`);
  const box = page.getByLabel('New note');

  await box.fill('Short note');
  await expect(box).not.toHaveAccessibleDescription(/left/);
  await box.fill('x'.repeat(19_990));
  await expect(box).toHaveAccessibleDescription('10 characters left');
  await box.fill('x'.repeat(20_005));
  await expect(box).toHaveAccessibleDescription(/^5 characters too long: a note can be 20,000 characters at most/);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('article', { name: /note by/ })).toHaveCount(0);

  await box.fill('x'.repeat(20_000));
  await expect(box).toHaveAccessibleDescription('0 characters left');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('article', { name: /note by/ })).toHaveCount(1);
});

test('the PDF preview closes with Escape after a click into the PDF', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example' } });
  await page.goto(`${app.origin}/#/contacts/${ann.id}/files`);
  await page.getByLabel('Attach files').setInputFiles({ name: 'Quote 1042.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Quote 1042') });
  await page.getByRole('button', { name: 'Preview Quote 1042.pdf' }).click();
  const preview = page.getByRole('dialog', { name: 'Quote 1042.pdf' });
  const frame = preview.getByTitle('Preview of Quote 1042.pdf');
  await expect(frame).toBeVisible();

  await frame.click();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(page.getByRole('button', { name: 'Preview Quote 1042.pdf' })).toBeFocused();
});
