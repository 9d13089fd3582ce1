import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';

// The Import & export screen driven as a person would: by role and label, through the browser
// host. (tests/e2e/screens photographs each step of the wizard for a person to look at.)

// Tall enough that each step of the wizard is in view at once (the main area scrolls on its own).
test.use({ viewport: { width: 1280, height: 1500 } });
// A whole import, its undo and downloads: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function openScreen(page: Page, name: 'Import & export' | 'Contacts'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function createThroughApi(page: Page, app: RunningApp, draft: Record<string, unknown>): Promise<void> {
  const answer = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft } });
  expect(await answer.json()).toMatchObject({ ok: true });
}

/**
 * Shaped like Google Contacts' export: line 4 has an e-mail that cannot be used (the person is
 * imported, the address kept in the summary as written), line 5 is someone we have, line 6 has
 * nothing to name a contact by.
 */
const googleCsv = [
  'First Name,Middle Name,Last Name,Organization Name,Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - City',
  'Zoë,,Hartley,Hartley & Sons Builders,Director,Prefers calls after 4pm.,* myContacts ::: Builders,* Work,zoe@hartley-builders.co.uk,Mobile,+44 7700 900461,Leeds',
  'Bob,,Mason,Mason Roofing,,,* myContacts,Work,bob@mason-roofing.example,Work,020 7946 0321,York',
  'Carl,,Broken,,,,* myContacts,Work,carl-at-nowhere,,,',
  'Dana,,Existing,,,,* myContacts,Work,dana@example.com,,,Hull',
  ',,,,,Only a note,* myContacts,,,,,',
].join('\r\n');

test('imports a Google Contacts CSV with a bad value, a broken row and a duplicate, then undoes it', async ({ app, page }) => {
  // The page's calls go over its WebSocket to the host: pass them through, holding back the
  // import's status calls while `held` is pending, so the progress bar can be seen. A socket
  // opened before the route is not routed, hence the reload.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  await page.routeWebSocket('**/rpc-socket', (socket) => {
    const host = socket.connectToServer();
    socket.onMessage(async (message) => {
      if (holding && typeof message === 'string' && message.includes('"channel":"exchange.jobStatus"')) await held;
      host.send(message);
    });
  });
  await page.reload();
  await createThroughApi(page, app, { name: 'Dana Existing', emails: [{ type: 'work', address: 'dana@example.com' }] });
  await openScreen(page, 'Import & export');

  await page.getByLabel('Choose a CSV or vCard file').setInputFiles({
    name: 'google-contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(googleCsv, 'utf8'),
  });

  // Mapping: each column with its automatic target, changeable.
  await expect(page.getByText(/This looks like a Google Contacts export/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Column First Name' })).toHaveValue('s:firstName');
  await expect(page.getByRole('combobox', { name: 'Column E-mail 1 - Value' }).getByRole('option', { selected: true })).toHaveText(
    'E-mail (type from “E-mail 1 - Label”)',
  );
  await page.getByRole('combobox', { name: 'Column Organization Title' }).selectOption({ label: 'Don’t import' });
  await expect(page.getByRole('combobox', { name: 'Column Organization Title' })).toHaveValue('ignore');
  const preview = page.getByRole('table', { name: /Preview/ });
  await expect(preview.getByRole('row', { name: /Zoë Hartley/ })).toContainText('Hartley & Sons Builders');
  await expect(preview.getByRole('row', { name: /Zoë Hartley/ })).toContainText('+447700900461');
  await expect(preview.getByRole('row', { name: /carl-at-nowhere/ })).toContainText('not a valid address');

  // Duplicates: the counts of the whole file and a choice for the row that matches Dana.
  await page.getByRole('button', { name: 'Next: duplicates' }).click();
  const counts = page.getByRole('definition');
  await expect(page.getByLabel('What this import will do')).toContainText('Will be created3');
  await expect(counts).toHaveCount(5);
  const danaChoice = page.getByRole('combobox', { name: 'Line 5: Dana Existing' });
  await expect(danaChoice).toHaveValue('skip');
  await expect(page.getByRole('row', { name: /Dana Existing/ })).toContainText('same e-mail');

  // Run: hold the job's status back a moment (over the socket, or over HTTP if it is not open)
  // so the progress bar can be seen.
  holding = true;
  await page.route('**/rpc/exchange.jobStatus', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Import 3 contacts' }).click();
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  release();

  // Report: the counts, the value kept as written, the failed row with its line and reason, its CSV, and Undo.
  const report = page.getByLabel('Import report');
  await expect(report).toContainText('Imported3');
  await expect(report).toContainText('Skipped1');
  await expect(report).toContainText('Failed1');
  const keptAsWritten = page.getByRole('table', { name: 'Values imported as written' });
  await expect(keptAsWritten.getByRole('row', { name: /^4 / })).toContainText('E-mail "carl-at-nowhere"');
  await expect(keptAsWritten.getByRole('row', { name: /^4 / })).toContainText('kept in the summary as written');
  const failed = page.getByRole('table', { name: 'Rows that can’t be imported' });
  await expect(failed.getByRole('row', { name: /^6 / })).toContainText('no name, company, e-mail or phone');
  const errorsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download errors as CSV' }).click();
  const errorsFile = await (await errorsDownload).path();
  expect(fs.readFileSync(errorsFile, 'utf8')).toContain('Only a note');
  await expect(page.getByRole('button', { name: 'Undo this import' })).toBeVisible();

  await openScreen(page, 'Contacts');
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row', { name: /Zoë Hartley/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Bob Mason/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Dana Existing/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Carl Broken/ })).toBeVisible();

  // Undo from the list of recent imports on the first step.
  await openScreen(page, 'Import & export');
  await page.getByRole('button', { name: 'Undo the import of google-contacts.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import of google-contacts.csv undone: 3 contacts removed' })).toBeVisible();
  await openScreen(page, 'Contacts');
  await expect(grid.getByRole('row', { name: /Dana Existing/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Zoë Hartley/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Bob Mason/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Carl Broken/ })).toHaveCount(0);
});

test('exports contacts as CSV with chosen columns, and makes a backup to download', async ({ app, page }) => {
  await createThroughApi(page, app, { name: 'Ann Example', company: 'Acme Plumbing' });
  await openScreen(page, 'Import & export');

  await expect(page.getByLabel('What to export')).toHaveValue('contacts');
  await expect(page.getByLabel('Preset')).toHaveValue('standard');
  await page.getByRole('checkbox', { name: 'Kind' }).uncheck();
  await page.getByText('Semicolon (;)', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Semicolon (;)' })).toBeChecked();
  await page.getByRole('button', { name: 'Export contacts as CSV' }).click();
  const link = page.getByRole('link', { name: /^Download contacts-standard-.*\.csv/ });
  await expect(link).toBeVisible();

  const download = page.waitForEvent('download');
  await link.click();
  const file = await (await download).path();
  const [header, firstRow] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(header?.startsWith('Id;Name;Company;Job Title;Phones;E-mails;')).toBe(true);
  expect(firstRow).toContain('Ann Example;Acme Plumbing');

  // The Salesforce preset swaps the checklist for Salesforce's own field names.
  await page.getByLabel('Preset').selectOption({ label: 'Salesforce' });
  await expect(page.getByRole('checkbox', { name: 'MailingCity' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Kind' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Back up now' }).click();
  const backupLink = page.getByRole('link', { name: /^Download the backup/ });
  await expect(backupLink).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent backups' }).getByRole('listitem')).toHaveCount(1);
  const backupDownload = page.waitForEvent('download');
  await backupLink.click();
  expect((await backupDownload).suggestedFilename()).toMatch(/^fieldbook-backup-\d{8}T\d{9}Z\.tar\.gz$/);
});
