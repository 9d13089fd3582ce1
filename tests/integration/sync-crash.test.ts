import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabaseFile } from '../helpers/open-database-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { createRelay, type Relay } from '../../src-relay/server';
import { createTempCore, type TempCore } from '../helpers/temp-core';

// A laptop killed with SIGKILL in the middle of applying what it pulled: on reopening, its
// database is whole, every applied page came with its cursor, and sync resumes to the same
// state as the teammate's.

const repoRoot = path.resolve(import.meta.dirname, '../..');
let relayDir: string;
let database: RelayDatabase;
let relay: Relay;
let source: TempCore;

beforeAll(async () => {
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-crash-relay-'));
  database = await openRelayDatabase({ dataDir: relayDir });
  relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 100_000, burst: 100_000 } });
  source = createTempCore({ autoSync: false });
  await source.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
  source.sync.stop();
  source.engine.transaction(() => {
    for (let index = 0; index < 6000; index += 1) {
      source.contacts.create(
        { kind: 'person', name: `Customer ${index}`, company: '', jobTitle: '', phones: [], emails: [], address: { street: '', city: '', region: '', postcode: '', country: '' }, status: 'active', source: '', tags: index % 3 === 0 ? ['vip'] : [], potentialValue: null, summary: '', doNotContact: false, customFields: {} },
        { allowDuplicate: true },
      );
    }
  });
  // A busy machine may time a push out; sync retries, as it would for a user.
  for (let attempt = 0; attempt < 5 && source.sync.status().state !== 'synced'; attempt += 1) await source.sync.syncNow();
}, 180_000);

afterAll(async () => {
  source.dispose();
  await relay.close();
  await database.close();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

function countApplied(file: string): number {
  try {
    const reader = openDatabaseFile(path.dirname(file), { readonly: true, file });
    try {
      return (reader.prepare('SELECT COUNT(*) AS n FROM changes WHERE local = 0').get() as { n: number }).n;
    } finally {
      reader.close();
    }
  } catch {
    return 0;
  }
}

describe('a client killed mid-apply', () => {
  it('reopens whole and resumes to the same state as its teammate', async () => {
    expect(source.sync.status(), JSON.stringify(source.sync.status())).toMatchObject({ state: 'synced', pendingChanges: 0 });
    const { inviteCode } = await source.call('sync.invite', {});
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-crash-client-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/sync/join-and-sync.ts', dataDir, relay.url, inviteCode], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    const dbFile = path.join(dataDir, 'fieldbook.db');
    // Kill it once it has applied some, but not all, of what there is to pull.
    const total = (source.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline && !output.includes('synced')) {
      seen = countApplied(dbFile);
      if (seen > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).not.toContain('synced');
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(total);

    const reopened = createTempCore({ dataDir, autoSync: false });
    try {
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const cursor = reopened.sqlite.prepare("SELECT value FROM local_settings WHERE key = 'sync.cursor'").get() as { value: string } | undefined;
      const applied = countApplied(dbFile);
      // Bootstrap pages and pull pages land whole with their progress marker, never half.
      if (cursor && Number(JSON.parse(cursor.value)) > 0) expect(applied).toBeGreaterThan(0);
      await reopened.sync.syncNow();
      expect(reopened.sync.status().state).toBe('synced');
      const names = (core: TempCore) =>
        (core.sqlite.prepare('SELECT name FROM contacts WHERE cl % 2 = 1 ORDER BY id').all() as { name: string }[]).map((row) => row.name);
      expect(names(reopened)).toEqual(names(source));
      expect((await reopened.call('contacts.list', { filters: { tag: 'vip', owner: 'team' } })).total).toBe(2000);
    } finally {
      reopened.dispose();
    }
  }, 120_000);
});
