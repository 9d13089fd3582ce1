import { openBenchDatabase } from './data-file';
import type { SnapshotRow } from '../../src-main/sync/snapshot-load';
import { toChangeRecord, type ChangeRow } from '../../src-main/writes/change-log';
import { emptyRowState, foldChange } from '../../src-shared/sync/merge';

/**
 * A bench data folder's change log folded into snapshot rows, as the relay folds pushes: one row
 * state per row, in the relay's page order (table, then row id). Held whole in memory.
 */
export function snapshotRowsOf(dataDir: string): SnapshotRow[] {
  const db = openBenchDatabase(dataDir, { readonly: true });
  const rows: SnapshotRow[] = [];
  let current: SnapshotRow | undefined;
  try {
    const read = db.prepare(`SELECT * FROM changes ORDER BY table_name, row_id, seq`).iterate() as IterableIterator<ChangeRow>;
    for (const row of read) {
      const change = toChangeRecord(row);
      if (!current || current.tableName !== change.tableName || current.rowId !== change.rowId) {
        current = { tableName: change.tableName, rowId: change.rowId, ...emptyRowState() };
        rows.push(current);
      }
      Object.assign(current, foldChange(current, change));
    }
  } finally {
    db.close();
  }
  return rows;
}
