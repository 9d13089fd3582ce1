import type { SetAsideChange } from '../../src-shared/domain/sync';
import type { Sqlite, Statement } from '../db/open';
import { recordColumns, recordValues, toChangeRecord, type ChangeRecord, type ChangeRow } from '../writes/change-log';

// The changes from other devices this laptop could not apply, with why (the table is
// set_aside_changes in src-main/db/schema.ts). Written inside the transaction of the page they
// came in, so a page's cursor never moves past a change that is neither applied nor kept here.

interface SetAsideRow extends Omit<ChangeRow, 'seq'> {
  reason: string;
  set_aside_at: number;
  app_version: string;
}

export class SetAsideStore {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly appVersion: string,
    private readonly now: () => number,
  ) {}

  has(changeId: string): boolean {
    return this.statement('SELECT 1 FROM set_aside_changes WHERE change_id = ?').get(changeId) !== undefined;
  }

  add(change: ChangeRecord, reason: string): void {
    this.statement(
      `INSERT OR IGNORE INTO set_aside_changes (${recordColumns}, reason, set_aside_at, app_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...recordValues(change), reason, this.now(), this.appVersion);
  }

  remove(changeId: string): void {
    this.statement('DELETE FROM set_aside_changes WHERE change_id = ?').run(changeId);
  }

  count(): number {
    return (this.statement('SELECT COUNT(*) AS n FROM set_aside_changes').get() as { n: number }).n;
  }

  /** Newest first, for the admins' view. */
  list(limit: number): SetAsideChange[] {
    const rows = this.statement('SELECT * FROM set_aside_changes ORDER BY set_aside_at DESC, change_id LIMIT ?').all(limit) as SetAsideRow[];
    return rows.map((row) => ({
      changeId: row.change_id,
      tableName: row.table_name,
      rowId: row.row_id,
      fields: Object.keys(JSON.parse(row.fields) as object),
      deviceId: row.device_id,
      author: row.author,
      reason: row.reason,
      setAsideAt: row.set_aside_at,
    }));
  }

  /** The changes set aside by another version of the app than this one: it may apply them now. */
  fromOtherVersions(): ChangeRecord[] {
    const rows = this.statement('SELECT * FROM set_aside_changes WHERE app_version <> ? ORDER BY hlc').all(this.appVersion) as SetAsideRow[];
    return rows.map((row) => toChangeRecord({ ...row, seq: 0 }));
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
