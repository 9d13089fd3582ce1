import type Database from 'better-sqlite3-multiple-ciphers';
import type { ContactListQuery } from '../../src-shared/domain/contact';
import { buildSearchMatch } from '../../src-main/contacts/queries';

// The baselines: the same SQL the core runs (src-main/contacts/queries.ts and
// src-main/timeline/service.ts), written out here and run raw on better-sqlite3 with prepared
// statements, without the core's validation, mapping or extra queries. The benchmark checks
// on its first round that each baseline returns the same rows as the core, so a change of the
// core's SQL that is not mirrored here shows up as a warning instead of a silent comparison of
// different things. The MATCH text comes from the core's own buildSearchMatch: parsing what
// was typed is not database work, and the two must send FTS5 the same query.

type Db = Database.Database;
export type ListCase = Required<Pick<ContactListQuery, 'query' | 'offset' | 'limit'>> & {
  filters: NonNullable<ContactListQuery['filters']>;
  sort: { field: 'name' | 'company' | 'status' | 'owner' | 'nextFollowUpAt' | 'potentialValue' | 'updatedAt' | 'createdAt'; direction: 'asc' | 'desc' };
};

const order: Record<ListCase['sort']['field'], (d: string) => string> = {
  name: (d) => `c.name COLLATE NOCASE ${d}, c.id ${d}`,
  company: (d) => `c.company COLLATE NOCASE ${d}, c.id ${d}`,
  status: (d) => `c.status ${d}, c.name COLLATE NOCASE ${d}, c.id ${d}`,
  owner: (d) => `c.owner ${d}, c.name COLLATE NOCASE ${d}, c.id ${d}`,
  nextFollowUpAt: (d) => `c.next_follow_up_at ${d} NULLS LAST, c.id ${d}`,
  potentialValue: (d) => `c.potential_value_minor ${d} NULLS LAST, c.id ${d}`,
  updatedAt: (d) => `c.updated_at ${d}, c.id ${d}`,
  createdAt: (d) => `c.created_at ${d}, c.id ${d}`,
};

function where(testCase: ListCase, userName: string): { sql: string; params: unknown[] } {
  const conditions = ['c.cl % 2 = 1'];
  const params: unknown[] = [];
  const match = buildSearchMatch(testCase.query);
  if (match?.words) {
    conditions.push('c.search_rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)');
    params.push(match.words);
  }
  if (match?.digits) {
    conditions.push('c.search_rowid IN (SELECT rowid FROM contact_digits_fts WHERE contact_digits_fts MATCH ?)');
    params.push(match.digits);
  }
  const { filters } = testCase;
  const equal = (sql: string, value: unknown) => {
    conditions.push(sql);
    params.push(value);
  };
  if (filters.contactType) equal('c.contact_type = ?', filters.contactType);
  if (filters.status) equal('c.status = ?', filters.status);
  if (filters.tag) {
    conditions.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE AND present = 1)');
    params.push(filters.tag);
  }
  if (filters.owner === 'mine') equal('c.owner = ?', userName);
  if (filters.followUpDueBy !== undefined) {
    conditions.push('c.next_follow_up_at IS NOT NULL AND c.next_follow_up_at <= ?');
    params.push(filters.followUpDueBy);
  }
  return { sql: conditions.join(' AND '), params };
}

export function createBareQueries(db: Db, userName: string) {
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const pageSql = (testCase: ListCase) => {
    const clause = where(testCase, userName);
    const direction = testCase.sort.direction === 'desc' ? 'DESC' : 'ASC';
    return {
      sql: `SELECT c.id, c.kind, c.name, c.company, c.phones, c.emails, c.contact_type, c.status, c.owner,
                c.next_follow_up_at, c.potential_value_minor, c.potential_value_currency, c.do_not_contact,
                c.updated_at,
                (SELECT group_concat(t.tag, char(31)) FROM contact_tags t
                  WHERE t.contact_id = c.id AND t.present = 1) AS tags
         FROM contacts c WHERE ${clause.sql}
         ORDER BY ${order[testCase.sort.field](direction)}
         LIMIT ? OFFSET ?`,
      params: [...clause.params, testCase.limit, testCase.offset],
    };
  };
  const countSql = (testCase: ListCase) => {
    const clause = where(testCase, userName);
    return { sql: `SELECT COUNT(*) AS total FROM contacts c WHERE ${clause.sql}`, params: clause.params };
  };

  const facetStatements = [
    'SELECT COUNT(*) AS total FROM contacts c WHERE c.cl % 2 = 1',
    `SELECT t.tag AS name, COUNT(*) AS count FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
     WHERE t.present = 1 AND c.cl % 2 = 1 GROUP BY t.tag COLLATE NOCASE ORDER BY count DESC, name LIMIT 200`,
    `SELECT c.owner AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1 AND c.owner != ''
     GROUP BY c.owner ORDER BY count DESC, name LIMIT 200`,
    `SELECT c.contact_type AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1
     GROUP BY c.contact_type ORDER BY count DESC, name`,
    `SELECT c.status AS name, COUNT(*) AS count FROM contacts c WHERE c.cl % 2 = 1
     GROUP BY c.status ORDER BY count DESC, name`,
  ];

  const dashboardStatements = {
    overdue: `SELECT COUNT(*) AS n FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
      WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at < ? AND c.cl % 2 = 1`,
    dueToday: `SELECT COUNT(*) AS n FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
      WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at >= ? AND f.due_at <= ? AND c.cl % 2 = 1`,
    byStatus: 'SELECT status AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY status ORDER BY count DESC',
    byType: 'SELECT contact_type AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY contact_type ORDER BY count DESC',
    openValue: `SELECT potential_value_currency AS currency, SUM(potential_value_minor) AS amountMinor FROM contacts
      WHERE cl % 2 = 1 AND status NOT IN ('won', 'lost') AND potential_value_minor IS NOT NULL
      GROUP BY potential_value_currency ORDER BY amountMinor DESC`,
    newContacts: 'SELECT COUNT(*) AS n FROM contacts WHERE cl % 2 = 1 AND created_at >= ?',
    callsSince: 'SELECT started_at FROM calls WHERE cl % 2 = 1 AND started_at >= ?',
    recentNotes: `SELECT n.id, n.contact_id, c.name AS contact_name, n.kind, n.body, n.author, n.created_at
      FROM notes n JOIN contacts c ON c.id = n.contact_id AND c.cl % 2 = 1
      WHERE n.cl % 2 = 1 ORDER BY n.created_at DESC LIMIT ?`,
    recentCalls: `SELECT k.id, k.contact_id, c.name AS contact_name, k.direction, k.duration_seconds, k.disposition, k.logged_by,
      k.started_at, k.notes
      FROM calls k JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1
      WHERE k.cl % 2 = 1 ORDER BY k.started_at DESC LIMIT ?`,
  };

  return {
    /** The page query only: MATCH + filters + ORDER + LIMIT, as the core sends it. */
    page(testCase: ListCase): { id: string }[] {
      const { sql, params } = pageSql(testCase);
      return prepared(sql).all(...params) as { id: string }[];
    },
    /** The total the core adds when the page is full or not the first one. */
    count(testCase: ListCase): number {
      const { sql, params } = countSql(testCase);
      return (prepared(sql).get(...params) as { total: number }).total;
    },
    /** Whether the core runs the count for this page (its rule in queries.ts). */
    coreCounts(testCase: ListCase, rows: number): boolean {
      return !(testCase.offset === 0 && rows < testCase.limit);
    },
    planOfPage(testCase: ListCase): string[] {
      const { sql, params } = pageSql(testCase);
      return explain(db, sql, params);
    },
    planOfCount(testCase: ListCase): string[] {
      const { sql, params } = countSql(testCase);
      return explain(db, sql, params);
    },
    facets(): unknown[] {
      return facetStatements.map((sql) => prepared(sql).all());
    },
    dashboard(now: number, endOfToday: number, startOfWeek: number, firstDay: number): unknown[] {
      const s = dashboardStatements;
      return [
        prepared(s.overdue).get(now),
        prepared(s.dueToday).get(now, endOfToday),
        prepared(s.byStatus).all(),
        prepared(s.byType).all(),
        prepared(s.openValue).all(),
        prepared(s.newContacts).get(startOfWeek),
        prepared(s.callsSince).all(Math.min(firstDay, startOfWeek)),
        prepared(s.recentNotes).all(8),
        prepared(s.recentCalls).all(8),
      ];
    },
    dashboardPlans(): Record<string, string[]> {
      const params: Record<string, unknown[]> = {
        overdue: [0],
        dueToday: [0, 0],
        newContacts: [0],
        callsSince: [0],
        recentNotes: [8],
        recentCalls: [8],
      };
      return Object.fromEntries(
        Object.entries(dashboardStatements).map(([name, sql]) => [name, explain(db, sql, params[name] ?? [])]),
      );
    },
    facetPlans(): string[][] {
      return facetStatements.map((sql) => explain(db, sql, []));
    },
  };
}

export type BareQueries = ReturnType<typeof createBareQueries>;

export function explain(db: Db, sql: string, params: unknown[]): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}
