import type { ContactsService } from '../contacts/service';
import type { NotesService } from '../notes/service';

export interface SearchDeps {
  contacts: ContactsService;
  notes: NotesService;
  /** Kept e-mails matching a search (src-main/mail/service.ts). */
  mail?: { search(query: string, limit: number): { id: string; threadId: string; subject: string; snippet: string; sentAt: number; contactIds: string[] }[] };
}

/**
 * Search across domains for the command palette: the contacts list's own search (names, company,
 * phones, e-mails, tags), the notes' and the kept e-mails' full-text indexes, each answered by its own service.
 */
export class SearchService {
  constructor(private readonly deps: SearchDeps) {}

  global(query: string, limit: number) {
    return {
      contacts: query.trim()
        ? this.deps.contacts
            .list({ query, filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit })
            .items.map(({ id, name, company }) => ({ id, name, company }))
        : [],
      notes: this.deps.notes.search(query, limit).map(({ id, contactId, contactName, body }) => ({ id, contactId, contactName, body })),
      messages: (this.deps.mail?.search(query, limit) ?? []).map(({ id, threadId, subject, snippet, sentAt, contactIds }) => ({ id, threadId, subject, snippet, sentAt, contactIds })),
    };
  }
}
