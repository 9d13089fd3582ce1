import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import type { CoreOptions } from '../../../src-main/core/create-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStore, type StoreUnderTest, type storeKinds } from '../../relay/blobs/blob-harness';
import { TestClock } from '../../relay/helpers/relay-harness';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A relay (PGlite, and the folder store or S3 through s3rver) with laptops on it: real cores in
// temp folders that sync over loopback, as two teammates' laptops would.

export const partBytes = 5 * 1024 * 1024;
const dayMs = 24 * 60 * 60 * 1000;

export interface TeamRelay {
  relay: Relay;
  database: RelayDatabase;
  store: StoreUnderTest;
  clock: TestClock;
  stop(): Promise<void>;
}

export async function startTeamRelay(kind: (typeof storeKinds)[number], options: { maxFileBytes?: number } = {}): Promise<TeamRelay> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-files-relay-'));
  const database = await openRelayDatabase({ dataDir: dir });
  const store = await startStore(kind);
  const clock = new TestClock();
  const relay = await createRelay({
    database,
    port: 0,
    now: clock.now,
    logger: () => {},
    rateLimit: { perSecond: 10_000, burst: 10_000 },
    blobs: { store: store.store, partBytes, graceMs: dayMs, ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}) },
  });
  return {
    relay,
    database,
    store,
    clock,
    async stop() {
      await relay.close();
      await store.stop();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Ann starts a workspace on `a`, Bob joins it on `b`. */
export async function formTeam(relayUrl: string, a: TempCore, b: TempCore): Promise<void> {
  await a.call('sync.createWorkspace', { relayUrl, workspaceName: 'Castle Roofing', memberName: 'Ann' });
  const { inviteCode } = await a.call('sync.invite', {});
  await b.call('sync.join', { relayUrl, inviteCode, memberName: 'Bob' });
}

export function laptop(options: Partial<CoreOptions> = {}): TempCore {
  return createTempCore({ autoSync: false, ...options });
}

/** Polls `check` until it holds (sync and uploads run in the background). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function contactOn(core: TempCore, name: string): Promise<string> {
  return (await core.call('contacts.create', { draft: { name } })).id;
}
