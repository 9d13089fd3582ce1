import { openFields, sealFields, type EpochKeys } from '../../../src-shared/sync/sealing';
import type { WireChange } from '../../../src-shared/sync/protocol';
import type { SnapshotRow } from '../snapshot-load';

// Where sealing meets the sync cycle (src-main/sync/sync-engine.ts): changes are sealed just
// before the push and opened right after the pull, before the contract checks them
// (remote-validation.ts). A change or snapshot row that does not open is set aside with why; the
// rest of its page goes on.

export function sealChanges(keys: EpochKeys | undefined, batch: readonly WireChange[]): WireChange[] {
  if (!keys) return [...batch];
  return batch.map((change) => ({ ...change, fields: sealFields(keys, change) }));
}

/**
 * The key lookup for one page: a laptop's keysOf reads the key ring from the secret store (a
 * local_state read, a decryption and a JSON parse) on every call, and a page asked it once per
 * sealed value: about a quarter of a new laptop's bootstrap from a sealed snapshot. A page is
 * opened at one moment, so each epoch is looked up once for it.
 */
function keysOfPage(keysOf: (epoch: number) => EpochKeys | undefined): (epoch: number) => EpochKeys | undefined {
  const looked = new Map<number, EpochKeys | undefined>();
  return (epoch) => {
    if (!looked.has(epoch)) looked.set(epoch, keysOf(epoch));
    return looked.get(epoch);
  };
}

export interface Unopened<T> {
  item: T;
  reason: string;
}

export function openChanges(keysOf: (epoch: number) => EpochKeys | undefined, changes: readonly WireChange[]): { opened: WireChange[]; unopened: Unopened<WireChange>[] } {
  const keysOfThese = keysOfPage(keysOf);
  const opened: WireChange[] = [];
  const unopened: Unopened<WireChange>[] = [];
  for (const change of changes) {
    const result = openFields(keysOfThese, change, () => change.hlc);
    if ('failed' in result) unopened.push({ item: change, reason: result.failed });
    else opened.push({ ...change, fields: result.fields });
  }
  return { opened, unopened };
}

/** Snapshot rows carry a clock per field: each value opens at its own clock. */
export function openSnapshotRows(keysOf: (epoch: number) => EpochKeys | undefined, rows: readonly SnapshotRow[]): { opened: SnapshotRow[]; unopened: Unopened<SnapshotRow>[] } {
  const keysOfThese = keysOfPage(keysOf);
  const opened: SnapshotRow[] = [];
  const unopened: Unopened<SnapshotRow>[] = [];
  for (const row of rows) {
    const result = openFields(keysOfThese, row, (field) => row.clocks[field]);
    if ('failed' in result) unopened.push({ item: row, reason: result.failed });
    else opened.push({ ...row, fields: result.fields });
  }
  return { opened, unopened };
}
