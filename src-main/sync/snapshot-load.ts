import { parseHlc } from '../../src-shared/hlc';
import { checkChange } from '../../src-shared/sync/change-contract';
import { wholeListsVersion, type FieldClocks, type FieldValues } from '../../src-shared/sync/merge';
import { statementCache, type Sqlite, type Statement } from '../db/open';
import { recordColumns, recordValues, type ChangeRecord } from '../writes/change-log';
import { clockStoreOf, type ClockStore } from '../writes/clock-store';
import { storedFields, type TouchedRows } from '../writes/mutation-engine';
import { baseListColumn, baseListsTouched, isSyncedColumn, isSyncedTable, syncedTables, type SyncedTableName } from '../writes/synced-tables';
import type { LoadingMutationEngine } from './loading-engine';
import { hasIndexesSetAside, restoreIndexes, setIndexesAside } from './snapshot-indexes';

// A new laptop's first sync loads the relay's snapshot (one row state per row: latest values,
// their clocks and authors). Into an empty database there is nothing to merge with, so each row
// goes in as given: one INSERT of the row, one of its clocks and its change records, with
// prepared statements, and the derived data rebuilt once per page (loading-engine.ts). Most of the
// tables' secondary indexes are set aside meanwhile and built once, in the transaction of the
// last page (snapshot-indexes.ts). What comes
// out is what the ordinary merge of the same changes makes (tests/main/sync/bootstrap-load.test.ts
// compares every table); a row the contract refuses, or of a table this version does not know,
// still goes through the ordinary merge, which sets it aside or keeps it for after an upgrade.

export interface SnapshotRow {
  tableName: string;
  rowId: string;
  fields: Record<string, string | number | null>;
  clocks: Record<string, string>;
  authors: Record<string, string>;
}

/** One snapshot row as change records, one per distinct clock, as the ordinary merge applies them. */
export function snapshotRowToChanges(row: SnapshotRow): ChangeRecord[] {
  const byClock = new Map<string, ChangeRecord>();
  for (const [field, value] of Object.entries(row.fields)) {
    const hlc = row.clocks[field];
    if (!hlc) continue;
    const change = byClock.get(hlc);
    if (change) {
      change.fields[field] = value;
      continue;
    }
    byClock.set(hlc, {
      changeId: `snapshot:${row.tableName}:${row.rowId}:${hlc}`,
      hlc,
      tableName: row.tableName,
      rowId: row.rowId,
      fields: { [field]: value },
      // The relay's row states hold only whole lists (version 2 list copies never enter them):
      // src-shared/sync/merge.ts, foldChange.
      schemaVersion: wholeListsVersion,
      deviceId: parseHlc(hlc).deviceId,
      // The author of the change's first field: the relay keeps one per field.
      author: row.authors[field] ?? '',
    });
  }
  return [...byClock.values()];
}

/**
 * Whether the snapshot may be loaded as given: no synced row and no change record yet (a laptop
 * with data of its own joining merges instead).
 */
export function isEmptyForBootstrap(sqlite: Sqlite): boolean {
  if (sqlite.prepare('SELECT 1 FROM changes LIMIT 1').get() !== undefined) return false;
  if (sqlite.prepare('SELECT 1 FROM pending_changes LIMIT 1').get() !== undefined) return false;
  return Object.keys(syncedTables).every((table) => sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined);
}

/** Loads snapshot pages into a database that held none of their rows. */
export class SnapshotLoader {
  /** Whether the snapshot may be loaded as given (isEmptyForBootstrap). */
  canLoad(): boolean {
    return isEmptyForBootstrap(this.sqlite);
  }

  private readonly statement: (sql: string) => Statement;
  private readonly clocks: ClockStore;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly engine: LoadingMutationEngine,
  ) {
    this.statement = statementCache(sqlite);
    this.clocks = clockStoreOf(sqlite);
  }

  /**
   * Loads one page in one transaction, with `alsoInTransaction` (the bootstrap's progress) in it:
   * a crash keeps the page and its progress, or neither. The first page sets the indexes aside;
   * the `last` one finishes the load (finishLoad) in its transaction.
   */
  loadPage(rows: readonly SnapshotRow[], alsoInTransaction: () => void, { last = false }: { last?: boolean } = {}): { loaded: number; merged: number } {
    let loaded = 0;
    let merged = 0;
    this.engine.loadDirectly(() => {
      setIndexesAside(this.sqlite, setAsideTables);
      this.clocks.newTransaction();
      const touched: TouchedRows = new Map();
      let newestHlc: string | null = null;
      for (const row of rows) {
        const changes = snapshotRowToChanges(row);
        if (changes.length === 0) continue;
        if (!changes.every((change) => loadable(change)) || !this.insertRow(row.tableName as SyncedTableName, row.rowId, changes, touched)) {
          // Set aside or kept pending by the ordinary path, with its reason, in its own savepoint;
          // at its place in the page, so the change log keeps the snapshot's order.
          this.engine.applyRemoteChanges(changes);
          this.clocks.newTransaction();
          merged += changes.length;
          continue;
        }
        for (const change of changes) if (newestHlc === null || change.hlc > newestHlc) newestHlc = change.hlc;
        loaded += 1;
      }
      alsoInTransaction();
      if (last) restoreIndexes(this.sqlite);
      return { touched, newestHlc };
    });
    this.clocks.settle();
    return { loaded, merged };
  }

  /**
   * Ends a load whose last page never came (the laptop left the workspace, or joined again, while
   * it was interrupted): the indexes set aside are built again, in one transaction. Nothing to do
   * when no load is unfinished.
   */
  finishLoad(): void {
    if (hasIndexesSetAside(this.sqlite)) this.sqlite.transaction(() => restoreIndexes(this.sqlite))();
  }

  /**
   * The row, its clocks and its change records, as merging `changes` into nothing would leave
   * them. No merge is needed: the snapshot gives each field one clock, so the row's values are its
   * fields and each field's clock is its change's (a field named twice, as a list and its base
   * column, takes the newer clock, as the merge would). False, with nothing written, for a row
   * that is there already (written on this laptop while the snapshot came in, as a tag given
   * meanwhile): that one is merged.
   */
  private insertRow(table: SyncedTableName, rowId: string, changes: readonly ChangeRecord[], touched: TouchedRows): boolean {
    const values: FieldValues = {};
    const clocks: FieldClocks = {};
    let hasBaseList = false;
    for (const change of changes) {
      const stored = storedFields(change);
      for (const name of Object.keys(stored)) {
        // The causal length too: the contract (loadable) lets through only whole numbers from 1,
        // which the merge into nothing takes as they are.
        if (Object.prototype.hasOwnProperty.call(clocks, name) && !(change.hlc > clocks[name]!)) continue;
        values[name] = stored[name]!;
        clocks[name] = change.hlc;
        if (name.startsWith(baseListPrefix)) hasBaseList = true;
      }
    }
    const names = Object.keys(values).sort();
    if (names.length === 0) return false;
    // Column names come from the synced-tables list (checked by loadable), never from input.
    const inserted = this.statement(`INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)}) ON CONFLICT (id) DO NOTHING`).run(
      rowId,
      ...names.map((name) => values[name] ?? null),
    );
    if (inserted.changes === 0) return false;
    this.clocks.insertNew([{ table, rowId, clocks }]);
    const append = this.statement(`INSERT INTO changes (${recordColumns}, local, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1)`);
    for (const change of changes) append.run(...recordValues(change));
    touch(touched, table, rowId);
    if (hasBaseList) touch(touched, baseListsTouched, rowId);
    return true;
  }
}

const baseListPrefix = baseListColumn('');

/** The tables a load fills, whose secondary indexes it sets aside: the synced ones and the change log. */
const setAsideTables = [...Object.keys(syncedTables), 'changes'];

function touch(touched: TouchedRows, table: Parameters<TouchedRows['get']>[0], rowId: string): void {
  const set = touched.get(table);
  if (set) set.add(rowId);
  else touched.set(table, new Set([rowId]));
}

/** A change the ordinary merge would apply as it is: known table and columns, accepted by the contract. */
function loadable(change: ChangeRecord): boolean {
  if (!isSyncedTable(change.tableName)) return false;
  const { tableName } = change;
  return Object.keys(change.fields).every((name) => isSyncedColumn(tableName, name)) && checkChange(change).kind === 'valid';
}

