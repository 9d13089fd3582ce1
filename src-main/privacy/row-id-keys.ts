import { erasedRowsOf, erasureTable } from '../../src-shared/sync/erasure';
import type { EpochKeys } from '../../src-shared/sync/sealing';
import type { SecretStore } from '../core/secret-store';
import type { Sqlite } from '../db/open';
import { rekeyRows, type RekeyProgress } from './rekey';
import { arrivingTagRowId, rowIdKeyOf } from './row-ids';

// The row-id key this laptop's rows are under (row-ids.ts). It is kept as a secret (sealed in
// local_settings, in the same database as the rows), and changes only inside the transaction that
// re-keys the rows, so the key and the ids never disagree, whatever stops the process. It stays
// when the laptop leaves its workspace (its rows keep their ids); joining a workspace with another
// key re-keys them again.

const secretName = 'row-id-key';

export class RowIdKeys {
  private cached: Buffer | null | undefined;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly secrets: SecretStore,
  ) {}

  /** The key the rows are under now, or undefined while they keep the earlier, unkeyed ids. */
  key(): Buffer | undefined {
    if (this.cached === undefined) {
      let stored: string | undefined;
      try {
        stored = this.secrets.get(secretName);
      } catch {
        // Sealed on the computer this folder was restored or copied from: its rows are re-keyed
        // from their tags and base lists when it joins again (rekey.ts needs no earlier key for that).
        stored = undefined;
      }
      this.cached = stored ? Buffer.from(stored, 'base64url') : null;
    }
    return this.cached ?? undefined;
  }

  /**
   * Called with the workspace's epochs before each sync cycle pushes anything: the first time they
   * give a key (or a key other than the rows'), every row with a derived id is re-keyed to it.
   */
  adopt(epochs: readonly EpochKeys[], onProgress?: (progress: RekeyProgress) => void): void {
    const next = rowIdKeyOf(epochs);
    if (!next) return;
    const current = this.key();
    if (current?.equals(next)) return;
    this.sqlite.transaction(() => {
      rekeyRows(this.sqlite, current, next, onProgress);
      this.secrets.set(secretName, next.toString('base64url'));
    })();
    this.cached = next;
  }

  /**
   * Changes (or snapshot rows) from elsewhere, opened, with each tag row named as this laptop names
   * it: a tag row of the earlier form becomes its keyed row, so both meet in one row. An erasure
   * naming a tag row names its keyed row as well.
   */
  arriving<T extends { tableName: string; rowId: string; fields: Record<string, unknown> }>(changes: readonly T[]): T[] {
    const key = this.key();
    if (!key) return [...changes];
    return changes.map((change) => {
      if (change.tableName === 'contact_tags') {
        const rowId = arrivingTagRowId(change.rowId, key);
        return rowId === change.rowId ? change : { ...change, rowId };
      }
      if (change.tableName !== erasureTable) return change;
      const named = erasedRowsOf(change.fields);
      const keyed = named.flatMap((row) => {
        if (row.table !== 'contact_tags') return [];
        const rowId = arrivingTagRowId(row.rowId, key);
        return rowId === row.rowId ? [] : [{ ...row, rowId }];
      });
      return keyed.length === 0 ? change : { ...change, fields: { ...change.fields, rows: JSON.stringify([...named, ...keyed]) } };
    });
  }
}
