import { expect, logLineCount, test } from './sync-fixture';
import { choosePath, createContact, formTeam, joinWorkspace, makeInviteCode, openContacts, openEditForm, openTeamSync, startWorkspace, syncIndicator, syncStatus, syncWaitMs } from './sync-steps';

// Two teammates on one relay, driven as people would: by role and label, through two browser
// hosts. The sync loop is real (pushes debounced by ~20 ms, pokes over WebSocket, backoff up to
// 60 s when the relay is gone), so waits are generous and "Sync now" stands in for backoff.

test.describe.configure({ timeout: 120_000 });

test('a teammate joins with an invite code and sees a contact the other creates, without reloading', async ({ relay, appA, appB }) => {
  // Not configured: the indicator says so and leads to the panel.
  await expect(syncStatus(appA.page)).toHaveText(/Only on this laptop/);
  await syncIndicator(appA.page).getByRole('link', { name: 'Set up team sync' }).click();
  const panelA = appA.page.getByRole('region', { name: 'Team sync' });
  await expect(panelA.getByRole('radio', { name: 'Start a workspace' })).toBeChecked();

  // The core's validation lands on the field it is about.
  await panelA.getByLabel('Relay address').fill('relay.castle-roofing');
  await panelA.getByLabel('Workspace name').fill('Castle Roofing');
  await panelA.getByLabel('Your name').fill('Alice Admin');
  await panelA.getByRole('button', { name: 'Start workspace' }).click();
  await expect(panelA.getByLabel('Relay address')).toHaveAccessibleDescription(/Enter the relay address/);
  await expect(panelA.getByLabel('Relay address')).toBeFocused();

  await startWorkspace(appA, relay, 'Castle Roofing', 'Alice Admin');
  const code = await makeInviteCode(appA);

  // A wrong code is refused by the relay and shown on the code field; the right one joins.
  const panelB = await openTeamSync(appB.page);
  await choosePath(panelB, 'Join a workspace');
  await panelB.getByLabel('Relay address').fill(relay.url);
  await panelB.getByLabel('Invite code').fill('WRONG-CODE-22');
  await panelB.getByLabel('Your name').fill('Bob Builder');
  await panelB.getByRole('button', { name: 'Join workspace' }).click();
  await expect(panelB.getByLabel('Invite code')).toHaveAccessibleDescription(/unknown, already used or expired/);
  await joinWorkspace(appB, relay, code, 'Bob Builder');
  // Joining makes the member name this laptop's own name, which owns the contacts Bob adds.
  await expect(appB.page.getByRole('complementary').getByText('Bob Builder', { exact: true })).toBeVisible();

  // Both see both members; A, the admin, sees Bob's laptop.
  await openTeamSync(appA.page);
  const membersA = appA.page.getByRole('list', { name: 'Members' });
  await expect(membersA.getByRole('listitem', { name: 'Bob Builder' })).toBeVisible({ timeout: syncWaitMs });
  await expect(membersA.getByRole('button', { name: /^Revoke .* of Bob Builder$/ })).toBeVisible();
  await expect(appB.page.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: 'Alice Admin' })).toBeVisible();

  // B watches the list; A adds a contact; it appears on B by itself.
  const gridB = await openContacts(appB.page);
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toHaveCount(0);
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toBeVisible({ timeout: syncWaitMs });
  // Wide enough for the Owner column, which gives way on narrower windows.
  await appB.page.setViewportSize({ width: 1920, height: 1000 });
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toContainText('Alice Admin');
  await expect(syncStatus(appA.page)).toHaveText(/Synced/);
  await expect(syncStatus(appB.page)).toHaveText(/Synced/);
});

test('edits to different fields of one contact on two laptops at once both survive on both', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  await expect((await openContacts(appB.page)).getByRole('row', { name: /Ann Example/ })).toBeVisible({ timeout: syncWaitMs });

  // Both open the same contact's form while both are synced, then save one after the other.
  await openEditForm(appA.page, 'Ann Example');
  await openEditForm(appB.page, 'Ann Example');
  await appA.page.getByRole('textbox', { name: 'Company' }).fill('Castle Roofing Ltd');
  await appB.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Won' });
  await Promise.all([
    appA.page.getByRole('button', { name: 'Save changes' }).click(),
    appB.page.getByRole('button', { name: 'Save changes' }).click(),
  ]);

  // Each is back on the contact, which takes in the other's edit while open.
  for (const app of [appA, appB]) {
    await expect(app.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Company: Castle Roofing Ltd' })).toBeVisible({ timeout: syncWaitMs });
    await expect(app.page.getByRole('list', { name: 'Type and status' }).getByText('Won')).toBeVisible({ timeout: syncWaitMs });
  }
  for (const app of [appA, appB]) {
    const grid = await openContacts(app.page);
    const row = grid.getByRole('row', { name: /Ann Example/ });
    await expect(row).toContainText('Castle Roofing Ltd', { timeout: syncWaitMs });
    await expect(row).toContainText('Won', { timeout: syncWaitMs });
    await expect(syncStatus(app.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  }
});

test('an edit made while the relay is down waits on that laptop and reaches the other once it is back', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  const gridB = await openContacts(appB.page);
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toBeVisible({ timeout: syncWaitMs });
  // B's relay device id, to know below when B is listening again (test bookkeeping, not UI).
  const workspace = await appB.page.request.post(`${appB.origin}/rpc/sync.workspace`, { data: {} });
  const bDeviceId = ((await workspace.json()) as { data: { you: { deviceId: string } } }).data.you.deviceId;

  await relay.kill();
  await openEditForm(appA.page, 'Ann Example');
  await appA.page.getByRole('textbox', { name: 'Company' }).fill('Offline Roofing');
  await appA.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(appA.page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();
  // The edit is kept on A and the indicator says so, in words and time.
  await expect(syncStatus(appA.page)).toHaveText(/Offline since \d{1,2}[:.]\d{2}/, { timeout: syncWaitMs });
  await expect(syncStatus(appA.page)).toContainText('1 change waiting');
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toContainText('Acme Plumbing');

  const fromLine = logLineCount(relay);
  await relay.restart();
  // B's live connection comes back on its own (within its backoff); then A's push pokes it.
  await relay.waitForLog((entry) => entry.route === '/v1/live' && entry.status === 101 && entry.device === bDeviceId, fromLine);
  await syncIndicator(appA.page).getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  await expect(gridB.getByRole('row', { name: /Ann Example/ })).toContainText('Offline Roofing', { timeout: syncWaitMs });
  await expect(syncStatus(appB.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
});
