import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { generateDemo } from '../../../bench/generate';

// Every screen of the app in light and in dark, on the demo data folder (`npm start -- --demo`)
// plus a photo, a fresh note, call and follow-up and a team workspace made here. Each screen is set
// up once and photographed in both colour schemes, so a pair differs only in its colours.
// Run with `npx playwright test -c tests/e2e/screens` after a build (see playwright.config.ts).

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.resolve(repoRoot, process.env.FIELDBOOK_SCREENS_DIR ?? 'docs/screenshots');
const hostEntry = path.join(repoRoot, 'dist', 'host', 'main.mjs');

interface DemoApp {
  page: Page;
  origin: string;
  rpc<T = unknown>(channel: string, input: unknown): Promise<T>;
}

const test = base.extend<{ demo: DemoApp }>({
  demo: async ({ page }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-screens-'));
    await generateDemo(dataDir, { contacts: 300, seed: 1 });
    const child = spawn(process.execPath, [hostEntry, '--data-dir', dataDir, '--port', '0', '--no-open'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await readyUrl(child);
      await page.goto(url);
      const origin = new URL(url).origin;
      const rpc = async <T,>(channel: string, input: unknown): Promise<T> => {
        const answer = await page.request.post(`${origin}/rpc/${channel}`, { data: input });
        const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
        if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
        return body.data;
      };
      await use({ page, origin, rpc });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

function readyUrl(child: ChildProcess, line = /^Fieldbook is running at (\S+)$/m): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = line.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`It exited (${code}) before it was ready:\n${text}`)));
  });
}

/** A relay in its own process group (npx runs it two processes down), stopped with the group. */
async function startRelay(): Promise<{ url: string; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-screens-relay-'));
  const child = spawn('npx', ['tsx', 'src-relay/main.ts', '--port', '0', '--data-dir', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const url = await readyUrl(child, /^Fieldbook relay listening on (http:\/\/\S+)/m);
  // Keep reading what it logs, so that a full pipe never stalls it.
  child.stdout!.resume();
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Photographs what is on screen now in light, then in dark, without touching the page between. */
async function capture(page: Page, name: string, focus?: Locator): Promise<void> {
  // Behind an open dialog the page is inert: reminders were put away before it opened.
  if (name !== '00-reminder-cards' && (await page.getByRole('dialog').count()) === 0) await dismissReminders(page);
  if (focus) await focus.scrollIntoViewIfNeeded();
  // Let live regions, charts measured with ResizeObserver and transitions settle.
  await page.waitForTimeout(350);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.waitForTimeout(80);
    fs.mkdirSync(path.join(outDir, scheme), { recursive: true });
    await page.screenshot({ path: path.join(outDir, scheme, `${name}.png`), animations: 'disabled', caret: 'hide' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function go(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((target) => (window.location.hash = target), hash);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await dismissReminders(page);
}

/** Follow-ups of the demo keep falling due while the script runs; their cards would cover the screens. */
async function dismissReminders(page: Page): Promise<void> {
  const dismiss = page.getByRole('region', { name: 'Reminders' }).getByRole('button', { name: /^Dismiss/ });
  for (let tries = 0; tries < 100; tries++) {
    if ((await dismiss.count()) > 0) {
      await dismiss.first().click();
      continue;
    }
    // More may be on their way (they are shown a few at a time).
    await page.waitForTimeout(400);
    if ((await dismiss.count()) === 0) return;
  }
}

async function palette(page: Page, typed: string): Promise<Locator> {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill(typed);
  return dialog;
}

const contactsCsv = [
  'First Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - City',
  'Zoë,Hartley,Hartley & Sons Builders,* Work,zoe@hartley-builders.co.uk,Mobile,+44 7700 900461,Leeds',
  'Bob,Mason,Mason Roofing,Work,bob@mason-roofing.example,Work,020 7946 0321,York',
  'Carl,Broken,,Work,carl-at-nowhere,,,',
].join('\r\n');

test('every screen, light and dark', async ({ demo }) => {
  const { page, rpc, origin } = demo;
  fs.rmSync(outDir, { recursive: true, force: true });

  // Reminders pop up for the demo's overdue follow-ups as the window opens; they are acknowledged
  // once shown, so they are photographed first and then put away.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('article').first()).toBeVisible({ timeout: 20_000 });
  await capture(page, '00-reminder-cards');
  await dismissReminders(page);

  await go(page, '#/dashboard', /.+/);
  await capture(page, '01-dashboard');

  // The demo's own pipelines, deals and quotes; here only what is photographed close up is added:
  // a photo, a fresh note, call and follow-up on the first contact.
  const listed = await rpc<{ items: { id: string; name: string }[] }>('contacts.list', { limit: 12, sort: { field: 'name', direction: 'asc' } });
  const people = listed.items;
  const main = people[0]!;
  const pipeline = (await rpc<{ id: string; name: string }[]>('pipelines.list', {}))[0]!;
  const photo = await page.request.post(`${origin}/files/upload?name=site-photo.png`, {
    data: fs.readFileSync(path.join(repoRoot, 'src-renderer', 'public', 'favicon.svg')),
    headers: { 'content-type': 'application/octet-stream' },
  });
  const staged = ((await photo.json()) as { data: { uploadId: string } }).data;
  await rpc('files.add', { contactId: main.id, uploadId: staged.uploadId, name: 'site-plan.svg', mimeType: 'image/svg+xml', category: 'photo' });
  await rpc('notes.create', { contactId: main.id, kind: 'meeting', body: 'Gate code 4521. Dog in the back garden.', pinned: true });
  await rpc('calls.log', { contactId: main.id, direction: 'inbound', number: '+44 7700 900123', startedAt: Date.now() - 3_600_000, durationSeconds: 240, status: 'completed', disposition: 'quote needed', notes: 'Wants a price for a new combi boiler' });
  await rpc('followups.create', { contactId: main.id, callId: null, title: 'Send the boiler quote', dueAt: Date.now() + 2 * 3_600_000, assignee: '', priority: 'high' });

  await go(page, '#/contacts', 'Contacts');
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(3)).toBeVisible();
  await capture(page, '02-contacts');

  await go(page, `#/contacts/${main.id}`, main.name);
  await expect(page.getByRole('list', { name: 'Timeline' })).toBeVisible();
  await capture(page, '03-contact-timeline');
  for (const [tab, check] of [
    ['notes', page.getByRole('list', { name: 'Notes' })],
    ['calls', page.getByRole('list', { name: `Calls with ${main.name}` })],
    ['files', page.getByRole('list', { name: 'Files' })],
  ] as const) {
    await go(page, `#/contacts/${main.id}/${tab}`, main.name);
    await expect(check).toBeVisible();
    await capture(page, `04-contact-${tab}`);
  }
  await capture(page, '05-contact-side-panels', page.getByRole('region', { name: 'Deals' }));

  await page.getByRole('region', { name: 'Follow-ups' }).getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('dialog', { name: /New follow-up/ })).toBeVisible();
  await capture(page, '06-follow-up-dialog');
  await page.keyboard.press('Escape');

  await go(page, '#/contacts/new', 'New contact');
  await capture(page, '07-contact-new');
  await go(page, `#/contacts/${main.id}/edit`, `Edit ${main.name}`);
  await capture(page, '08-contact-edit');

  await go(page, '#/follow-ups', 'Follow-ups');
  await capture(page, '10-follow-ups');
  await go(page, '#/calls', 'Calls');
  await expect(page.getByRole('grid', { name: 'Call history' }).getByRole('row').nth(3)).toBeVisible();
  await capture(page, '11-calls');
  const logCall = await palette(page, 'log a call');
  await expect(logCall.getByRole('option', { name: 'Log a call', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Log a call' })).toBeVisible();
  await capture(page, '12-log-call-dialog');
  // Escape first closes the contact picker's list, which opens with the focus; Cancel closes the dialog.
  await page.getByRole('dialog', { name: 'Log a call' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog', { name: 'Log a call' })).toBeHidden();
  await go(page, '#/jobs', 'Jobs');
  await expect(page.getByRole('grid', { name: 'Jobs' }).getByRole('row').nth(2)).toBeVisible();
  await capture(page, '13-jobs');
  await go(page, '#/companies', 'Companies');
  await expect(page.getByRole('grid', { name: 'Companies' }).getByRole('row').nth(2)).toBeVisible();
  await capture(page, '15-companies');
  await page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Hartley Lettings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hartley Lettings' })).toBeVisible();
  await capture(page, '16-company-page');
  await go(page, '#/calls/triage', 'Triage');
  await capture(page, '14-call-triage');
  await go(page, '#/search?q=boiler', 'Search');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').nth(2)).toBeVisible();
  await capture(page, '15-search');

  await go(page, '#/pipeline', 'Prospects');
  await capture(page, '21-pipeline-board');
  const sentDeal = page.getByRole('group', { name: 'Quote sent', exact: true }).getByRole('button', { name: /, .*£/ }).first();
  const sentTitle = (await sentDeal.getAttribute('aria-label'))!.split(',')[0]!;
  await sentDeal.click();
  const dealDialog = page.getByRole('dialog', { name: sentTitle });
  await expect(dealDialog.getByRole('link', { name: /^Quote Q-/ }).first()).toBeVisible();
  await capture(page, '22-deal-dialog');
  await dealDialog.getByRole('button', { name: 'New quote' }).click();
  const editor = page.getByRole('dialog', { name: 'New quote' });
  await editor.getByLabel('Description, line 1').fill('Radiator valves');
  await editor.getByLabel('Quantity, line 1').fill('6');
  await editor.getByLabel('Unit price, line 1').fill('24.50');
  await capture(page, '23-quote-editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Edit stages' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit Prospects' })).toBeVisible();
  await capture(page, '24-stage-editor');
  await page.keyboard.press('Escape');
  await go(page, `#/pipeline/${pipeline.id}/list`, 'Prospects');
  await expect(page.getByRole('table', { name: 'Deals in Prospects' })).toBeVisible();
  await capture(page, '25-pipeline-list');
  await go(page, `#/pipeline/${pipeline.id}/numbers`, 'Prospects');
  await expect(page.getByRole('img', { name: /Funnel of Prospects/ })).toBeVisible();
  await capture(page, '26-pipeline-numbers');

  await go(page, '#/import-export', 'Import & export');
  await capture(page, '30-import-choose');
  await page.getByLabel('Choose a CSV or vCard file').setInputFiles({ name: 'google-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsCsv) });
  await expect(page.getByRole('button', { name: 'Next: duplicates' })).toBeVisible();
  await capture(page, '31-import-mapping');
  await page.getByRole('button', { name: 'Next: duplicates' }).click();
  await expect(page.getByLabel('What this import will do')).toBeVisible();
  await capture(page, '32-import-duplicates');
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await expect(page.getByLabel('Import report')).toBeVisible();
  await capture(page, '33-import-report');
  await dismissReminders(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('link', { name: /^Download the backup/ })).toBeVisible();
  await capture(page, '34-export-and-backup', page.getByRole('region', { name: 'Backup' }));

  await go(page, '#/settings', 'Settings');
  await capture(page, '40-settings');
  await capture(page, '41-settings-work', page.getByRole('region', { name: 'Phone', exact: true }));
  const teamSync = page.getByRole('region', { name: 'Team sync' });
  await capture(page, '42-team-sync-setup', teamSync);
  const relay = await startRelay();
  test.info().attach('relay', { body: relay.url }).catch(() => undefined);
  try {
  await teamSync.getByLabel('Relay address').fill(relay.url);
  await teamSync.getByLabel('Workspace name').fill('Castle Roofing');
  await teamSync.getByRole('button', { name: 'Start workspace' }).click();
  await expect(teamSync.getByRole('definition').filter({ hasText: 'Castle Roofing' })).toBeVisible({ timeout: 20_000 });
  await teamSync.getByRole('button', { name: 'Make an invite code' }).click();
  await expect(teamSync.getByRole('textbox', { name: 'Invite code' })).toHaveValue(/^[A-Z0-9]{10}\.[A-Za-z0-9_-]{22}$/);
  await capture(page, '43-team-sync-workspace', teamSync.getByRole('list', { name: 'Members' }));
  // The phone line needs the workspace: its screens as an office sees them before Twilio is connected.
  await go(page, '#/phone', 'Phone');
  await capture(page, '44-phone');
  await go(page, '#/settings/phone', 'Phone');
  await capture(page, '45-phone-settings');
  } finally {
    relay.stop();
  }

  await go(page, '#/dashboard', /.+/);
  const search = await palette(page, people[1]!.name.split(' ')[0]!);
  await expect(search.getByRole('group', { name: 'Contacts' })).toBeVisible();
  await capture(page, '50-command-palette');
});
