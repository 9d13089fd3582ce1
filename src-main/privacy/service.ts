import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../src-shared/errors';
import type { ForgetPreview } from '../../src-shared/ipc/privacy';
import { erasureTable, maxErasedRows, type ErasedRow } from '../../src-shared/sync/erasure';
import type { WorkspaceRole } from '../../src-shared/sync/roles';
import type { Sqlite } from '../db/open';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { rowsOfPerson } from './queries';
import type { FieldValues, SyncedTableName } from '../writes/synced-tables';

export type PrivacyDeps = WriteDeps & {
  /** This laptop's member's role in its workspace; null when it syncs with none. */
  role: () => WorkspaceRole | null;
};

/**
 * Forgetting a person: one erasure record (ids only, src-shared/sync/erasure.ts) is written,
 * which erases their rows in the same transaction (src-main/writes/erasure.ts) and, once synced,
 * on the relay and on every other laptop.
 */
export class PrivacyService extends WritingService {
  private readonly sqlite: Sqlite;
  private readonly role: () => WorkspaceRole | null;

  constructor(deps: PrivacyDeps) {
    super(deps);
    this.sqlite = deps.sqlite;
    this.role = deps.role;
  }

  preview(contactId: string): ForgetPreview {
    const contact = this.sqlite.prepare('SELECT name FROM contacts WHERE id = ?').get(contactId) as { name: string } | undefined;
    if (!contact) throw new AppError('not_found', 'There is no contact with that id (it may have been forgotten already).', 'contactId');
    return { contactId, name: contact.name, counts: rowsOfPerson(this.sqlite, contactId).counts };
  }

  forget(contactId: string): { erasedRows: number } {
    this.refuseUnlessAdmin();
    return this.engine.transaction(() => {
      this.preview(contactId);
      const { rows } = rowsOfPerson(this.sqlite, contactId);
      this.writeErasures(rows);
      return { erasedRows: rows.length };
    });
  }

  /** Erases rows as forgetting does (retention rules use it too); call inside a transaction or alone. */
  writeErasures(rows: readonly ErasedRow[]): void {
    const erasedBy = this.settings.get().userName;
    this.engine.transaction((tx) => {
      for (let start = 0; start < rows.length; start += maxErasedRows) {
        const part = rows.slice(start, start + maxErasedRows);
        tx.write(erasureTable, uuidv7(), { rows: JSON.stringify(part), erased_at: this.now(), erased_by: erasedBy });
      }
    });
  }

  /**
   * Gives the fields of each row new values and erases their past values (a retention rule),
   * in one transaction: the write first, so it is the newest value the erasure keeps.
   */
  clearAndErase(rows: readonly (ErasedRow & { table: SyncedTableName })[], values: FieldValues): void {
    this.engine.transaction((tx) => {
      for (const row of rows) tx.write(row.table, row.rowId, values);
      this.writeErasures(rows);
    });
  }

  isAdmin(): boolean {
    const role = this.role();
    return role === null || role === 'admin';
  }

  private refuseUnlessAdmin(): void {
    const role = this.role();
    if (role !== null && role !== 'admin') throw new AppError('forbidden', 'Only an admin of the workspace can forget a person.');
  }
}
