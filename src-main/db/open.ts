import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
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
  /** Where the migrations live; defaults to the repository's migrations/local. */
  migrationsFolder?: string;
  /** A better-sqlite3 binary built for another ABI (Electron's), when not the Node one. */
  nativeBinding?: string;
}

export const defaultMigrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations/local',
);

/** Opens the local database in WAL mode with foreign keys on and applies pending migrations. */
export function openDatabase({ file, migrationsFolder, nativeBinding }: OpenDatabaseOptions): OpenedDatabase {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache instead of 2 MB: queries over 100k contacts read many pages, and it
  // still fits the core's memory budget.
  sqlite.pragma('cache_size = -65536');
  const orm = drizzle(sqlite, { schema });
  migrate(orm, { migrationsFolder: migrationsFolder ?? defaultMigrationsFolder });
  return { sqlite, orm };
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
