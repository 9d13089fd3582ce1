import { and, eq, sql } from 'drizzle-orm';
import { erasedRowReason, erasedRowsOf, erasureTable, rowsTouchedBy, type ErasedRow } from '../../src-shared/sync/erasure';
import type { WireChange } from '../../src-shared/sync/protocol';
import type { Caller } from '../auth';
import type { RelayTransaction } from '../db/open';
import { blobReferences, changes, erasedRows, rowState } from '../db/schema';
import { eraseCallRecordings } from './telephony-erasure';

// A person forgotten, at the relay (the laptops' side is src-main/writes/erasure.ts). Called by the
// push route inside its transaction, before the batch is stored: every erasure in the batch
// deletes the stored changes, the snapshot state and the file references of the rows it names, and
// remembers their ids; every change in the batch for a row erased before is refused with its
// reason (an old laptop that was offline cannot bring the person back). The erasure itself is
// stored like any change, so every other laptop erases the same at its next pull.

/**
 * Removes from `batch` (in place) the changes for erased rows, and erasures from a device that is
 * not an admin's, adding them to `refused`; carries out the rest of the erasures.
 */
export async function applyErasures(
  tx: RelayTransaction,
  caller: Caller,
  batch: WireChange[],
  refused: { changeId: string; reason: string }[],
  now: number,
): Promise<void> {
  const { workspaceId } = caller;
  for (let index = batch.length - 1; index >= 0; index -= 1) {
    const change = batch[index]!;
    if (change.tableName !== erasureTable) continue;
    if (caller.role !== 'admin') {
      refused.push({ changeId: change.changeId, reason: 'only an admin of the workspace can forget a person' });
      batch.splice(index, 1);
      continue;
    }
    const rows = erasedRowsOf(change.fields);
    const whole = rows.filter((row) => !row.fields);
    await erase(tx, workspaceId, change.rowId, [...whole, ...(await rowsUnderContactIds(tx, workspaceId, whole))], now);
    await eraseCallRecordings(tx, workspaceId, rows);
    for (const row of rows) if (row.fields) await forgetPastValues(tx, workspaceId, change.hlc, { ...row, fields: row.fields });
  }
  const touched = batch.map((change) => rowsTouchedBy(change));
  const all = touched.flat();
  if (all.length === 0) return;
  const erased = await tx
    .select({ tableName: erasedRows.tableName, rowId: erasedRows.rowId })
    .from(erasedRows)
    .where(and(eq(erasedRows.workspaceId, workspaceId), sql`(${erasedRows.tableName}, ${erasedRows.rowId}) IN ${pairs(all)}`));
  if (erased.length === 0) return;
  const keys = new Set(erased.map((row) => key(row.tableName, row.rowId)));
  for (let index = batch.length - 1; index >= 0; index -= 1) {
    if (!touched[index]!.some((row) => keys.has(key(row.table, row.rowId)))) continue;
    refused.push({ changeId: batch[index]!.changeId, reason: erasedRowReason });
    batch.splice(index, 1);
  }
}

/** Tables whose row ids begin with their contact's id and a colon (a tag, a phone, an e-mail, a custom value). */
const contactPrefixedTables = ['contact_tags', 'contact_phone_items', 'contact_email_items', 'contact_custom_values'];

/**
 * The rows of the erased contacts stored here under ids the erasure does not name: laptops name a
 * tag or a phone by a keyed id (src-main/privacy/row-ids.ts), and the same tag written before
 * they held the key, or by a laptop not upgraded yet, is stored under its earlier id. Both begin
 * with the contact's id, which is how they are found; naming them here tells the relay nothing it
 * did not hold already.
 */
async function rowsUnderContactIds(tx: RelayTransaction, workspaceId: string, rows: readonly ErasedRow[]): Promise<ErasedRow[]> {
  const contactIds = rows.filter((row) => row.table === 'contacts').map((row) => row.rowId);
  if (contactIds.length === 0) return [];
  const named = new Set(rows.map((row) => key(row.table, row.rowId)));
  const found = await tx
    .select({ tableName: rowState.tableName, rowId: rowState.rowId })
    .from(rowState)
    .where(
      and(
        eq(rowState.workspaceId, workspaceId),
        sql`${rowState.tableName} = ANY(${sql.param(contactPrefixedTables)}::text[])`,
        sql`split_part(${rowState.rowId}, ':', 1) = ANY(${sql.param(contactIds)}::text[])`,
      ),
    );
  return found.filter((row) => !named.has(key(row.tableName, row.rowId))).map((row) => ({ table: row.tableName, rowId: row.rowId }));
}

const key = (table: string, rowId: string) => `${table}\u0000${rowId}`;

/** (table, row id) pairs as a relation: two array parameters, which PGlite handles at any size. */
function pairs(rows: readonly ErasedRow[]) {
  const tableNames = sql.param(rows.map((row) => row.table));
  const rowIds = sql.param(rows.map((row) => row.rowId));
  return sql`(SELECT * FROM unnest(${tableNames}::text[], ${rowIds}::text[]))`;
}

/**
 * A retention rule's erasure: the fields go from every change of the row stored before the
 * erasure; the row and its snapshot (which holds the value the laptop gave them beside the
 * erasure) stay.
 */
async function forgetPastValues(tx: RelayTransaction, workspaceId: string, erasureHlc: string, row: ErasedRow & { fields: string[] }): Promise<void> {
  await tx
    .update(changes)
    .set({ payload: sql`jsonb_set(${changes.payload}, '{fields}', (${changes.payload}->'fields') - ${sql.param(row.fields)}::text[])` })
    .where(
      and(
        eq(changes.workspaceId, workspaceId),
        sql`${changes.payload}->>'tableName' = ${row.table}`,
        sql`${changes.payload}->>'rowId' = ${row.rowId}`,
        sql`${changes.hlc} < ${erasureHlc}`,
      ),
    );
}

async function erase(tx: RelayTransaction, workspaceId: string, erasureId: string, rows: readonly ErasedRow[], now: number): Promise<void> {
  // The workspace's first and last changes keep their sequence numbers, emptied of every value:
  // the push numbers new changes after the highest one, and devices compare their cursor with the
  // lowest, so neither may move back.
  const [bounds] = await tx
    .select({ lowest: sql<number>`min(${changes.workspaceSeq})`.mapWith(Number), highest: sql<number>`max(${changes.workspaceSeq})`.mapWith(Number) })
    .from(changes)
    .where(eq(changes.workspaceId, workspaceId));
  const kept = [bounds?.lowest ?? 0, bounds?.highest ?? 0];
  for (let start = 0; start < rows.length; start += 1000) {
    const part = rows.slice(start, start + 1000);
    const named = pairs(part);
    const ofNamed = and(eq(changes.workspaceId, workspaceId), sql`(${changes.payload}->>'tableName', ${changes.payload}->>'rowId') IN ${named}`);
    await tx.delete(changes).where(and(ofNamed, sql`${changes.workspaceSeq} NOT IN (${kept[0]}, ${kept[1]})`));
    await tx
      .update(changes)
      .set({ payload: sql`jsonb_build_object('tableName', ${changes.payload}->'tableName', 'rowId', ${changes.payload}->'rowId', 'fields', '{}'::jsonb, 'author', '')` })
      .where(ofNamed);
    await tx.delete(rowState).where(and(eq(rowState.workspaceId, workspaceId), sql`(${rowState.tableName}, ${rowState.rowId}) IN ${named}`));
    // The blob collector removes a file's bytes once no row refers to them.
    await tx.delete(blobReferences).where(and(eq(blobReferences.workspaceId, workspaceId), sql`(${blobReferences.tableName}, ${blobReferences.rowId}) IN ${named}`));
    await tx
      .insert(erasedRows)
      .values(part.map((row) => ({ workspaceId, tableName: row.table, rowId: row.rowId, erasureId, erasedAt: now })))
      .onConflictDoNothing();
  }
}
