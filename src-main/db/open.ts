import Database from 'better-sqlite3-multiple-ciphers';
import { entityKind } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm/relations';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyDatabaseKey, encryptPlainDatabase, isPlainDatabase, keepTemporaryFilesInMemory } from '../security/database-cipher';
import { convertJsonClocks, hasJsonClocks, type ClockConversionProgress } from '../writes/clock-conversion';
import { restoreIndexesOfInterruptedLoad } from '../sync/snapshot-indexes';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Sqlite;
  orm: Drizzle;
}

export interface OpenDatabaseOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  /**
   * The 256-bit key the file is encrypted with (ChaCha20-Poly1305 per page). A plain file found where an
   * encrypted one is expected (made by a version before encryption) is encrypted first. Without
   * a key the file is plain: only tests that make an older version's database, and the bench's
   * unencrypted comparison, open one so.
   */
  key?: Buffer;
  /** Where the migrations live; defaults to the repository's migrations/local. */
  migrationsFolder?: string;
  /** A better-sqlite3-multiple-ciphers binary built for another ABI (Electron's), when not the Node one. */
  nativeBinding?: string;
  /** Told how far the one-time conversion of clocks to their compact form (migration 0035) has come. */
  onClockConversion?: (progress: ClockConversionProgress) => void;
}

export const defaultMigrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations/local',
);

/**
 * Every connection zeroes what a delete or an update frees when that costs no extra writes: an
 * old value overwritten today is not left in the page for a later erasure to miss. An erasure
 * (a forgotten person) turns it fully on for its own transaction (src-main/writes/erasure.ts).
 */
export const everydaySecureDelete = 'FAST';

/** SQLite's page cache outside an import (which takes more for its run: importPageCacheKiB), in KiB. */
export const everydayPageCacheKiB = 16_384;

/** Opens the local database in WAL mode with foreign keys on and applies pending migrations. */
export function openDatabase({ file, key, migrationsFolder, nativeBinding, onClockConversion }: OpenDatabaseOptions): OpenedDatabase {
  const driverOptions = nativeBinding ? { nativeBinding } : {};
  if (key && file !== ':memory:') encryptPlainDatabase(file, key, (at) => new Database(at, driverOptions));
  const sqlite = new Database(file, driverOptions);
  if (key) applyDatabaseKey(sqlite, key);
  else keepTemporaryFilesInMemory(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`secure_delete = ${everydaySecureDelete}`);
  // 16 MB of page cache instead of 2 MB. At 100k contacts a 64 MB cache filled with the first
  // screen's pages and held the idle core at 172 MB (the budget is 150); 16 MB holds it at 123 MB,
  // and search and list pages cost within a few per cent of the same CPU (BENCHMARKS.md, "The page
  // cache at 100k"): a missed page is a read from the OS's file cache and one page decrypted.
  sqlite.pragma(`cache_size = -${everydayPageCacheKiB}`);
  const orm = drizzleOver(sqlite);
  // Indexes a snapshot load set aside, if it was interrupted: the migrations expect them.
  restoreIndexesOfInterruptedLoad(sqlite);
  migrate(orm, { migrationsFolder: migrationsFolder ?? defaultMigrationsFolder });
  // What a migration leaves to code: the JSON clocks of versions before 0035, converted once.
  convertJsonClocks(sqlite, onClockConversion);
  return { sqlite, orm };
}

/**
 * Whether opening the file would first convert its JSON clocks (a folder of a version before
 * migration 0035): a look at its tables, so the shells can run that conversion off their main
 * thread and show its progress (db/clock-conversion-thread.ts). Throws as openDatabase does when the key does not open it.
 */
export function clockConversionPending({ file, key, nativeBinding }: Pick<OpenDatabaseOptions, 'file' | 'key' | 'nativeBinding'>): boolean {
  if (file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // A plain file is from before encryption, so from before 0035 as well: openDatabase encrypts it first.
    if (key && !isPlainDatabase(file)) applyDatabaseKey(sqlite, key);
    return hasJsonClocks(sqlite);
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

class FieldbookDatabase extends BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema> {
  static override readonly [entityKind] = 'BetterSQLite3Database';
}

/**
 * drizzle's better-sqlite3 database over our connection. What drizzle(client) does, without
 * importing its driver module: that one loads the `better-sqlite3` package at run time, and the
 * app ships better-sqlite3-multiple-ciphers (the same API) instead.
 */
function drizzleOver(sqlite: Sqlite): Drizzle {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(sqlite as never, dialect, relational, {});
  const db = new FieldbookDatabase('sync', dialect, session as never, relational as never);
  return Object.assign(db, { $client: sqlite }) as unknown as Drizzle;
}

/** A prepared statement taking positional parameters. */
export type Statement = Database.Statement<unknown[], unknown>;

/**
 * Prepares each SQL text once and returns the same statement after. For SQL spliced from fixed
 * lists of table and column names (never from input), where one statement per table is needed.
 */
export function statementCache(sqlite: Sqlite): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare<unknown[], unknown>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
