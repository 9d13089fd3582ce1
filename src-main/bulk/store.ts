import type { BulkActionStatus, BulkList, BulkState } from '../../src-shared/domain/bulk';
import { statementCache, type Sqlite } from '../db/open';
import type { FieldValues } from '../writes/synced-tables';

interface ActionRow {
  id: string;
  list: BulkList;
  label: string;
  state: BulkState;
  total: number;
  done: number;
  changed: number;
  error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface BeforeRow {
  seq: number;
  table: string;
  rowId: string;
  before: FieldValues;
}

/**
 * The local record of bulk actions (tables bulk_actions and bulk_action_rows): how far each got
 * and what every row it changed had before. Every write here happens inside the batch's own
 * transaction, so the record and the rows it describes never disagree, even after a kill.
 */
export function createBulkStore(sqlite: Sqlite) {
  const statement = statementCache(sqlite);
  const toStatus = (row: ActionRow): BulkActionStatus => ({
    id: row.id,
    list: row.list,
    label: row.label,
    state: row.state,
    total: row.total,
    done: row.done,
    changed: row.changed,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error ? (JSON.parse(row.error) as BulkActionStatus['error']) : null,
  });

  return {
    create(action: { id: string; list: BulkList; request: unknown; label: string; total: number; at: number }): void {
      statement(`INSERT INTO bulk_actions (id, list, action, label, state, total, created_at) VALUES (?, ?, ?, ?, 'running', ?, ?)`).run(
        action.id,
        action.list,
        JSON.stringify(action.request),
        action.label,
        action.total,
        action.at,
      );
    },
    get(id: string): BulkActionStatus | undefined {
      const row = statement('SELECT * FROM bulk_actions WHERE id = ?').get(id) as ActionRow | undefined;
      return row && toStatus(row);
    },
    recent(limit: number): BulkActionStatus[] {
      return (statement('SELECT * FROM bulk_actions ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as ActionRow[]).map(toStatus);
    },
    progress(id: string, fields: { done?: number; changed?: number; label?: string }): void {
      statement('UPDATE bulk_actions SET done = coalesce(?, done), changed = coalesce(?, changed), label = coalesce(?, label) WHERE id = ?').run(
        fields.done ?? null,
        fields.changed ?? null,
        fields.label ?? null,
        id,
      );
    },
    setState(id: string, state: BulkState, at: number | null, error: BulkActionStatus['error'] = null): void {
      statement('UPDATE bulk_actions SET state = ?, finished_at = ?, error = ? WHERE id = ?').run(state, at, error && JSON.stringify(error), id);
    },
    /** Actions cut off by a crash or a kill: their finished batches stand, and can be undone. */
    markInterrupted(at: number): number {
      return statement(`UPDATE bulk_actions SET state = 'interrupted', finished_at = ? WHERE state IN ('running', 'undoing')`).run(at).changes;
    },
    /** Keeps the first "before" of a row: a row changed by two batches (a segment's list) goes back to how it was at the start. */
    rememberBefore(actionId: string, table: string, rowId: string, before: FieldValues): void {
      statement('INSERT OR IGNORE INTO bulk_action_rows (action_id, table_name, row_id, before) VALUES (?, ?, ?, ?)').run(actionId, table, rowId, JSON.stringify(before));
    },
    /** The next rows to restore, oldest first. */
    befores(actionId: string, limit: number): BeforeRow[] {
      const rows = statement('SELECT rowid AS seq, table_name, row_id, before FROM bulk_action_rows WHERE action_id = ? ORDER BY rowid LIMIT ?').all(actionId, limit) as {
        seq: number;
        table_name: string;
        row_id: string;
        before: string;
      }[];
      return rows.map((row) => ({ seq: row.seq, table: row.table_name, rowId: row.row_id, before: JSON.parse(row.before) as FieldValues }));
    },
    forgetBefores(actionId: string, upToSeq: number): void {
      statement('DELETE FROM bulk_action_rows WHERE action_id = ? AND rowid <= ?').run(actionId, upToSeq);
    },
    remainingBefores(actionId: string): number {
      return (statement('SELECT COUNT(*) AS n FROM bulk_action_rows WHERE action_id = ?').get(actionId) as { n: number }).n;
    },
  };
}

export type BulkStore = ReturnType<typeof createBulkStore>;
