import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callIdForCallSid } from '../../../src-shared/domain/telephony';
import { openRelayDatabase } from '../../../src-relay/db/open';
import { createRelay } from '../../../src-relay/server';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { sid, TwilioApi } from '../../support/twilio-api';

// The catch-up import killed with SIGKILL midway: each page was one transaction, so what it did
// is whole, and importing again completes the history with every call exactly once.

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const officeNumber = '+442079460000';
const calls = 1500;
let work: string;
let api: TwilioApi;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-catch-up-crash-'));
  api = await new TwilioApi().start();
  const start = Date.now() - 10 * 24 * 60 * 60 * 1000;
  for (let index = 0; index < calls; index += 1) {
    api.calls.push({ sid: sid('CA'), direction: 'inbound', from: `+4477009${String(index).padStart(5, '0')}`, to: officeNumber, status: 'completed', startTime: start + index * 60_000, durationSeconds: 20 });
  }
});

afterAll(async () => {
  await api?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

it('resumes an import killed midway: every call once, nothing doubled', async () => {
  const dataDir = path.join(work, 'relay');
  const key = randomBytes(32);
  const telephony = { secretBox: secretBox(key, 'test key'), twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 };
  const since = Date.now() - 11 * 24 * 60 * 60 * 1000;

  // A workspace with its phone line, made by a first run of the relay.
  let database = await openRelayDatabase({ dataDir });
  let relay = await createRelay({ database, logger: () => {}, telephony });
  const post = async (url: string, pathname: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return (await response.json()) as Record<string, never>;
  };
  const admin = (await post(relay.url, '/v1/workspaces', { workspaceName: 'Office', memberName: 'Ann', deviceName: 'Laptop' })) as Record<string, string>;
  await post(relay.url, '/v1/telephony/settings', { accountSid: api.accountSid, authToken: api.authToken, officeNumbers: [officeNumber], publicUrl: relay.url }, admin.deviceToken);
  await relay.close();
  await database.close();

  // The import in a child process, killed once Twilio has been asked for its fourth page.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'catch-up-child.ts'), dataDir, api.url, key.toString('base64'), admin.deviceToken!, String(since)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  while (api.pagesServed < 4 && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await exited;
  expect(output).not.toContain('finished');
  expect(api.pagesServed).toBeGreaterThanOrEqual(4);

  database = await openRelayDatabase({ dataDir });
  relay = await createRelay({ database, logger: () => {}, telephony });
  try {
    const imported = await post(relay.url, '/v1/telephony/import', { since, pageSize: 100 }, admin.deviceToken);
    expect(imported.seen).toBe(calls);
    expect(imported.added).toBeGreaterThan(0);
    expect(imported.added).toBeLessThan(calls);
    // Every call of the history is in the workspace's log exactly once.
    const rowIds: string[] = [];
    let after = 0;
    for (;;) {
      const response = await fetch(`${relay.url}/v1/pull?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${admin.deviceToken}` } });
      const page = (await response.json()) as { changes: { seq: number; change: { tableName: string; rowId: string } }[]; hasMore: boolean };
      rowIds.push(...page.changes.filter((entry) => entry.change.tableName === 'calls').map((entry) => entry.change.rowId));
      after = page.changes.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(rowIds.length).toBe(calls);
    expect(new Set(rowIds)).toEqual(new Set(api.calls.map((call) => callIdForCallSid(call.sid))));
  } finally {
    await relay.close();
    await database.close();
  }
}, 240_000);
