import type { FieldClocks } from '../../src-shared/sync/merge';
import { statementCache, type Sqlite, type Statement } from '../db/open';
import { insertRows } from './bulk-insert';
import { decodeClocks, encodeClocks, sharedClockBase, sharedClockFields, type ClockCodes, type StoredClocks } from './clock-encoding';

// The per-field clocks of every synced row (what the merge compares), stored compactly: one row
// of `clocks` per synced row, keyed by a small table code and the row id, holding one base HLC
// as integers and the fields' codes (clock-encoding.ts says how). Table names, field names (per
// table) and device ids are numbered in append-only dictionaries: clock_tables, clock_fields,
// clock_devices. Every reader and writer of clocks goes through here (one store per connection).
// The clocks are this laptop's own bookkeeping: what goes to the relay is change records.

/**
 * One append-only dictionary of names and small codes. A code it hands out is inserted in the
 * caller's transaction, which may yet be rolled back (a change set aside by its savepoint): until
 * a commit shows it stored (settle), such a "fresh" code is inserted again, idempotently, the
 * first time each transaction uses it. Codes come from one counter, so a code rolled back is
 * never given to another name.
 */
class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly names = new Map<number, string>();
  private readonly fresh = new Set<number>();
  /** Fresh codes inserted (again) in the current transaction. */
  private readonly asserted = new Set<number>();
  private highest = -1;
  private loaded = false;
  private readonly where: string;
  private readonly scope: unknown[];
  private readonly scopeColumns: string[];

  constructor(
    private readonly statement: (sql: string) => Statement,
    private readonly table: string,
    private readonly nameColumn: string,
    scope?: { column: string; value: number },
  ) {
    this.where = scope ? `${scope.column} = ? AND ` : '';
    this.scope = scope ? [scope.value] : [];
    this.scopeColumns = scope ? [scope.column] : [];
  }

  /** The code of `name`, given it if new. */
  code(name: string): number {
    const known = this.lookUp(name);
    if (known !== undefined) {
      if (this.fresh.has(known) && !this.asserted.has(known)) {
        this.store(known, name, 'INSERT OR IGNORE');
        this.asserted.add(known);
      }
      return known;
    }
    const stored = this.statement(`SELECT MAX(code) AS code FROM ${this.table} WHERE ${this.where}1`).get(...this.scope) as { code: number | null };
    const code = Math.max(this.highest, stored.code ?? -1) + 1;
    this.store(code, name, 'INSERT');
    this.remember(code, name);
    this.fresh.add(code);
    this.asserted.add(code);
    return code;
  }

  /** The code of `name` if it has one; never adds it. */
  lookUp(name: string): number | undefined {
    const cached = this.codes.get(name);
    if (cached !== undefined) return cached;
    const row = this.statement(`SELECT code FROM ${this.table} WHERE ${this.where}${this.nameColumn} = ?`).get(...this.scope, name) as { code: number } | undefined;
    if (row) this.remember(row.code, name);
    return row?.code;
  }

  name(code: number): string {
    let name = this.names.get(code);
    if (name === undefined && !this.loaded) {
      this.loadAll();
      name = this.names.get(code);
    }
    if (name === undefined) {
      const row = this.statement(`SELECT ${this.nameColumn} AS name FROM ${this.table} WHERE ${this.where}code = ?`).get(...this.scope, code) as { name: string } | undefined;
      if (!row) throw new Error(`${this.table} has no entry ${code}${this.scope.length > 0 ? ` for table ${String(this.scope[0])}` : ''}`);
      this.remember(code, row.name);
      name = row.name;
    }
    return name;
  }

  /** After a commit, outside any transaction: the fresh codes that are stored stop being fresh; the others are forgotten. */
  settle(): void {
    for (const code of this.fresh) {
      const row = this.statement(`SELECT ${this.nameColumn} AS name FROM ${this.table} WHERE ${this.where}code = ?`).get(...this.scope, code) as { name: string } | undefined;
      if (row?.name !== this.names.get(code)) {
        this.codes.delete(this.names.get(code)!);
        this.names.delete(code);
      }
    }
    this.fresh.clear();
    this.asserted.clear();
  }

  /** A transaction begins, or a savepoint was rolled back: fresh codes are to be inserted again when used. */
  newTransaction(): void {
    this.asserted.clear();
  }

  private loadAll(): void {
    const rows = this.statement(`SELECT code, ${this.nameColumn} AS name FROM ${this.table} WHERE ${this.where}1`).all(...this.scope) as { code: number; name: string }[];
    for (const row of rows) this.remember(row.code, row.name);
    this.loaded = true;
  }

  private remember(code: number, name: string): void {
    this.codes.set(name, code);
    this.names.set(code, name);
    if (code > this.highest) this.highest = code;
  }

  private store(code: number, name: string, verb: 'INSERT' | 'INSERT OR IGNORE'): void {
    const columns = [...this.scopeColumns, 'code', this.nameColumn];
    this.statement(`${verb} INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...this.scope, code, name);
  }
}

/** A row's clocks encoded for the `clocks` table (encodeRow), to be written by writeEncoded. */
export interface EncodedClocks {
  tableCode: number;
  rowId: string;
  stored: StoredClocks;
}

interface ClocksRow {
  wall_ms: number | null;
  counter: number | null;
  device: number | null;
  fields: string;
}

const clockColumns = ['table_code', 'row_id', 'wall_ms', 'counter', 'device', 'fields'];
const upsertClocks =
  'ON CONFLICT (table_code, row_id) DO UPDATE SET wall_ms = excluded.wall_ms, counter = excluded.counter, device = excluded.device, fields = excluded.fields';

export class ClockStore {
  private readonly statement: (sql: string) => Statement;
  private readonly tables: Dictionary;
  private readonly devices: Dictionary;
  private readonly fieldsByTable = new Map<number, Dictionary>();

  constructor(private readonly sqlite: Sqlite) {
    this.statement = statementCache(sqlite);
    this.tables = new Dictionary(this.statement, 'clock_tables', 'name');
    this.devices = new Dictionary(this.statement, 'clock_devices', 'device_id');
  }

  /** The row's clocks; {} when it has none. */
  read(table: string, rowId: string): FieldClocks {
    const tableCode = this.tables.lookUp(table);
    if (tableCode === undefined) return {};
    const row = this.statement('SELECT wall_ms, counter, device, fields FROM clocks WHERE table_code = ? AND row_id = ?').get(tableCode, rowId) as ClocksRow | undefined;
    return row ? this.decode(tableCode, row) : {};
  }

  /** The clocks of those of `rowIds` of `table` that have any, by row id. */
  readMany(table: string, rowIds: readonly string[]): Map<string, FieldClocks> {
    const found = new Map<string, FieldClocks>();
    const tableCode = this.tables.lookUp(table);
    if (tableCode === undefined || rowIds.length === 0) return found;
    const rows = this.statement(
      'SELECT row_id, wall_ms, counter, device, fields FROM clocks WHERE table_code = ? AND row_id IN (SELECT value FROM json_each(?))',
    ).all(tableCode, JSON.stringify(rowIds)) as (ClocksRow & { row_id: string })[];
    for (const row of rows) found.set(row.row_id, this.decode(tableCode, row));
    return found;
  }

  /** Sets the row's clocks to `clocks` (the whole map), creating its row if absent. */
  write(table: string, rowId: string, clocks: FieldClocks): void {
    this.writeEncoded([this.encodeRow(table, rowId, clocks)]);
  }

  /**
   * The row's clocks in their stored form, for writeEncoded. Dictionary codes are given out here,
   * so a caller that writes later still numbers new names in the order it merged.
   */
  encodeRow(table: string, rowId: string, clocks: FieldClocks): EncodedClocks {
    const tableCode = this.tables.code(table);
    return { tableCode, rowId, stored: this.encode(tableCode, clocks) };
  }

  /** Sets each row's clocks to its encoded ones, creating rows that are absent, with a few multi-row statements. */
  writeEncoded(rows: readonly EncodedClocks[]): void {
    const values = rows.map(({ tableCode, rowId, stored }) => [tableCode, rowId, stored.wallMs, stored.counter, stored.device, stored.fields]);
    insertRows(this.statement, 'clocks', clockColumns, values, upsertClocks);
  }

  /** Clocks of rows that have none yet, with a few multi-row statements; fails on a row that has. */
  insertNew(rows: readonly { table: string; rowId: string; clocks: FieldClocks }[]): void {
    const values = rows.map(({ table, rowId, clocks }) => {
      const tableCode = this.tables.code(table);
      const stored = this.encode(tableCode, clocks);
      return [tableCode, rowId, stored.wallMs, stored.counter, stored.device, stored.fields];
    });
    insertRows(this.statement, 'clocks', clockColumns, values);
  }

  delete(table: string, rowId: string): void {
    const tableCode = this.tables.lookUp(table);
    if (tableCode !== undefined) this.statement('DELETE FROM clocks WHERE table_code = ? AND row_id = ?').run(tableCode, rowId);
  }

  /** Which of `rowIds` of `table` have clocks. */
  having(table: string, rowIds: readonly string[]): string[] {
    const tableCode = this.tables.lookUp(table);
    if (tableCode === undefined || rowIds.length === 0) return [];
    return (
      this.statement('SELECT row_id FROM clocks WHERE table_code = ? AND row_id IN (SELECT value FROM json_each(?))').all(tableCode, JSON.stringify(rowIds)) as {
        row_id: string;
      }[]
    ).map((row) => row.row_id);
  }

  /** The table's code, for SQL that joins clocks; undefined when no row of it ever had clocks. */
  tableCode(table: string): number | undefined {
    return this.tables.lookUp(table);
  }

  /** Decodes a `clocks` row read by SQL of the caller's own. */
  decode(tableCode: number, row: ClocksRow): FieldClocks {
    const fields = this.fields(tableCode);
    return decodeClocks({ wallMs: row.wall_ms, counter: row.counter, device: row.device, fields: row.fields }, { field: (code) => fields.name(code), device: (code) => this.devices.name(code) });
  }

  /** Call after a commit: codes handed out in it are known stored from then on (Dictionary). */
  settle(): void {
    if (this.sqlite.inTransaction) return;
    for (const dictionary of this.dictionaries()) dictionary.settle();
  }

  /**
   * Call when a transaction that writes clocks begins, and after a rollback to a savepoint in
   * one: dictionary codes that are not yet known committed are then stored again as they are used.
   */
  newTransaction(): void {
    for (const dictionary of this.dictionaries()) dictionary.newTransaction();
  }

  private dictionaries(): Dictionary[] {
    return [this.tables, this.devices, ...this.fieldsByTable.values()];
  }

  /**
   * insertNew for rows of one table whose every field in `names` holds one clock, the row's own
   * (a new row written by one change: writeNew): the same stored clocks, with the list of field
   * codes worked out once for all of them rather than from a map of clocks per row.
   */
  insertNewShared(table: string, names: readonly string[], rows: readonly { rowId: string; hlc: string }[]): void {
    if (rows.length === 0) return;
    const tableCode = this.tables.code(table);
    const codes = this.codes(tableCode);
    const fields = sharedClockFields(names, codes);
    const values = rows.map(({ rowId, hlc }) => {
      const base = sharedClockBase(hlc, codes);
      if (base) return [tableCode, rowId, base.wallMs, base.counter, base.device, fields];
      // Not of the HLC form (never this laptop's own clock): encoded as insertNew would.
      const stored = this.encode(tableCode, Object.fromEntries(names.map((name) => [name, hlc])));
      return [tableCode, rowId, stored.wallMs, stored.counter, stored.device, stored.fields];
    });
    insertRows(this.statement, 'clocks', clockColumns, values);
  }

  private encode(tableCode: number, clocks: FieldClocks): StoredClocks {
    return encodeClocks(clocks, this.codes(tableCode));
  }

  private codes(tableCode: number): ClockCodes {
    const fields = this.fields(tableCode);
    return { field: (name) => fields.code(name), device: (deviceId) => this.devices.code(deviceId) };
  }

  private fields(tableCode: number): Dictionary {
    let fields = this.fieldsByTable.get(tableCode);
    if (!fields) {
      fields = new Dictionary(this.statement, 'clock_fields', 'name', { column: 'table_code', value: tableCode });
      this.fieldsByTable.set(tableCode, fields);
    }
    return fields;
  }
}

const stores = new WeakMap<Sqlite, ClockStore>();

/** The one clock store of a connection: its dictionaries' codes must come from one counter. */
export function clockStoreOf(sqlite: Sqlite): ClockStore {
  let store = stores.get(sqlite);
  if (!store) {
    store = new ClockStore(sqlite);
    stores.set(sqlite, store);
  }
  return store;
}
