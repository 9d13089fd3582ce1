import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';

/**
 * Keeps call_notes_fts (what was noted on each call) in step with the calls rows, inside the
 * transaction that wrote them, like the notes' index: a call gets its key the first time it has
 * notes, and a deleted call or emptied notes leave the index.
 */
export function createCallNotesIndexer(sqlite: Sqlite) {
  const select = sqlite.prepare<[string], { notes: string; cl: number; notes_rowid: number | null }>('SELECT notes, cl, notes_rowid FROM calls WHERE id = ?');
  const nextRowid = sqlite.prepare<[], { next: number }>('SELECT COALESCE(MAX(notes_rowid), 0) + 1 AS next FROM calls');
  const setRowid = sqlite.prepare('UPDATE calls SET notes_rowid = ? WHERE id = ?');
  const remove = sqlite.prepare('DELETE FROM call_notes_fts WHERE rowid = ?');
  const insert = sqlite.prepare('INSERT INTO call_notes_fts (rowid, body) VALUES (?, ?)');

  return function reindexCallNotes(touched: TouchedRows): void {
    for (const id of touched.get('calls') ?? []) {
      const row = select.get(id);
      if (!row) continue;
      const text = row.cl % 2 === 1 ? row.notes.trim() : '';
      if (row.notes_rowid !== null) remove.run(row.notes_rowid);
      if (!text) continue;
      let rowid = row.notes_rowid;
      if (rowid === null) {
        rowid = nextRowid.get()!.next;
        setRowid.run(rowid, id);
      }
      insert.run(rowid, text);
    }
  };
}
