import type { Locator, Page } from '@playwright/test';
import { expect, logLineCount, test, type RunningRelay, type TeamApp } from './sync-fixture';

// Files travelling between two teammates' laptops through the relay (its folder store), driven
// as people would: a PDF attached on A opens on B with the same bytes, and one attached while
// the relay is down reaches B once it is back.

test.describe.configure({ timeout: 300_000 });
const syncWaitMs = 30_000;

const syncStatus = (page: Page): Locator => page.getByRole('group', { name: 'Team sync status' }).getByRole('status');

function quotePdf(text: string): Buffer {
  // A real, tiny PDF (Chromium's viewer shows it), padded so it is more than a few bytes.
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj 4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 70 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.concat([Buffer.from(body), Buffer.from(`%${'quote '.repeat(2000)}\n`)]);
}

async function openTeamSync(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Team sync' });
  await expect(panel).toBeVisible();
  return panel;
}

async function formTeam(relay: RunningRelay, appA: TeamApp, appB: TeamApp): Promise<void> {
  const panelA = await openTeamSync(appA.page);
  await panelA.getByText('Start a workspace', { exact: true }).click();
  await panelA.getByLabel('Relay address').fill(relay.url);
  await panelA.getByLabel('Workspace name').fill('Castle Roofing');
  await panelA.getByLabel('Your name').fill('Alice Admin');
  await panelA.getByRole('button', { name: 'Start workspace' }).click();
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  await panelA.getByRole('button', { name: 'Make an invite code' }).click();
  const code = await panelA.getByRole('textbox', { name: 'Invite code' }).inputValue();

  const panelB = await openTeamSync(appB.page);
  await panelB.getByText('Join a workspace', { exact: true }).click();
  await panelB.getByLabel('Relay address').fill(relay.url);
  await panelB.getByLabel('Invite code').fill(code);
  await panelB.getByLabel('Your name').fill('Bob Builder');
  await panelB.getByRole('button', { name: 'Join workspace' }).click();
  await expect(syncStatus(appB.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
}

/** B keeps only the files it opens, so the test sees "not on this laptop yet". */
async function keepOnlyOpenedFiles(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Files to keep offline' });
  await panel.getByText('Only files I open', { exact: true }).click();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved');
}

async function openContactFiles(page: Page, name: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) }).click({ timeout: syncWaitMs });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: /^Files/ }).click();
  return page.getByRole('list', { name: 'Files' });
}

async function createContact(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A picture of the screen as it stands, kept with the test's results for looking at the design. */
async function photograph(what: Page | Locator, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await what.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

/** The bytes B's app serves for the file, as its preview loads them. */
async function bytesServedBy(app: TeamApp, files: Locator, fileName: string): Promise<Buffer> {
  await files.getByRole('button', { name: `Preview ${fileName}` }).click();
  const dialog = app.page.getByRole('dialog', { name: fileName });
  const source = await dialog.locator('iframe').getAttribute('src');
  const response = await app.page.request.get(new URL(source!, app.origin).toString());
  expect(response.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return response.body();
}

test('a PDF attached on one laptop opens on the other with the same bytes', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await keepOnlyOpenedFiles(appB.page);
  await createContact(appA.page, 'Mrs Patel');
  const pdf = quotePdf('Quote 1042 for Mrs Patel');
  const filesA = await openContactFiles(appA.page, 'Mrs Patel');
  await appA.page.getByLabel('Attach files').setInputFiles({ name: 'Quote 1042.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(filesA.getByRole('listitem')).toHaveCount(1);
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });

  const filesB = await openContactFiles(appB.page, 'Mrs Patel');
  const item = filesB.getByRole('listitem').filter({ hasText: 'Quote 1042.pdf' });
  await expect(item).toContainText('Not on this laptop yet', { timeout: syncWaitMs });
  await photograph(appB.page, 'files-not-on-this-laptop');
  await item.getByRole('button', { name: 'Fetch Quote 1042.pdf' }).click();
  await expect(item.getByRole('button', { name: 'Preview Quote 1042.pdf' })).toBeVisible({ timeout: syncWaitMs });
  await expect(item).not.toContainText('Not on this laptop yet');
  expect((await bytesServedBy(appB, filesB, 'Quote 1042.pdf')).equals(pdf)).toBe(true);
});

test('a PDF attached while the relay is down reaches the teammate once it is back', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  await keepOnlyOpenedFiles(appB.page);
  await createContact(appA.page, 'Mr Okafor');
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  await openContactFiles(appB.page, 'Mr Okafor');

  await relay.kill();
  const pdf = quotePdf('Signed contract, Mr Okafor');
  const filesA = await openContactFiles(appA.page, 'Mr Okafor');
  await appA.page.getByLabel('Attach files').setInputFiles({ name: 'Contract.pdf', mimeType: 'application/pdf', buffer: pdf });
  const itemA = filesA.getByRole('listitem').filter({ hasText: 'Contract.pdf' });
  // A keeps the file and says plainly that the team does not have it yet.
  await expect(syncStatus(appA.page)).toContainText('1 file waiting to upload', { timeout: syncWaitMs });
  await expect(itemA).toContainText(/Not with your team yet|Waiting to upload/, { timeout: syncWaitMs });
  await photograph(appA.page, 'files-waiting-to-upload');

  const fromLine = logLineCount(relay);
  await relay.restart();
  await relay.waitForLog((entry) => entry.route === '/v1/live' && entry.status === 101, fromLine);
  await appA.page.getByRole('group', { name: 'Team sync status' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  await expect(itemA).not.toContainText(/Not with your team yet|Waiting to upload/);

  const filesB = await openContactFiles(appB.page, 'Mr Okafor');
  const itemB = filesB.getByRole('listitem').filter({ hasText: 'Contract.pdf' });
  await expect(itemB).toBeVisible({ timeout: syncWaitMs });
  await itemB.getByRole('button', { name: 'Fetch Contract.pdf' }).click();
  await expect(itemB.getByRole('button', { name: 'Preview Contract.pdf' })).toBeVisible({ timeout: syncWaitMs });
  expect((await bytesServedBy(appB, filesB, 'Contract.pdf')).equals(pdf)).toBe(true);

  // The admin sees what the workspace stores at the relay.
  const panelA = await openTeamSync(appA.page);
  const storage = panelA.getByRole('region', { name: 'Files at the relay' });
  await expect(storage).toContainText(/\d+ KB in 1 file/, { timeout: syncWaitMs });
  await storage.scrollIntoViewIfNeeded();
  await photograph(storage, 'files-at-the-relay-admin');
  const offline = appA.page.getByRole('region', { name: 'Files to keep offline' });
  await offline.scrollIntoViewIfNeeded();
  await photograph(offline, 'files-keep-offline');
});
