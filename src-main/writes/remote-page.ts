import type { FieldClocks } from '../../src-shared/sync/merge';
import type { Statement } from '../db/open';
import type { ChangeLog, ChangeRecord } from './change-log';
import type { ClockStore, EncodedClocks } from './clock-store';

// What applying one page of remote changes reads and writes besides the rows themselves, kept
// for the page (mutation-engine.ts applyPage): the clocks and the existence of every row the page
// names, read with one statement per table; the clocks each row ends the page with, and the change
// records, written with a few multi-row statements at its end. The rows are still written change by
// change, in order, so SQLite's triggers see what they would see one change at a time.
//
// Clocks are encoded when the merge writes them, not at the end, so the dictionaries give out
// their codes in the order applying change by change would (clock-store.ts).

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

export class RemotePage {
  private readonly clocks = new Map<string, FieldClocks>();
  private readonly existing = new Set<string>();
  private readonly clockWrites = new Map<string, EncodedClocks>();
  private readonly logged: ChangeRecord[] = [];

  /** Reads the clocks and existence of `rowIds` of each table. */
  constructor(
    private readonly statement: (sql: string) => Statement,
    private readonly clockStore: ClockStore,
    rowIds: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const [table, ids] of rowIds) {
      const json = JSON.stringify(ids);
      // Table names come from the synced-tables list (the caller checks), never from input.
      const found = this.statement(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(json) as { id: string }[];
      for (const { id } of found) this.existing.add(rowKey(table, id));
      for (const [rowId, clocks] of this.clockStore.readMany(table, ids)) this.clocks.set(rowKey(table, rowId), clocks);
    }
  }

  /** The row's clocks as they stand in this page: a copy the caller may change. */
  readClocks(table: string, rowId: string): FieldClocks {
    return { ...this.clocks.get(rowKey(table, rowId)) };
  }

  /** Sets the row's clocks to `clocks` (the whole map), written at the page's end. */
  writeClocks(table: string, rowId: string, clocks: FieldClocks): void {
    const key = rowKey(table, rowId);
    this.clocks.set(key, { ...clocks });
    this.clockWrites.set(key, this.clockStore.encodeRow(table, rowId, clocks));
  }

  rowExists(table: string, rowId: string): boolean {
    return this.existing.has(rowKey(table, rowId));
  }

  rowInserted(table: string, rowId: string): void {
    this.existing.add(rowKey(table, rowId));
  }

  /** Logs a merged change at the page's end, in this order. */
  append(change: ChangeRecord): void {
    this.logged.push(change);
  }

  /** Writes the clocks and the change records kept for the page. */
  finish(log: ChangeLog): void {
    this.clockStore.writeEncoded([...this.clockWrites.values()]);
    log.appendRemote(this.logged);
  }
}
