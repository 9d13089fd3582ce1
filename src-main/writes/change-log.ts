import { statementCache, type Sqlite, type Statement } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { changes } from '../db/schema';
import { insertRows } from './bulk-insert';
import type { FieldValues } from './synced-tables';

// The change log: one record per mutated row, local or merged from elsewhere. It is the outbox
// (local and not yet pushed), the audit trail, and the feed a replica can be rebuilt from. It
// also holds, apart, the changes this version cannot apply yet (pending_changes). Only the
// mutation engine (mutation-engine.ts) writes it, inside its transactions.

/** One record of the change log, as stored locally and as exchanged with the relay. */
export interface ChangeRecord {
  changeId: string;
  hlc: string;
  tableName: string;
  rowId: string;
  fields: FieldValues;
  schemaVersion: number;
  deviceId: string;
  author: string;
}

/** A change as the log's table holds it (`fields` as JSON text). */
export type ChangeRow = Omit<SqlRow<typeof changes>, 'local' | 'pushed'>;

export const recordColumns = 'change_id, hlc, table_name, row_id, fields, schema_version, device_id, author';

/** Change records after a local sequence number, oldest first: the feed for push and audit. */
export function readChangeLog(sqlite: Sqlite, options: { afterSeq?: number; limit?: number; localOnly?: boolean } = {}) {
  const rows = sqlite
    .prepare<unknown[], ChangeRow>(
      `SELECT seq, ${recordColumns}
       FROM changes WHERE seq > ? ${options.localOnly ? 'AND local = 1' : ''} ORDER BY seq LIMIT ?`,
    )
    .all(options.afterSeq ?? 0, options.limit ?? -1);
  return rows.map((row) => ({ seq: row.seq, change: toChangeRecord(row) }));
}

export function toChangeRecord(row: ChangeRow): ChangeRecord {
  return {
    changeId: row.change_id,
    hlc: row.hlc,
    tableName: row.table_name,
    rowId: row.row_id,
    fields: JSON.parse(row.fields) as FieldValues,
    schemaVersion: row.schema_version,
    deviceId: row.device_id,
    author: row.author,
  };
}

/** A change record's values in the order of `recordColumns` (the set-aside table uses them too). */
export function recordValues(change: ChangeRecord) {
  return [
    change.changeId,
    change.hlc,
    change.tableName,
    change.rowId,
    JSON.stringify(change.fields),
    change.schemaVersion,
    change.deviceId,
    change.author,
  ] as const;
}

/** The statements of the log, prepared once. Callers provide the transaction. */
export class ChangeLog {
  private readonly statement: (sql: string) => Statement;

  constructor(private readonly sqlite: Sqlite) {
    this.statement = statementCache(sqlite);
  }

  /** Whether a change is already logged or kept pending: applying it again is a no-op. */
  has(changeId: string): boolean {
    return (
      this.statement('SELECT 1 FROM changes WHERE change_id = ?').get(changeId) !== undefined ||
      this.statement('SELECT 1 FROM pending_changes WHERE change_id = ?').get(changeId) !== undefined
    );
  }

  /** Logs a change: a local one waits in the outbox, a merged one is already on the relay. */
  append(change: ChangeRecord, origin: 'local' | 'remote'): void {
    const [local, pushed] = origin === 'local' ? [1, 0] : [0, 1];
    this.statement(
      `INSERT INTO changes (${recordColumns}, local, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...recordValues(change), local, pushed);
  }

  /** Logs local changes in this order, as append would one by one, with a few multi-row statements. */
  appendLocal(changes: readonly ChangeRecord[]): void {
    insertRows(this.statement, 'changes', [...recordColumns.split(', '), 'local', 'pushed'], changes.map((change) => [...recordValues(change), 1, 0]));
  }

  /** Logs merged changes in this order, as append(change, 'remote') would one by one, with a few multi-row statements. */
  appendRemote(changes: readonly ChangeRecord[]): void {
    insertRows(this.statement, 'changes', [...recordColumns.split(', '), 'local', 'pushed'], changes.map((change) => [...recordValues(change), 0, 1]));
  }

  /** Which of `changeIds` are already logged or kept pending (has, for many at once). */
  hasAmong(changeIds: readonly string[]): Set<string> {
    const json = JSON.stringify(changeIds);
    const found = this.statement(
      `SELECT change_id FROM changes WHERE change_id IN (SELECT value FROM json_each(?))
       UNION ALL SELECT change_id FROM pending_changes WHERE change_id IN (SELECT value FROM json_each(?))`,
    ).all(json, json) as { change_id: string }[];
    return new Set(found.map((row) => row.change_id));
  }

  /** Keeps a change for a table or column this version does not know, for after an upgrade. */
  keepPending(change: ChangeRecord): void {
    this.statement(`INSERT INTO pending_changes (${recordColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...recordValues(change));
  }

  pendingChanges(): ChangeRecord[] {
    return (this.statement('SELECT * FROM pending_changes ORDER BY hlc').all() as ChangeRow[]).map(toChangeRecord);
  }

  removePending(changeId: string): void {
    this.statement('DELETE FROM pending_changes WHERE change_id = ?').run(changeId);
  }

  /** Local changes not yet acknowledged by the relay, oldest first. */
  outbox(limit: number): { seq: number; change: ChangeRecord }[] {
    // Rows held back in outbox_holds wait: a file whose bytes are not at the relay yet
    // (src-main/files/upload-queue.ts). They still count as unpushed.
    const rows = this.statement(
      `SELECT seq, ${recordColumns} FROM changes WHERE local = 1 AND pushed = 0
         AND NOT EXISTS (SELECT 1 FROM outbox_holds h WHERE h.table_name = changes.table_name AND h.row_id = changes.row_id)
       ORDER BY seq LIMIT ?`,
    ).all(limit) as ChangeRow[];
    return rows.map((row) => ({ seq: row.seq, change: toChangeRecord(row) }));
  }

  countUnpushed(): number {
    return (this.statement('SELECT COUNT(*) AS n FROM changes WHERE local = 1 AND pushed = 0').get() as { n: number }).n;
  }

  /** Marks local changes pushed; returns how many were still waiting. */
  markPushed(changeIds: readonly string[]): number {
    const mark = this.statement('UPDATE changes SET pushed = 1 WHERE change_id = ? AND local = 1 AND pushed = 0');
    let marked = 0;
    this.sqlite.transaction(() => {
      for (const id of changeIds) marked += mark.run(id).changes;
    })();
    return marked;
  }
}
