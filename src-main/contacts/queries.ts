import type { ContactListQuery, ContactSortField } from '../../src-shared/domain/contact';
import type { Sqlite, Statement } from '../db/open';
import type { CompiledCondition } from '../segments/compile';
import { savedSegmentCondition } from '../segments/queries';
import { tagSeparator, type ContactListRow, type ContactRow } from './row-mapping';

// Reads of contacts. Live rows are those with an odd causal length; every query says
// `cl % 2 = 1` in exactly that form so that the partial indexes of schema.ts apply.

export type ParsedListQuery = Required<Pick<ContactListQuery, 'query' | 'offset' | 'limit'>> & {
  filters: NonNullable<ContactListQuery['filters']> & { owner: 'mine' | 'team' };
  sort: { field: ContactSortField; direction: 'asc' | 'desc' };
};

export interface SearchMatch {
  /** FTS5 query over contacts_fts (words by prefix), if the search has words. */
  words?: string;
  /** FTS5 query over contact_digits_fts (runs of 3+ digits anywhere in a number). */
  digits?: string;
}

const phoneLike = /^[\d\s\-().+/]+$/;

/**
 * Turns what a person typed into FTS5 queries. Each word becomes a quoted prefix term (so
 * punctuation cannot break the query syntax); runs of 3 or more digits search inside phone
 * numbers; a query that looks like a phone number is searched as one run of digits.
 */
export function buildSearchMatch(typed: string): SearchMatch | null {
  const text = typed.trim();
  if (!text) return null;
  const allDigits = text.replace(/\D/g, '');
  if (phoneLike.test(text) && allDigits.length >= 3) return { digits: quote(allDigits) };
  const words: string[] = [];
  const digitRuns: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (/^\d{3,}$/.test(token)) digitRuns.push(quote(token));
    else if (/[\p{L}\p{N}]/u.test(token)) words.push(`${quote(token)}*`);
  }
  if (words.length === 0 && digitRuns.length === 0) return null;
  const match: SearchMatch = {};
  if (words.length > 0) match.words = words.join(' ');
  if (digitRuns.length > 0) match.digits = digitRuns.join(' ');
  return match;
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export const contactSortSql: Record<ContactSortField, (direction: 'ASC' | 'DESC') => string> = {
  name: (d) => `c.name COLLATE NOCASE ${d}, c.id ${d}`,
  company: (d) => `c.company COLLATE NOCASE ${d}, c.id ${d}`,
  contactType: (d) => `c.contact_type ${d}, c.name COLLATE NOCASE ${d}, c.id ${d}`,
  status: (d) => `c.status ${d}, c.name COLLATE NOCASE ${d}, c.id ${d}`,
  owner: (d) => `c.owner ${d}, c.name COLLATE NOCASE ${d}, c.id ${d}`,
  nextFollowUpAt: (d) => `c.next_follow_up_at ${d} NULLS LAST, c.id ${d}`,
  potentialValue: (d) => `c.potential_value_minor ${d} NULLS LAST, c.id ${d}`,
  updatedAt: (d) => `c.updated_at ${d}, c.id ${d}`,
  createdAt: (d) => `c.created_at ${d}, c.id ${d}`,
};

/** Which conditions should keep SQLite walking the sort index (see the plan notes below). */
export interface PlanHints {
  words?: boolean;
  digits?: boolean;
  filters?: boolean;
  /** Every rowid of contacts_fts the words match, already found: the list is searched instead of the match run again. */
  wordRowids?: number[];
}

/** The condition every list starts from: the contact is live. */
const liveContacts = 'c.cl % 2 = 1';

/**
 * The filters of the contact list as SQL over `contacts c`. The list and the CSV export of "the
 * current view" share it, so both always mean the same contacts.
 */
export function contactWhere(
  query: Pick<ParsedListQuery, 'query' | 'filters'>,
  userName: string,
  hints: PlanHints = {},
  segment?: CompiledCondition,
): { sql: string; params: unknown[] } {
  const conditions = [liveContacts];
  const params: unknown[] = [];
  if (segment) {
    conditions.push(`(${segment.sql})`);
    params.push(...segment.params);
  }
  const walk = (yes: boolean | undefined) => (yes ? '+' : '');
  const match = buildSearchMatch(query.query);
  if (match?.words && hints.wordRowids) {
    conditions.push(`${walk(hints.words)}c.search_rowid IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(hints.wordRowids));
  } else if (match?.words) {
    conditions.push(`${walk(hints.words)}c.search_rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)`);
    params.push(match.words);
  }
  if (match?.digits) {
    conditions.push(`${walk(hints.digits)}c.search_rowid IN (SELECT rowid FROM contact_digits_fts WHERE contact_digits_fts MATCH ?)`);
    params.push(match.digits);
  }
  const { filters } = query;
  const filterWalk = walk(hints.filters);
  if (filters.contactType) {
    conditions.push(`${filterWalk}c.contact_type = ?`);
    params.push(filters.contactType);
  }
  if (filters.status) {
    conditions.push(`${filterWalk}c.status = ?`);
    params.push(filters.status);
  }
  if (filters.tag) {
    conditions.push(`${filterWalk}c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE AND present = 1)`);
    params.push(filters.tag);
  }
  if (filters.owner === 'mine') {
    conditions.push(`${filterWalk}c.owner = ?`);
    params.push(userName);
  }
  if (filters.followUpDueBy !== undefined) {
    conditions.push('c.next_follow_up_at IS NOT NULL AND c.next_follow_up_at <= ?');
    params.push(filters.followUpDueBy);
  }
  return { sql: conditions.join(' AND '), params };
}

/** The columns of a row of the contacts list (ContactListRow), over `contacts c`. */
export const contactListColumns = `c.id, c.kind, c.name, c.company, c.phones, c.emails, c.contact_type, c.status, c.owner,
  c.next_follow_up_at, c.potential_value_minor, c.potential_value_currency, c.do_not_contact,
  c.updated_at, c.photo_sha256,
  (SELECT group_concat(t.tag, '${tagSeparator}') FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1) AS tags`;

/**
 * The list's segment filter as a condition: the saved segment's members now, or nobody when it
 * was deleted. Undefined without a segment filter.
 */
export function segmentFilter(sqlite: Sqlite, filters: { segmentId?: string | undefined }, now: number): CompiledCondition | undefined {
  if (!filters.segmentId) return undefined;
  return savedSegmentCondition(sqlite, filters.segmentId, now) ?? { sql: '0', params: [] };
}

/** Where the page's plan changes (see the plan notes in createContactQueries); tests move them. */
export interface PlanThresholds {
  /** Above this many full-text matches a search walks the sort index; at or below, it looks them up. */
  manyMatches: number;
  /** From this share of live contacts matching, a words-only search probes the index per entry. */
  mostMatchShare: number;
  /** The probe's window holds this many times the entries the page needs, at the match share. */
  probeWindowSlack: number;
  /** Pages that end further down than this never probe. */
  probeAtMost: number;
}

export const defaultPlanThresholds: PlanThresholds = { manyMatches: 2000, mostMatchShare: 1 / 3, probeWindowSlack: 3, probeAtMost: 200 };

export function createContactQueries(sqlite: Sqlite, thresholds: PlanThresholds = defaultPlanThresholds) {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare<unknown[], unknown>(sql);
      cache.set(sql, statement);
    }
    return statement;
  };

  const matchCount = {
    words: (match: string) => (prepared('SELECT COUNT(*) AS n FROM contacts_fts WHERE contacts_fts MATCH ?').get(match) as { n: number }).n,
    digits: (match: string) =>
      (prepared('SELECT COUNT(*) AS n FROM contact_digits_fts WHERE contact_digits_fts MATCH ?').get(match) as { n: number }).n,
  };

  // Query plans. A page is 50 rows of a sorted list, so the fastest plan usually walks the sort
  // index and stops after 50 matches; SQLite instead prefers an index on the filter and then
  // sorts every match (300 ms at 100k contacts). A unary `+` keeps it off the filter's index.
  // For a search, that is right when many contacts match (a one-letter prefix), and wrong
  // when few do, or when the matches cluster far down the sort ("mich" matches first names,
  // which the name index holds together): then looking up the few matches in
  // contacts_alive_search and sorting them is fastest. The FTS count (a few ms) decides; its
  // threshold is where the two plans cost about the same (BENCHMARKS.md, "list3").
  const { manyMatches, mostMatchShare, probeWindowSlack, probeAtMost } = thresholds;
  // When most contacts match (a one-letter prefix matches up to 90% of them), building the list
  // of matches to walk against costs more than the walk: 88k rowids for "c" at 100k contacts.
  // Then the page walks the sort index and asks the full-text index about each entry instead,
  // within a window of the index that holds the page with room to spare (probePage).

  // Words that SQLite's full-text index answers by merging many lists (two words or more: their
  // AND; "james a" 3 ms at 100k contacts) cost as much again when the page's query runs the match.
  // Such a search rarely matches more than the look-up's limit, so its matches are listed first,
  // up to one past the limit: at or below it the list is the count and the page searches the list.
  // Above it (or for one word, whose match is mostly one prefix list: "mic" 0.15 ms) it is counted.
  function wordMatchesOf(words: string): { count: number; rowids?: number[] } {
    if (!words.includes(' ')) return { count: matchCount.words(words) };
    const rowids = plucked('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?')(words, manyMatches + 1);
    return rowids.length <= manyMatches ? { count: rowids.length, rowids } : { count: matchCount.words(words) };
  }

  function whereClause(query: ParsedListQuery, userName: string, now: number) {
    const match = buildSearchMatch(query.query);
    const words = match?.words !== undefined ? wordMatchesOf(match.words) : undefined;
    const wordMatches = words?.count;
    const digitMatches = match?.digits !== undefined ? matchCount.digits(match.digits) : undefined;
    const hints = {
      words: wordMatches !== undefined && wordMatches > manyMatches,
      digits: digitMatches !== undefined && digitMatches > manyMatches,
      filters: true,
      ...(words?.rowids ? { wordRowids: words.rowids } : {}),
    };
    const segment = segmentFilter(sqlite, query.filters, now);
    const where = contactWhere(query, userName, hints, segment);
    // The full-text indexes hold exactly the live contacts (search-index.ts drops the deleted), so
    // a search of one kind and nothing else has the index's own count as its total. Counting it
    // again through the contacts table reads a row per match: 300-600 ms for one letter at 100k
    // contacts, against a few ms for the index alone.
    // Asked of contactWhere itself, so that a filter added there later cannot be missed here.
    const searchOnly = contactWhere({ query: '', filters: query.filters }, userName, {}, segment).sql === liveContacts;
    const searchTotal =
      searchOnly && wordMatches !== undefined && digitMatches === undefined
        ? wordMatches
        : searchOnly && digitMatches !== undefined && wordMatches === undefined
          ? digitMatches
          : undefined;
    // A search condition SQLite looks up rather than walks: by the covering index of matches.
    const lookup = (match?.words !== undefined && !hints.words) || (match?.digits !== undefined && !hints.digits);
    return { ...where, searchTotal, lookup, probe: searchOnly && digitMatches === undefined ? { words: match?.words, wordMatches } : undefined };
  }

  const plucked = (sql: string) => {
    const statement = prepared(sql);
    return (...params: unknown[]) => statement.pluck().all(...params) as number[];
  };

  /** Counts through the contacts table, kept until the next write (see totals below). */
  function countedTotal(sql: string, params: unknown[]): number {
    const totalKey = `${sql}|${JSON.stringify(params)}`;
    let total = totals.get(totalKey);
    if (total === undefined) {
      total = (prepared(`SELECT COUNT(*) AS total FROM contacts c WHERE ${sql.replaceAll('+c.', 'c.')}`).get(...params) as { total: number }).total;
      if (totals.size > 200) totals.clear();
      totals.set(totalKey, total);
    }
    return total;
  }

  /**
   * The rowids of a page of a words-only search that most contacts match: the sort index walked
   * within a window, each entry asked of contacts_fts by its rowid. Undefined when the window
   * held too few matches (the matches cluster elsewhere in the sort): the caller then takes the
   * ordinary plan, so the page is the same either way.
   */
  function probePage(query: ParsedListQuery, order: string, words: string, wordMatches: number): number[] | undefined {
    const needed = query.offset + query.limit;
    if (needed > probeAtMost) return undefined;
    const live = countedTotal(liveContacts, []);
    if (wordMatches < live * mostMatchShare) return undefined;
    const window = Math.ceil((needed * probeWindowSlack * live) / Math.max(wordMatches, 1));
    // The window is a LIMITed subquery, so SQLite runs it as a co-routine in the sort's order and
    // the outer LIMIT stops at the page's last match.
    const rowids = plucked(
      `SELECT k.contact_rowid FROM (SELECT c.rowid AS contact_rowid, c.search_rowid FROM contacts c WHERE ${liveContacts} ORDER BY ${order} LIMIT ?) k
       WHERE EXISTS (SELECT 1 FROM contacts_fts f WHERE contacts_fts MATCH ? AND f.rowid = k.search_rowid)
       LIMIT ? OFFSET ?`,
    )(window, words, query.limit, query.offset);
    return rowids.length === query.limit || window >= live ? rowids : undefined;
  }

  // Totals of recent filters: scrolling asks for page after page of the same list, and the
  // count is the costly part of a page. Any write clears them (invalidate()).
  const totals = new Map<string, number>();
  let facetsCache: ReturnType<typeof computeFacets> | undefined;

  function computeFacets() {
    const count = (sql: string) => prepared(sql).all() as { name: string; count: number }[];
    return {
      total: (prepared('SELECT COUNT(*) AS total FROM contacts c WHERE c.cl % 2 = 1').get() as { total: number }).total,
      tags: count(
        `SELECT t.tag AS name, COUNT(*) AS count FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
         WHERE t.present = 1 AND c.cl % 2 = 1 GROUP BY t.tag COLLATE NOCASE ORDER BY count DESC, name LIMIT 200`,
      ),
      owners: count(
        `SELECT c.owner AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1 AND c.owner != ''
         GROUP BY c.owner ORDER BY count DESC, name LIMIT 200`,
      ),
      contactTypes: count(
        `SELECT c.contact_type AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1
         GROUP BY c.contact_type ORDER BY count DESC, name`,
      ),
      statuses: count(
        `SELECT c.status AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1
         GROUP BY c.status ORDER BY count DESC, name`,
      ),
    };
  }

  return {
    /** Forgets cached totals and facets; called after every committed write. */
    invalidate(): void {
      totals.clear();
      facetsCache = undefined;
    },

    getRow(id: string): ContactRow | undefined {
      return prepared('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
    },

    tagsOf(contactId: string): string[] {
      const rows = prepared('SELECT tag FROM contact_tags WHERE contact_id = ? AND present = 1 ORDER BY tag COLLATE NOCASE').all(
        contactId,
      ) as { tag: string }[];
      return rows.map((row) => row.tag);
    },

    /** Every tag row of a contact, present or removed, for computing membership changes. */
    tagRowsOf(contactId: string): { id: string; tag: string; present: number }[] {
      return prepared('SELECT id, tag, present FROM contact_tags WHERE contact_id = ?').all(contactId) as {
        id: string;
        tag: string;
        present: number;
      }[];
    },

    page(query: ParsedListQuery, userName: string, now = Date.now()): { total: number; rows: ContactListRow[] } {
      const where = whereClause(query, userName, now);
      const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
      const order = contactSortSql[query.sort.field](direction);
      // Two steps: the page's contacts by what the plan reads (an index, mostly), then the columns
      // of those 50 only. In one query SQLite reads every match's row and its tags before sorting.
      const probed =
        where.probe?.words !== undefined && where.probe.wordMatches !== undefined
          ? probePage(query, order, where.probe.words, where.probe.wordMatches)
          : undefined;
      const rowids =
        probed ??
        plucked(
          `SELECT c.rowid FROM contacts c${where.lookup ? ' INDEXED BY contacts_alive_search' : ''} WHERE ${where.sql}
           ORDER BY ${order} LIMIT ? OFFSET ?`,
        )(...where.params, query.limit, query.offset);
      const rows = prepared(
        `SELECT ${contactListColumns} FROM contacts c WHERE c.rowid IN (SELECT value FROM json_each(?)) ORDER BY ${order}`,
      ).all(JSON.stringify(rowids)) as ContactListRow[];
      const total =
        query.offset === 0 && rows.length < query.limit ? rows.length : (where.searchTotal ?? countedTotal(where.sql, where.params));
      return { total, rows };
    },

    facets() {
      facetsCache ??= computeFacets();
      return facetsCache;
    },

    /** Live contacts holding any of these E.164 numbers or lower-cased e-mail addresses. */
    matchingContacts(e164s: string[], emails: string[], excludeId: string | undefined) {
      const results: { id: string; name: string; company: string; kind: 'phone' | 'email'; value: string }[] = [];
      for (const e164 of new Set(e164s)) {
        const rows = prepared(
          `SELECT c.id, c.name, c.company FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
           WHERE p.e164 = ? AND c.cl % 2 = 1 GROUP BY c.id LIMIT 20`,
        ).all(e164) as { id: string; name: string; company: string }[];
        for (const row of rows) if (row.id !== excludeId) results.push({ ...row, kind: 'phone', value: e164 });
      }
      for (const address of new Set(emails)) {
        const rows = prepared(
          `SELECT c.id, c.name, c.company FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
           WHERE e.address = ? AND c.cl % 2 = 1 GROUP BY c.id LIMIT 20`,
        ).all(address) as { id: string; name: string; company: string }[];
        for (const row of rows) if (row.id !== excludeId) results.push({ ...row, kind: 'email', value: address });
      }
      return results;
    },
  };
}

export type ContactQueries = ReturnType<typeof createContactQueries>;
