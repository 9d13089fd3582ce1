import type Database from 'better-sqlite3-multiple-ciphers';
import { testKeySource } from '../../src-main/security/key-source';
import { openFolderDatabase } from '../../src-main/security/open-folder-database';

/** A data folder's fieldbook.db opened raw, as a test inspects it: keyed by the test passphrase. */
export function openDatabaseFile(dataDir: string, options: { readonly?: boolean; file?: string } = {}): Database.Database {
  return openFolderDatabase(dataDir, testKeySource(), options);
}
