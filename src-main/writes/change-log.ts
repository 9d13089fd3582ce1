import type { Sqlite } from '../db/open';
import type { ChangeRecord } from './mutation-engine';
import type { FieldValues } from './synced-tables';

export interface ChangeRow {
  seq: number;
  change_id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  fields: string;
  schema_version: number;
  device_id: string;
  author: string;
}

/** Change records after a local sequence number, oldest first: the feed for push and audit. */
export function readChangeLog(sqlite: Sqlite, options: { afterSeq?: number; limit?: number; localOnly?: boolean } = {}) {
  const rows = sqlite
    .prepare<unknown[], ChangeRow>(
      `SELECT seq, change_id, hlc, table_name, row_id, fields, schema_version, device_id, author
       FROM changes WHERE seq > ? ${options.localOnly ? 'AND local = 1' : ''} ORDER BY seq LIMIT ?`,
    )
    .all(options.afterSeq ?? 0, options.limit ?? -1);
  return rows.map((row) => ({ seq: row.seq, change: toChangeRecord(row) }));
}

export function toChangeRecord(row: ChangeRow): ChangeRecord {
  return {
    changeId: row.change_id,
    hlc: row.hlc,
    tableName: row.table_name,
    rowId: row.row_id,
    fields: JSON.parse(row.fields) as FieldValues,
    schemaVersion: row.schema_version,
    deviceId: row.device_id,
    author: row.author,
  };
}
