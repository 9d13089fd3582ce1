import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test, type TeamApp } from './sync-fixture';
import { createContact, formTeam, syncIndicator, syncWaitMs } from './sync-steps';

// The audit trail, for an admin: a change a teammate made on their own laptop shows with their
// name, the filters narrow it, and the CSV holds exactly the rows shown. A member is not offered it.

test.describe.configure({ timeout: 180_000 });

async function call<T>(app: TeamApp, channel: string, input: unknown): Promise<T> {
  const answer = await app.page.request.post(`${app.origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  expect(body, `${channel} answered ${JSON.stringify(body.error)}`).toMatchObject({ ok: true });
  return body.data;
}

async function syncNow(page: Page): Promise<void> {
  await syncIndicator(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(syncIndicator(page).getByRole('status')).toHaveText(/Synced/, { timeout: syncWaitMs });
}

async function openPalette(page: Page, typed: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill(typed);
  return palette;
}

test("an admin reads who changed what, filters by a teammate and exports what is shown; a member is not offered it", async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await createContact(appA.page, 'Ann Example', 'Acme Plumbing');
  await syncNow(appA.page);

  // Bob, on his own laptop, changes the contact once it has reached him.
  await expect.poll(async () => (await call<{ total: number }>(appB, 'contacts.list', { query: 'Ann Example' })).total, { timeout: syncWaitMs }).toBe(1);
  await syncNow(appB.page);
  const { items } = await call<{ items: { id: string }[] }>(appB, 'contacts.list', { query: 'Ann Example' });
  await call(appB, 'contacts.update', { id: items[0]!.id, patch: { jobTitle: 'Site manager' } });
  await syncNow(appB.page);
  await syncNow(appA.page);

  // Alice opens the audit trail from the sidebar and sees Bob's change under his name.
  await appA.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(appA.page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const table = appA.page.getByRole('table', { name: 'Changes, newest first' });
  const bobsRow = table.getByRole('row', { name: /Bob Builder/ }).filter({ hasText: 'job title' });
  await expect(bobsRow).toHaveCount(1, { timeout: syncWaitMs });
  await expect(bobsRow.getByRole('button', { name: 'Ann Example' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Alice Admin/ }).first()).toBeVisible();
  await appA.page.screenshot({ path: test.info().outputPath('audit-trail.png') });

  // Filtered to Bob: only his changes.
  await appA.page.getByRole('combobox', { name: 'Member' }).selectOption({ label: 'Bob Builder' });
  await expect(table.getByRole('row', { name: /Alice Admin/ })).toHaveCount(0);
  const shownRows = table.getByRole('row').filter({ has: appA.page.getByRole('rowheader') });
  await expect(shownRows.first()).toContainText('Bob Builder');
  const shown = await shownRows.count();
  await expect(appA.page.getByText(/^All \d+ changes? shown$/)).toBeVisible();

  // The export holds exactly those rows.
  const download = appA.page.waitForEvent('download');
  await appA.page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const parsed = Papa.parse<Record<string, string>>((await readFile(await saved.path(), 'utf8')).trim(), { header: true });
  expect(parsed.data).toHaveLength(shown);
  expect(new Set(parsed.data.map((row) => row.Member))).toEqual(new Set(['Bob Builder']));
  expect(parsed.data.some((row) => row.Record === 'Ann Example' && row.Fields!.includes('job_title'))).toBe(true);
  await expect(appA.page.getByRole('status').filter({ hasText: `Exported ${shown}` })).toBeVisible();

  // The admin's palette offers it too.
  let palette = await openPalette(appA.page, 'audit');
  await expect(palette.getByRole('option', { name: /Audit trail/ })).toBeVisible();
  await appA.page.keyboard.press('Escape');

  // Bob, a member, is offered no Audit entry, and the address itself says it is for admins.
  await expect(appB.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await expect(appB.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  palette = await openPalette(appB.page, 'audit');
  await expect(palette.getByRole('option', { name: /Search everything/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Audit trail/ })).toHaveCount(0);
  await appB.page.keyboard.press('Escape');
  await appB.page.evaluate(() => {
    window.location.hash = '#/audit';
  });
  await expect(appB.page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(appB.page.getByRole('table', { name: 'Changes, newest first' })).toHaveCount(0);
});
