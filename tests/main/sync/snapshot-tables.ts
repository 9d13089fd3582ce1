import type { Sqlite } from '../../../src-main/db/open';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { emptyRowState, foldChange, type RowState } from '../../../src-shared/sync/merge';
import type { SnapshotRow } from '../../../src-main/sync/snapshot-load';

/**
 * Every table of a laptop's database, row by row, for comparing two laptops. Left out: this
 * laptop's own settings (its device id and clock) and the inner tables of the full-text indexes,
 * whose content is compared through the index itself; figures at 0 (never shown).
 */
export function everyTable(sqlite: Sqlite): Record<string, unknown[]> {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = tables.filter((table) => /CREATE VIRTUAL TABLE/i.test(table.sql)).map((table) => table.name);
  const shadow = (name: string) => virtual.some((owner) => name.startsWith(`${owner}_`));
  const state: Record<string, unknown[]> = {};
  for (const { name, sql } of tables) {
    if (name === 'local_settings' || name.startsWith('sqlite_') || name.startsWith('__drizzle') || shadow(name)) continue;
    // A figure whose count went back to 0 stays as a row and is never shown (0016_dashboard_figures).
    const shown = name === 'contact_figures' ? ' WHERE contacts <> 0 OR amount_minor <> 0' : '';
    state[name] = /WITHOUT ROWID/i.test(sql)
      ? (sqlite.prepare(`SELECT * FROM "${name}"${shown}`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()
      : sqlite.prepare(`SELECT rowid AS _rowid, * FROM "${name}" ORDER BY rowid`).all();
  }
  return state;
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
