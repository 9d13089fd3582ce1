import type Database from 'better-sqlite3-multiple-ciphers';
import type { RelayDatabase } from '../../src-relay/db/open';
import { rowState } from '../../src-relay/db/schema';
import { toChangeRecord, type ChangeRow } from '../../src-main/writes/change-log';
import { emptyRowState, foldChange, type RowState } from '../../src-shared/sync/merge';

// The bootstrap suite's relay, filled the quick way (bench/suites/bootstrap.ts and
// bench/bootstrap-trace.ts): pushing 1.4M changes through HTTP takes ~8 minutes on PGlite.

/** Fills the relay's snapshot table with a data folder's rows, each folded from its changes by the shared rule. */
export async function seedSnapshot(source: Database.Database, database: RelayDatabase, workspaceId: string): Promise<{ rows: number; fields: number }> {
  const changes = source
    .prepare(`SELECT seq, change_id, hlc, table_name, row_id, fields, schema_version, device_id, author FROM changes ORDER BY table_name, row_id, seq`)
    .iterate() as IterableIterator<ChangeRow>;
  let batch: (typeof rowState.$inferInsert)[] = [];
  let rows = 0;
  let fields = 0;
  let current: { tableName: string; rowId: string; state: RowState } | undefined;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch;
    batch = [];
    await database.db.insert(rowState).values(values);
  };
  const emit = () => {
    if (!current) return;
    batch.push({ workspaceId, tableName: current.tableName, rowId: current.rowId, ...current.state });
    rows += 1;
    fields += Object.keys(current.state.fields).length;
  };
  for (const row of changes) {
    const change = toChangeRecord(row);
    if (!current || current.tableName !== change.tableName || current.rowId !== change.rowId) {
      emit();
      if (batch.length >= 500) await flush();
      current = { tableName: change.tableName, rowId: change.rowId, state: emptyRowState() };
    }
    current.state = foldChange(current.state, change);
  }
  emit();
  await flush();
  return { rows, fields };
}

/**
 * The relay runs in the bench's process, so a page applied for seconds holds both ends of a
 * keep-alive connection still, and the next request may meet a socket the relay has just closed:
 * asked again. (A relay of its own, as in use, has no such race.)
 */
export const retryingFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch {
    return fetch(input, init);
  }
};
