import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A segment built in Chromium through the builder: Bristol contacts who are landlords or
// customers, a nested OR group inside an AND. Its live count while editing is the number of rows
// the contacts list shows when the saved segment filters it.

interface Created {
  id: string;
}

test('a segment with a nested OR group counts as many contacts as the list it opens shows', async ({ app, page }) => {
  const person = (name: string, city: string, tags: string[], contactType: string) =>
    rpc<Created>(page, app, 'contacts.create', { draft: { name, tags, contactType, address: { street: '', city, region: '', postcode: '', country: '' } }, allowDuplicate: true });
  await person('Ruth Hartley', 'Bristol', ['landlord'], 'Supplier');
  await person('Omar Diaz', 'bristol', [], 'Customer');
  await person('Lee Stone', 'Bristol', ['tenant'], 'Lead');
  await person('Bea Moss', 'Bath', ['landlord'], 'Lead');
  const cara = await person('Cara Wells', 'Bristol', [], 'Lead');
  await rpc(page, app, 'lifecycle.set', { contactId: cara.id, stage: 'customer' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
  await page.getByRole('button', { name: 'Build a segment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New segment' })).toBeVisible();
  const count = page.getByLabel(/^Live count/);
  await expect(count).toHaveAccessibleName('Live count: 5 contacts');

  // city is Bristol …
  await page.getByRole('button', { name: 'Add criterion to the segment' }).click();
  await expect(page.getByLabel('Field of criterion 1')).toHaveValue('city');
  await page.getByLabel('Value of criterion 1').fill('Bristol');
  await expect(count).toHaveAccessibleName('Live count: 4 contacts');

  // … and (tag is landlord, or lifecycle stage is customer)
  await page.getByRole('button', { name: 'Add group to the segment' }).click();
  const group = page.getByRole('group', { name: 'Group 2' });
  await expect(group.getByRole('radio', { name: 'Any of these' })).toBeChecked();
  await page.getByLabel('Field of criterion 2.1').selectOption({ label: 'Tags' });
  await page.getByLabel('Value of criterion 2.1').fill('landlord');
  await expect(count).toHaveAccessibleName('Live count: 1 contact');
  await group.getByRole('button', { name: 'Add criterion to group 2' }).click();
  await page.getByLabel('Field of criterion 2.2').selectOption({ label: 'Lifecycle stage' });
  await page.getByLabel('Value of criterion 2.2').selectOption({ label: 'Customer' });
  await expect(count).toHaveAccessibleName('Live count: 3 contacts');
  const preview = page.getByRole('table', { name: 'First matching contacts' });
  for (const name of ['Cara Wells', 'Omar Diaz', 'Ruth Hartley']) await expect(preview.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // From the keyboard, switching the group to "all" narrows it to nobody; back to "any" gives the three again.
  await group.getByRole('radio', { name: 'Any of these' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(group.getByRole('radio', { name: 'All of these' })).toBeChecked();
  await expect(count).toHaveAccessibleName('Live count: 0 contacts');
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveAccessibleName('Live count: 3 contacts');
  await page.getByLabel('Name', { exact: true }).fill('Bristol landlords and customers');
  await page.screenshot({ path: test.info().outputPath('segment-builder.png') });

  await page.getByLabel('Name', { exact: true }).fill('Bristol landlords and customers');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByText('Created Bristol landlords and customers')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Bristol landlords and customers' })).toBeVisible();

  await page.getByRole('button', { name: 'Show in contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByLabel('Segment')).toHaveValue(/.+/);
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(page.getByText('3 of 5 contacts')).toBeVisible();
  await expect(grid.getByRole('row', { name: /Ruth Hartley|Omar Diaz|Cara Wells/ })).toHaveCount(3);
  await expect(grid.getByRole('row', { name: /Lee Stone|Bea Moss/ })).toHaveCount(0);

  // The list follows the segment: Lee becomes a landlord and joins it.
  const lee = (await rpc<{ items: { id: string; name: string }[] }>(page, app, 'contacts.list', { query: 'Lee' })).items[0]!;
  await rpc(page, app, 'contacts.update', { id: lee.id, patch: { tags: ['tenant', 'landlord'] } });
  await expect(page.getByText('4 of 5 contacts')).toBeVisible();
  await expect(grid.getByRole('row', { name: /Lee Stone/ })).toHaveCount(1);

  // Export from the segments list goes to the CSV export set to the segment's members.
  await page.getByRole('link', { name: 'Segments' }).click();
  await page.getByRole('button', { name: 'Export Bristol landlords and customers' }).click();
  await expect(page.getByRole('checkbox', { name: /Use the search and filters of the contact list/ })).toBeChecked();
  await expect(page.getByText('Only the contacts the list shows now are exported.')).toBeVisible();
});
