import { and, asc, eq, sql } from 'drizzle-orm';
import { emptyRowState, foldChange, type RowState } from '../src-shared/sync/merge';
import type { RelayTransaction } from './db/open';
import { changes } from './db/schema';
import { checkChangeAtRelay } from './keys/verdict';

// Relays before the change contract stored every change of the right shape, and folded it into
// the snapshot, also one no laptop can apply (a contact's name set to null). Laptops set such a
// change aside and keep the value before it; a snapshot row holding it would give a new laptop
// something else. So a snapshot row with a field the contract refuses is rebuilt from the log
// without the refused changes before it is served (rare: the relay refuses them now).

interface SnapshotRow extends RowState {
  tableName: string;
  rowId: string;
}

function holdsRefusedValue(row: SnapshotRow): boolean {
  const byClock = new Map<string, Record<string, string | number | null>>();
  for (const [field, value] of Object.entries(row.fields)) {
    const clock = row.clocks[field];
    if (!clock) continue;
    byClock.set(clock, { ...byClock.get(clock), [field]: value });
  }
  return [...byClock].some(([hlc, fields]) => {
    const author = row.authors[Object.keys(fields)[0]!] ?? '';
    return checkChangeAtRelay({ hlc, tableName: row.tableName, rowId: row.rowId, fields, author }).kind === 'invalid';
  });
}

export async function withoutRefusedChanges(tx: RelayTransaction, workspaceId: string, rows: SnapshotRow[]): Promise<SnapshotRow[]> {
  return Promise.all(
    rows.map(async (row) => {
      if (!holdsRefusedValue(row)) return row;
      const log = await tx
        .select({ hlc: changes.hlc, payload: changes.payload })
        .from(changes)
        .where(and(eq(changes.workspaceId, workspaceId), sql`${changes.payload}->>'tableName' = ${row.tableName}`, sql`${changes.payload}->>'rowId' = ${row.rowId}`))
        .orderBy(asc(changes.workspaceSeq));
      let state = emptyRowState();
      for (const { hlc, payload } of log) {
        const change = { hlc, tableName: payload.tableName, rowId: payload.rowId, fields: payload.fields, author: payload.author };
        if (checkChangeAtRelay(change).kind !== 'invalid') state = foldChange(state, change);
      }
      return { tableName: row.tableName, rowId: row.rowId, ...state };
    }),
  );
}
