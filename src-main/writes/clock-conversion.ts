import type { FieldClocks } from '../../src-shared/sync/merge';
import type { Sqlite } from '../db/open';
import { clockStoreOf } from './clock-store';

// Migration 0035 renamed the JSON clocks of earlier versions to row_clocks_json; this converts
// them to the compact form with the code that writes clocks (clock-store.ts), so there is one
// encoder. All in one transaction, which drops row_clocks_json as it ends: killed before it
// commits, the database still holds the JSON clocks and the next start converts them again.
// Then the file is compacted, once.

const legacyTable = 'row_clocks_json';
const rowsPerRead = 5000;

export interface ClockConversionProgress {
  /** `converting` rows a batch at a time, then `compacting`: the one VACUUM, which reports nothing until it ends. */
  stage: 'converting' | 'compacting';
  converted: number;
  of: number;
}

/** Whether the clocks still wait for their conversion: of a version before 0035 (row_clocks), or renamed by it and not converted yet. */
export function hasJsonClocks(sqlite: Sqlite): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN (?, 'row_clocks')").get(legacyTable) !== undefined;
}

/** Converts what migration 0035 left to convert; answers how many rows it converted (0 when none were left). */
export function convertJsonClocks(sqlite: Sqlite, onProgress?: (progress: ClockConversionProgress) => void): number {
  const left = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(legacyTable);
  if (!left) return 0;
  const store = clockStoreOf(sqlite);
  const of = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${legacyTable}`).get() as { n: number }).n;
  const read = sqlite.prepare(`SELECT rowid, table_name, row_id, clocks FROM ${legacyTable} WHERE rowid > ? ORDER BY rowid LIMIT ${rowsPerRead}`);
  let converted = 0;
  sqlite.transaction(() => {
    store.newTransaction();
    let after = 0;
    for (;;) {
      const rows = read.all(after) as { rowid: number; table_name: string; row_id: string; clocks: string }[];
      if (rows.length === 0) break;
      store.insertNew(rows.map((row) => ({ table: row.table_name, rowId: row.row_id, clocks: parseClocks(row) })));
      after = rows[rows.length - 1]!.rowid;
      converted += rows.length;
      onProgress?.({ stage: 'converting', converted, of });
    }
    sqlite.exec(`DROP TABLE ${legacyTable}`);
  })();
  store.settle();
  // The JSON took most of the file (ten times the compact form): give its pages back to the disk
  // once, as the backups' VACUUM INTO does. Killed meanwhile, SQLite keeps the file as it was
  // (free pages that later writes reuse).
  if (converted > 0) {
    onProgress?.({ stage: 'compacting', converted, of });
    sqlite.exec('VACUUM');
  }
  return converted;
}

function parseClocks(row: { table_name: string; row_id: string; clocks: string }): FieldClocks {
  const clocks = JSON.parse(row.clocks) as unknown;
  if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks) || Object.values(clocks).some((hlc) => typeof hlc !== 'string')) {
    throw new Error(`The clocks of ${row.table_name} ${row.row_id} are not an object of clocks: ${row.clocks}`);
  }
  return clocks as FieldClocks;
}
