import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../db/open';
import type { MutationTx } from '../writes/mutation-engine';

// Tags on calls (the synced table call_tags). A row is one laptop's "this call has this tag", its
// id a random uuid: the id says nothing of the tag (the relay sees row ids in the clear,
// docs/end-to-end-encryption.md), and two laptops tagging the same call with the same tag at once
// each make their own row rather than fight over one. Reading counts a tag once however many rows
// carry it (any case); untagging clears every row of it this laptop knows. A tag added elsewhere at
// the same moment as it is removed here comes back with that laptop's row: add wins, as in an
// observed-remove set, which is what two people tagging the same call expect.

interface TagRow {
  id: string;
  call_id: string;
  tag: string;
  present: number;
}

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function createCallTags(sqlite: Sqlite) {
  const rowsOfCall = sqlite.prepare<[string], TagRow>('SELECT id, call_id, tag, present FROM call_tags WHERE call_id = ? ORDER BY id');

  return {
    /** Each call's tags, each once (the spelling of its oldest row), in name order. */
    of(callIds: readonly string[]): Map<string, string[]> {
      const tags = new Map<string, string[]>();
      if (callIds.length === 0) return tags;
      const rows = sqlite
        .prepare<[string], Pick<TagRow, 'call_id' | 'tag'>>(
          'SELECT call_id, tag FROM call_tags WHERE present = 1 AND call_id IN (SELECT value FROM json_each(?)) ORDER BY id',
        )
        .all(JSON.stringify(callIds));
      for (const row of rows) {
        const list = tags.get(row.call_id) ?? tags.set(row.call_id, []).get(row.call_id)!;
        if (!list.some((tag) => sameTag(tag, row.tag))) list.push(row.tag);
      }
      for (const list of tags.values()) list.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
      return tags;
    },

    /** The tags in use on live calls, most used first: the tag box's suggestions. */
    inUse(limit: number): string[] {
      return sqlite
        .prepare(
          `SELECT MIN(t.tag) FROM call_tags t JOIN calls k ON k.id = t.call_id AND k.cl % 2 = 1
           WHERE t.present = 1 GROUP BY lower(t.tag) ORDER BY COUNT(DISTINCT t.call_id) DESC, lower(t.tag) LIMIT ?`,
        )
        .pluck()
        .all(limit) as string[];
    },

    /**
     * The row a new tag on the call is written to: a row of that tag already there (present or
     * taken off), else a new one with a random id. For a bulk action, which writes it itself.
     */
    rowForTag(callId: string, tag: string): { id: string; present: number } | { id: string; present: null } {
      const rows = rowsOfCall.all(callId).filter((row) => sameTag(row.tag, tag));
      return rows.find((row) => row.present === 1) ?? rows[0] ?? { id: uuidv7(), present: null };
    },

    /** Tags the call in the caller's transaction; a tag it has already (any case) is left as it is. */
    add(tx: MutationTx, callId: string, tag: string): boolean {
      const rows = rowsOfCall.all(callId).filter((row) => sameTag(row.tag, tag));
      if (rows.some((row) => row.present === 1)) return false;
      // A tag taken off and put back revives its old row rather than growing the table.
      const earlier = rows[0];
      if (earlier) tx.write('call_tags', earlier.id, { tag, present: 1 });
      else tx.write('call_tags', uuidv7(), { call_id: callId, tag, present: 1 });
      return true;
    },

    /** Takes the tag off the call: every row of it this laptop knows. */
    remove(tx: MutationTx, callId: string, tag: string): boolean {
      const rows = rowsOfCall.all(callId).filter((row) => row.present === 1 && sameTag(row.tag, tag));
      for (const row of rows) tx.write('call_tags', row.id, { present: 0 });
      return rows.length > 0;
    },
  };
}

export type CallTags = ReturnType<typeof createCallTags>;
