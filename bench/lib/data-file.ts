import type Database from 'better-sqlite3-multiple-ciphers';
import { testKeySource } from '../../src-main/security/key-source';
import { openFolderDatabase } from '../../src-main/security/open-folder-database';

/**
 * A bench data folder's fieldbook.db opened raw, for the baselines: the same encrypted file the
 * core reads, keyed the same way (bench folders are sealed with the test passphrase), so a
 * baseline pays the cipher as the core does.
 */
export function openBenchDatabase(dataDir: string, options: { readonly?: boolean } = {}): Database.Database {
  return openFolderDatabase(dataDir, testKeySource(), options);
}
