import type { Sqlite } from '../db/open';
import type { MutationEngine, RowsWrittenHook } from '../writes/mutation-engine';
import { attachedTables } from './queries';

/** How far a chain of merges (A into B, B into C) is followed to its live end. */
const maxMergeHops = 20;

/**
 * Keeps merged-away contacts from becoming ghosts. A laptop that had not yet heard of a merge may
 * still add a note or a call to the contact that was merged away; when that change arrives (or
 * when the merge arrives at a laptop holding such rows), the rows are moved to the survivor, so
 * no live row hangs off a deleted contact and the merged contact never comes back. Registered
 * before the other hooks, so the indexes they rebuild see the rows where they end up. Changes to
 * the merged contact's own fields stay on its deleted row: set aside there, never shown.
 */
export function createMergeRedirect(sqlite: Sqlite, engine: MutationEngine): RowsWrittenHook {
  const mergedAmong = sqlite.prepare<[string], { id: string }>(
    `SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND cl % 2 = 0 AND merged_into IS NOT NULL`,
  );
  const mergedOwnersIn = Object.fromEntries(
    attachedTables.map((table) => [
      table,
      sqlite.prepare<[string], { id: string }>(
        `SELECT DISTINCT c.id FROM ${table} t JOIN contacts c ON c.id = t.contact_id
         WHERE t.id IN (SELECT value FROM json_each(?)) AND t.cl % 2 = 1 AND c.cl % 2 = 0 AND c.merged_into IS NOT NULL`,
      ),
    ]),
  );
  const attachedTo = Object.fromEntries(
    attachedTables.map((table) => [table, sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE contact_id = ? AND cl % 2 = 1`)]),
  );
  const contact = sqlite.prepare<[string], { cl: number; merged_into: string | null }>('SELECT cl, merged_into FROM contacts WHERE id = ?');

  function survivorOf(id: string): string | null {
    let current = id;
    for (let hop = 0; hop < maxMergeHops; hop += 1) {
      const row = contact.get(current);
      if (!row) return null;
      if (row.cl % 2 === 1) return current;
      if (!row.merged_into) return null;
      current = row.merged_into;
    }
    return null;
  }

  return (touched) => {
    const merged = new Set<string>();
    const contacts = touched.get('contacts');
    if (contacts) for (const row of mergedAmong.all(JSON.stringify([...contacts]))) merged.add(row.id);
    for (const table of attachedTables) {
      const ids = touched.get(table);
      if (ids) for (const row of mergedOwnersIn[table]!.all(JSON.stringify([...ids]))) merged.add(row.id);
    }
    if (merged.size === 0) return;
    engine.transaction((tx) => {
      for (const loser of merged) {
        const survivor = survivorOf(loser);
        if (!survivor) continue;
        for (const table of attachedTables) for (const { id } of attachedTo[table]!.all(loser)) tx.write(table, id, { contact_id: survivor });
      }
    });
  };
}
