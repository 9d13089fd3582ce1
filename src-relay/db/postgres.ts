import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { pokeChannel, type RelayDatabase, type RelayDb } from './open';
import { relaySchema } from './schema';

// A PostgreSQL server (DATABASE_URL), where several relay processes can share one database.

// Any fixed number: held while migrating so that relay processes starting together take turns.
const migrationLockKey = 0x46_42_52_4c;

export async function openPostgres(databaseUrl: string, migrationsFolder: string, onError: (error: Error) => void): Promise<RelayDatabase> {
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
