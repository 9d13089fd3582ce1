import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';

/** Keeps notes_fts in step with notes inside the write's transaction; deleted notes drop out. */
export function createNoteIndexer(sqlite: Sqlite) {
  const select = sqlite.prepare<[string], { body: string; cl: number; search_rowid: number | null }>(
    'SELECT body, cl, search_rowid FROM notes WHERE id = ?',
  );
  const nextRowid = sqlite.prepare<[], { next: number }>('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS next FROM notes');
  const setRowid = sqlite.prepare('UPDATE notes SET search_rowid = ? WHERE id = ?');
  const remove = sqlite.prepare('DELETE FROM notes_fts WHERE rowid = ?');
  const insert = sqlite.prepare('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)');

  return function reindexNotes(touched: TouchedRows): void {
    for (const id of touched.get('notes') ?? []) {
      const row = select.get(id);
      if (!row) continue;
      let rowid = row.search_rowid;
      if (rowid === null) {
        rowid = nextRowid.get()!.next;
        setRowid.run(rowid, id);
      } else {
        remove.run(rowid);
      }
      if (row.cl % 2 === 1) insert.run(rowid, row.body);
    }
  };
}
