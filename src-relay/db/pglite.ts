import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { pokeChannel, type RelayDatabase, type RelayDb } from './open';
import { createPgliteCluster, pgliteSettings } from './pglite-memory';
import { relaySchema } from './schema';

// The embedded database: PGlite (PostgreSQL in WebAssembly) in a data folder, or in memory.

export async function openPglite(dataDir: string | null, migrationsFolder: string): Promise<RelayDatabase> {
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
