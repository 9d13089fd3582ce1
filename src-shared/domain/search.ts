import { z } from 'zod';

// Search across every kind of record at once (the search page and the palette's "search
// everything"): what a hit says, the facets that narrow the results, and how a hit opens.

export const searchKinds = ['contact', 'company', 'deal', 'quote', 'job', 'call', 'note', 'email'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchKindLabels: Record<SearchKind, string> = {
  contact: 'Contacts',
  company: 'Companies',
  deal: 'Deals',
  quote: 'Quotes',
  job: 'Jobs',
  call: 'Calls',
  note: 'Notes',
  email: 'E-mails',
};

/** How far back a hit's date may be; `any` keeps every date. */
export const searchPeriods = ['any', 'week', 'month', 'year'] as const;
export type SearchPeriod = (typeof searchPeriods)[number];

export const searchPeriodLabels: Record<SearchPeriod, string> = {
  any: 'Any time',
  week: 'Last 7 days',
  month: 'Last 30 days',
  year: 'Last 12 months',
};

export const searchRequestSchema = z.object({
  query: z.string().max(200),
  /** Only these kinds; empty or absent: every kind. */
  kinds: z.array(z.enum(searchKinds)).max(searchKinds.length).default([]),
  period: z.enum(searchPeriods).default('any'),
  /** The person responsible: a contact's or deal's owner, a job's assignee, a note's author, a call's logger. */
  owner: z.string().max(200).optional(),
  /** A tag of the contact the hit belongs to. */
  tag: z.string().max(200).optional(),
  /** The hit's own status: a contact's status, a deal's stage, a quote's or job's status, a call's outcome. */
  status: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** One line under the title: the contact, the stage, the number… */
  detail: z.string(),
  /** Text around the first matching word, for notes, calls, e-mails and jobs; empty otherwise. */
  snippet: z.string(),
  /** When the record happened or last changed (ms), for the date shown and the period facet. */
  at: z.number().int(),
  contactId: z.string().nullable(),
  owner: z.string(),
  status: z.string(),
  /** Where the hit opens: the deal of a quote, the thread of an e-mail. */
  openId: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const facetValueSchema = z.object({ value: z.string(), count: z.number().int() });

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** Hits matching the query and every facet chosen, before `limit`. */
  total: z.number().int(),
  /** True when a kind had more matches than are looked at (its count is then a lower bound). */
  capped: z.boolean(),
  /**
   * Counts for each facet's values among the hits that match every OTHER chosen facet, so a
   * person sees what choosing a value would leave.
   */
  facets: z.object({
    kinds: z.array(z.object({ value: z.enum(searchKinds), count: z.number().int() })),
    periods: z.array(z.object({ value: z.enum(searchPeriods), count: z.number().int() })),
    owners: z.array(facetValueSchema),
    tags: z.array(facetValueSchema),
    statuses: z.array(facetValueSchema),
  }),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
