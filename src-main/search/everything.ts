import type { z } from 'zod';
import type { SearchHit, SearchKind, SearchResult, searchRequestSchema } from '../../src-shared/domain/search';
import { searchWords, snippetAround } from '../../src-shared/search-text';
import { buildSearchMatch } from '../contacts/queries';
import type { Sqlite } from '../db/open';
import { createEverythingQueries, type Candidate } from './everything-queries';
import { narrow, relevance } from './ranking';

export type EverythingRequest = z.output<typeof searchRequestSchema>;

/** How many matches of each kind are looked at: enough for the page and honest facet counts. */
const perKind = 200;

const phoneLike = /^[\d\s()+.-]+$/;

/**
 * The search page: every kind of record matching what was typed, ranked in one list, narrowed by
 * the chosen facets, each facet counted among what the others keep. Each kind is looked at up to
 * `perKind` matches (its index's best first); `capped` says when one had more.
 */
export function createEverythingSearch(sqlite: Sqlite, now: () => number) {
  const queries = createEverythingQueries(sqlite);

  function candidates(typed: string): { found: Candidate[]; capped: boolean } {
    const words = searchWords(typed);
    // One letter finds contacts only: their index keeps one-letter prefixes, the others start at two.
    const fts = typed.length >= 2 ? (buildSearchMatch(typed)?.words ?? '') : '';
    const digits = phoneLike.test(typed) ? typed.replace(/\D/g, '') : '';
    const likeWords = digits ? [] : words;
    const perKindRows: [SearchKind, Omit<Candidate, 'kind' | 'position'>[]][] = [
      ['contact', queries.contacts(typed, perKind)],
      ['company', queries.companies(likeWords, perKind)],
      ['deal', queries.deals(likeWords, perKind)],
      ['quote', queries.quotes(likeWords, perKind)],
      ['job', queries.jobs(likeWords, perKind)],
      ['call', queries.calls(fts, digits, perKind)],
      ['note', queries.notes(fts, perKind)],
      ['email', queries.emails(fts, perKind)],
    ];
    // The rows are the statements' own fresh objects: each is given its kind and place rather
    // than copied (up to 1,600 candidates a keystroke).
    const found: Candidate[] = [];
    for (const [kind, rows] of perKindRows) {
      rows.forEach((row, position) => found.push(Object.assign(row, { kind, position })));
    }
    return { found, capped: perKindRows.some(([, rows]) => rows.length >= perKind) };
  }

  return function everything(request: EverythingRequest): SearchResult {
    const typed = request.query.trim();
    const at = now();
    const chosen = { kinds: request.kinds, period: request.period, owner: request.owner, tag: request.tag, status: request.status };
    const { found, capped } = typed ? candidates(typed) : { found: [], capped: false };
    const tags = new Map<string, string[]>();
    for (const { contact_id: contactId, tag } of queries.tagsOf([...new Set(found.flatMap((hit) => (hit.contact_id ? [hit.contact_id] : [])))])) {
      const contactTags = tags.get(contactId);
      if (contactTags) contactTags.push(tag);
      else tags.set(contactId, [tag]);
    }
    const noTags: string[] = [];
    const faceted = found.map((hit) => Object.assign(hit, { tags: hit.contact_id ? (tags.get(hit.contact_id) ?? noTags) : noTags }));
    const { kept, facets } = narrow(faceted, chosen, at);
    const words = searchWords(typed);
    const ranked = kept
      .map((hit) => ({ hit, score: relevance(hit, words, at) }))
      .sort((a, b) => b.score - a.score || b.hit.at - a.hit.at || a.hit.id.localeCompare(b.hit.id));
    const page = ranked.slice(0, request.limit).map(({ hit }) => hit);
    // Snippet text is read for the page only (candidates are read without it).
    const bodies = new Map<SearchKind, Map<string, string>>();
    for (const kind of new Set(page.map((hit) => hit.kind))) {
      bodies.set(kind, queries.bodies(kind, page.filter((hit) => hit.kind === kind).map((hit) => hit.id)));
    }
    const hits: SearchHit[] = page.map((hit) => {
      const body = bodies.get(hit.kind)?.get(hit.id) ?? '';
      return {
        kind: hit.kind,
        id: hit.id,
        title: hit.title,
        detail: hit.detail,
        snippet: body ? snippetAround(body, words) : '',
        at: hit.at,
        contactId: hit.contact_id,
        owner: hit.owner,
        status: hit.status,
        openId: hit.open_id,
      };
    });
    return { hits, total: kept.length, capped, facets };
  };
}
