import { erasedRowsOf, erasureTable } from '../../src-shared/sync/erasure';
import type { EpochKeys } from '../../src-shared/sync/sealing';
import type { SecretStore } from '../core/secret-store';
import type { Sqlite } from '../db/open';
import { applyRekeyMoves, planRekey, rekeyErasedTags } from './rekey';
import type { UpgradeProgressTracker } from './upgrade-progress';
import { arrivingTagRowId, rowIdKeyOf } from './row-ids';

// The row-id key this laptop's rows are under (row-ids.ts). It is kept as a secret (sealed in
// local_settings, in the same database as the rows). Re-keying goes a batch of rows at a time
// (rekey.ts): until its last transaction the rows' key stays the earlier one, the new one is kept
// beside it, and local writes wait; stopped part-way, it goes on at the next start. It stays
// when the laptop leaves its workspace (its rows keep their ids); joining a workspace with another
// key re-keys them again.

const secretName = 'row-id-key';
/** The key a re-keying under way moves the rows to; set until the last batch is in. */
const nextSecretName = 'row-id-key-next';

export class RowIdKeys {
  private cached: Buffer | null | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private progress = { done: 0, total: 0 };

  constructor(
    private readonly sqlite: Sqlite,
    private readonly secrets: SecretStore,
    private readonly options: { progress?: UpgradeProgressTracker; batchRows?: number } = {},
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
   * Resolves once every row is; a second call meanwhile joins the first.
   */
  adopt(epochs: readonly EpochKeys[]): Promise<void> {
    const next = rowIdKeyOf(epochs);
    if (!next) return this.running ?? Promise.resolve();
    if (this.key()?.equals(next)) return this.running ?? Promise.resolve();
    if (this.running) return this.running.then(() => this.adopt(epochs));
    return this.start(next);
  }

  /** A re-keying stopped part-way (the app closed or was killed) goes on at once; it needs no relay. */
  resumeUnfinished(): Promise<void> {
    if (this.running) return this.running;
    let stored: string | undefined;
    try {
      stored = this.secrets.get(nextSecretName);
    } catch {
      stored = undefined;
    }
    return stored ? this.start(Buffer.from(stored, 'base64url')) : Promise.resolve();
  }

  /** Why local writes wait now (a re-keying is under way), or null. */
  busyReason(): string | null {
    if (!this.running) return null;
    const { done, total } = this.progress;
    const far = total > 0 ? ` (${done.toLocaleString('en')} of ${total.toLocaleString('en')})` : '';
    return `Fieldbook is preparing this laptop's tags and list items for end-to-end encryption${far}. Nothing was changed; try again in a moment.`;
  }

  /** Stops after the batch under way; the rest is re-keyed at the next start. */
  stop(): void {
    this.stopped = true;
  }

  private start(next: Buffer): Promise<void> {
    this.progress = { done: 0, total: 0 };
    this.options.progress?.report('rekeying-rows', 0, 0);
    this.running = this.rekeyTo(next).finally(() => {
      this.running = undefined;
      this.options.progress?.finish('rekeying-rows');
    });
    return this.running;
  }

  /**
   * The target key is kept first, so a re-keying stopped part-way is finished from it at the next
   * start. Then a batch of rows per transaction, yielding in between (the app stays responsive and
   * the progress reaches the screen); the last transaction makes the new key the rows' key.
   */
  private async rekeyTo(next: Buffer): Promise<void> {
    // Whoever started it (a sync cycle, the core opening) goes on first; the work follows.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.stopped) return;
    const from = this.key();
    this.secrets.set(nextSecretName, next.toString('base64url'));
    const moves = planRekey(this.sqlite, from, next);
    const batchRows = this.options.batchRows ?? 2000;
    this.progress = { done: 0, total: moves.length };
    this.options.progress?.report('rekeying-rows', 0, moves.length);
    for (let start = 0; start < moves.length; start += batchRows) {
      if (this.stopped) return;
      const batch = moves.slice(start, start + batchRows);
      this.sqlite.transaction(() => applyRekeyMoves(this.sqlite, batch))();
      this.progress = { done: start + batch.length, total: moves.length };
      this.options.progress?.report('rekeying-rows', this.progress.done, moves.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.stopped) return;
    this.sqlite.transaction(() => {
      // Rows written meanwhile by the write path's own pulls or undo under the earlier key.
      applyRekeyMoves(this.sqlite, planRekey(this.sqlite, from, next));
      rekeyErasedTags(this.sqlite, next);
      this.secrets.set(secretName, next.toString('base64url'));
      this.secrets.delete(nextSecretName);
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
