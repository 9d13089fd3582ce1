import type { ContactSortField } from '../../src-shared/domain/contact';
import { SegmentDefinitionSchema, type Segment, type SegmentDefinition } from '../../src-shared/domain/segment';
import { contactListColumns, contactSortSql } from '../contacts/queries';
import type { ContactListRow } from '../contacts/row-mapping';
import type { Sqlite, Statement } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { segments } from '../db/schema';
import { compileSegment, type CompiledCondition } from './compile';
import { createSegmentMembers } from './members';

export type SegmentRow = SqlRow<typeof segments>;

/** A stored row as the domain object (with a static one's number of members); a definition that no longer parses reads as an empty one. */
export function rowToSegment(row: SegmentRow, memberCount = 0): Segment {
  const definition = SegmentDefinitionSchema.safeParse(JSON.parse(row.definition));
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'static' ? 'static' : 'dynamic',
    definition: definition.success ? definition.data : { type: 'group', join: 'and', children: [] },
    memberCount: row.kind === 'static' ? memberCount : 0,
    owner: row.owner,
    shared: row.shared === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Who is in a saved segment, as a condition over `contacts c`: a dynamic one's definition
 * compiled for now, a static one's members (src-main/segments/members.ts). Undefined when there is no such live segment. The
 * contacts list and its export take it as one more filter (src-main/contacts/queries.ts).
 */
export function savedSegmentCondition(sqlite: Sqlite, segmentId: string, now: number): CompiledCondition | undefined {
  const row = sqlite.prepare<[string], SegmentRow>('SELECT * FROM segments WHERE id = ? AND cl % 2 = 1').get(segmentId);
  if (!row) return undefined;
  if (row.kind === 'static') return { sql: 'c.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(createSegmentMembers(sqlite).of(segmentId))] };
  return compileSegment(rowToSegment(row).definition, now);
}

export function createSegmentQueries(sqlite: Sqlite) {
  // One statement per shape of definition (the values are parameters); a builder trying shape
  // after shape must not grow it without bound.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 200) statements.clear();
      statement = sqlite.prepare<unknown[], unknown>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const where = (definition: SegmentDefinition, now: number) => {
    const condition = compileSegment(definition, now);
    return { sql: `c.cl % 2 = 1 AND ${condition.sql}`, params: condition.params };
  };

  return {
    list(owner: string): SegmentRow[] {
      return prepared('SELECT * FROM segments WHERE cl % 2 = 1 AND (shared = 1 OR owner = ?) ORDER BY name COLLATE NOCASE, id').all(owner) as SegmentRow[];
    },

    get(id: string): SegmentRow | undefined {
      return prepared('SELECT * FROM segments WHERE id = ?').get(id) as SegmentRow | undefined;
    },

    count(definition: SegmentDefinition, now: number): number {
      const { sql, params } = where(definition, now);
      return (prepared(`SELECT COUNT(*) AS n FROM contacts c WHERE ${sql}`).get(...params) as { n: number }).n;
    },

    /** A page of members in the contacts list's row shape and order. */
    page(definition: SegmentDefinition, now: number, sort: { field: ContactSortField; direction: 'asc' | 'desc' }, offset: number, limit: number): ContactListRow[] {
      const { sql, params } = where(definition, now);
      const order = contactSortSql[sort.field](sort.direction === 'desc' ? 'DESC' : 'ASC');
      return prepared(`SELECT ${contactListColumns} FROM contacts c WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ) as ContactListRow[];
    },

    /** Which of these contacts are alive. */
    alive(ids: string[]): string[] {
      return prepared('SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.cl % 2 = 1').pluck().all(JSON.stringify(ids)) as string[];
    },

    /** Every member's id, by name: what a freeze stores and bulk actions act on. */
    ids(definition: SegmentDefinition, now: number): string[] {
      const { sql, params } = where(definition, now);
      return prepared(`SELECT c.id FROM contacts c WHERE ${sql} ORDER BY ${contactSortSql.name('ASC')}`)
        .pluck()
        .all(...params) as string[];
    },
  };
}
