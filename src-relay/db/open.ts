import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { relaySchema } from './schema';

// Opens the relay's database (embedded PGlite or PostgreSQL), applies migrations/relay, and gives
// the fan-out channel: a push runs `pg_notify(pokeChannel, …)` inside its transaction, so the
// notification is delivered after the commit, to every relay process listening on the database.
// Each driver lives in its own module (pglite.ts, postgres.ts) and only the one in use is loaded:
// each holds megabytes that the other setup never needs.

export type RelayDb = PgDatabase<PgQueryResultHKT, typeof relaySchema>;
export type RelayTransaction = Parameters<Parameters<RelayDb['transaction']>[0]>[0];

export const pokeChannel = 'fieldbook_poke';

export interface RelayDatabase {
  readonly db: RelayDb;
  /** For the start-up line: `PGlite at DIR` or `PostgreSQL`. */
  readonly description: string;
  /** Calls `onMessage` with each payload sent on pokeChannel; resolves to an unsubscribe. */
  listen(onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type RelayDatabaseConfig =
  | { databaseUrl: string; onError?: (error: Error) => void }
  /** `dataDir: null` keeps the database in memory (tests of throwaway relays only). */
  | { dataDir: string | null };

const defaultMigrationsFolder = fileURLToPath(new URL('../../migrations/relay', import.meta.url));

export async function openRelayDatabase(config: RelayDatabaseConfig, migrationsFolder = defaultMigrationsFolder): Promise<RelayDatabase> {
  return 'databaseUrl' in config
    ? (await import('./postgres')).openPostgres(config.databaseUrl, migrationsFolder, config.onError ?? (() => {}))
    : (await import('./pglite')).openPglite(config.dataDir, migrationsFolder);
}

/** A database round trip, for /health. */
export async function pingDatabase(db: RelayDb): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
