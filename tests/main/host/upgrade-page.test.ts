import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopChild } from '../../support/stop-child';
import { testPassphrase } from '../../../src-main/security/key-source';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { createTempCore } from '../../helpers/temp-core';
import { toPreviousClockFormat } from '../sync/previous-clock-format';

// The built browser host (what `npm start` runs) on a data folder of the previous clocks' format:
// it listens at once and says at the terminal and on a page how far the update of the data is,
// then the same address serves the app, which the page was sent to.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hostEntry = path.join(root, 'dist', 'host', 'main.mjs');
const notes = 40_000;

let work: string;
let dataDir: string;
let host: ChildProcess | undefined;
let output = '';
/** How many rows of JSON clocks the folder holds. */
let jsonRows = 0;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upgrade-page-'));
  const targets = fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')) ? ['host'] : ['renderer', 'host'];
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...targets], { cwd: root, stdio: 'ignore' });
  dataDir = path.join(work, 'data');
  const core = createTempCore({ dataDir, autoSync: false });
  await core.call('contacts.create', { draft: { name: 'Grace Hopper' } });
  core.close();
  const made = `${String(1_790_000_000_000).padStart(15, '0')}-00000-laptop-1`;
  jsonRows = toPreviousClockFormat(
    dataDir,
    Array.from({ length: notes }, (_, index) => ({ table: 'notes', rowId: `note-${index}`, json: JSON.stringify({ body: made, contact_id: made }) })),
  ).size;
  fs.cpSync(dataDir, path.join(work, 'pristine'), { recursive: true });
}, 300_000);

afterAll(async () => {
  await stopChild(host);
  fs.rmSync(work, { recursive: true, force: true });
});

function startHost(folder = dataDir): void {
  output = '';
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  host = spawn(process.execPath, [hostEntry, '--data-dir', folder, '--port', '0', '--no-open'], {
    cwd: root,
    env: { ...env, FIELDBOOK_PASSPHRASE: testPassphrase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  host.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
}

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not print ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        host!.stdout!.off('data', check);
        resolve(match);
      }
    };
    host!.stdout!.on('data', check);
    check();
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      })
      .on('error', reject);
  });
}

/** Reads the page's event stream until it ends: each event's name and data. */
function readEvents(url: string, cookie: string): Promise<{ name: string; data: string }[]> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie }, agent: false }, (response) => {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/event-stream');
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve(
            text
              .split('\n\n')
              .filter((block) => block.trim() !== '')
              .map((block) => ({ name: /^event: (.*)$/m.exec(block)![1]!, data: /^data: (.*)$/m.exec(block)![1]! })),
          ),
        );
      })
      .on('error', reject);
  });
}

describe('the browser host on a data folder of the previous clocks format', { timeout: 300_000 }, () => {
  it('shows how far the update is, at the terminal and on a page at its address, then serves the app there', async () => {
    startHost();
    const [, pageUrl] = await waitForOutput(/^Fieldbook is updating your data for this version; follow it at (\S+)$/m, 60_000);
    const page = new URL(pageUrl!);

    // The printed address trades its token for a cookie, as the app's does.
    const traded = await get(pageUrl!);
    expect(traded.status).toBe(302);
    const cookie = String(traded.headers['set-cookie']).split(';')[0]!;
    expect((await get(`${page.origin}/`)).status).toBe(403);
    const shown = await get(`${page.origin}/`, { cookie });
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('<h1 id="title">Updating your data for this version</h1>');
    expect(shown.body).toMatch(/<progress id="bar" max="100" value="\d+" aria-label="Updating your data">/);
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
    // The app is not served meanwhile.
    expect((await get(`${page.origin}/index.html`, { cookie })).status).toBe(503);

    const events = await readEvents(`${page.origin}/upgrade/events`, cookie);
    const progress = events.filter((event) => event.name === 'progress').map((event) => JSON.parse(event.data) as { percent: number; detail: string });
    const counted = progress.filter((state) => /^\d+% — [\d,]+ of 40,00\d records$/.test(state.detail));
    expect(counted.length, JSON.stringify(progress)).toBeGreaterThan(1);
    expect(counted.map((state) => state.percent)).toEqual([...counted.map((state) => state.percent)].sort((a, b) => a - b));
    expect(progress.at(-1)!.detail).toBe('Almost done: making the file smaller…');
    const ready = events.at(-1)!;
    expect(ready.name).toBe('ready');
    expect(ready.data).toMatch(/^\/\?token=[\w-]+$/);

    // The terminal said the same, then printed the app's address: the same port, the token the page was sent with.
    const [, appUrl] = await waitForOutput(/^Fieldbook is running at (\S+)$/m, 60_000);
    expect(output).toMatch(/^Updating your data for this version — \d+% \([\d,]+ of 40,00\d records\)$/m);
    expect(output).toContain('Your data is up to date.');
    expect(appUrl).toBe(`${page.origin}${ready.data}`);

    const app = await get(`${page.origin}${ready.data}`);
    expect(app.status).toBe(302);
    const appCookie = String(app.headers['set-cookie']).split(';')[0]!;
    const index = await get(`${page.origin}/`, { cookie: appCookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    const token = new URL(appUrl!).searchParams.get('token')!;
    const listed = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${page.origin}/rpc/contacts.list`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(body));
      });
      request.on('error', reject);
      request.end('{}');
    });
    expect(JSON.parse(listed)).toMatchObject({ ok: true, data: { total: 1, items: [{ name: 'Grace Hopper' }] } });
  });

  it('stopped with Ctrl-C part-way, leaves the data as it was, to be updated at the next start', async () => {
    const stopped = path.join(work, 'stopped');
    fs.cpSync(path.join(work, 'pristine'), stopped, { recursive: true });
    startHost(stopped);
    await waitForOutput(/^Updating your data for this version — \d+% \([\d,]+ of 40,00\d records\)$/m, 120_000);
    const exited = new Promise<number | null>((resolve) => host!.once('exit', (code) => resolve(code)));
    host!.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('Stopping. Your data stays as it was; the update starts again at the next start.');
    expect(output).not.toContain('Your data is up to date.');
    const db = openDatabaseFile(stopped, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM row_clocks_json').pluck().get()).toBe(jsonRows);
      expect(db.prepare('SELECT COUNT(*) FROM clocks').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
