import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../app-fixture';

// The contacts list with its views panel and the column chooser open, at 1280×800: the picture in
// docs/list-views.md. Run with `npx playwright test -c tests/e2e/screens views` after a build. Its
// name sorts after screens.shots.ts, which empties docs/screenshots before it photographs.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const people = [
  ['Ann Archer', 'Archer Lettings', ['landlord'], 'Lead'],
  ['Bob Fletcher', 'Fletcher Roofing', [], 'Customer'],
  ['Carla Mendes', 'Mendes & Daughters', ['landlord'], 'Customer'],
  ['Dev Patel', 'Patel Property Group', ['landlord', 'vip'], 'Customer'],
  ['Erin Walsh', '', [], 'Lead'],
  ['Farid Haddad', 'Haddad Estates', ['landlord'], 'Lead'],
  ['Grace Okafor', 'Okafor Builders', [], 'Supplier'],
  ['Hugo Brandt', 'Brandt Heating', [], 'Supplier'],
  ['Isla Mackenzie', 'Mackenzie Homes', ['landlord'], 'Customer'],
  ['Jonas Berg', '', [], 'Lead'],
  ['Keiko Tanaka', 'Tanaka Design', ['vip'], 'Customer'],
  ['Liam O’Connor', 'O’Connor Plumbing', [], 'Partner'],
] as const;

test('the contacts list with its views and the column chooser', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const rpc = (channel: string, data: unknown) => page.request.post(`${app.origin}/rpc/${channel}`, { data });
  await rpc('settings.update', { userName: 'Sam Taylor' });
  for (const [index, [name, company, tags, contactType]] of people.entries()) {
    const local = `07700 900${String(100 + index * 7)}`;
    await rpc('contacts.create', {
      draft: { name, company, tags, contactType, phones: [{ type: 'mobile', number: local }], emails: [{ type: 'work', address: `${name.split(' ')[0]!.toLowerCase()}@example.com` }] },
    });
  }
  const columns = { order: [], hidden: [], widths: {}, density: 'comfortable' };
  await rpc('views.save', { name: 'Landlords', listId: 'contacts', shared: true, state: { filters: { tag: 'landlord', owner: 'team', followUpDue: false }, sort: null, columns } });
  await rpc('views.save', { name: 'VIP customers', listId: 'contacts', shared: true, state: { filters: { tag: 'vip', owner: 'team', followUpDue: false }, sort: null, columns } });
  await rpc('views.save', { name: 'My leads', listId: 'contacts', shared: false, state: { filters: { contactType: 'Lead', owner: 'team', followUpDue: false }, sort: null, columns } });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row', { name: /Ann Archer/ })).toBeVisible();
  await page.getByRole('complementary', { name: 'Saved views' }).getByRole('button', { name: 'Landlords', exact: true }).click();
  await expect(grid.getByRole('row', { name: /Bob Fletcher/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns of Contacts' });
  await chooser.getByRole('checkbox', { name: 'Phone' }).uncheck();
  await chooser.getByRole('button', { name: 'Move Company earlier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'list-views.png'), animations: 'disabled', caret: 'hide' });
});
