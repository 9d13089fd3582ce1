import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { fileKeyCipher } from '../../../src-main/core/secret-store';
import { applyDatabaseKey } from '../../../src-main/security/database-cipher';
import { keyFilePath } from '../../../src-main/security/key-file';
import { keychainKeySource, passphraseKeySource } from '../../../src-main/security/key-source';
import { fastKdfCost } from '../../../src-main/security/passphrase-kdf';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-key-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cheap = (passphrase: string) => passphraseKeySource(passphrase, { cost: fastKdfCost });

describe('the database key', () => {
  it('is 32 random bytes per data folder, stored only sealed, and the same passphrase opens it again', () => {
    const first = cheap('correct horse battery').unlock(dataDir).databaseKey!;
    expect(first).toHaveLength(32);
    const stored = fs.readFileSync(keyFilePath(dataDir));
    expect(stored.includes(Buffer.from(first.toString('hex')))).toBe(false);
    expect(stored.includes(first.toString('base64'))).toBe(false);
    expect(cheap('correct horse battery').unlock(dataDir).databaseKey).toEqual(first);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-key-'));
    try {
      expect(cheap('correct horse battery').unlock(other).databaseKey).not.toEqual(first);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses any other passphrase with a clear error, changing nothing', () => {
    cheap('correct horse battery').unlock(dataDir);
    const before = fs.readFileSync(keyFilePath(dataDir));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text !== 'correct horse battery'), (wrong) => {
        expect(() => cheap(wrong).unlock(dataDir)).toThrow(expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('does not unlock this data folder') }));
      }),
      { numRuns: 25 },
    );
    expect(fs.readFileSync(keyFilePath(dataDir))).toEqual(before);
  });

  it('refuses a passphrase shorter than 8 characters for a new folder', () => {
    expect(() => cheap('short').unlock(dataDir)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(fs.existsSync(keyFilePath(dataDir))).toBe(false);
  });

  it('a wrong passphrase opens no core and leaves the database as it was', { timeout: 60_000 }, async () => {
    const core = createCore({ dataDir, shell: 'cli', keySource: cheap('correct horse battery'), autoSync: false, logError: () => {} });
    await core.invoke('contacts.create', { draft: { name: 'Ann Smith' } });
    core.close();
    const database = fs.readFileSync(path.join(dataDir, 'fieldbook.db'));
    expect(() => createCore({ dataDir, shell: 'cli', keySource: cheap('wrong horse battery'), autoSync: false, logError: () => {} })).toThrow(
      /does not unlock this data folder/,
    );
    expect(fs.readFileSync(path.join(dataDir, 'fieldbook.db'))).toEqual(database);
  });

  it('sealed by the keychain opens without a passphrase; one given once lets the passphrase open it too', () => {
    // The key-file cipher stands in for Electron's safeStorage (the same SecretCipher interface).
    const keychain = fileKeyCipher(dataDir);
    const key = keychainKeySource(keychain).unlock(dataDir).databaseKey!;
    expect(keychainKeySource(keychain).unlock(dataDir).databaseKey).toEqual(key);
    expect(() => cheap('correct horse battery').unlock(dataDir)).toThrow(/locked by the OS keychain/);

    const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-key-'));
    try {
      const fromBrowser = cheap('correct horse battery').unlock(browserDir).databaseKey!;
      expect(() => keychainKeySource(keychain).unlock(browserDir)).toThrow(/locked by a passphrase/);
      expect(keychainKeySource(keychain, 'correct horse battery').unlock(browserDir).databaseKey).toEqual(fromBrowser);
      // From then on the keychain opens it alone.
      expect(keychainKeySource(keychain).unlock(browserDir).databaseKey).toEqual(fromBrowser);
    } finally {
      fs.rmSync(browserDir, { recursive: true, force: true });
    }
  });
});

describe('the database cipher', () => {
  const key = Buffer.alloc(32, 7);
  const file = () => path.join(dataDir, 'fieldbook.db');

  it('encrypts a new database with AEGIS, and still opens one an earlier version encrypted with ChaCha20-Poly1305', () => {
    const fresh = new Database(file());
    applyDatabaseKey(fresh, key);
    fresh.exec("CREATE TABLE kept(v TEXT); INSERT INTO kept VALUES ('new')");
    expect(fresh.pragma('cipher', { simple: true })).toBe('aegis');
    fresh.close();

    const earlierFile = path.join(dataDir, 'earlier.db');
    const earlier = new Database(earlierFile);
    earlier.pragma("cipher = 'chacha20'");
    earlier.pragma(`key = "x'${key.toString('hex')}'"`);
    earlier.exec("CREATE TABLE kept(v TEXT); INSERT INTO kept VALUES ('from before')");
    earlier.close();

    const reopened = new Database(earlierFile);
    applyDatabaseKey(reopened, key);
    expect(reopened.prepare('SELECT v FROM kept').pluck().get()).toBe('from before');
    reopened.close();
  });

  it('refuses a wrong key whichever scheme the file uses, and closes the connection', () => {
    const made = new Database(file());
    applyDatabaseKey(made, key);
    made.exec('CREATE TABLE kept(v TEXT)');
    made.close();
    const wrong = new Database(file());
    expect(() => applyDatabaseKey(wrong, Buffer.alloc(32, 8))).toThrow(/encrypted with another key/);
    expect(wrong.open).toBe(false);
  });
});
