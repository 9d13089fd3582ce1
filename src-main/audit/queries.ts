import type { AuditEntry, AuditFilters } from '../../src-shared/ipc/audit';
import type { Sqlite } from '../db/open';
import { recordsNamed } from './record-labels';

// The change log read for the audit trail. `changes_hlc` and `changes_author_hlc` keep a page of a
// million-row log an index walk: newest first, from a cursor, for everyone or for one member.

interface ChangeRow {
  change_id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  fields: string;
  device_id: string;
  author: string;
  local: number;
}

// The HLC starts with its wall-clock milliseconds, zero-padded to 15 digits: it sorts and filters as time.
const clock = (ms: number) => String(ms).padStart(15, '0');

/** A cursor names the last change shown: its clock and its id, which breaks ties between equal clocks. */
export function encodeCursor(row: { hlc: string; changeId: string }): string {
  return `${row.hlc}|${row.changeId}`;
}

function decodeCursor(cursor: string | undefined): { hlc: string; changeId: string } | null {
  if (cursor === undefined) return null;
  const split = cursor.lastIndexOf('|');
  return split > 0 ? { hlc: cursor.slice(0, split), changeId: cursor.slice(split + 1) } : null;
}

function whereClause(sqlite: Sqlite, filters: AuditFilters, cursor?: string): { where: string; params: Record<string, unknown> } | null {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.member !== undefined && filters.member !== '') {
    conditions.push('author = @member');
    params.member = filters.member;
  }
  if (filters.table !== undefined) {
    conditions.push('table_name = @table');
    params.table = filters.table;
  }
  if (filters.rowId !== undefined) {
    conditions.push('row_id = @rowId');
    params.rowId = filters.rowId;
  }
  if (filters.record !== undefined && filters.record !== '') {
    const pairs = recordsNamed(sqlite, filters.record);
    if (pairs.length === 0) return null;
    conditions.push(`(table_name, row_id) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@records))`);
    params.records = JSON.stringify(pairs);
  }
  if (filters.from !== undefined) {
    conditions.push('hlc >= @from');
    params.from = clock(filters.from);
  }
  if (filters.to !== undefined) {
    conditions.push('hlc < @to');
    params.to = clock(filters.to);
  }
  const after = decodeCursor(cursor);
  if (after) {
    conditions.push('(hlc, change_id) < (@cursorHlc, @cursorId)');
    params.cursorHlc = after.hlc;
    params.cursorId = after.changeId;
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export interface AuditChange extends AuditEntry {
  hlc: string;
}

/** Up to `limit` changes matching the filters, newest first, after `cursor`. */
export function selectChanges(sqlite: Sqlite, filters: AuditFilters, limit: number, cursor?: string): AuditChange[] {
  const clause = whereClause(sqlite, filters, cursor);
  if (!clause) return [];
  const rows = sqlite
    .prepare(
      `SELECT change_id, hlc, table_name, row_id, fields, device_id, author, local FROM changes
       ${clause.where} ORDER BY hlc DESC, change_id DESC LIMIT @limit`,
    )
    .all({ ...clause.params, limit }) as ChangeRow[];
  return rows.map((row) => ({
    changeId: row.change_id,
    hlc: row.hlc,
    at: Number(row.hlc.slice(0, 15)),
    member: row.author,
    deviceId: row.device_id,
    table: row.table_name,
    rowId: row.row_id,
    fields: Object.keys(JSON.parse(row.fields) as Record<string, unknown>),
    local: row.local === 1,
  }));
}

export function countChanges(sqlite: Sqlite, filters: AuditFilters): number {
  const clause = whereClause(sqlite, filters);
  if (!clause) return 0;
  return sqlite.prepare(`SELECT COUNT(*) FROM changes ${clause.where}`).pluck().get(clause.params) as number;
}

/**
 * Every name with a change in the log, walked through `changes_author_hlc` one name at a time
 * (a skip scan), so a million changes by five people cost five index seeks.
 */
export function selectMembers(sqlite: Sqlite): string[] {
  return sqlite
    .prepare(
      `WITH RECURSIVE names(author) AS (
         SELECT MIN(author) FROM changes
         UNION ALL
         SELECT (SELECT MIN(author) FROM changes WHERE author > names.author) FROM names WHERE names.author IS NOT NULL
       )
       SELECT author FROM names WHERE author IS NOT NULL AND author <> '' ORDER BY author COLLATE NOCASE`,
    )
    .pluck()
    .all() as string[];
}
