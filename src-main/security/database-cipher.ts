import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../src-shared/errors';
import { syncToDisk } from '../core/sync-to-disk';

// fieldbook.db is encrypted by SQLite3 Multiple Ciphers with AEGIS-256 (its "aegis" scheme): every
// page sealed and authenticated. Chosen for speed: in a paired test of write transactions (a row,
// an index and an FTS5 table, WAL), AEGIS cost about what no encryption costs, where ChaCha20-Poly1305
// (its "chacha20" scheme, which databases made before used) cost ~1.5x and the SQLCipher 4 scheme
// more (BENCHMARKS.md). A database made with an earlier scheme keeps opening with it. The key is 32
// random bytes given raw (`x'…'`): no key derivation at every open, since the key is not a
// passphrase — a passphrase, where there is one, went through scrypt when the key was sealed
// (key-source.ts).

type Connection = Database.Database;

/** The first 16 bytes of every plain SQLite file; an encrypted one starts with random salt. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

function pragmaKey(key: Buffer): string {
  if (key.length !== 32) throw new Error('A database key is 32 bytes.');
  return `"x'${key.toString('hex')}'"`;
}

/** The scheme new databases are encrypted with. */
const cipherScheme = 'aegis';
/** Schemes earlier versions encrypted with: their databases still open (tried after cipherScheme). */
const earlierSchemes = ['chacha20'];

function chooseCipher(sqlite: Connection, scheme = cipherScheme): void {
  sqlite.pragma(`cipher = '${scheme}'`);
  // A SQLite without the ciphers (a native binding built from plain better-sqlite3) would take
  // the key pragma as a no-op and keep the data in the clear: refuse it instead.
  if (sqlite.pragma('cipher', { simple: true }) !== scheme) {
    sqlite.close();
    throw new Error('This build of SQLite cannot encrypt (it lacks SQLite3 Multiple Ciphers); the database was not opened.');
  }
}

/**
 * SQLite's temporary files — the statement journal every write with a trigger keeps, sorts and
 * transient indexes too large for memory, temporary tables — are not encrypted by SQLite3 Multiple
 * Ciphers, and this build of SQLite puts them on disk by default (SQLITE_TEMP_STORE=1): pages of
 * contacts would reach the system's temporary folder in plain text. In memory they never touch
 * the disk, and a write stops paying for the file: ~40 page writes to it for each contact an
 * import inserts (BENCHMARKS.md, "Temporary files in memory").
 */
export function keepTemporaryFilesInMemory(sqlite: Connection): void {
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Keys a connection just opened; fails clearly (and closes it) when the key does not open the file.
 * A keyed connection keeps its temporary files in memory (keepTemporaryFilesInMemory).
 */
export function applyDatabaseKey(sqlite: Connection, key: Buffer): void {
  keepTemporaryFilesInMemory(sqlite);
  for (const scheme of [cipherScheme, ...earlierSchemes]) {
    chooseCipher(sqlite, scheme);
    sqlite.pragma(`key = ${pragmaKey(key)}`);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_NOTADB') {
        sqlite.close();
        throw error;
      }
    }
  }
  sqlite.close();
  throw new AppError('forbidden', `The database key does not open ${path.basename(sqlite.name)}: it was encrypted with another key. Nothing was changed.`, 'dataDir');
}

/** Whether `file` is a plain (unencrypted) SQLite database with something in it. */
export function isPlainDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(plainHeader.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(plainHeader);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Encrypts a plain database (one from before encryption) in place, safely: the plain file's
 * WAL is folded into it, the file is copied beside itself, the copy is encrypted and checked
 * against the original (integrity and the rows of every table), and only then renamed over it.
 * Killed at any point, the folder holds either the untouched plain database or the finished
 * encrypted one, plus perhaps a half-made copy that the next start removes before trying again.
 */
export function encryptPlainDatabase(file: string, key: Buffer, open: (file: string) => Connection): boolean {
  const copy = `${file}.encrypting`;
  for (const leftover of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(leftover, { force: true });
  if (!isPlainDatabase(file)) return false;

  const plain = open(file);
  let expected: Map<string, number>;
  try {
    // Everything into the main file and out of WAL mode: no plain -wal may stay beside the
    // encrypted file, where SQLite would replay it over the new pages.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
    expected = rowCounts(plain);
  } finally {
    plain.close();
  }
  for (const stray of [`${file}-wal`, `${file}-shm`]) fs.rmSync(stray, { force: true });

  fs.copyFileSync(file, copy);
  const encrypting = open(copy);
  try {
    chooseCipher(encrypting);
    encrypting.pragma(`rekey = ${pragmaKey(key)}`);
  } finally {
    encrypting.close();
  }

  const check = open(copy);
  try {
    applyDatabaseKey(check, key);
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the encrypted copy failed its integrity check (${String(integrity)})`);
    const found = rowCounts(check);
    for (const [table, rows] of expected) {
      if (found.get(table) !== rows) throw new Error(`the encrypted copy of ${table} has ${found.get(table) ?? 0} rows instead of ${rows}`);
    }
  } finally {
    if (check.open) check.close();
  }
  syncToDisk(copy);
  fs.renameSync(copy, file);
  syncToDisk(path.dirname(file));
  return true;
}

function rowCounts(sqlite: Connection): Map<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return new Map(tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number]));
}
