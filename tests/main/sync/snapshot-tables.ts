import type { Sqlite } from '../../../src-main/db/open';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { clockStoreOf } from '../../../src-main/writes/clock-store';
import { emptyRowState, foldChange, type RowState } from '../../../src-shared/sync/merge';
import type { SnapshotRow } from '../../../src-main/sync/snapshot-load';

/**
 * Every table of a laptop's database, row by row, for comparing two laptops. Left out: this
 * laptop's own settings (its device id and clock) and the inner tables of the full-text indexes,
 * whose content is compared through the index itself; figures at 0 (never shown). The clocks are
 * compared as the merge reads them: each laptop numbers the names in its clock dictionaries in
 * the order it met them (src-main/writes/clock-store.ts).
 */
export function everyTable(sqlite: Sqlite): Record<string, unknown[]> {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = tables.filter((table) => /CREATE VIRTUAL TABLE/i.test(table.sql)).map((table) => table.name);
  const shadow = (name: string) => virtual.some((owner) => name.startsWith(`${owner}_`));
  const state: Record<string, unknown[]> = {};
  for (const { name, sql } of tables) {
    if (name === 'local_settings' || name.startsWith('sqlite_') || name.startsWith('__drizzle') || shadow(name) || name.startsWith('clock_')) continue;
    if (name === 'clocks') {
      state[name] = decodedClocks(sqlite);
      continue;
    }
    // A figure whose count went back to 0 stays as a row and is never shown (0016_dashboard_figures,
    // 0037_deal_figures).
    const shown =
      name === 'contact_figures'
        ? ' WHERE contacts <> 0 OR amount_minor <> 0'
        : name === 'deal_stage_figures'
          ? ' WHERE deals <> 0 OR total_minor <> 0 OR own_weighted <> 0 OR stage_weighted_value <> 0'
          : '';
    state[name] = /WITHOUT ROWID/i.test(sql)
      ? (sqlite.prepare(`SELECT * FROM "${name}"${shown}`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()
      : sqlite.prepare(`SELECT rowid AS _rowid, * FROM "${name}" ORDER BY rowid`).all();
  }
  return state;
}

function decodedClocks(sqlite: Sqlite): string[] {
  const store = clockStoreOf(sqlite);
  const rows = sqlite.prepare('SELECT t.name AS table_name, c.row_id FROM clocks c JOIN clock_tables t ON t.code = c.table_code').all() as { table_name: string; row_id: string }[];
  return rows
    .map((row) => {
      const clocks = store.read(row.table_name, row.row_id);
      return JSON.stringify([row.table_name, row.row_id, Object.fromEntries(Object.keys(clocks).sort().map((field) => [field, clocks[field]]))]);
    })
    .sort();
}

/** What the relay's snapshot serves for a log of changes: each row folded by the shared rule, in the relay's order. */
export function snapshotOf(sqlite: Sqlite): SnapshotRow[] {
  const states = new Map<string, { tableName: string; rowId: string; state: RowState }>();
  for (const { change } of readChangeLog(sqlite)) {
    const key = `${change.tableName}\u0000${change.rowId}`;
    const entry = states.get(key) ?? { tableName: change.tableName, rowId: change.rowId, state: emptyRowState() };
    entry.state = foldChange(entry.state, change);
    states.set(key, entry);
  }
  return [...states.values()]
    .sort((a, b) => (a.tableName === b.tableName ? (a.rowId < b.rowId ? -1 : 1) : a.tableName < b.tableName ? -1 : 1))
    .map(({ tableName, rowId, state }) => ({ tableName, rowId, ...state }));
}

/** The database's schema as the migrations define it: every table, index and trigger with its SQL. */
export function schemaOf(sqlite: Sqlite): string[] {
  const rows = sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((row) => `${row.type} ${row.name} ON ${row.tbl_name}: ${row.sql ?? ''}`);
}
