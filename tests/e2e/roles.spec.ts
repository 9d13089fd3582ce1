import { expect, test } from './sync-fixture';
import { createContact, joinWorkspace, openContacts, openTeamSync, startWorkspace, syncIndicator, syncWaitMs } from './sync-steps';

// A read-only member (a temp, the accountant) sees the team's contacts and cannot change them:
// no control offers a change, and a change forced through the laptop's own host is refused.

test.describe.configure({ timeout: 150_000 });

test("a read-only member sees the team's contacts and cannot change them", async ({ relay, appA, appB }) => {
  await startWorkspace(appA, relay, 'Castle Roofing', 'Alice Admin');
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  const post = async <T,>(channel: string, data: unknown): Promise<T> =>
    ((await (await appA.page.request.post(`${appA.origin}/rpc/${channel}`, { data })).json()) as { data: T }).data;
  const ann = (await post<{ items: { id: string }[] }>('contacts.list', { query: 'Ann Example' })).items[0]!;
  const pipeline = await post<{ id: string }>('pipelines.createFromTemplate', { template: 'prospects' });
  await post('deals.create', { contactId: ann.id, pipelineId: pipeline.id, title: 'Roof repair' });

  // The admin picks the role when making the code.
  const panelA = await openTeamSync(appA.page);
  await panelA.getByLabel('Role of the new teammate').selectOption({ label: 'Read-only' });
  await panelA.getByRole('button', { name: 'Make an invite code' }).click();
  await expect(panelA.getByText(/Works once, until .*, for a read-only\./)).toBeVisible();
  const code = await panelA.getByRole('textbox', { name: 'Invite code' }).inputValue();
  await joinWorkspace(appB, relay, code, 'Tess Temp');

  // The temp's laptop says what it is, and does not offer the admin's tools.
  await expect(syncIndicator(appB.page).getByText('Read-only', { exact: true })).toBeVisible();
  const panelB = await openTeamSync(appB.page);
  await expect(panelB.getByRole('button', { name: 'Make an invite code' })).toHaveCount(0);
  await expect(panelB.getByRole('combobox', { name: /^Role of / })).toHaveCount(0);

  // The team's contact is there, with nothing to change it by.
  const grid = await openContacts(appB.page);
  await expect(grid.getByRole('row', { name: /Ann Example/ })).toBeVisible({ timeout: syncWaitMs });
  await expect(appB.page.getByRole('button', { name: 'Add contact', exact: true })).toHaveCount(0);
  await grid.getByRole('row', { name: /Ann Example/ }).click();
  await expect(appB.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  for (const name of ['Edit', 'Delete', 'Log a call', 'New job', 'Add note', 'Add follow-up', 'Add photo', 'Forget person']) {
    await expect(appB.page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(appB.page.getByRole('button', { name: /^Company:/ })).toHaveCount(0);
  await expect(appB.page.getByText('Acme Plumbing').first()).toBeVisible();

  // The command palette offers the team's records and screens, but nothing that creates, nor the admin's audit trail.
  await appB.page.keyboard.press('Control+k');
  const palette = appB.page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { name: /^Contacts/ })).toBeVisible();
  for (const name of ['New contact', 'Log a call', 'New follow-up', 'New deal', 'Audit trail']) {
    await expect(palette.getByRole('option', { name: new RegExp(name) })).toHaveCount(0);
  }
  await palette.getByRole('combobox').fill('new');
  await expect(palette.getByRole('option', { name: /New contact/ })).toHaveCount(0);
  // A deal opened from its row reads as it is, with nothing to save or delete.
  await palette.getByRole('combobox').fill('Roof repair');
  await palette.getByRole('group', { name: 'Deals' }).getByRole('option', { name: /Roof repair/ }).click();
  const deal = appB.page.getByRole('dialog', { name: 'Roof repair' });
  await expect(deal.getByText('With Ann Example')).toBeVisible();
  for (const name of ['Save deal', 'Delete deal']) await expect(deal.getByRole('button', { name })).toHaveCount(0);
  await expect(deal.getByRole('textbox')).toHaveCount(0);
  await deal.getByRole('button', { name: 'Close' }).click();
  await appB.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(appB.page.getByRole('button', { name: 'Log a call', exact: true })).toHaveCount(0);
  await expect(appB.page.getByRole('button', { name: /^Add (your first )?contact$/ })).toHaveCount(0);
  await grid.page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
  await grid.getByRole('row', { name: /Ann Example/ }).click();
  await expect(appB.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();

  // A change forced past the screens is refused by the laptop itself, and nothing changes.
  const id = decodeURIComponent(new URL(appB.page.url()).hash.split('/')[2]!);
  const forced = await appB.page.request.post(`${appB.origin}/rpc/contacts.update`, { data: { id, patch: { name: 'Someone Else' } } });
  const answer = (await forced.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(answer.ok).toBe(false);
  expect(answer.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/read-only member/) });
  await appB.page.reload();
  await expect(appB.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();

  // Reached by its address, the edit screen says why it offers no form.
  await appB.page.goto(`${appB.origin}/#/contacts/${encodeURIComponent(id)}/edit`);
  await expect(appB.page.getByRole('heading', { name: 'Read-only' })).toBeVisible();
  await expect(appB.page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await appB.page.goBack();
  await expect(appB.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();

  // The admin makes Tess a member: her laptop learns it at its next sync and offers the controls.
  await openTeamSync(appA.page);
  await appA.page.getByRole('combobox', { name: 'Role of Tess Temp' }).selectOption({ label: 'Member' });
  await expect(appA.page.getByText('Tess Temp is now a member')).toBeVisible();
  await syncIndicator(appB.page).getByRole('button', { name: 'Sync now' }).click();
  await expect(syncIndicator(appB.page).getByText('Read-only', { exact: true })).toHaveCount(0, { timeout: syncWaitMs });
  await expect(appB.page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
});
