import { AppError } from '../../src-shared/errors';
import type { HybridLogicalClock } from '../../src-shared/hlc';
import { statementCache, type Sqlite, type Statement } from '../db/open';
import { insertRows } from './bulk-insert';
import { clockStoreOf, type ClockStore } from './clock-store';
import { ChangeLog, type ChangeRecord } from './change-log';
import { pooledUuidv7 } from './pooled-uuid';
import { RemotePage } from './remote-page';
import { Eraser } from './erasure';
import { erasedRowReason, erasedRowsOf, erasureTable } from '../../src-shared/sync/erasure';
import { causalLengthField, legacyListFields, mergeChange, separateLegacyLists, wholeListsVersion, type FieldClocks } from '../../src-shared/sync/merge';
import {
  baseListClock,
  baseListColumn,
  baseListsTouched,
  contactSearchColumns,
  contactsUnsearchedTouched,
  createdWithDerivedTouched,
  isSyncedColumn,
  isSyncedTable,
  schemaVersion,
  type FieldValue,
  type FieldValues,
  type SyncedTableName,
  type TouchedTable,
} from './synced-tables';

export type TouchedRows = Map<TouchedTable, Set<string>>;

/**
 * Rebuilds derived data (search index, phone index) for the rows written in this transaction,
 * still inside it, once per transaction whatever the number of writes.
 */
export type RowsWrittenHook = (touched: TouchedRows) => void;
/** Told after commit which rows changed, to notify the renderer. */
export type CommittedListener = (touched: TouchedRows) => void;

export interface WriteOptions {
  /**
   * The contact lists in `fields` are whole lists that become the row's base lists (a new
   * contact), rather than copies, for older laptops, of what its item rows make (an edit). The
   * change is then logged as schema version 1, whose meaning that is.
   */
  wholeLists?: boolean;
}

/** A row for writeNew: what `write` would be given. */
export interface NewRow {
  table: SyncedTableName;
  rowId: string;
  fields: FieldValues;
  options?: WriteOptions;
  /**
   * Columns of the row that are derived on this laptop (never synced, clocked or logged), as the
   * table's hooks would compute them after the write from `fields`: stored with the row so that
   * the hooks find them current and need not rewrite it. A new contact's lists (phones, emails,
   * custom_fields, all three given) are then trusted by the list materialiser when it has no item
   * rows and `fields` are stored as given (no text needed storableText's fixes): it is marked
   * createdWithDerivedTouched. The hooks correct any other derived column that is not current.
   */
  derived?: FieldValues;
}

export interface MutationTx {
  /** Changes `fields` of one row (creating it if absent) and logs one change record. */
  write(table: SyncedTableName, rowId: string, fields: FieldValues, options?: WriteOptions): void;
  /**
   * Creates rows that do not exist yet exactly as `write` would, one after the other in this
   * order (each its own HLC, clocks and change record), with a few multi-row statements for all
   * of them: the bulk path of an import. Throws before writing anything when one of them exists
   * (as a row or by its clocks) or is listed twice; `existing` tells which to give `write` instead.
   */
  writeNew(rows: readonly NewRow[]): void;
  /** Which of `rowIds` of `table` this database already has, as a row or by its clocks. */
  existing(table: SyncedTableName, rowIds: readonly string[]): Set<string>;
}

export interface ApplyResult {
  applied: number;
  /** Already applied before (by change id): applying a change twice is a no-op. */
  duplicates: number;
  /** For a table or column this version does not know: kept in pending_changes. */
  pending: number;
  /** Refused by the guard or by SQLite: kept aside with the reason, never failing the batch. */
  setAside: number;
}

/**
 * Checks remote changes before they are applied, and keeps those that cannot be (the laptop's is
 * src-main/sync/remote-validation.ts). Without one, a remote change SQLite refuses fails its batch.
 */
export interface RemoteGuard {
  /** Why the change must not be applied, or null. Runs before anything of it is used. */
  check(change: ChangeRecord): string | null;
  isSetAside(changeId: string): boolean;
  setAside(change: ChangeRecord, reason: string): void;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A text that may need storableText's fixes: one test, where the fixes are two passes over every value. */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const mayNeedFixing = /[\u0000\uD800-\uDFFF]/;

/**
 * Text every store on the way can hold: PostgreSQL (the relay) cannot store NUL characters or
 * unpaired surrogates, and a change it refuses would block the outbox forever. Neither is ever
 * meant in CRM text, so NUL is dropped and a lone surrogate becomes U+FFFD, as browsers do.
 */
function storableText(fields: FieldValues): FieldValues {
  let cleaned: FieldValues | undefined;
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || !mayNeedFixing.test(value)) continue;
    const fixed = value.replaceAll('\u0000', '').replace(loneSurrogate, '\uFFFD');
    if (fixed !== value) (cleaned ??= { ...fields })[name] = fixed;
  }
  return cleaned ?? fields;
}

/**
 * The fields of a change as the row stores them: a version 2 change's list copies are left out
 * (the lists are derived from item rows), a version 1 change's whole lists go to the row's base
 * list columns (src-shared/sync/merge.ts says which fields are lists).
 */
export function storedFields(change: ChangeRecord): FieldValues {
  const { rowFields, legacyLists } = separateLegacyLists(change);
  if (!legacyLists) return rowFields;
  const stored = { ...rowFields };
  for (const [name, value] of Object.entries(legacyLists)) stored[baseListColumn(name)] = value;
  return stored;
}

/** Whether a local write has anything to write; throws on a column that is not synced. */
function checkColumns(table: SyncedTableName, fields: FieldValues): boolean {
  const names = Object.keys(fields);
  for (const name of names) {
    if (!isSyncedColumn(table, name)) throw new Error(`${table}.${name} is not a synced column`);
  }
  return names.length > 0;
}

/** Whether a new contact's derived columns include all three of its lists. */
function derivesLists(derived: FieldValues | undefined): boolean {
  return derived !== undefined && 'phones' in derived && 'emails' in derived && 'custom_fields' in derived;
}

function hasBaseList(fields: FieldValues): boolean {
  for (const name in fields) if (name.startsWith(baseListColumn(''))) return true;
  return false;
}

/**
 * The one mutation path. A local write changes the row, advances the per-field clocks and
 * appends one change record, all in one SQLite transaction; remote changes are merged by the
 * shared rule (src-shared/sync/merge.ts: last writer wins per field by HLC, causal length for
 * deletes) and logged as not local. Derived data is rebuilt once per transaction by the hooks of each table.
 */
export class MutationEngine {
  private readonly hooks: RowsWrittenHook[] = [];
  private readonly listeners = new Set<CommittedListener>();
  private readonly statement: (sql: string) => Statement;
  private readonly log: ChangeLog;
  private touched: TouchedRows = new Map();
  /**
   * Rows `existing` found absent in this transaction. One still untouched since is absent still
   * (synced rows and clocks are written only here), so writeNew need not ask SQLite again.
   */
  private knownAbsent = new Map<SyncedTableName, Set<string>>();
  private pending: number | undefined;
  private writtenInTransaction = 0;
  private depth = 0;
  private guard: RemoteGuard | undefined;
  private localWritesRefused: () => string | null = () => null;
  private readonly eraser: Eraser;
  private erasedInTransaction = false;
  private readonly clocks: ClockStore;

  private readonly sqlite: Sqlite;
  private readonly clock: HybridLogicalClock;
  /** The name stamped on local changes: the user's name from the settings, read at each write. */
  private readonly author: () => string;

  constructor(deps: { sqlite: Sqlite; clock: HybridLogicalClock; author: () => string }) {
    this.sqlite = deps.sqlite;
    this.clock = deps.clock;
    this.author = deps.author;
    this.log = new ChangeLog(deps.sqlite);
    this.statement = statementCache(deps.sqlite);
    this.clocks = clockStoreOf(deps.sqlite);
    this.eraser = new Eraser(deps.sqlite, this.statement, this.clocks);
  }

  get deviceId(): string {
    return this.clock.deviceId;
  }

  guardRemote(guard: RemoteGuard): void {
    this.guard = guard;
  }

  /**
   * Asked before every local transaction: a reason (a read-only member's laptop) refuses it with a
   * `forbidden` error before anything is read or written. Changes pulled from the relay are
   * merged all the same: they are the team's, not this laptop's.
   */
  refuseLocalWritesWhen(reason: () => string | null): void {
    this.localWritesRefused = reason;
  }

  onRowsWritten(hook: RowsWrittenHook): void {
    this.hooks.push(hook);
  }

  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: (tx: MutationTx) => T): T {
    const refused = this.depth === 0 ? this.localWritesRefused() : null;
    if (refused) throw new AppError('forbidden', refused);
    const tx: MutationTx = {
      write: (table, rowId, fields, options) => this.writeLocal(table, rowId, fields, options),
      writeNew: (rows) => this.writeNew(rows),
      existing: (table, rowIds) => this.existing(table, rowIds),
    };
    return this.inTransaction(() => work(tx));
  }

  /**
   * Applies the kept changes that this version now understands (after an upgrade added their
   * table or column); the rest stay kept. Called at start, after the migrations.
   */
  applyPendingChanges(): ApplyResult {
    const kept = this.log.pendingChanges();
    const ready = kept.filter((change) => isSyncedTable(change.tableName) && Object.keys(change.fields).every((name) => isSyncedColumn(change.tableName as SyncedTableName, name)));
    if (ready.length === 0) return { applied: 0, duplicates: 0, pending: kept.length, setAside: 0 };
    // Out of the pending table first, or the merge would take them for repeats; one transaction.
    return this.sqlite.transaction(() => {
      for (const change of ready) this.log.removePending(change.changeId);
      return this.applyRemoteChanges(ready);
    })();
  }

  /** Local changes not yet acknowledged by the relay, oldest first. */
  outbox(limit: number): { seq: number; change: ChangeRecord }[] {
    return this.log.outbox(limit);
  }

  /**
   * Local changes waiting for the relay. Counted once, then kept in step by the write path and
   * markPushed: counting a large outbox on every write made each write as slow as the count.
   */
  pendingCount(): number {
    this.pending ??= this.log.countUnpushed();
    return this.pending;
  }

  /** Marks changes pushed only after the relay acknowledged them. */
  markPushed(changeIds: readonly string[]): void {
    const marked = this.log.markPushed(changeIds);
    if (this.pending !== undefined) this.pending -= marked;
  }

  /**
   * Merges changes made elsewhere, in one transaction. Order does not matter: the outcome is the
   * same for any order and any number of repeats of the same changes.
   */
  applyRemoteChanges(changes: readonly ChangeRecord[], alsoInTransaction?: () => void): ApplyResult {
    let result: ApplyResult | null = null;
    this.inTransaction(() => {
      result = this.applyPage(changes);
      if (!result) {
        result = { applied: 0, duplicates: 0, pending: 0, setAside: 0 };
        for (const change of changes) this.applyRemote(change, result);
      }
      // The sync cursor is saved with the page it belongs to: a crash leaves both or neither.
      alsoInTransaction?.();
    });
    return result!;
  }

  /**
   * applyRemote of each change in order, as one batch (remote-page.ts): what the page reads is
   * read once, its clocks and change records written at its end, and no savepoint is taken per
   * change. The outcome is the same as change by change, which is what happens instead (null) for
   * a page with an erasure (it changes what the rest of the page may touch) and for a page where
   * SQLite refuses something: this page is undone and applied change by change, where the
   * refused change alone is set aside.
   */
  private applyPage(changes: readonly ChangeRecord[]): ApplyResult | null {
    if (changes.length < 2 || changes.some((change) => change.tableName === erasureTable)) return null;
    const result: ApplyResult = { applied: 0, duplicates: 0, pending: 0, setAside: 0 };
    const touchedBefore = new Map([...this.touched].map(([table, ids]) => [table, new Set(ids)]));
    try {
      this.sqlite.transaction(() => {
        const seen = this.log.hasAmong(changes.map((change) => change.changeId));
        const rowIds = new Map<string, string[]>();
        for (const { tableName, rowId } of changes) if (isSyncedTable(tableName)) (rowIds.get(tableName) ?? rowIds.set(tableName, []).get(tableName)!).push(rowId);
        const page = new RemotePage(this.statement, this.clocks, rowIds);
        // Set aside after the page is written, so that a page undone does not set aside twice.
        const setAside: { change: ChangeRecord; reason: string }[] = [];
        for (const change of changes) {
          if (seen.has(change.changeId) || this.guard?.isSetAside(change.changeId)) {
            result.duplicates += 1;
            continue;
          }
          seen.add(change.changeId);
          const refused = this.eraser.touchesErased(change) ? erasedRowReason : this.guard?.check(change);
          if (refused) {
            // Kept aside without its values when they are what was erased.
            setAside.push({ change: refused === erasedRowReason ? { ...change, fields: {} } : change, reason: refused });
            result.setAside += 1;
            continue;
          }
          this.mergeRemote(change, result, page);
        }
        page.finish(this.log);
        for (const { change, reason } of setAside) this.guard?.setAside(change, reason);
      })();
    } catch {
      // Dictionary codes given out in the savepoint went with it (clock-store.ts).
      this.clocks.newTransaction();
      this.touched = touchedBefore;
      return null;
    }
    return result;
  }

  /**
   * Runs `work` in one SQLite transaction; a nested call joins the outer one. The outermost
   * rebuilds derived data before it commits and tells the listeners after; a rollback forgets
   * what it touched.
   */
  private inTransaction<T>(work: () => T): T {
    const outermost = this.depth === 0;
    if (outermost) {
      this.clocks.newTransaction();
      this.knownAbsent = new Map();
    }
    const run = this.sqlite.transaction(() => {
      this.depth += 1;
      try {
        const result = work();
        if (outermost) this.finishTransaction();
        return result;
      } finally {
        this.depth -= 1;
      }
    });
    let result: T;
    try {
      result = run();
    } catch (error) {
      this.clocks.newTransaction();
      if (outermost) {
        this.touched = new Map();
        this.writtenInTransaction = 0;
        this.erasedInTransaction = false;
        this.eraser.reset();
      }
      throw error;
    }
    if (outermost) this.notifyCommitted();
    return result;
  }

  private writeLocal(table: SyncedTableName, rowId: string, fields: FieldValues, options: WriteOptions = {}): void {
    if (this.depth === 0) throw new Error('MutationTx.write called outside its transaction');
    if (!checkColumns(table, fields)) return;
    const change = this.localChange(table, rowId, fields, options);
    // Stored as a change from elsewhere would be: list copies are not state, whole lists are base lists.
    const stored = storedFields(change);
    let inserted = false;
    if (Object.keys(stored).length > 0) {
      const clocks = this.readClocks(table, rowId);
      for (const name of Object.keys(stored)) clocks[name] = change.hlc;
      inserted = this.writeRow(table, rowId, stored);
      this.writeClocks(table, rowId, clocks);
      if (hasBaseList(stored)) this.touch(baseListsTouched, rowId);
    }
    this.log.append(change, 'local');
    this.writtenInTransaction += 1;
    this.touch(table, rowId, !inserted && !searchesContact(stored));
    if (table === erasureTable) this.erase(rowId, change.fields);
  }

  /** Writing an erasure record erases the rows it names (src-main/writes/erasure.ts). */
  private erase(erasureId: string, fields: FieldValues): void {
    this.eraser.erase(erasureId, erasedRowsOf(fields), (table, rowId) => this.touch(table, rowId));
    this.erasedInTransaction = true;
    // Unpushed changes of those rows left the outbox with them: count it again.
    this.pending = undefined;
  }

  /** The change record of a local write: the next HLC, storable text, this device and author. */
  private localChange(table: SyncedTableName, rowId: string, fields: FieldValues, options: WriteOptions): ChangeRecord {
    return {
      changeId: pooledUuidv7(),
      hlc: this.clock.tick(),
      tableName: table,
      rowId,
      fields: storableText(fields),
      schemaVersion: options.wholeLists ? wholeListsVersion : schemaVersion,
      deviceId: this.deviceId,
      author: this.author(),
    };
  }

  /**
   * writeLocal for rows known to be new, with the statements grouped: a new row has no clocks
   * to read and no row to update, so its row, clocks and change record are each one row of a
   * multi-row INSERT. Rows of one table go in in the order given, as do change records (their
   * sequence numbers follow the same order as writeLocal one by one would give them).
   */
  private writeNew(rows: readonly NewRow[]): void {
    if (this.depth === 0) throw new Error('MutationTx.writeNew called outside its transaction');
    const idsByTable = new Map<SyncedTableName, Set<string>>();
    for (const { table, rowId } of rows) {
      const ids = idsByTable.get(table) ?? new Set<string>();
      if (ids.has(rowId)) throw new Error(`writeNew: ${table} ${rowId} is listed twice`);
      idsByTable.set(table, ids.add(rowId));
    }
    for (const [table, ids] of idsByTable) {
      const absent = this.knownAbsent.get(table);
      const written = this.touched.get(table);
      const unknown = absent ? [...ids].filter((id) => !absent.has(id) || written?.has(id) === true) : [...ids];
      if (this.existing(table, unknown).size > 0) throw new Error(`writeNew: a row of ${table} exists already; write it with write()`);
    }
    const tableRows = new Map<SyncedTableName, { columns: string[]; values: FieldValue[][] }[]>();
    // Rows of one table with the same stored fields: their clocks share one encoding (the order
    // in which the clocks rows go in is not seen: they are read by table and row id).
    const clockRuns: { table: SyncedTableName; names: string[]; rows: { rowId: string; hlc: string }[] }[] = [];
    const changes: ChangeRecord[] = [];
    for (const { table, rowId, fields, options, derived } of rows) {
      if (!checkColumns(table, fields)) continue;
      const change = this.localChange(table, rowId, fields, options ?? {});
      const stored = storedFields(change);
      const names = Object.keys(stored).sort();
      if (names.length > 0) {
        const derivedNames = derived ? Object.keys(derived).filter((name) => !(name in stored)).sort() : [];
        const runs = tableRows.get(table) ?? [];
        let run = runs[runs.length - 1];
        if (!run || !columnsAre(run.columns, names, derivedNames)) runs.push((run = { columns: ['id', ...names, ...derivedNames], values: [] }));
        tableRows.set(table, runs);
        const values: FieldValue[] = [rowId];
        for (const name of names) values.push(stored[name] ?? null);
        for (const name of derivedNames) values.push(derived![name] ?? null);
        run.values.push(values);
        let clockRun = clockRuns.find((candidate) => candidate.table === table && sameNames(candidate.names, names));
        if (!clockRun) clockRuns.push((clockRun = { table, names, rows: [] }));
        clockRun.rows.push({ rowId, hlc: change.hlc });
        if (hasBaseList(stored)) this.touch(baseListsTouched, rowId);
        if (table === 'contacts' && change.fields === fields && derivesLists(derived)) this.touch(createdWithDerivedTouched, rowId);
      }
      changes.push(change);
      this.writtenInTransaction += 1;
      this.touch(table, rowId);
    }
    for (const [table, runs] of tableRows) for (const run of runs) insertRows(this.statement, table, run.columns, run.values);
    for (const run of clockRuns) this.clocks.insertNewShared(run.table, run.names, run.rows);
    this.log.appendLocal(changes);
  }

  private existing(table: SyncedTableName, rowIds: readonly string[]): Set<string> {
    if (rowIds.length === 0) return new Set();
    const found = this.statement(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowIds)) as { id: string }[];
    const existing = new Set([...found.map((row) => row.id), ...this.clocks.having(table, rowIds)]);
    if (this.depth > 0) {
      let absent = this.knownAbsent.get(table);
      if (!absent) this.knownAbsent.set(table, (absent = new Set()));
      for (const id of rowIds) if (!existing.has(id)) absent.add(id);
    }
    return existing;
  }

  private applyRemote(change: ChangeRecord, result: ApplyResult): void {
    if (this.log.has(change.changeId) || this.guard?.isSetAside(change.changeId)) {
      result.duplicates += 1;
      return;
    }
    if (this.eraser.touchesErased(change)) {
      // Kept aside without its values: they are what was erased.
      this.guard?.setAside({ ...change, fields: {} }, erasedRowReason);
      result.setAside += 1;
      return;
    }
    const refused = this.guard?.check(change);
    if (refused) {
      this.guard!.setAside(change, refused);
      result.setAside += 1;
      return;
    }
    if (!this.guard) return this.mergeRemote(change, result);
    try {
      // A savepoint: what SQLite still refuses is undone alone, and set aside with its reason.
      this.sqlite.transaction(() => this.mergeRemote(change, result))();
    } catch (error) {
      // Dictionary codes given out in the savepoint went with it (clock-store.ts).
      this.clocks.newTransaction();
      this.guard.setAside(change, `this laptop could not store it (${error instanceof Error ? error.message : String(error)})`);
      result.setAside += 1;
    }
  }

  /** Merges one change; with `page`, its clocks, existence and log record go through the page's batch. */
  private mergeRemote(change: ChangeRecord, result: ApplyResult, page?: RemotePage): void {
    this.clock.receive(change.hlc);
    const table = change.tableName;
    if (!isSyncedTable(table) || Object.keys(change.fields).some((name) => !isSyncedColumn(table, name))) {
      this.log.keepPending(change);
      result.pending += 1;
      return;
    }
    const stored = storedFields(change);
    const clocks = page ? page.readClocks(table, change.rowId) : this.readClocks(table, change.rowId);
    for (const name of legacyListFields[table] ?? []) {
      const clock = baseListClock(clocks, name);
      if (baseListColumn(name) in stored && clock !== undefined) clocks[baseListColumn(name)] = clock;
    }
    // Only the causal length is read from the row, and only when the change carries one.
    const current: FieldValues = causalLengthField in stored ? { [causalLengthField]: this.readCausalLength(table, change.rowId) } : {};
    const merged = mergeChange({ fields: current, clocks }, { hlc: change.hlc, fields: stored });
    let inserted = false;
    if (Object.keys(merged.values).length > 0) {
      if (!page) inserted = this.writeRow(table, change.rowId, merged.values);
      else {
        inserted = this.writeRow(table, change.rowId, merged.values, page.rowExists(table, change.rowId));
        page.rowInserted(table, change.rowId);
      }
    }
    if (Object.keys(merged.clocks).length > 0) {
      if (page) page.writeClocks(table, change.rowId, { ...clocks, ...merged.clocks });
      else this.writeClocks(table, change.rowId, { ...clocks, ...merged.clocks });
    }
    if (hasBaseList(merged.values)) this.touch(baseListsTouched, change.rowId);
    if (page) page.append(change);
    else this.log.append(change, 'remote');
    this.touch(table, change.rowId, !inserted && !searchesContact(merged.values));
    if (table === erasureTable) this.erase(change.rowId, change.fields);
    result.applied += 1;
  }

  private readCausalLength(table: SyncedTableName, rowId: string): number {
    const row = this.statement(`SELECT cl FROM ${table} WHERE id = ?`).get(rowId) as
      | { cl: number }
      | undefined;
    return row?.cl ?? 0;
  }

  private readClocks(table: SyncedTableName, rowId: string): FieldClocks {
    return this.clocks.read(table, rowId);
  }

  private writeClocks(table: SyncedTableName, rowId: string, clocks: FieldClocks): void {
    this.clocks.write(table, rowId, clocks);
  }

  /** Updates the row, or inserts it when absent (true); `exists` when the caller knows which. */
  private writeRow(table: SyncedTableName, rowId: string, fields: FieldValues, exists?: boolean): boolean {
    // Column names come from the synced-tables list, never from input, so they are safe to splice.
    const names = Object.keys(fields).sort();
    const values: FieldValue[] = names.map((name) => fields[name] ?? null);
    exists ??= this.statement(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
    if (exists) {
      const assignments = names.map((name) => `${name} = ?`).join(', ');
      this.statement(`UPDATE ${table} SET ${assignments} WHERE id = ?`).run(...values, rowId);
    } else {
      const columns = ['id', ...names].join(', ');
      const placeholders = ['?', ...names.map(() => '?')].join(', ');
      this.statement(`INSERT INTO ${table} (${columns}) VALUES (${placeholders})`).run(rowId, ...values);
    }
    return !exists;
  }

  /**
   * Notes a row as written in this transaction. A contact is also noted as unsearched when this
   * write (`searchNeutral`) and every earlier one of it in the transaction left the columns the
   * search index reads alone (contactsUnsearchedTouched).
   */
  private touch(table: TouchedTable, rowId: string, searchNeutral = false): void {
    if (table === 'contacts') {
      const unsearched = this.touched.get(contactsUnsearchedTouched);
      if (!searchNeutral) unsearched?.delete(rowId);
      else if (!this.touched.get('contacts')?.has(rowId)) this.touched.set(contactsUnsearchedTouched, (unsearched ?? new Set()).add(rowId));
    }
    const set = this.touched.get(table) ?? new Set<string>();
    set.add(rowId);
    this.touched.set(table, set);
  }

  /** Still inside the transaction: rebuild derived data, persist the clock. */
  private finishTransaction(): void {
    if (this.touched.size > 0) for (const hook of this.hooks) hook(this.touched);
    if (this.erasedInTransaction) this.eraser.finish();
    this.statement(
      `INSERT INTO local_settings (key, value) VALUES ('hlc', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(JSON.stringify(this.clock.current()));
  }

  private notifyCommitted(): void {
    this.clocks.settle();
    if (this.pending !== undefined) this.pending += this.writtenInTransaction;
    this.writtenInTransaction = 0;
    if (this.erasedInTransaction) this.eraser.afterCommit();
    this.erasedInTransaction = false;
    const touched = this.touched;
    this.touched = new Map();
    if (touched.size === 0) return;
    for (const listener of this.listeners) listener(touched);
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** Whether `columns` is ['id', ...names, ...derivedNames], without building that list. */
function columnsAre(columns: readonly string[], names: readonly string[], derivedNames: readonly string[]): boolean {
  if (columns.length !== 1 + names.length + derivedNames.length || columns[0] !== 'id') return false;
  for (let index = 0; index < names.length; index += 1) if (columns[1 + index] !== names[index]) return false;
  for (let index = 0; index < derivedNames.length; index += 1) if (columns[1 + names.length + index] !== derivedNames[index]) return false;
  return true;
}

/** Whether a contact write changes a column its search index reads. */
function searchesContact(fields: FieldValues): boolean {
  for (const name in fields) if (contactSearchColumns.has(name)) return true;
  return false;
}
