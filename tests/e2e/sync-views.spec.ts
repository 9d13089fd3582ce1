import type { Page } from '@playwright/test';
import { expect, test, type TeamApp } from './sync-fixture';
import { formTeam, openContacts, syncWaitMs } from './sync-steps';

// A view saved for the team on one laptop: the other laptop lists it after sync, and choosing it
// shows the same columns and the same filter. A personal view stays on the laptop of its owner.

test.describe.configure({ timeout: 180_000 });

async function createContact(app: TeamApp, name: string, company: string, tags: string[]): Promise<void> {
  const answer = await app.page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name, company, tags } } });
  expect(await answer.json()).toMatchObject({ ok: true });
}

async function headerNames(page: Page): Promise<string[]> {
  const names = await page.getByRole('grid', { name: 'Contacts' }).getByRole('columnheader').allInnerTexts();
  // The selection checkboxes' column has no text: it is not one of the columns a view chooses.
  return names.map((name) => name.trim().toLowerCase()).filter(Boolean);
}

async function saveView(page: Page, name: string, whoSees: 'Only me' | 'The team'): Promise<void> {
  await page.getByRole('complementary', { name: 'Saved views' }).getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByText(whoSees, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: whoSees })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();
}

test('a shared view saved with chosen columns on one laptop shows the same columns and filter on the other', async ({ relay, appA, appB }) => {
  for (const app of [appA, appB]) await app.page.setViewportSize({ width: 1600, height: 900 });
  await formTeam(relay, appA, appB);
  await createContact(appA, 'Ann Archer', 'Archer Lettings', ['landlord']);
  await createContact(appA, 'Bob Fletcher', 'Fletcher Roofing', []);

  const gridA = await openContacts(appA.page);
  await expect(gridA.getByRole('row', { name: /Bob Fletcher/ })).toBeVisible();
  await appA.page.getByRole('combobox', { name: 'Tag' }).selectOption('landlord');
  await expect(gridA.getByRole('row', { name: /Bob Fletcher/ })).toHaveCount(0);
  await appA.page.getByRole('button', { name: 'Columns' }).click();
  const chooser = appA.page.getByRole('dialog', { name: 'Columns of Contacts' });
  await chooser.getByRole('checkbox', { name: 'Phone' }).uncheck();
  await chooser.getByRole('button', { name: 'Move Company earlier' }).click();
  await appA.page.keyboard.press('Escape');
  const chosenOnA = await headerNames(appA.page);
  expect(chosenOnA.slice(0, 2)).toEqual(['company', 'name']);
  expect(chosenOnA).not.toContain('phone');

  await saveView(appA.page, 'Landlords', 'The team');
  const panelA = appA.page.getByRole('complementary', { name: 'Saved views' });
  await expect(panelA.getByRole('list', { name: 'Team views' }).getByRole('button', { name: 'Landlords', exact: true })).toHaveAttribute('aria-current', 'true');
  await saveView(appA.page, 'Just mine', 'Only me');
  await expect(panelA.getByRole('list', { name: 'My views' }).getByRole('button', { name: 'Just mine', exact: true })).toBeVisible();

  // Laptop B: the contacts and the shared view arrive; the personal one does not show.
  const gridB = await openContacts(appB.page);
  await expect(gridB.getByRole('row', { name: /Bob Fletcher/ })).toBeVisible({ timeout: syncWaitMs });
  const panelB = appB.page.getByRole('complementary', { name: 'Saved views' });
  const landlordsOnB = panelB.getByRole('list', { name: 'Team views' }).getByRole('button', { name: 'Landlords', exact: true });
  await expect(landlordsOnB).toBeVisible({ timeout: syncWaitMs });
  expect(await headerNames(appB.page)).toContain('phone');
  await landlordsOnB.click();
  await expect(gridB.getByRole('row', { name: /Bob Fletcher/ })).toHaveCount(0);
  await expect(gridB.getByRole('row', { name: /Ann Archer/ })).toBeVisible();
  await expect(appB.page.getByRole('combobox', { name: 'Tag' })).toHaveValue('landlord');
  expect(await headerNames(appB.page)).toEqual(chosenOnA);
  await expect(panelB.getByRole('button', { name: 'Just mine', exact: true })).toHaveCount(0);

  // A change on B marks the view as changed; Revert puts the saved columns back.
  await appB.page.getByRole('button', { name: 'Columns' }).click();
  await appB.page.getByRole('dialog', { name: 'Columns of Contacts' }).getByRole('checkbox', { name: 'Type' }).uncheck();
  await appB.page.keyboard.press('Escape');
  const changed = panelB.getByRole('group', { name: 'Unsaved changes to Landlords' });
  await expect(changed.getByRole('status')).toHaveText('Unsaved changes');
  await changed.getByRole('button', { name: 'Revert' }).click();
  await expect(changed).toHaveCount(0);
  expect(await headerNames(appB.page)).toEqual(chosenOnA);
});
