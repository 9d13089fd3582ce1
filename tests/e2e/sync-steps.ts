import type { Locator, Page } from '@playwright/test';
import { expect, type RunningRelay, type TeamApp } from './sync-fixture';

// The steps of team sync as a person takes them, by role and label, shared by the sync specs.

export const syncWaitMs = 20_000;

export function syncIndicator(page: Page): Locator {
  return page.getByRole('group', { name: 'Team sync status' });
}

export function syncStatus(page: Page): Locator {
  return syncIndicator(page).getByRole('status');
}

export async function openTeamSync(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Team sync' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Clicks one of the two paths, as a person clicks the words of a segmented control. */
export async function choosePath(panel: Locator, path: 'Start a workspace' | 'Join a workspace'): Promise<void> {
  await panel.getByText(path, { exact: true }).click();
  await expect(panel.getByRole('radio', { name: path })).toBeChecked();
}

export async function openContacts(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
  return page.getByRole('grid', { name: 'Contacts' });
}

export async function startWorkspace(app: TeamApp, relay: RunningRelay, workspaceName: string, memberName: string): Promise<void> {
  const panel = await openTeamSync(app.page);
  await choosePath(panel, 'Start a workspace');
  await panel.getByLabel('Relay address').fill(relay.url);
  await panel.getByLabel('Workspace name').fill(workspaceName);
  await panel.getByLabel('Your name').fill(memberName);
  await panel.getByRole('button', { name: 'Start workspace' }).click();
  await expect(panel.getByRole('definition').filter({ hasText: workspaceName })).toBeVisible();
  await expect(syncStatus(app.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
}

export async function makeInviteCode(app: TeamApp): Promise<string> {
  const panel = await openTeamSync(app.page);
  await panel.getByRole('button', { name: 'Make an invite code' }).click();
  const code = panel.getByRole('textbox', { name: 'Invite code' });
  await expect(code).toHaveValue(/^[A-Z0-9]{10}\.[A-Za-z0-9_-]{22}$/);
  await expect(panel.getByText(/Works once, until/)).toBeVisible();
  return code.inputValue();
}

export async function joinWorkspace(app: TeamApp, relay: RunningRelay, inviteCode: string, memberName: string): Promise<void> {
  const panel = await openTeamSync(app.page);
  await choosePath(panel, 'Join a workspace');
  await panel.getByLabel('Relay address').fill(relay.url);
  await panel.getByLabel('Invite code').fill(inviteCode);
  await panel.getByLabel('Your name').fill(memberName);
  await panel.getByRole('button', { name: 'Join workspace' }).click();
  await expect(panel.getByRole('definition').filter({ hasText: memberName })).toBeVisible({ timeout: syncWaitMs });
  await expect(syncStatus(app.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
}

/** A starts "Castle Roofing", invites B, B joins: the state every test below begins from. */
export async function formTeam(relay: RunningRelay, appA: TeamApp, appB: TeamApp): Promise<void> {
  await startWorkspace(appA, relay, 'Castle Roofing', 'Alice Admin');
  const code = await makeInviteCode(appA);
  await joinWorkspace(appB, relay, code, 'Bob Builder');
}

export async function createContact(page: Page, name: string, company: string): Promise<void> {
  await openContacts(page);
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Company' }).fill(company);
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function openEditForm(page: Page, name: string): Promise<void> {
  const grid = await openContacts(page);
  await grid.getByRole('row', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
}
