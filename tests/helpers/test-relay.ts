import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { createRelay, type Relay } from '../../src-relay/server';

/**
 * A real relay on embedded PGlite in a folder of its own, started before the file's tests and
 * closed (its folder removed) after them, with no rate limit. `url` is its address once started.
 */
export function useTestRelay(name: string): { readonly url: string } {
  let relayDir: string;
  let database: RelayDatabase | undefined;
  let relay: Relay | undefined;
  beforeAll(async () => {
    relayDir = fs.mkdtempSync(path.join(os.tmpdir(), `fieldbook-${name}-relay-`));
    database = await openRelayDatabase({ dataDir: relayDir });
    relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
  }, 120_000);
  afterAll(async () => {
    await relay?.close();
    await database?.close();
    fs.rmSync(relayDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!relay) throw new Error('the test relay is not started yet');
      return relay.url;
    },
  };
}
