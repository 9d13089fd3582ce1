import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey, isPlainDatabase } from './database-cipher';
import { keyFilePath } from './key-file';
import type { DatabaseKeySource } from './key-source';

/**
 * A data folder's database opened directly, not through a core (no migrations, no pragmas): for
 * tools and tests that read it raw. Plain when it still is (made by an older version), else
 * keyed with what `keySource` unlocks from the folder's sealed key.
 */
export function openFolderDatabase(
  dataDir: string,
  keySource: DatabaseKeySource,
  options: { readonly?: boolean; file?: string } = {},
): Database.Database {
  const file = options.file ?? path.join(dataDir, 'fieldbook.db');
  const db = new Database(file, { readonly: options.readonly ?? false });
  // Plain, or so new that the app has not sealed its key yet (an empty file): never make a key
  // here, which would race the app making its own.
  if (isPlainDatabase(file) || !fs.existsSync(keyFilePath(dataDir))) return db;
  const { databaseKey } = keySource.unlock(dataDir);
  if (databaseKey) applyDatabaseKey(db, databaseKey);
  return db;
}
