import Papa from 'papaparse';
import { AppError } from '../../src-shared/errors';
import type { AuditEntry, AuditFilters, AuditPage, AuditQuery, AuditRow } from '../../src-shared/ipc/audit';
import type { Sqlite } from '../db/open';
import { protectFormula } from '../exchange/formats/values';
import { countChanges, encodeCursor, selectChanges, selectMembers, type AuditChange } from './queries';
import { labelRecords, recordKey } from './record-labels';

export const auditCsvHeader = ['When', 'Member', 'Device', 'Record', 'Table', 'Record id', 'Fields'];

/** The audit trail: the change log read by member, record and date (src-main/writes/change-log.ts writes it). */
export class AuditService {
  constructor(private readonly deps: { sqlite: Sqlite; isAdmin: () => boolean }) {}

  list(query: AuditQuery & { limit: number }): AuditEntry[] {
    this.mustBeAdmin();
    return selectChanges(this.deps.sqlite, query, query.limit, query.cursor).map(({ hlc: _hlc, ...entry }) => entry);
  }

  /** A page for the screen: each change with its record's name and link, and where the next page starts. */
  page(query: AuditQuery & { limit: number }): AuditPage {
    this.mustBeAdmin();
    const changes = selectChanges(this.deps.sqlite, query, query.limit, query.cursor);
    return { rows: this.labelled(changes), nextCursor: nextCursorOf(changes, query.limit) };
  }

  count(filters: AuditFilters): { total: number } {
    this.mustBeAdmin();
    return { total: countChanges(this.deps.sqlite, filters) };
  }

  members(): string[] {
    this.mustBeAdmin();
    return selectMembers(this.deps.sqlite);
  }

  /**
   * A page as CSV, as the app's CSV exports are: a header row (on the first page), ISO times, and no
   * cell a spreadsheet would run as a formula. The screen asks page after page, so a long export
   * shows progress and can stop.
   */
  csv(query: AuditQuery & { limit: number; header?: boolean }): { csv: string; rows: number; nextCursor: string | null } {
    this.mustBeAdmin();
    const changes = selectChanges(this.deps.sqlite, query, query.limit, query.cursor);
    const data = this.labelled(changes).map((row) =>
      [new Date(row.at).toISOString(), row.member, row.deviceId, row.label ?? '', row.table, row.rowId, row.fields.join(' ')].map((cell) => protectFormula(cell)),
    );
    const csv = Papa.unparse({ fields: auditCsvHeader, data }, { header: query.header !== false });
    return { csv: data.length > 0 || query.header !== false ? `${csv}\r\n` : '', rows: data.length, nextCursor: nextCursorOf(changes, query.limit) };
  }

  private labelled(changes: AuditChange[]): AuditRow[] {
    const labels = labelRecords(this.deps.sqlite, changes);
    return changes.map(({ hlc: _hlc, ...entry }) => {
      const label = labels.get(recordKey(entry.table, entry.rowId));
      return { ...entry, label: label?.label ?? null, link: label?.link ?? null };
    });
  }

  private mustBeAdmin(): void {
    if (!this.deps.isAdmin()) throw new AppError('forbidden', 'Only an admin of the workspace can read the audit trail.');
  }
}

function nextCursorOf(changes: AuditChange[], limit: number): string | null {
  const last = changes.at(-1);
  return last && changes.length === limit ? encodeCursor(last) : null;
}
