import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempCore } from '../helpers/temp-core';
import { toPreviousClockFormat } from '../main/sync/previous-clock-format';

// A data folder of the version before compact clocks (migration 0035): the browser host listens at
// once, its address shows how far the update of the data is, and the same window goes on to the
// app when it is done (src-main/host/upgrade-page.ts). Its own host, not app-fixture's: that one
// waits for the app's address, which comes only after the update.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hostEntry = path.join(repoRoot, 'dist', 'host', 'main.mjs');
// Enough rows that the update outlasts the page's first load on a loaded machine.
const notes = 150_000;
const updatingLine = /^Fieldbook is updating your data for this version; follow it at (\S+)$/m;

test.describe.configure({ timeout: 240_000 });

let work: string;
let host: ChildProcess | undefined;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-e2e-clocks-'));
  const core = createTempCore({ dataDir: path.join(work, 'data'), autoSync: false });
  await core.call('contacts.create', { draft: { name: 'Grace Hopper', company: 'Harbour Instruments' } });
  core.close();
  const made = `${String(1_790_000_000_000).padStart(15, '0')}-00000-laptop-1`;
  toPreviousClockFormat(
    path.join(work, 'data'),
    Array.from({ length: notes }, (_, index) => ({ table: 'notes', rowId: `note-${index}`, json: JSON.stringify({ body: made, contact_id: made }) })),
  );
});

test.afterAll(async () => {
  if (host && host.exitCode === null) {
    const exited = new Promise((resolve) => host!.once('exit', resolve));
    host.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

function startHost(): Promise<string> {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run \`node scripts/build.mjs\` first.`);
  host = spawn(process.execPath, [hostEntry, '--data-dir', path.join(work, 'data'), '--port', '0', '--no-open'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    host!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = updatingLine.exec(output);
      if (match) resolve(match[1]!);
    });
    host!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    host!.once('exit', (code) => reject(new Error(`The host exited (${code}) before saying it updates the data:\n${output}`)));
  });
}

test('shows how far the update of the data is, then opens the app in the same window', async ({ page }, testInfo) => {
  const url = await startHost();
  await page.goto(url);

  await expect(page.getByRole('heading', { level: 1, name: 'Updating your data for this version' })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Updating your data' });
  await expect(bar).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+% — [\d,]+ of 150,00\d records$/, { timeout: 60_000 });
  await expect(page.getByText('Stopping Fieldbook meanwhile is safe')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('clock-update-progress.png') });
  expect(output).toMatch(/^Updating your data for this version — \d+% \([\d,]+ of 150,00\d records\)$/m);

  // Done, the page goes to the app by itself, signed in with the app's own token.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 180_000 });
  expect(output).toMatch(/^Fieldbook is running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m);
  expect(new URL(page.url()).origin).toBe(new URL(url).origin);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('link', { name: 'Grace Hopper' }).first()).toBeVisible();
});
