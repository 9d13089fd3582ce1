import type Database from 'better-sqlite3-multiple-ciphers';
import { testKeySource, type DatabaseKeySource, type UnlockedKeys } from '../../src-main/security/key-source';
import { openFolderDatabase } from '../../src-main/security/open-folder-database';

// A folder's keys are unlocked once per test process: a host seals a new folder with the full
// scrypt cost, and tests that poll the database would pay it at every look.
const unlocked = new Map<string, UnlockedKeys>();
const remembering: DatabaseKeySource = {
  protection: 'passphrase',
  unlock(dataDir) {
    const keys = unlocked.get(dataDir) ?? testKeySource().unlock(dataDir);
    unlocked.set(dataDir, keys);
    return keys;
  },
};

/** A data folder's fieldbook.db opened raw, as a test inspects it: keyed by the test passphrase. */
export function openDatabaseFile(dataDir: string, options: { readonly?: boolean; file?: string } = {}): Database.Database {
  return openFolderDatabase(dataDir, remembering, options);
}
