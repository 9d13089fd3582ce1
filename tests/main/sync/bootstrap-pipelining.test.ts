import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnapshotLoader } from '../../../src-main/sync/snapshot-load';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { addCustomers } from '../../helpers/seed-customers';
import { useTestRelay } from '../../helpers/test-relay';

// A new laptop loading the relay's snapshot asks for the next page before it loads the page in
// hand (src-main/sync/sync-engine.ts, loadSnapshot): the relay reads that page while the laptop
// writes, instead of each waiting for the other.

const relay = useTestRelay('bootstrap-pipelining');
const contacts = 2500; // with a tag and a note each: 7,500 snapshot rows, four pages of 2,000
let admin: TempCore;

beforeAll(async () => {
  admin = createTempCore({ autoSync: false });
  await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Harbour Plumbing', memberName: 'Sam' });
  addCustomers(admin, contacts);
  // On a busy machine a push may time out: the next sync carries on.
  for (let attempt = 0; attempt < 5 && admin.engine.outbox(1).length > 0; attempt += 1) await admin.sync.syncNow();
  expect(admin.engine.outbox(1)).toEqual([]);
}, 180_000);

afterAll(() => admin.dispose());

describe('a new laptop loading the snapshot', { timeout: 180_000 }, () => {
  it('asks for the next page before it loads the page in hand', async () => {
    // The distinct pages asked for (a request retried on a closed socket counts once), and how
    // many had been asked for when each page was loaded.
    const asked = new Set<string>();
    const askedAtEachLoad: number[] = [];
    const watching: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/snapshot') asked.add(url.searchParams.get('after') ?? 'first');
      return fetch(input, init);
    };
    const realLoadPage = SnapshotLoader.prototype.loadPage;
    const spy = vi.spyOn(SnapshotLoader.prototype, 'loadPage').mockImplementation(function (this: SnapshotLoader, ...args: Parameters<SnapshotLoader['loadPage']>) {
      askedAtEachLoad.push(asked.size);
      return realLoadPage.apply(this, args);
    });
    const laptop = createTempCore({ autoSync: false, fetch: watching });
    try {
      const { inviteCode } = await admin.call('sync.invite', {});
      const joined = await laptop.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'New hire' });
      expect(joined.state).toBe('synced');
      const loads = askedAtEachLoad.length;
      expect(loads).toBeGreaterThanOrEqual(4);
      // Each page but the last is loaded once the page after it has been asked for.
      expect(askedAtEachLoad).toEqual(Array.from({ length: loads }, (_, page) => Math.min(page + 2, loads)));
      expect((await laptop.call('contacts.list', {})).total).toBe(contacts);
    } finally {
      spy.mockRestore();
      laptop.dispose();
    }
  });
});
