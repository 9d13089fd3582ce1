import type { Sqlite } from '../db/open';
import type { MutationTx, TouchedRows } from '../writes/mutation-engine';
import { erasureTable, erasedRowsOf } from '../../src-shared/sync/erasure';

// Who is in a static segment. Members are rows of segment_members (one per segment and contact,
// merged by causal length like any row), so two laptops adding and removing at once both keep
// what they did. Laptops from before those rows keep the whole list in segments.member_ids, last
// writer wins; here that list is the *base list*: a contact in it is a member unless its row was
// written after the list, and a row counts only when written after the list (a whole list written
// later replaces what came before it, which is what it means to those laptops). The result
// depends only on the merged state, so every laptop reads the same members whatever the order
// changes arrived in. Upgraded laptops never write member_ids: data folders from before keep
// their lists there as base lists, which is the whole migration.

/** The row of one contact in one segment: ids only, the same on every laptop. */
export const memberRowId = (segmentId: string, contactId: string) => `${segmentId}:${contactId}`;
/** The segment a member row belongs to (segment ids hold no colon). */
export const segmentIdOfMemberRow = (rowId: string) => rowId.slice(0, rowId.indexOf(':'));

interface MemberRow {
  contact_id: string;
  cl: number;
  /** The clock of the change that set the row's causal length; null for a row erased since. */
  clock: string | null;
}

export function createSegmentMembers(sqlite: Sqlite) {
  const base = sqlite.prepare<[string], { member_ids: string; clock: string | null }>(
    `SELECT s.member_ids, json_extract(rc.clocks, '$.member_ids') AS clock
     FROM segments s LEFT JOIN row_clocks rc ON rc.table_name = 'segments' AND rc.row_id = s.id WHERE s.id = ?`,
  );
  const rows = sqlite.prepare<[string], MemberRow>(
    `SELECT m.contact_id, m.cl, json_extract(rc.clocks, '$.cl') AS clock
     FROM segment_members m LEFT JOIN row_clocks rc ON rc.table_name = 'segment_members' AND rc.row_id = m.id WHERE m.segment_id = ?`,
  );
  const live = sqlite.prepare<[string], { id: string }>(`SELECT id FROM contacts WHERE cl % 2 = 1 AND id IN (SELECT value FROM json_each(?))`);
  const causalLength = sqlite.prepare<[string], { cl: number }>('SELECT cl FROM segment_members WHERE id = ?');

  /** Every member by the rule above, contacts deleted since included, base list first in its order. */
  function recorded(segmentId: string): string[] {
    const list = base.get(segmentId);
    if (!list) return [];
    const baseClock = list.clock ?? '';
    const written = new Map<string, MemberRow>();
    for (const row of rows.all(segmentId)) if (row.clock !== null && row.clock > baseClock) written.set(row.contact_id, row);
    const members = (JSON.parse(list.member_ids) as string[]).filter((id) => !written.has(id));
    const inBase = new Set(members);
    for (const [contactId, row] of written) if (row.cl % 2 === 1 && !inBase.has(contactId)) members.push(contactId);
    return members;
  }

  /** The causal length that makes the row say member (odd) or not (even), written now so it counts over the base list. */
  function nextCausalLength(rowId: string, member: boolean): number {
    const current = causalLength.get(rowId)?.cl;
    if (current === undefined) return member ? 1 : 2;
    if (current % 2 === (member ? 1 : 0)) return current;
    return current + 1;
  }

  return {
    /** The members whose contacts are alive, in the list's order. */
    of(segmentId: string): string[] {
      const members = recorded(segmentId);
      const alive = new Set(live.all(JSON.stringify(members)).map((row) => row.id));
      return members.filter((id) => alive.has(id));
    },

    /** Writes the rows that make `contactIds` members (or not), inside the caller's transaction. */
    write(tx: MutationTx, segmentId: string, contactIds: Iterable<string>, member: boolean): void {
      for (const contactId of contactIds) {
        const rowId = memberRowId(segmentId, contactId);
        tx.write('segment_members', rowId, { segment_id: segmentId, contact_id: contactId, cl: nextCausalLength(rowId, member) });
      }
    },

    /** Changes the members to exactly `contactIds` (a freeze): only the differences are written. */
    replace(tx: MutationTx, segmentId: string, contactIds: readonly string[]): void {
      const now = new Set(recorded(segmentId));
      const wanted = new Set(contactIds);
      this.write(tx, segmentId, contactIds.filter((id) => !now.has(id)), true);
      this.write(tx, segmentId, [...now].filter((id) => !wanted.has(id)), false);
    },
  };
}

/**
 * Forgetting a person leaves no trace of them in a static segment: their member rows are erased
 * with the rest of their rows (src-main/contacts/child-tables.ts), and this hook takes their id out
 * of the base lists, on every laptop that applies the erasure. A local rewrite, not a synced
 * write: each laptop does the same when the erasure reaches it.
 */
export function createForgottenMemberDropper(sqlite: Sqlite) {
  const holding = sqlite.prepare<[string], { id: string; member_ids: string }>(
    `SELECT s.id, s.member_ids FROM segments s WHERE EXISTS (SELECT 1 FROM json_each(s.member_ids) m WHERE m.value IN (SELECT value FROM json_each(?)))`,
  );
  const rewrite = sqlite.prepare<[string, string]>('UPDATE segments SET member_ids = ? WHERE id = ?');
  const erasure = sqlite.prepare<[string], { rows: string }>(`SELECT rows FROM ${erasureTable} WHERE id = ?`);

  return function dropForgottenMembers(touched: TouchedRows): void {
    const erasures = touched.get(erasureTable);
    if (!erasures || erasures.size === 0) return;
    const forgotten = new Set<string>();
    for (const id of erasures) {
      const record = erasure.get(id);
      if (!record) continue;
      for (const row of erasedRowsOf({ rows: record.rows })) if (row.table === 'contacts') forgotten.add(row.rowId);
    }
    if (forgotten.size === 0) return;
    for (const segment of holding.all(JSON.stringify([...forgotten]))) {
      const kept = (JSON.parse(segment.member_ids) as string[]).filter((id) => !forgotten.has(id));
      rewrite.run(JSON.stringify(kept), segment.id);
    }
  };
}
