import type { SearchKind, SearchPeriod, SearchResult } from '../../src-shared/domain/search';
import { searchKinds, searchPeriods } from '../../src-shared/domain/search';
import { foldForSearch } from '../../src-shared/search-text';

// Ranking and facets of the search page, over the candidates the indexes found. Pure, so the
// rules are tested on their own: what is typed that names a record comes first (a contact called
// exactly that, a deal whose title starts with it), then the kinds a person usually looks for,
// then the newer; and each facet counts what choosing one of its values would leave.

export interface Ranked {
  kind: SearchKind;
  title: string;
  at: number;
  /** Order within its kind as its index ranked it (0 = best). */
  position: number;
}

const kindWeight: Record<SearchKind, number> = { contact: 3, company: 3, deal: 2.5, job: 2.5, quote: 2, call: 1.5, note: 1.5, email: 1.2 };
const dayMs = 86_400_000;

const notAscii = /[^\p{ASCII}]/u;

/**
 * foldForSearch, with plain ASCII folded as its lower case (the same text). foldForSearch
 * normalises a character at a time, and every candidate's title is folded at each keystroke (up
 * to 1,600): ~10 ms of the search page's slowest keystrokes at 100k contacts (BENCHMARKS.md, SEARCH6).
 */
export function foldTitle(title: string): string {
  return notAscii.test(title) ? foldForSearch(title) : title.toLowerCase();
}

export function relevance(hit: Ranked, words: string[], now: number): number {
  const title = foldTitle(hit.title).trim();
  const phrase = words.join(' ');
  let score = kindWeight[hit.kind];
  if (phrase && title === phrase) score += 4;
  else if (phrase && title.startsWith(phrase)) score += 2.5;
  else if (words.length > 0 && everyWordStartsOne(words, title)) score += 1.5;
  const ageDays = Math.max(0, (now - hit.at) / dayMs);
  score += Math.exp(-ageDays / 180);
  return score - Math.min(hit.position, 500) * 0.002;
}

function everyWordStartsOne(words: string[], title: string): boolean {
  const titleWords = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every((word) => titleWords.some((part) => part.startsWith(word)));
}

export interface Faceted {
  kind: SearchKind;
  at: number;
  owner: string;
  status: string;
  tags: string[];
}

export interface Chosen {
  kinds: SearchKind[];
  period: SearchPeriod;
  owner?: string | undefined;
  tag?: string | undefined;
  status?: string | undefined;
}

const periodDays: Record<SearchPeriod, number> = { any: Number.POSITIVE_INFINITY, week: 7, month: 30, year: 365 };

function within(period: SearchPeriod, at: number, now: number): boolean {
  return period === 'any' || now - at <= periodDays[period] * dayMs;
}

type Facet = 'kinds' | 'period' | 'owner' | 'tag' | 'status';

function passes(hit: Faceted, chosen: Chosen, now: number, except?: Facet): boolean {
  return (
    (except === 'kinds' || chosen.kinds.length === 0 || chosen.kinds.includes(hit.kind)) &&
    (except === 'period' || within(chosen.period, hit.at, now)) &&
    (except === 'owner' || chosen.owner === undefined || hit.owner === chosen.owner) &&
    (except === 'tag' || chosen.tag === undefined || hit.tags.includes(chosen.tag)) &&
    (except === 'status' || chosen.status === undefined || hit.status === chosen.status)
  );
}

function counted(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 30);
}

/** The hits every chosen facet keeps, and each facet's counts among the hits the OTHER facets keep. */
export function narrow<T extends Faceted>(hits: T[], chosen: Chosen, now: number): { kept: T[]; facets: SearchResult['facets'] } {
  const besides = (facet: Facet) => hits.filter((hit) => passes(hit, chosen, now, facet));
  const forKinds = besides('kinds');
  const forPeriods = besides('period');
  return {
    kept: hits.filter((hit) => passes(hit, chosen, now)),
    facets: {
      kinds: searchKinds.map((kind) => ({ value: kind, count: forKinds.filter((hit) => hit.kind === kind).length })),
      periods: searchPeriods.map((period) => ({ value: period, count: forPeriods.filter((hit) => within(period, hit.at, now)).length })),
      owners: counted(besides('owner').map((hit) => hit.owner)),
      tags: counted(besides('tag').flatMap((hit) => hit.tags)),
      statuses: counted(besides('status').map((hit) => hit.status)),
    },
  };
}
