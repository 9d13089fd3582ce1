import type { Handlers } from '../../src-shared/ipc/contract';
import type { ContactsService } from '../contacts/service';
import type { NotesService } from '../notes/service';
import type { TimelineService } from './service';

/** Kept e-mails matching a search (src-main/mail/service.ts). */
export type MailSearch = (query: string, limit: number) => { id: string; threadId: string; subject: string; snippet: string; sentAt: number; contactIds: string[] }[];

export function timelineHandlers(timeline: TimelineService, contacts: ContactsService, notes: NotesService, mail?: MailSearch) {
  return {
    'timeline.list': (input) => timeline.forContact(input),
    'dashboard.get': (input) => timeline.dashboard(input),
    'search.global': ({ query, limit }) => ({
      contacts: query.trim()
        ? contacts
            .list({ query, filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit })
            .items.map(({ id, name, company }) => ({ id, name, company }))
        : [],
      notes: notes.search(query, limit).map(({ id, contactId, contactName, body }) => ({ id, contactId, contactName, body })),
      messages: mail ? mail(query, limit).map(({ id, threadId, subject, snippet, sentAt, contactIds }) => ({ id, threadId, subject, snippet, sentAt, contactIds })) : [],
    }),
  } satisfies Pick<Handlers, 'timeline.list' | 'dashboard.get' | 'search.global'>;
}
