import { z } from 'zod';
import { searchRequestSchema, searchResultSchema } from '../domain/search';
import { channel } from './channel';

// Search across record kinds at once: the command palette's few hits per kind, and the search
// page's ranked, faceted list over every kind. The counterpart is src-main/search/handlers.ts.
// Searching one domain's list is that domain's own channel.

export const searchChannels = {
  'search.global': channel({
    summary: 'Contacts, notes, deals, quotes and kept e-mails matching what was typed, for the command palette.',
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    output: z.object({
      contacts: z.array(z.object({ id: z.string(), name: z.string(), company: z.string() })),
      notes: z.array(z.object({ id: z.string(), contactId: z.string(), contactName: z.string(), body: z.string() })),
      /** Deals by title or contact, newest first. */
      deals: z.array(z.object({ id: z.string(), title: z.string(), contactName: z.string(), stageName: z.string() })).default([]),
      /** Quotes by number, deal or contact; a quote opens with its deal. */
      quotes: z
        .array(z.object({ id: z.string(), number: z.string(), status: z.string(), dealId: z.string(), dealTitle: z.string(), contactName: z.string() }))
        .default([]),
      /** Kept e-mails by subject, body, names and addresses; `contactIds` are the contacts they concern. */
      messages: z
        .array(z.object({ id: z.string(), threadId: z.string(), subject: z.string(), snippet: z.string(), sentAt: z.number().int(), contactIds: z.array(z.string()) }))
        .default([]),
    }),
  }),
  'search.everything': channel({
    summary: 'Contacts, companies, deals, quotes, jobs, calls, notes and e-mails matching what was typed, ranked in one list, with facets (kind, date, owner, tag, status).',
    input: searchRequestSchema,
    output: searchResultSchema,
  }),
};
