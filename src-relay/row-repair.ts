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

/**
 * Whether one of the changes the row's fields came from (the fields sharing a clock) is one the
 * contract refuses. Runs on every row of every snapshot page, so it groups in one pass without
 * copying: most rows were written by one change, and their fields object is checked as it is.
 */
function holdsRefusedValue(row: SnapshotRow): boolean {
  const byClock = new Map<string, string[]>();
  const fieldNames = Object.keys(row.fields);
  for (const field of fieldNames) {
    const clock = row.clocks[field];
    if (!clock) continue;
    const names = byClock.get(clock);
    if (names) names.push(field);
    else byClock.set(clock, [field]);
  }
  for (const [hlc, names] of byClock) {
    const fields = names.length === fieldNames.length ? row.fields : pick(row.fields, names);
    const author = row.authors[names[0]!] ?? '';
    if (checkChangeAtRelay({ hlc, tableName: row.tableName, rowId: row.rowId, fields, author }).kind === 'invalid') return true;
  }
  return false;
}

function pick(fields: SnapshotRow['fields'], names: string[]): SnapshotRow['fields'] {
  // Without a prototype: a field named `__proto__` (the log may hold anything) stays a field.
  const picked: SnapshotRow['fields'] = Object.create(null) as SnapshotRow['fields'];
  for (const name of names) picked[name] = fields[name]!;
  return picked;
}

export async function withoutRefusedChanges(tx: RelayTransaction, workspaceId: string, rows: SnapshotRow[]): Promise<SnapshotRow[]> {
  const served: SnapshotRow[] = [];
  for (const row of rows) served.push(holdsRefusedValue(row) ? await rebuiltWithoutRefused(tx, workspaceId, row) : row);
  return served;
}

async function rebuiltWithoutRefused(tx: RelayTransaction, workspaceId: string, row: SnapshotRow): Promise<SnapshotRow> {
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
}
