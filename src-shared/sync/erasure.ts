import { z } from 'zod';

// An erasure: the record that a person was forgotten (a customer's erasure request). It holds only
// the ids of the rows that were erased — never a value — and syncs like any change (table
// `erasures`), so that every laptop erases the same rows at its next sync and the relay deletes
// every stored change of them (src-relay/privacy/). Both keep the ids afterwards, so a change for
// one of those rows from a laptop that was offline is set aside, never applied.

export const erasureTable = 'erasures';

const Name = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const ErasedRowSchema = z.object({
  table: Name,
  rowId: z.string().min(1).max(200),
  /**
   * Only these fields' past values (a retention rule: a call's recording and transcript after N
   * days): the row stays, and a write beside the erasure gives the fields their new value.
   */
  fields: z.array(Name).min(1).max(50).optional(),
});
export type ErasedRow = z.infer<typeof ErasedRowSchema>;

/**
 * At most this many rows in one erasure record, so that it fits in one field on the wire (a
 * million characters); a person with more rows is erased by several records in one transaction.
 */
export const maxErasedRows = 10_000;
export const ErasedRowsSchema = z.array(ErasedRowSchema).max(maxErasedRows);

/** The rows an erasure change names, or an empty list for a change that names none (or is not valid). */
export function erasedRowsOf(fields: Record<string, unknown>): ErasedRow[] {
  if (typeof fields.rows !== 'string') return [];
  try {
    const parsed = ErasedRowsSchema.safeParse(JSON.parse(fields.rows));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The fields by which a row belongs to a contact, a deal or a call. */
const referenceFields: Record<string, string> = { contact_id: 'contacts', deal_id: 'deals', call_id: 'calls' };

/**
 * The row a change is for, and the rows it refers to: a change for any of them that was erased is
 * set aside (a note an offline laptop added to a person since forgotten must not bring them back).
 */
export function rowsTouchedBy(change: { tableName: string; rowId: string; fields: Record<string, unknown> }): ErasedRow[] {
  const rows: ErasedRow[] = [{ table: change.tableName, rowId: change.rowId }];
  for (const [field, table] of Object.entries(referenceFields)) {
    const id = change.fields[field];
    if (typeof id === 'string' && id !== '') rows.push({ table, rowId: id });
  }
  return rows;
}

/** Why a change for an erased row is set aside (at the relay and on laptops). */
export const erasedRowReason = 'its record was erased when the person was forgotten, so it is not brought back';
