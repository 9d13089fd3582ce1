import type { Statement } from '../db/open';
import type { FieldValue } from './synced-tables';

// Many rows into one table with a few multi-row INSERTs instead of one statement each: for the
// write path's bulk creation (mutation-engine.ts writeNew). A list of n rows goes in groups whose
// sizes are powers of two (64, then 32, 16, … 1 for the rest), so each table and column list
// needs at most seven prepared statements, and a statement never nears SQLite's variable limit.

const largestGroup = 64;

/**
 * Inserts `rows` (each the values of `columns`, in order) into `table`, in that order. `onConflict`
 * (an upsert clause) applies to each row as it would to a single-row INSERT; rows that conflict
 * with each other must not be given together.
 */
export function insertRows(statement: (sql: string) => Statement, table: string, columns: readonly string[], rows: readonly FieldValue[][], onConflict = ''): void {
  let at = 0;
  for (let size = largestGroup; size >= 1; size /= 2) {
    while (rows.length - at >= size) {
      const values: FieldValue[] = [];
      for (let index = at; index < at + size; index += 1) values.push(...rows[index]!);
      statement(insertSql(table, columns, size, onConflict)).run(...values);
      at += size;
    }
  }
}

function insertSql(table: string, columns: readonly string[], rows: number, onConflict: string): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${onConflict}`.trimEnd();
}
