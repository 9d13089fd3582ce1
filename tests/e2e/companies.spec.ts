import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// Companies and people in Chromium: three contacts who name the same landlord are linked in one
// reviewed step, and the company's page shows each person's notes and calls as one timeline; two
// duplicates of one person are merged field by field from the contact's page, and Undo parts them.

interface Created {
  id: string;
}

async function person(page: Parameters<typeof rpc>[0], app: Parameters<typeof rpc>[1], draft: Record<string, unknown>): Promise<Created> {
  return rpc<Created>(page, app, 'contacts.create', { draft, allowDuplicate: true });
}

test('a company with three people rolls up each person’s notes and calls on its page', async ({ app, page }) => {
  const ruth = await person(page, app, { name: 'Ruth Hartley', company: 'Hartley Lettings Ltd', jobTitle: 'Owner' });
  const tom = await person(page, app, { name: 'Tom Price', company: 'Hartley Lettings', phones: [{ type: 'mobile', number: '+44 7700 900201' }] });
  const asha = await person(page, app, { name: 'Asha Nair', company: 'HARTLEY LETTINGS LIMITED' });
  await rpc(page, app, 'notes.create', { contactId: ruth.id, body: 'Wants the twelve Cotham Hill flats serviced before winter' });
  await rpc(page, app, 'calls.log', { direction: 'inbound', number: '07700900201', startedAt: Date.now() - 60_000, disposition: 'booked', notes: 'Boiler pressure low in flat 3' });
  await rpc(page, app, 'notes.create', { contactId: asha.id, body: 'Send invoices to accounts@hartley.co.uk' });
  expect(tom.id).toBeTruthy();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
  await page.getByRole('button', { name: 'Link existing contacts' }).first().click();
  const review = page.getByRole('dialog', { name: 'Link existing contacts' });
  const group = review.getByRole('checkbox', { name: 'Hartley Lettings Ltd' });
  await group.check();
  await expect(review.getByRole('row', { name: /Hartley Lettings Ltd.*3.*Same company name/ })).toBeVisible();
  await review.getByRole('button', { name: 'Link 3 contacts' }).click();
  await expect(page.getByText('Linked 3 contacts to 1 company')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Hartley Lettings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hartley Lettings/ })).toBeVisible();
  const people = page.getByRole('list', { name: 'People' });
  for (const name of ['Ruth Hartley', 'Tom Price', 'Asha Nair']) await expect(people.getByRole('link', { name })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Company timeline' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Ruth Hartley ·' }).filter({ hasText: 'Cotham Hill flats' })).toBeVisible();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Tom Price ·' }).filter({ hasText: 'Boiler pressure low in flat 3' })).toBeVisible();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Asha Nair ·' }).filter({ hasText: 'Send invoices' })).toBeVisible();

  // A person's page leads back to the company page.
  await people.getByRole('link', { name: 'Tom Price' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Price' })).toBeVisible();
  await page.getByRole('link', { name: /Hartley Lettings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hartley Lettings/ })).toBeVisible();
});

test('two duplicates are merged field by field from the contact’s page, and Undo parts them again', async ({ app, page }) => {
  const ruth = await person(page, app, { name: 'Ruth Hartley', jobTitle: 'Owner', emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }] });
  const copy = await person(page, app, { name: 'R. Hartley', jobTitle: 'Director', emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }], phones: [{ type: 'mobile', number: '+44 7700 900301' }] });
  await rpc(page, app, 'notes.create', { contactId: copy.id, body: 'Prefers a call before 9am' });

  await page.goto(`${app.origin}/#/contacts/${ruth.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ruth Hartley' })).toBeVisible();
  await page.getByRole('button', { name: 'Merge R. Hartley into this contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge into Ruth Hartley' });
  const jobTitle = dialog.getByRole('group', { name: 'Job title' });
  // As a person does: clicks the words of the segmented control.
  await jobTitle.getByText('Director', { exact: true }).click();
  await expect(jobTitle.getByRole('radio', { name: 'Director' })).toBeChecked();
  await expect(dialog.getByRole('group', { name: 'Name' }).getByRole('radio', { name: 'Ruth Hartley' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Merge contacts' }).click();
  await expect(page.getByText('Merged R. Hartley into Ruth Hartley')).toBeVisible();

  // One contact, with the duplicate's title, number and note.
  await expect(page.getByText('Director at', { exact: false }).or(page.getByText('Director', { exact: true })).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('Prefers a call before 9am')).toBeVisible();
  await expect(page.getByRole('button', { name: /Merge R\. Hartley/ })).toHaveCount(0);
  const merged = await rpc<{ total: number }>(page, app, 'contacts.list', {});
  expect(merged.total).toBe(1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Merge undone')).toBeVisible();
  await expect.poll(async () => (await rpc<{ total: number }>(page, app, 'contacts.list', {})).total).toBe(2);
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('Prefers a call before 9am')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Merge R. Hartley into this contact' })).toBeVisible();
  const back = await rpc<{ jobTitle: string; phones: unknown[] }>(page, app, 'contacts.get', { id: ruth.id });
  expect(back).toMatchObject({ jobTitle: 'Owner', phones: [] });
});
