import type { Sqlite } from '../db/open';
import type { MutationTx, TouchedRows } from '../writes/mutation-engine';
import { erasureTable, erasedRowsOf } from '../../src-shared/sync/erasure';
import { parseHlc } from '../../src-shared/hlc';
import { clockStoreOf } from '../writes/clock-store';

// Who is in a static segment. Members are rows of segment_members (one per segment and contact,
// merged by causal length like any row), so two laptops adding and removing at once both keep
// what they did. Laptops from before those rows read and write the whole list in
// segments.member_ids, last writer wins.
//
// Such a list written by an older laptop is a *base list*: a contact in it is a member unless its
// row was written after the list, and a row counts only when written after the list (a whole list
// written later replaces what came before it, which is what it means to those laptops).
//
// Upgraded laptops write member_ids too, so older laptops keep seeing the members, as a *mirror*:
// in the transaction that changes members, the rows are first made to say every member on their
// own, then the whole list is written, then the laptop's mirror row (`<segment>:~<device>`, whose
// contact_id holds the clock of that list) says the list was a mirror. A list whose device's mirror
// row holds its clock (or a later one) is a mirror and the rows alone are the members; any other is
// a base list. The result depends only on the merged state, so every laptop reads the same members
// whatever order changes arrived in; two upgraded laptops changing members at once both keep what
// they did, and an older laptop sees the list of whichever wrote last, as between older laptops.
/** The row of one contact in one segment: ids only, the same on every laptop. */
export const memberRowId = (segmentId: string, contactId: string) => `${segmentId}:${contactId}`;
/** The row saying which whole list this device last wrote as a mirror of the rows (see above). */
export const mirrorRowId = (segmentId: string, deviceId: string) => `${segmentId}:~${deviceId}`;
/** The segment a member row belongs to (segment ids hold no colon). */
export const segmentIdOfMemberRow = (rowId: string) => rowId.slice(0, rowId.indexOf(':'));

interface MemberRow {
  contact_id: string;
  cl: number;
  /** The clock of the change that set the row's causal length; null for a row erased since. */
  clock: string | null;
}

export function createSegmentMembers(sqlite: Sqlite) {
  // The clocks are read through the clock store (src-main/writes/clock-store.ts), row by row.
  const clocks = clockStoreOf(sqlite);
  const listRow = sqlite.prepare<[string], { member_ids: string }>('SELECT member_ids FROM segments WHERE id = ?');
  const base = {
    get: (segmentId: string) => {
      const row = listRow.get(segmentId);
      return row && { member_ids: row.member_ids, clock: clocks.read('segments', segmentId).member_ids ?? null };
    },
  };
  // Member rows only: a mirror row's id is not `<segment>:<its contact_id>`.
  const memberRows = sqlite.prepare<[string], { id: string; contact_id: string; cl: number }>(
    `SELECT m.id, m.contact_id, m.cl FROM segment_members m WHERE m.segment_id = ? AND m.id = m.segment_id || ':' || m.contact_id`,
  );
  const rows = {
    all: (segmentId: string): MemberRow[] =>
      memberRows.all(segmentId).map((row) => ({ contact_id: row.contact_id, cl: row.cl, clock: clocks.read('segment_members', row.id).cl ?? null })),
  };
  const mirrored = sqlite.prepare<[string], { clock: string }>('SELECT contact_id AS clock FROM segment_members WHERE id = ? AND cl % 2 = 1');
  const listClock = { get: (segmentId: string) => ({ clock: clocks.read('segments', segmentId).member_ids ?? null }) };
  const live = sqlite.prepare<[string], { id: string }>(`SELECT id FROM contacts WHERE cl % 2 = 1 AND id IN (SELECT value FROM json_each(?))`);
  const causalLength = sqlite.prepare<[string], { cl: number }>('SELECT cl FROM segment_members WHERE id = ?');

  /** Whether the whole list, written at `clock`, is an upgraded laptop's mirror of the rows. */
  function isMirror(segmentId: string, clock: string | null): boolean {
    if (!clock) return false;
    const mirror = mirrored.get(mirrorRowId(segmentId, parseHlc(clock).deviceId));
    return mirror !== undefined && mirror.clock >= clock;
  }

  /** Every member by the rules above, contacts deleted since included, the list's order first. */
  function recorded(segmentId: string): string[] {
    const list = base.get(segmentId);
    if (!list) return [];
    if (isMirror(segmentId, list.clock)) {
      const alive = new Set(rows.all(segmentId).flatMap((row) => (row.cl % 2 === 1 ? [row.contact_id] : [])));
      const inList = (JSON.parse(list.member_ids) as string[]).filter((id) => alive.has(id));
      const listed = new Set(inList);
      return [...inList, ...[...alive].filter((id) => !listed.has(id))];
    }
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

    /**
     * After the rows of a change are written (same transaction): makes the rows say every member on
     * their own, then writes the whole list for older laptops and marks it as this laptop's mirror.
     */
    keepListForOlderLaptops(tx: MutationTx, segmentId: string): void {
      const members = recorded(segmentId);
      const wanted = new Set(members);
      const rowSays = new Map(rows.all(segmentId).map((row) => [row.contact_id, row.cl % 2 === 1]));
      this.write(tx, segmentId, members.filter((id) => rowSays.get(id) !== true), true);
      this.write(tx, segmentId, [...rowSays].flatMap(([id, member]) => (member && !wanted.has(id) ? [id] : [])), false);
      tx.write('segments', segmentId, { member_ids: JSON.stringify(members) });
      const clock = listClock.get(segmentId)!.clock!;
      tx.write('segment_members', mirrorRowId(segmentId, parseHlc(clock).deviceId), { segment_id: segmentId, contact_id: clock, cl: 1 });
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
