import type { ContactsService } from '../contacts/service';
import type { Sqlite } from '../db/open';
import type { NotesService } from '../notes/service';
import { createEverythingSearch, type EverythingRequest } from './everything';
import { createSearchQueries } from './queries';

export interface SearchDeps {
  sqlite: Sqlite;
  /** The clock the search page's date facet counts from. */
  now?: () => number;
  contacts: ContactsService;
  notes: NotesService;
  /** Kept e-mails matching a search (src-main/mail/service.ts). */
  mail?: { search(query: string, limit: number): { id: string; threadId: string; subject: string; snippet: string; sentAt: number; contactIds: string[] }[] };
}

/**
 * Search across domains for the command palette: the contacts list's own search (names, company,
 * phones, e-mails, tags), the notes' and the kept e-mails' full-text indexes, each answered by its own service,
 * and deals and quotes by title, number or contact.
 */
export class SearchService {
  private readonly queries;
  private readonly searchEverything;

  constructor(private readonly deps: SearchDeps) {
    this.queries = createSearchQueries(deps.sqlite);
    this.searchEverything = createEverythingSearch(deps.sqlite, deps.now ?? Date.now);
  }

  /** The search page: every kind of record in one ranked list, with facets (src-main/search/everything.ts). */
  everything(request: EverythingRequest) {
    return this.searchEverything(request);
  }

  global(query: string, limit: number) {
    const text = query.trim();
    return {
      contacts: query.trim()
        ? this.deps.contacts
            .list({ query, filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit })
            .items.map(({ id, name, company }) => ({ id, name, company }))
        : [],
      notes: this.deps.notes.search(query, limit).map(({ id, contactId, contactName, body }) => ({ id, contactId, contactName, body })),
      deals: text
        ? this.queries.deals(text, limit).map((deal) => ({ id: deal.id, title: deal.title, contactName: deal.contact_name, stageName: deal.stage_name }))
        : [],
      quotes: text
        ? this.queries
            .quotes(text, limit)
            .map((quote) => ({ id: quote.id, number: quote.number, status: quote.status, dealId: quote.deal_id, dealTitle: quote.deal_title, contactName: quote.contact_name }))
        : [],
      messages: (this.deps.mail?.search(query, limit) ?? []).map(({ id, threadId, subject, snippet, sentAt, contactIds }) => ({ id, threadId, subject, snippet, sentAt, contactIds })),
    };
  }
}
