import { afterAll, beforeAll } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { createRelay, type Relay, type RelayOptions } from '../../src-relay/server';

/** A real relay on an in-memory PGlite for the tests of this file, started before them and closed after. */
export function useRelayInMemory(options: Partial<RelayOptions> = {}): { readonly url: string; readonly database: RelayDatabase } {
  let database: RelayDatabase | undefined;
  let relay: Relay | undefined;
  beforeAll(async () => {
    database = await openRelayDatabase({ dataDir: null });
    relay = await createRelay({ database, port: 0, logger: () => {}, ...options });
  }, 60_000);
  afterAll(async () => {
    await relay?.close();
    await database?.close();
  });
  return {
    get url() {
      return relay!.url;
    },
    get database() {
      return database!;
    },
  };
}
