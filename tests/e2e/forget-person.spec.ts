import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// An erasure request, from the customer's page: the dialog names what will go before anything
// does, Cancel keeps everything, and Erase leaves no trace of them in search.

test('forgetting a person names what will be erased, then erases it', async ({ app, page }) => {
  const rosa = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Rosalind Quigley' } });
  await rpc(page, app, 'notes.create', { contactId: rosa.id, body: 'Boiler in spring' });
  await rpc(page, app, 'notes.create', { contactId: rosa.id, body: 'Prefers mornings' });
  await page.goto(`${app.origin}/#/contacts/${rosa.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rosalind Quigley' })).toBeVisible();

  await page.getByRole('button', { name: 'Forget person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Forget Rosalind Quigley?' });
  await expect(dialog.getByRole('listitem')).toHaveText(['1 contact record', '2 notes']);
  await expect(dialog).toContainText('cannot be undone');
  // Cancel has the focus: a stray Enter erases nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rosalind Quigley' })).toBeVisible();

  await page.getByRole('button', { name: 'Forget person' }).click();
  await page.getByRole('dialog', { name: 'Forget Rosalind Quigley?' }).getByRole('button', { name: 'Erase Rosalind Quigley' }).click();
  await expect(page.getByText(/Rosalind Quigley was forgotten/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  const search = await rpc<{ total: number }>(page, app, 'contacts.list', { query: 'Quigley' });
  expect(search.total).toBe(0);
});
