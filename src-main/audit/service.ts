import Papa from 'papaparse';
import { AppError } from '../../src-shared/errors';
import type { AuditEntry, AuditQuery } from '../../src-shared/ipc/audit';
import type { Sqlite } from '../db/open';
import { protectFormula } from '../exchange/formats/values';

/** The audit trail: the change log read by member, record and date (src-main/writes/change-log.ts writes it). */
export class AuditService {
  constructor(private readonly deps: { sqlite: Sqlite; isAdmin: () => boolean }) {}

  list(query: AuditQuery & { limit: number }): AuditEntry[] {
    if (!this.deps.isAdmin()) throw new AppError('forbidden', 'Only an admin of the workspace can read the audit trail.');
    // The HLC starts with its wall-clock milliseconds, zero-padded to 15 digits: it sorts and filters as time.
    const clock = (ms: number) => String(ms).padStart(15, '0');
    const rows = this.deps.sqlite
      .prepare(
        `SELECT change_id, hlc, table_name, row_id, fields, device_id, author, local FROM changes
         WHERE (@member IS NULL OR author = @member) AND (@table IS NULL OR table_name = @table)
           AND (@rowId IS NULL OR row_id = @rowId) AND (@from IS NULL OR hlc >= @from) AND (@to IS NULL OR hlc < @to)
         ORDER BY hlc DESC LIMIT @limit`,
      )
      .all({
        member: query.member ?? null,
        table: query.table ?? null,
        rowId: query.rowId ?? null,
        from: query.from === undefined ? null : clock(query.from),
        to: query.to === undefined ? null : clock(query.to),
        limit: query.limit,
      }) as { change_id: string; hlc: string; table_name: string; row_id: string; fields: string; device_id: string; author: string; local: number }[];
    return rows.map((row) => ({
      changeId: row.change_id,
      at: Number(row.hlc.slice(0, 15)),
      member: row.author,
      deviceId: row.device_id,
      table: row.table_name,
      rowId: row.row_id,
      fields: Object.keys(JSON.parse(row.fields) as Record<string, unknown>),
      local: row.local === 1,
    }));
  }

  /** As the app's CSV exports: a header row, ISO times, and no cell a spreadsheet would run as a formula. */
  csv(query: AuditQuery & { limit: number }): { csv: string } {
    const entries = this.list(query);
    const rows = entries.map((entry) =>
      [new Date(entry.at).toISOString(), entry.member, entry.table, entry.rowId, entry.fields.join(' '), entry.deviceId].map((cell) => protectFormula(cell)),
    );
    return { csv: Papa.unparse({ fields: ['When', 'Member', 'Table', 'Record', 'Fields', 'Device'], data: rows }) };
  }
}
