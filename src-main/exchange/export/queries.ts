import type { ExportCsvOptions } from '../../../src-shared/domain/exchange';
import { contactSortSql, contactWhere, segmentFilter } from '../../contacts/queries';
import { tagSeparator } from '../../contacts/row-mapping';
import type { Sqlite } from '../../db/open';
import { ExportedContact, exportedContactColumns } from './contact-row';
import type { CallExportRow, ExportRowTypes, FollowUpExportRow, NoteExportRow } from './columns';

// Reading rows for export in chunks. No statement stays open between chunks: a better-sqlite3
// iterator keeps the connection busy, and an export awaits its write stream between chunks,
// while the app goes on using the same connection. Contacts follow the list view's order
// (their ids in that order first, then rows by id); notes and follow-ups go by id (UUIDv7, so
// in order of creation) and calls by start time, each chunk picking up after the last row.

/**
 * Rows read and written per step. A step's rows live until its text is written: at 5,000 they
 * outlived the young generation's collections and went to the old one (garbage collection was a
 * third of a large export's CPU); at 1,000 the same export took about a sixth less CPU.
 */
export const exportChunkRows = 1000;

export interface ChunkReader<Row> {
  total: number;
  /** The next rows, or an empty array at the end. */
  next(): Row[];
}

type ContactView = Extract<ExportCsvOptions, { entity: 'contacts' }>['view'];

// Rows are read as arrays (better-sqlite3's .raw()) and read field by field by ExportedContact:
// building objects with named properties is most of the cost of reading a row in better-sqlite3.
const contactColumns = exportedContactColumns.map((column) => `c.${column}`).join(', ');
const tagListColumn = `(SELECT group_concat(t.tag, '${tagSeparator}') FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1)`;

/**
 * Every contact's present tags, joined, read in one pass over the tags table: for an export of
 * more than a chunk of contacts, far cheaper than a lookup per contact (a third of the time of a
 * 100k export went to those). Read when the export starts, like the list of contacts it exports.
 */
function tagsByContact(sqlite: Sqlite): Map<string, string> {
  const rows = sqlite
    .prepare<[], [string, string]>(`SELECT contact_id, group_concat(tag, '${tagSeparator}') FROM contact_tags WHERE present = 1 GROUP BY contact_id`)
    .raw()
    .all();
  return new Map(rows);
}

/** The rowids of the list view's contacts in its order, or of the chosen ones (a selection) in theirs. */
function contactRowids(sqlite: Sqlite, view: ContactView, userName: string, ids: readonly string[] | undefined): number[] {
  if (ids) {
    return sqlite
      .prepare(`SELECT c.rowid FROM json_each(?) j JOIN contacts c ON c.id = j.value WHERE c.cl % 2 = 1 ORDER BY j.key`)
      .pluck()
      .all(JSON.stringify(ids)) as number[];
  }
  const where = contactWhere(view, userName, {}, segmentFilter(sqlite, view.filters, Date.now()));
  const direction = view.sort.direction === 'desc' ? 'DESC' : 'ASC';
  return sqlite
    .prepare(`SELECT c.rowid FROM contacts c WHERE ${where.sql} ORDER BY ${contactSortSql[view.sort.field](direction)}`)
    .pluck()
    .all(...where.params) as number[];
}

/** Contacts of the list view (or the chosen ones), in its order. Without `withTags` their tags are left empty (one lookup a row saved). */
export function contactReader(sqlite: Sqlite, view: ContactView, userName: string, withTags = true, ids?: readonly string[]): ChunkReader<ExportedContact> {
  const rowids = contactRowids(sqlite, view, userName, ids);
  // A small export looks each contact's tags up; a large one reads them all at once.
  const allTags = withTags && rowids.length > exportChunkRows ? tagsByContact(sqlite) : undefined;
  const byRowids = sqlite
    .prepare<[string], unknown[]>(
      `SELECT ${contactColumns}, ${withTags && !allTags ? tagListColumn : 'NULL'}, c.rowid FROM contacts c
       WHERE c.rowid IN (SELECT value FROM json_each(?)) AND c.cl % 2 = 1`,
    )
    .raw();
  let position = 0;
  return {
    total: rowids.length,
    next() {
      const wanted = rowids.slice(position, position + exportChunkRows);
      position += wanted.length;
      if (wanted.length === 0) return [];
      // Looked up in the table's order (fewer pages visited), given back in the view's.
      const ascending = JSON.stringify([...wanted].sort((a, b) => a - b));
      // Each row is [...exportedContactColumns, tags, rowid].
      const tagsAt = exportedContactColumns.length;
      const rows = new Map(byRowids.all(ascending).map((values) => [values[tagsAt + 1] as number, values]));
      // A contact deleted since the list was read is left out.
      const contacts: ExportedContact[] = [];
      for (const rowid of wanted) {
        const values = rows.get(rowid);
        if (!values) continue;
        contacts.push(new ExportedContact(values, allTags ? allTags.get(values[0] as string) : (values[tagsAt] as string | null)));
      }
      return contacts;
    },
  };
}

/** Every live contact by time of creation, for the JSON export. */
export function allContactsReader(sqlite: Sqlite): ChunkReader<ExportedContact> {
  return contactReader(sqlite, { query: '', filters: { owner: 'team' }, sort: { field: 'createdAt', direction: 'asc' } }, '');
}

export function keysetById<Raw extends { id: string }, Row>(
  sqlite: Sqlite,
  select: string,
  alias: string,
  params: unknown[],
  convert: (raw: Raw) => Row,
): ChunkReader<Row> {
  const countSql = `SELECT COUNT(*) FROM (${select})`;
  const total = sqlite.prepare(countSql).pluck().get(...params) as number;
  const page = sqlite.prepare<unknown[], Raw>(`${select} AND ${alias}.id > ? ORDER BY ${alias}.id LIMIT ${exportChunkRows}`);
  let after = '';
  return {
    total,
    next() {
      const rows = page.all(...params, after);
      if (rows.length > 0) after = rows[rows.length - 1]!.id;
      return rows.map(convert);
    },
  };
}

/** The conditions of a keyset export; with `ids` (a list's selection) only those rows, and the view's filters are not added. */
function filterBuilder(alias: string, ids: readonly string[] | undefined) {
  const conditions = [`${alias}.cl % 2 = 1`];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    if (ids) return;
    conditions.push(sql);
    params.push(...values);
  };
  if (ids) {
    conditions.push(`${alias}.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(ids));
  }
  return { conditions, params, add };
}

type View<E extends 'notes' | 'followUps' | 'calls'> = Extract<ExportCsvOptions, { entity: E }>['view'];

export function noteReader(sqlite: Sqlite, view: View<'notes'>, ids?: readonly string[]): ChunkReader<NoteExportRow> {
  const { conditions, params, add } = filterBuilder('n', ids);
  if (view.contactId) add('n.contact_id = ?', view.contactId);
  if (view.kind) add('n.kind = ?', view.kind);
  if (view.from !== undefined) add('n.created_at >= ?', view.from);
  if (view.to !== undefined) add('n.created_at < ?', view.to);
  return keysetById(
    sqlite,
    `SELECT n.id, n.contact_id, COALESCE(c.name, '') AS contact_name, n.kind, n.body, n.pinned, n.author, n.created_at, n.updated_at
     FROM notes n LEFT JOIN contacts c ON c.id = n.contact_id WHERE ${conditions.join(' AND ')}`,
    'n',
    params,
    (row: NoteExportRow) => row,
  );
}

export function followUpReader(sqlite: Sqlite, view: View<'followUps'>, ids?: readonly string[]): ChunkReader<FollowUpExportRow> {
  const { conditions, params, add } = filterBuilder('f', ids);
  if (view.contactId) add('f.contact_id = ?', view.contactId);
  if (view.state === 'open') add('f.done_at IS NULL');
  if (view.state === 'done') add('f.done_at IS NOT NULL');
  if (view.assignee !== undefined) add('f.assignee = ?', view.assignee);
  if (view.from !== undefined) add('f.due_at >= ?', view.from);
  if (view.to !== undefined) add('f.due_at < ?', view.to);
  return keysetById(
    sqlite,
    `SELECT f.id, f.contact_id, COALESCE(c.name, '') AS contact_name, f.call_id, f.title, f.due_at, f.assignee, f.priority,
            f.done_at, f.sla_rule_id, f.created_by, f.created_at
     FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id WHERE ${conditions.join(' AND ')}`,
    'f',
    params,
    (row: FollowUpExportRow) => row,
  );
}

const unanswered = "('busy', 'failed', 'no-answer', 'canceled')";

export function callReader(sqlite: Sqlite, view: View<'calls'>, ids?: readonly string[]): ChunkReader<CallExportRow> {
  const { conditions, params, add } = filterBuilder('k', ids);
  if (view.contactId) add('k.contact_id = ?', view.contactId);
  if (view.direction) add('k.direction = ?', view.direction);
  if (view.disposition) add('k.disposition = ?', view.disposition);
  if (view.unansweredOnly) add(`k.status IN ${unanswered}`);
  if (view.from !== undefined) add('k.started_at >= ?', view.from);
  if (view.to !== undefined) add('k.started_at < ?', view.to);
  const select = `SELECT k.id, k.contact_id, c.name AS contact_name, k.direction, k.number, k.started_at, k.duration_seconds, k.status,
                         k.disposition, k.notes, k.provider, k.provider_id, k.spam, k.emergency, k.logged_by
                  FROM calls k LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE ${conditions.join(' AND ')}`;
  const total = sqlite.prepare(`SELECT COUNT(*) FROM (${select})`).pluck().get(...params) as number;
  const page = sqlite.prepare<unknown[], CallExportRow>(
    `${select} AND (k.started_at > ? OR (k.started_at = ? AND k.id > ?)) ORDER BY k.started_at, k.id LIMIT ${exportChunkRows}`,
  );
  let after: { startedAt: number; id: string } = { startedAt: -1, id: '' };
  return {
    total,
    next() {
      const rows = page.all(...params, after.startedAt, after.startedAt, after.id);
      const last = rows[rows.length - 1];
      if (last) after = { startedAt: last.started_at, id: last.id };
      return rows;
    },
  };
}

export function readerFor<E extends ExportCsvOptions['entity']>(
  sqlite: Sqlite,
  options: Extract<ExportCsvOptions, { entity: E }>,
  userName: string,
  columnKeys: readonly string[],
): ChunkReader<ExportRowTypes[E]> {
  const typed = options as ExportCsvOptions;
  switch (typed.entity) {
    case 'contacts':
      return contactReader(sqlite, typed.view, userName, columnKeys.includes('tags'), typed.ids) as ChunkReader<ExportRowTypes[E]>;
    case 'notes':
      return noteReader(sqlite, typed.view, typed.ids) as ChunkReader<ExportRowTypes[E]>;
    case 'followUps':
      return followUpReader(sqlite, typed.view, typed.ids) as ChunkReader<ExportRowTypes[E]>;
    case 'calls':
      return callReader(sqlite, typed.view, typed.ids) as ChunkReader<ExportRowTypes[E]>;
  }
}
