import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';

// Keeps the search page's full-text indexes of companies, deals, quotes and jobs in step with
// their rows, inside the transaction that wrote them (the migration that made the indexes filled
// them once). Each record's text is what a person remembers of it, its contact's name included,
// so a contact's rename or deletion re-indexes its deals, quotes and jobs, and a deal's its quotes.
// Keys are in search_work_keys (local, never synced): a record written gets a new key, the
// largest, so the candidate queries walk each index newest first (src-main/search/everything-queries.ts).

export type WorkKind = 'company' | 'deal' | 'quote' | 'job';

/** Per kind: its index, and the text of each listed record that is alive (a dead one has none). */
const workText: Record<WorkKind, { index: string; texts: string }> = {
  company: {
    index: 'companies_fts',
    texts: `SELECT co.id, co.name || ' ' || co.domains || ' ' || co.address || ' ' || co.phone AS text
            FROM companies co WHERE co.cl % 2 = 1 AND co.id IN (SELECT value FROM json_each(?))`,
  },
  deal: {
    index: 'deals_fts',
    texts: `SELECT d.id, d.title || ' ' || COALESCE(c.name, '') AS text
            FROM deals d LEFT JOIN contacts c ON c.id = d.contact_id AND c.cl % 2 = 1
            WHERE d.cl % 2 = 1 AND d.id IN (SELECT value FROM json_each(?))`,
  },
  quote: {
    index: 'quotes_fts',
    texts: `SELECT q.id, q.number || ' ' || d.title || ' ' || COALESCE(c.name, '') || ' ' || q.notes AS text
            FROM quotes q JOIN deals d ON d.id = q.deal_id AND d.cl % 2 = 1 LEFT JOIN contacts c ON c.id = q.contact_id AND c.cl % 2 = 1
            WHERE q.cl % 2 = 1 AND q.id IN (SELECT value FROM json_each(?))`,
  },
  job: {
    index: 'jobs_fts',
    texts: `SELECT j.id, j.title || ' ' || j.description || ' ' || j.address || ' ' || COALESCE(c.name, '') AS text
            FROM jobs j LEFT JOIN contacts c ON c.id = j.contact_id AND c.cl % 2 = 1
            WHERE j.cl % 2 = 1 AND j.id IN (SELECT value FROM json_each(?))`,
  },
};

const workKinds = Object.keys(workText) as WorkKind[];
const ownTable: Record<WorkKind, 'companies' | 'deals' | 'quotes' | 'jobs'> = { company: 'companies', deal: 'deals', quote: 'quotes', job: 'jobs' };

export function createWorkSearchIndexer(sqlite: Sqlite) {
  const keyOf = sqlite.prepare<[string, string], { key: number }>('SELECT key FROM search_work_keys WHERE kind = ? AND id = ?');
  const dropKey = sqlite.prepare('DELETE FROM search_work_keys WHERE key = ?');
  const newKey = sqlite.prepare<[string, string], { key: number }>('INSERT INTO search_work_keys (kind, id) VALUES (?, ?) RETURNING key');
  const statementsOf = ({ index, texts }: { index: string; texts: string }) => ({
    texts: sqlite.prepare<[string], { id: string; text: string }>(texts),
    remove: sqlite.prepare<[number]>(`DELETE FROM ${index} WHERE rowid = ?`),
    insert: sqlite.prepare<[number, string]>(`INSERT INTO ${index} (rowid, text) VALUES (?, ?)`),
  });
  const statements = {
    company: statementsOf(workText.company),
    deal: statementsOf(workText.deal),
    quote: statementsOf(workText.quote),
    job: statementsOf(workText.job),
  };
  const dependents = {
    dealsOfContacts: sqlite.prepare<[string], { id: string }>(`SELECT id FROM deals WHERE cl % 2 = 1 AND contact_id IN (SELECT value FROM json_each(?))`),
    jobsOfContacts: sqlite.prepare<[string], { id: string }>(`SELECT id FROM jobs WHERE cl % 2 = 1 AND contact_id IN (SELECT value FROM json_each(?))`),
    quotesOfContacts: sqlite.prepare<[string], { id: string }>(`SELECT id FROM quotes WHERE cl % 2 = 1 AND contact_id IN (SELECT value FROM json_each(?))`),
    quotesOfDeals: sqlite.prepare<[string], { id: string }>(`SELECT id FROM quotes WHERE cl % 2 = 1 AND deal_id IN (SELECT value FROM json_each(?))`),
  };

  /**
   * Re-reads the records' text into their kind's index. `written` records get a new key (they
   * are now the newest); records re-indexed because their contact or deal changed keep theirs.
   */
  function reindex(kind: WorkKind, ids: Iterable<string>, written: boolean): void {
    const list = [...new Set(ids)];
    if (list.length === 0) return;
    const { texts, remove, insert } = statements[kind];
    const alive = new Map(texts.all(JSON.stringify(list)).map((row) => [row.id, row.text]));
    for (const id of list) {
      const old = keyOf.get(kind, id)?.key;
      if (old !== undefined) remove.run(old);
      const text = alive.get(id);
      if (old !== undefined && (text === undefined || written)) dropKey.run(old);
      if (text === undefined) continue;
      const key = old !== undefined && !written ? old : newKey.get(kind, id)!.key;
      insert.run(key, text);
    }
  }

  const idsOf = (statement: { all(ids: string): { id: string }[] }, ids: Set<string> | undefined) =>
    ids && ids.size > 0 ? statement.all(JSON.stringify([...ids])).map((row) => row.id) : [];

  return {
    /** The write path's hook (engine.onRowsWritten). */
    reindexTouched(touched: TouchedRows): void {
      for (const kind of workKinds) reindex(kind, touched.get(ownTable[kind]) ?? [], true);
      const contacts = touched.get('contacts');
      const deals = touched.get('deals');
      const ownWritten = (kind: WorkKind) => (id: string) => !touched.get(ownTable[kind])?.has(id);
      reindex('deal', idsOf(dependents.dealsOfContacts, contacts).filter(ownWritten('deal')), false);
      reindex('job', idsOf(dependents.jobsOfContacts, contacts).filter(ownWritten('job')), false);
      const quotes = [...idsOf(dependents.quotesOfContacts, contacts), ...idsOf(dependents.quotesOfDeals, deals)];
      reindex('quote', quotes.filter(ownWritten('quote')), false);
    },
    /** Re-reads the listed records, written outside the write path (the benchmark's raw rows). */
    reindexRecords(kind: WorkKind, ids: Iterable<string>): void {
      reindex(kind, ids, true);
    },
  };
}
