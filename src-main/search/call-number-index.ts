import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';

/**
 * Keeps call_digits_fts (each call's number, as trigrams) in step with the calls rows, inside the
 * transaction that wrote them, so a run of digits typed on the search page finds calls through the
 * index (src-main/search/everything-queries.ts) rather than a LIKE over every number. A call gets
 * its key the first time it has a number; a deleted call or an emptied number leaves the index.
 */
export function createCallNumberIndexer(sqlite: Sqlite) {
  const select = sqlite.prepare<[string], { number: string; cl: number; number_rowid: number | null }>('SELECT number, cl, number_rowid FROM calls WHERE id = ?');
  const nextRowid = sqlite.prepare<[], { next: number }>('SELECT COALESCE(MAX(number_rowid), 0) + 1 AS next FROM calls');
  const setRowid = sqlite.prepare('UPDATE calls SET number_rowid = ? WHERE id = ?');
  const remove = sqlite.prepare('DELETE FROM call_digits_fts WHERE rowid = ?');
  const insert = sqlite.prepare('INSERT INTO call_digits_fts (rowid, number) VALUES (?, ?)');

  return function reindexCallNumbers(touched: TouchedRows): void {
    for (const id of touched.get('calls') ?? []) {
      const row = select.get(id);
      if (!row) continue;
      const number = row.cl % 2 === 1 ? row.number : '';
      if (row.number_rowid !== null) remove.run(row.number_rowid);
      if (!number) continue;
      let rowid = row.number_rowid;
      if (rowid === null) {
        rowid = nextRowid.get()!.next;
        setRowid.run(rowid, id);
      }
      insert.run(rowid, number);
    }
  };
}
