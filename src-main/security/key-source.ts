import { randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import type { SecretCipher } from '../core/secret-store';
import { openWith, readKeySeals, sealWith, writeKeySeals, type KeySeal, type PassphraseSeal } from './key-file';
import { deriveKey, fastKdfCost, newKdfParams, strongKdfCost, type KdfCost, type KdfParams } from './passphrase-kdf';

// Where the core gets its keys: one injected source, so each shell unlocks its own way (the OS
// keychain in Electron, a passphrase in the browser host and the CLI) and tests pass a cheap one.
// A data folder's database key is 32 random bytes made the first time the folder is opened;
// only its seals are stored (key-file.ts).

/** What unlocks backups: a key derived from the passphrase, and the public parameters that derive it again. */
export interface BackupSealing {
  kdf: KdfParams;
  key: Buffer;
}

export interface UnlockedKeys {
  /** The key of fieldbook.db; null only for the bench's unencrypted comparison. */
  databaseKey: Buffer | null;
  /** Seals backups; absent when no passphrase is known (Electron on the keychain alone). */
  backupSealing?: BackupSealing;
}

export interface DatabaseKeySource {
  readonly protection: 'os-keychain' | 'passphrase' | 'none';
  /** The folder's keys, made and sealed when it has none yet. Throws an AppError, changing nothing, when they cannot be opened. */
  unlock(dataDir: string): UnlockedKeys;
}

/** The passphrase every test and bench data folder is sealed with (their data is made up). */
export const testPassphrase = 'fieldbook test passphrase';

/** 64 bytes from one scrypt run: the first 32 seal the database key, the last 32 seal backups. */
function passphraseKeys(passphrase: string, kdf: KdfParams): { kek: Buffer; backupSealing: BackupSealing } {
  const material = deriveKey(passphrase, kdf, 64);
  return { kek: material.subarray(0, 32), backupSealing: { kdf, key: material.subarray(32) } };
}

/** Derives the backup key of a backup sealed under `kdf` from the passphrase given at restore. */
export function backupKeyFrom(passphrase: string, kdf: KdfParams): Buffer {
  return passphraseKeys(passphrase, kdf).backupSealing.key;
}

function newPassphraseSeal(databaseKey: Buffer, passphrase: string, cost: KdfCost): { seal: PassphraseSeal; backupSealing: BackupSealing } {
  const kdf = newKdfParams(cost);
  const { kek, backupSealing } = passphraseKeys(passphrase, kdf);
  return { seal: { by: 'passphrase', kdf, ...sealWith(kek, databaseKey) }, backupSealing };
}

/** The database key sealed by a passphrase, for a folder made by a restore. */
export function passphraseSeal(databaseKey: Buffer, passphrase: string, cost: KdfCost = strongKdfCost): PassphraseSeal {
  return newPassphraseSeal(databaseKey, passphrase, cost).seal;
}

function openPassphraseSeal(seal: PassphraseSeal, passphrase: string): { databaseKey: Buffer; backupSealing: BackupSealing } {
  const { kek, backupSealing } = passphraseKeys(passphrase, seal.kdf);
  const databaseKey = openWith(kek, seal);
  if (!databaseKey) throw new AppError('forbidden', 'That passphrase does not unlock this data folder. Nothing was changed; try again.', 'passphrase');
  return { databaseKey, backupSealing };
}

const findSeal = <B extends KeySeal['by']>(seals: KeySeal[], by: B) => seals.find((seal): seal is Extract<KeySeal, { by: B }> => seal.by === by);

export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new AppError('invalid_input', 'A passphrase needs at least 8 characters.', 'passphrase');
}

/** The browser host and the CLI: the key is sealed by a passphrase the person types (or FIELDBOOK_PASSPHRASE). */
export function passphraseKeySource(passphrase: string, options: { cost?: KdfCost } = {}): DatabaseKeySource {
  return {
    protection: 'passphrase',
    unlock(dataDir) {
      const seals = readKeySeals(dataDir);
      if (!seals) {
        checkNewPassphrase(passphrase);
        const databaseKey = randomBytes(32);
        const { seal, backupSealing } = newPassphraseSeal(databaseKey, passphrase, options.cost ?? strongKdfCost);
        writeKeySeals(dataDir, [seal]);
        return { databaseKey, backupSealing };
      }
      const seal = findSeal(seals, 'passphrase');
      if (!seal) {
        throw new AppError('forbidden', 'This data folder is locked by the OS keychain of the Fieldbook app, not by a passphrase: open it in the app.', 'dataDir');
      }
      return openPassphraseSeal(seal, passphrase);
    },
  };
}

/**
 * The Electron shell: the key is sealed by the OS keychain (safeStorage), so nothing is asked at
 * start. A passphrase, when one is given (FIELDBOOK_PASSPHRASE), opens a folder sealed by the
 * browser host, adds a passphrase seal to a new folder, and lets backups be sealed.
 */
export function keychainKeySource(cipher: SecretCipher, passphrase?: string): DatabaseKeySource {
  return {
    protection: 'os-keychain',
    unlock(dataDir) {
      const seals = readKeySeals(dataDir);
      if (!seals) {
        const databaseKey = randomBytes(32);
        const made: KeySeal[] = [{ by: 'os-keychain', sealed: cipher.seal(databaseKey.toString('hex')) }];
        let backupSealing: BackupSealing | undefined;
        if (passphrase !== undefined) {
          checkNewPassphrase(passphrase);
          const withPassphrase = newPassphraseSeal(databaseKey, passphrase, strongKdfCost);
          made.push(withPassphrase.seal);
          backupSealing = withPassphrase.backupSealing;
        }
        writeKeySeals(dataDir, made);
        return { databaseKey, ...(backupSealing ? { backupSealing } : {}) };
      }
      const byPassphrase = findSeal(seals, 'passphrase');
      const unlockedByPassphrase = passphrase !== undefined && byPassphrase ? openPassphraseSeal(byPassphrase, passphrase) : undefined;
      const byKeychain = findSeal(seals, 'os-keychain');
      if (byKeychain) {
        let databaseKey: Buffer;
        try {
          databaseKey = Buffer.from(cipher.open(byKeychain.sealed), 'hex');
        } catch {
          throw new AppError('forbidden', "This computer's keychain does not open this data folder (it was sealed on another computer or account). Start Fieldbook with FIELDBOOK_PASSPHRASE set.", 'dataDir');
        }
        return { databaseKey, ...(unlockedByPassphrase ? { backupSealing: unlockedByPassphrase.backupSealing } : {}) };
      }
      if (!unlockedByPassphrase) {
        throw new AppError('forbidden', 'This data folder is locked by a passphrase: start Fieldbook with FIELDBOOK_PASSPHRASE set, or in the browser host, which asks for it.', 'passphrase');
      }
      // From now on the keychain opens it without asking.
      writeKeySeals(dataDir, [...seals, { by: 'os-keychain', sealed: cipher.seal(unlockedByPassphrase.databaseKey.toString('hex')) }]);
      return unlockedByPassphrase;
    },
  };
}

/** Tests and benches: the test passphrase with a cheap KDF, so a data folder costs no time to open. */
export function testKeySource(): DatabaseKeySource {
  return passphraseKeySource(testPassphrase, { cost: fastKdfCost });
}

/** Only for the bench's comparison beside the encrypted build: a plain database. */
export function unencryptedForComparison(): DatabaseKeySource {
  return { protection: 'none', unlock: () => ({ databaseKey: null }) };
}
