import { openDatabaseFile } from '../../helpers/open-database-file';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { addCustomers } from '../../helpers/seed-customers';
import { everyTable, schemaOf } from '../sync/snapshot-tables';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// A new laptop killed with SIGKILL while it loads the workspace's snapshot: opened again, it
// carries on from the page it had reached and ends with exactly what a laptop that was never
// interrupted has.

const contacts = 5000; // with a tag and a note each: 15,000 snapshot rows, eight pages of 2,000
let work: string;
let database: RelayDatabase;
let relay: Relay;
let admin: TempCore;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-kill-'));
  database = await openRelayDatabase({ dataDir: null });
  relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
  admin = createTempCore({ autoSync: false });
  await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Harbour Plumbing', memberName: 'Sam' });
  addCustomers(admin, contacts, { company: (index) => `Firm ${index % 40}`, tag: (index) => (index % 2 ? 'boiler' : 'roof') });
  await admin.sync.syncNow();
}, 180_000);

afterAll(async () => {
  admin.dispose();
  await relay.close();
  await database.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const loggedChanges = (dataDir: string) => {
  if (!fs.existsSync(path.join(dataDir, 'fieldbook.db'))) return 0;
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM changes').pluck().get() as number;
  } catch {
    return 0; // not migrated yet
  } finally {
    db.close();
  }
};

async function syncUntilSynced(core: Pick<TempCore, 'sync'>) {
  let status = await core.sync.syncNow();
  for (let attempt = 0; attempt < 3 && status.state !== 'synced'; attempt += 1) status = await core.sync.syncNow();
  return status;
}

describe('a new laptop killed while it loads the snapshot', { timeout: 180_000 }, () => {
  it('carries on where it was and ends identical to a laptop bootstrapped in one go', async () => {
    const reference = createTempCore({ autoSync: false });
    try {
      const first = await admin.call('sync.invite', {});
      const joined = await reference.call('sync.join', { relayUrl: relay.url, inviteCode: first.inviteCode, memberName: 'Reference' });
      // On a busy machine a request may time out: the next sync carries on (that is the point).
      if (joined.state !== 'synced') await syncUntilSynced(reference);
      const total = reference.sqlite.prepare('SELECT COUNT(*) FROM changes').pluck().get() as number;
      expect(total).toBeGreaterThanOrEqual(3 * contacts);

      const pages = randomPoint(1, 5);
      const point = `killed after ${pages} pages (FIELDBOOK_KILL_POINT=${pages} repeats it)`;
      const dataDir = path.join(work, 'new-hire');
      const { inviteCode } = await admin.call('sync.invite', {});
      const child = startChild(work, [dataDir, relay.url, inviteCode], { script: 'tests/main/crash/bootstrap-child.ts' });
      // A page of 2,000 rows logs at least 2,000 changes, in the transaction that stores it.
      await killWhen(child, () => loggedChanges(dataDir) >= pages * 2000, `${pages} pages of the snapshot were stored`, 120_000);
      const stored = loggedChanges(dataDir);
      expect(stored, point).toBeLessThan(total);

      const snapshotRequests: URL[] = [];
      const watching: typeof fetch = (input, init) => {
        const url = new URL(String(input));
        if (url.pathname === '/v1/snapshot') snapshotRequests.push(url);
        return fetch(input, init);
      };
      const resumed = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {}, fetch: watching });
      try {
        expect(resumed.sync.status().state, point).not.toBe('not_configured');
        const status = await syncUntilSynced(resumed);
        expect(status.state, `${point}: ${status.message ?? ''}`).toBe('synced');
        // It went on from the page it had reached: the first page was never asked for again.
        expect(snapshotRequests.length, point).toBeGreaterThan(0);
        for (const request of snapshotRequests) expect(request.searchParams.get('after'), point).toMatch(/^\d+:/);
        expect(everyTable(resumed.sqlite), point).toEqual(everyTable(reference.sqlite));
        // The indexes set aside while it loaded are all there again, as the migrations define them.
        expect(schemaOf(resumed.sqlite), point).toEqual(schemaOf(reference.sqlite));
        expect((await resumed.invoke('contacts.list', { query: 'Customer 4999' })).ok, point).toBe(true);
      } finally {
        resumed.close();
      }
    } finally {
      reference.dispose();
    }
  });
});
