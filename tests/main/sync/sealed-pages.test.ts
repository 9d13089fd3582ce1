import { describe, expect, it } from 'vitest';
import { newEpochKeys, sealFields, type EpochKeys } from '../../../src-shared/sync/sealing';
import type { WireChange } from '../../../src-shared/sync/protocol';
import { openChanges, openSnapshotRows } from '../../../src-main/sync/keys/sealed-changes';
import type { SnapshotRow } from '../../../src-main/sync/snapshot-load';

// A laptop's key lookup reads the key ring from the secret store on every call; a page of sealed
// changes or snapshot rows must look each epoch up once, not once per value (about a quarter of a
// new laptop's bootstrap from a relay whose snapshot came from its log), and still open every
// value with its own epoch's key.

const epoch1 = newEpochKeys(1);
const epoch2 = newEpochKeys(2);

function countingKeysOf(): { keysOf: (epoch: number) => EpochKeys | undefined; asked: number[] } {
  const asked: number[] = [];
  return { asked, keysOf: (epoch) => (asked.push(epoch), [epoch1, epoch2].find((keys) => keys.epoch === epoch)) };
}

const hlc = (n: number) => `${String(1_700_000_000_000 + n).padStart(15, '0')}-00000-device`;
const plain = (n: number) => ({ name: `Contact ${n}`, job_title: `Title ${n}`, city: n % 2 === 0 ? null : 'Leeds', cl: 1 });

describe('opening a page of sealed values', () => {
  it('looks each epoch up once a page for snapshot rows, and opens each value with its own epoch', () => {
    const rows: SnapshotRow[] = Array.from({ length: 50 }, (_, n) => {
      const change = { tableName: 'contacts', rowId: `row-${n}`, hlc: hlc(n), fields: plain(n) };
      const fields = sealFields(n < 25 ? epoch1 : epoch2, change);
      const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, change.hlc]));
      return { tableName: 'contacts', rowId: change.rowId, fields, clocks, authors: {} };
    });
    const { keysOf, asked } = countingKeysOf();
    const { opened, unopened } = openSnapshotRows(keysOf, rows);
    expect(unopened).toEqual([]);
    expect(opened.map((row) => row.fields)).toEqual(rows.map((_, n) => plain(n)));
    expect(asked.sort()).toEqual([1, 2]);
  });

  it('looks each epoch up once a page for pulled changes, and sets aside a value of an epoch it lacks', () => {
    const epoch3 = newEpochKeys(3);
    const changes: WireChange[] = Array.from({ length: 30 }, (_, n) => {
      const change = { changeId: `change-${n}`, tableName: 'contacts', rowId: `row-${n}`, hlc: hlc(n), fields: plain(n), schemaVersion: 1, deviceId: 'device', author: 'Ann' };
      return { ...change, fields: sealFields(n === 29 ? epoch3 : epoch1, change) };
    });
    const { keysOf, asked } = countingKeysOf();
    const { opened, unopened } = openChanges(keysOf, changes);
    expect(opened.map((change) => change.fields)).toEqual(changes.slice(0, 29).map((_, n) => plain(n)));
    expect(unopened.map(({ item, reason }) => [item.changeId, reason])).toEqual([
      ['change-29', 'contacts.name could not be opened: this laptop does not hold the workspace key of epoch 3'],
    ]);
    expect(asked.sort()).toEqual([1, 3]);
  });
});
