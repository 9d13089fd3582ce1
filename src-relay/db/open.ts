import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createPgliteCluster, pgliteSettings } from './pglite-memory';
import { relaySchema } from './schema';

// Opens the relay's database (embedded PGlite or PostgreSQL), applies migrations/relay, and gives
// the fan-out channel: a push runs `pg_notify(pokeChannel, …)` inside its transaction, so the
// notification is delivered after the commit, to every relay process listening on the database.

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
// Any fixed number: held while migrating so that relay processes starting together take turns.
const migrationLockKey = 0x46_42_52_4c;

export async function openRelayDatabase(config: RelayDatabaseConfig, migrationsFolder = defaultMigrationsFolder): Promise<RelayDatabase> {
  return 'databaseUrl' in config
    ? openPostgres(config.databaseUrl, migrationsFolder, config.onError ?? (() => {}))
    : openPglite(config.dataDir, migrationsFolder);
}

async function openPglite(dataDir: string | null, migrationsFolder: string): Promise<RelayDatabase> {
  if (dataDir !== null) createPgliteCluster(dataDir);
  const client = await PGlite.create({ ...(dataDir !== null ? { dataDir } : {}), postgresqlconf: pgliteSettings });
  const db = drizzlePglite({ client, schema: relaySchema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as RelayDb,
    description: dataDir ? `PGlite at ${path.resolve(dataDir)}` : 'PGlite in memory',
    async listen(onMessage) {
      const unsubscribe = await client.listen(pokeChannel, onMessage);
      return () => unsubscribe();
    },
    close: () => client.close(),
  };
}

async function openPostgres(databaseUrl: string, migrationsFolder: string, onError: (error: Error) => void): Promise<RelayDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client losing its connection must not crash the relay; the pool replaces it.
  pool.on('error', onError);
  try {
    const migrator = await pool.connect();
    try {
      await migrator.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
      await migrateNodePg(drizzleNodePg({ client: migrator }), { migrationsFolder });
    } finally {
      await migrator.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
      migrator.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const db = drizzleNodePg({ client: pool, schema: relaySchema });
  const listener = new PostgresListener(databaseUrl, onError);
  return {
    db: db as unknown as RelayDb,
    description: 'PostgreSQL',
    listen: (onMessage) => listener.add(onMessage),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

/** One dedicated connection per process for LISTEN (a pooled one would lose it), reconnecting. */
class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly callbacks = new Set<(payload: string) => void>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly onError: (error: Error) => void,
  ) {}

  async add(callback: (payload: string) => void): Promise<() => Promise<void>> {
    this.callbacks.add(callback);
    this.connecting ??= this.connect();
    await this.connecting;
    return async () => {
      this.callbacks.delete(callback);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== pokeChannel || message.payload === undefined) return;
      for (const callback of this.callbacks) callback(message.payload);
    });
    client.on('error', (error) => {
      this.onError(error);
      if (this.client === client) this.reconnectLater();
    });
    client.on('end', () => {
      if (this.client === client) this.reconnectLater();
    });
    await client.connect();
    await client.query(`LISTEN ${pokeChannel}`);
    this.client = client;
  }

  // Pokes sent while reconnecting are lost; clients also sync periodically, so they catch up.
  private reconnectLater(): void {
    this.client = undefined;
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.closed) return;
      this.connect().catch((error: Error) => {
        this.onError(error);
        this.reconnectLater();
      });
    }, 1000);
    this.reconnectTimer.unref();
  }
}

/** A database round trip, for /health. */
export async function pingDatabase(db: RelayDb): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
