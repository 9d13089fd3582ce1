import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A static segment's members are listed in its builder, each with a control that takes them out:
// reached and used from the keyboard, focus moving on to the next member, and taken back with
// Ctrl+Z like the builder's other changes. The contacts list filtered by the segment agrees.

test('takes members out of a static segment from the keyboard, and Ctrl+Z brings the last one back', async ({ app, page }) => {
  const ids: Record<string, string> = {};
  for (const name of ['Ann Archer', 'Bob Baker', 'Cy Cooper']) {
    ids[name] = (await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name, tags: ['landlord'] }, allowDuplicate: true })).id;
  }
  const segment = await rpc<{ id: string }>(page, app, 'segments.freeze', {
    name: 'Landlords, Monday',
    definition: { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] },
  });
  await page.goto(`${app.origin}/#/segments/${segment.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Landlords, Monday' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members of Landlords, Monday' });
  await expect(members.getByRole('row', { name: /Ann Archer|Bob Baker|Cy Cooper/ })).toHaveCount(3);

  const takeOutBob = members.getByRole('button', { name: 'Take Bob Baker out of Landlords, Monday' });
  await takeOutBob.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Took Bob Baker out of Landlords, Monday')).toBeVisible();
  await expect(members.getByRole('row', { name: /Bob Baker/ })).toHaveCount(0);
  await expect(page.getByText('A frozen list of 2 contacts')).toBeVisible();
  // Focus moved on to the next member's control: Space takes Cy out too.
  await expect(members.getByRole('button', { name: 'Take Cy Cooper out of Landlords, Monday' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('segment-members.png') });
  await page.keyboard.press('Space');
  await expect(members.getByRole('row', { name: /Cy Cooper/ })).toHaveCount(0);
  expect((await rpc<{ ids: string[] }>(page, app, 'segments.memberIds', { id: segment.id })).ids).toEqual([ids['Ann Archer']]);

  await page.locator('body').press('Control+z');
  await expect(members.getByRole('row', { name: /Cy Cooper/ })).toHaveCount(1);
  await expect(page.getByText('A frozen list of 2 contacts')).toBeVisible();
  expect((await rpc<{ ids: string[] }>(page, app, 'segments.memberIds', { id: segment.id })).ids.sort()).toEqual([ids['Ann Archer'], ids['Cy Cooper']].sort());
});
