import type { Sqlite } from '../db/open';

// Deals and quotes by what a person remembers of them: the deal's title, the quote's number, or
// the contact's name. The tables are small next to contacts (a firm's deals, not its address
// book), so a LIKE over live rows answers in well under a millisecond.

export interface DealHit {
  id: string;
  title: string;
  contact_name: string;
  stage_name: string;
}

export interface QuoteHit {
  id: string;
  number: string;
  status: string;
  deal_id: string;
  deal_title: string;
  contact_name: string;
}

/** `text` as a LIKE pattern that matches it anywhere, its own % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function createSearchQueries(sqlite: Sqlite) {
  const deals = sqlite.prepare<{ pattern: string; limit: number }, DealHit>(
    `SELECT d.id, d.title, COALESCE(c.name, '') AS contact_name, COALESCE(s.name, '') AS stage_name
     FROM deals d LEFT JOIN contacts c ON c.id = d.contact_id AND c.cl % 2 = 1 LEFT JOIN stages s ON s.id = d.stage_id
     WHERE d.cl % 2 = 1 AND (d.title LIKE :pattern ESCAPE '\\' OR c.name LIKE :pattern ESCAPE '\\')
     ORDER BY d.updated_at DESC LIMIT :limit`,
  );
  const quotes = sqlite.prepare<{ pattern: string; limit: number }, QuoteHit>(
    `SELECT q.id, q.number, q.status, q.deal_id, d.title AS deal_title, COALESCE(c.name, '') AS contact_name
     FROM quotes q JOIN deals d ON d.id = q.deal_id AND d.cl % 2 = 1 LEFT JOIN contacts c ON c.id = q.contact_id AND c.cl % 2 = 1
     WHERE q.cl % 2 = 1 AND (q.number LIKE :pattern ESCAPE '\\' OR d.title LIKE :pattern ESCAPE '\\' OR c.name LIKE :pattern ESCAPE '\\')
     ORDER BY q.updated_at DESC LIMIT :limit`,
  );
  return {
    deals: (text: string, limit: number) => deals.all({ pattern: containing(text), limit }),
    quotes: (text: string, limit: number) => quotes.all({ pattern: containing(text), limit }),
  };
}
