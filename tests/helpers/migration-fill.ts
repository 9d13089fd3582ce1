import fs from 'node:fs';
import path from 'node:path';
import type { Sqlite } from '../../src-main/db/open';

const migrations = path.resolve(import.meta.dirname, '../../migrations/local');

/**
 * Runs again the statements of a local migration (found by the end of its file name) that fill
 * kept figures from the rows already there, and none of its other statements (tables, triggers):
 * what an upgraded data folder gets. `fills` picks those statements by a piece of their text.
 */
export function runMigrationFill(sqlite: Sqlite, fileSuffix: string, fills: string): void {
  const file = fs.readdirSync(migrations).find((name) => name.endsWith(fileSuffix));
  if (!file) throw new Error(`No local migration ends with ${fileSuffix}`);
  const statements = fs
    .readFileSync(path.join(migrations, file), 'utf8')
    .split('--> statement-breakpoint')
    .filter((text) => text.includes(fills) && !text.includes('CREATE TRIGGER'));
  if (statements.length === 0) throw new Error(`${file} has no statement with ${fills}`);
  for (const statement of statements) sqlite.exec(statement);
}
