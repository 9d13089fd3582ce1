import { rowsTouchedBy, type ErasedRow } from '../../src-shared/sync/erasure';
import { rowsOfPerson } from '../privacy/queries';
import { everydaySecureDelete, type Sqlite, type Statement } from '../db/open';
import type { ClockStore } from './clock-store';
import { isSyncedColumn, isSyncedTable, type SyncedTableName } from './synced-tables';

// What writing an erasure record does (src-shared/sync/erasure.ts), inside the write's own
// transaction, for a local forget and for one pulled from another laptop alike: every named row
// goes, with its clocks and every past value of it in the change log and in kept changes (a
// set-aside change stays listed without its values), and its id is kept in erased_rows so a later change for it is never applied. The
// derived data (search, phone and e-mail indexes, figures) is dropped by the write path's hooks,
// which see the rows deleted, before the rows themselves go; then the full-text indexes are
// merged, because FTS5 keeps a deleted row's words in its segments until they are.

export class Eraser {
  private knownErasures: boolean | undefined;
  /** Rows to delete once the hooks have seen them deleted (by causal length) and dropped their derived data. */
  private doomed: { table: SyncedTableName; rowId: string }[] = [];

  constructor(
    private readonly sqlite: Sqlite,
    private readonly statement: (sql: string) => Statement,
    private readonly clocks: ClockStore,
  ) {}

  /**
   * Erases the rows' history now and marks the rows deleted; `touch` is called for each synced
   * row, so that the hooks drop its derived data (a contact's search words are found through its
   * row). `finish` then deletes the rows themselves, after the hooks ran.
   */
  erase(erasureId: string, named: readonly ErasedRow[], touch: (table: SyncedTableName, rowId: string) => void): void {
    // Until this transaction is over, what is deleted or rewritten is overwritten with zeros,
    // free pages included: nothing of the person stays in the file's unused space.
    this.sqlite.pragma('secure_delete = ON');
    for (const { table, rowId, fields } of this.withLocalRows(named)) {
      if (fields) {
        this.forgetPastValues(table, rowId, fields);
        continue;
      }
      this.clocks.delete(table, rowId);
      for (const bookkeeping of ['changes', 'pending_changes']) {
        this.statement(`DELETE FROM ${bookkeeping} WHERE table_name = ? AND row_id = ?`).run(table, rowId);
      }
      // What was set aside stays listed, with why, but without its values.
      this.statement("UPDATE set_aside_changes SET fields = '{}' WHERE table_name = ? AND row_id = ?").run(table, rowId);
      this.statement('INSERT OR IGNORE INTO erased_rows (table_name, row_id, erasure_id) VALUES (?, ?, ?)').run(table, rowId, erasureId);
      // A table this version does not know has no rows here; its changes were kept, and are gone above.
      if (!isSyncedTable(table)) continue;
      // Table names come from the synced-tables list (checked just above), never from input.
      if (isSyncedColumn(table, 'cl')) this.statement(`UPDATE ${table} SET cl = cl + 1 WHERE id = ? AND cl % 2 = 1`).run(rowId);
      this.doomed.push({ table, rowId });
      touch(table, rowId);
    }
    if (named.length > 0) this.knownErasures = true;
  }

  /**
   * The rows named, and what this laptop holds of the people among them that the laptop that
   * forgot them did not know of (a note added here offline since).
   */
  private withLocalRows(named: readonly ErasedRow[]): ErasedRow[] {
    const rows = new Map(named.map((row) => [`${row.table}\u0000${row.rowId}`, row]));
    for (const { table, rowId } of named) {
      if (table !== 'contacts') continue;
      for (const row of rowsOfPerson(this.sqlite, rowId).rows) rows.set(`${row.table}\u0000${row.rowId}`, row);
    }
    return [...rows.values()];
  }

  /** Takes the fields out of every change of the row but the newest of each (its value now). */
  private forgetPastValues(table: string, rowId: string, fields: readonly string[]): void {
    const paths = fields.map((field) => `$.${field}`);
    const changes = this.statement('SELECT seq, fields FROM changes WHERE table_name = ? AND row_id = ? ORDER BY hlc DESC').all(table, rowId) as {
      seq: number;
      fields: string;
    }[];
    const seen = new Set<string>();
    for (const change of changes) {
      const present = fields.filter((field) => field in (JSON.parse(change.fields) as Record<string, unknown>));
      const past = present.filter((field) => seen.has(field));
      for (const field of present) seen.add(field);
      if (past.length === 0) continue;
      const placeholders = past.map(() => '?').join(', ');
      this.statement(`UPDATE changes SET fields = json_remove(fields, ${placeholders}) WHERE seq = ?`).run(...past.map((field) => paths[fields.indexOf(field)]), change.seq);
    }
  }

  /**
   * After the hooks, still in the transaction: deletes the erased rows and merges every full-text
   * index into one segment, leaving none of their words behind.
   */
  finish(): void {
    for (const { table, rowId } of this.doomed) this.statement(`DELETE FROM ${table} WHERE id = ?`).run(rowId);
    this.doomed = [];
    const tables = this.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")
      .all() as { name: string }[];
    for (const { name } of tables) this.sqlite.prepare(`INSERT INTO "${name}" ("${name}") VALUES ('optimize')`).run();
  }

  /** A rolled-back transaction erased nothing. */
  reset(): void {
    this.doomed = [];
    this.sqlite.pragma(`secure_delete = ${everydaySecureDelete}`);
  }

  /**
   * After the erasing transaction committed: back to the everyday setting, and the write-ahead
   * log copied into the file and emptied, so its older frames (the person's rows as they were)
   * are gone from the disk too. A reader holding an old snapshot can keep the log from being
   * emptied; the next erasure's checkpoint, or the next start, finishes it.
   */
  afterCommit(): void {
    this.sqlite.pragma(`secure_delete = ${everydaySecureDelete}`);
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Whether a change is for an erased row or refers to one (src-shared/sync/erasure.ts); free (no
   * query) on a database that never had an erasure.
   */
  touchesErased(change: { tableName: string; rowId: string; fields: Record<string, unknown> }): boolean {
    this.knownErasures ??= this.statement('SELECT 1 FROM erased_rows LIMIT 1').get() !== undefined;
    if (!this.knownErasures) return false;
    const erased = this.statement('SELECT 1 FROM erased_rows WHERE table_name = ? AND row_id = ?');
    return rowsTouchedBy(change).some(({ table, rowId }) => erased.get(table, rowId) !== undefined);
  }
}
