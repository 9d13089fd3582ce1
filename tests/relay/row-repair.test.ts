import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-shared/hlc';
import { emptyRowState, foldChange } from '../../src-shared/sync/merge';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { changes } from '../../src-relay/db/schema';
import { withoutRefusedChanges } from '../../src-relay/row-repair';

// The check every snapshot row passes before it is served (src-relay/row-repair.ts): a row holding
// a value from a change the contract refuses (stored by a relay of an earlier version) is rebuilt
// from the log without that change; every other row is served as it is.

let database: RelayDatabase;
beforeAll(async () => {
  database = await openRelayDatabase({ dataDir: null });
}, 60_000);
afterAll(() => database.close());

const clock = (offset: number) => formatHlc({ wallMs: 1_700_000_000_000 + offset, counter: 0, deviceId: 'laptop-1' });
type Change = { hlc: string; tableName: string; rowId: string; fields: Record<string, string | number | null>; author: string };

async function logged(workspaceId: string, list: Change[]) {
  await database.db.insert(changes).values(
    list.map((change, index) => ({
      workspaceId,
      workspaceSeq: index + 1,
      changeId: `${workspaceId}-${index}`,
      deviceId: 'laptop-1',
      hlc: change.hlc,
      schemaVersion: 1,
      payload: { tableName: change.tableName, rowId: change.rowId, fields: change.fields, author: change.author },
      receivedAt: 0,
    })),
  );
  return { tableName: list[0]!.tableName, rowId: list[0]!.rowId, ...list.reduce(foldChange, emptyRowState()) };
}

const serve = (workspaceId: string, rows: Awaited<ReturnType<typeof logged>>[]) => database.db.transaction((tx) => withoutRefusedChanges(tx, workspaceId, rows));

describe('a snapshot row', () => {
  it('holding a refused value among fields of later changes is rebuilt without the refused change alone', async () => {
    const row = await logged('w-refused', [
      { hlc: clock(1), tableName: 'contacts', rowId: 'ann', fields: { name: 'Ann Smith', company: 'Acme', cl: 1 }, author: 'Sam' },
      { hlc: clock(2), tableName: 'contacts', rowId: 'ann', fields: { name: null, company: 'Hostile Ltd' }, author: 'Mallory' },
      { hlc: clock(3), tableName: 'contacts', rowId: 'ann', fields: { job_title: 'Buyer' }, author: 'Priya' },
    ]);
    expect(row.fields).toEqual({ name: null, company: 'Hostile Ltd', cl: 1, job_title: 'Buyer' });
    const [served] = await serve('w-refused', [row]);
    expect(served).toEqual({
      tableName: 'contacts',
      rowId: 'ann',
      fields: { name: 'Ann Smith', company: 'Acme', cl: 1, job_title: 'Buyer' },
      clocks: { name: clock(1), company: clock(1), cl: clock(1), job_title: clock(3) },
      authors: { name: 'Sam', company: 'Sam', cl: 'Sam', job_title: 'Priya' },
    });
  });

  it('of valid values only, from one change or several, is served as it is', async () => {
    const one = await logged('w-valid', [{ hlc: clock(1), tableName: 'notes', rowId: 'n1', fields: { body: 'Called back', contact_id: 'ann', cl: 1 }, author: 'Sam' }]);
    const several = await logged('w-valid-2', [
      { hlc: clock(1), tableName: 'contacts', rowId: 'bo', fields: { name: 'Bo', cl: 1 }, author: 'Sam' },
      { hlc: clock(2), tableName: 'contacts', rowId: 'bo', fields: { company: 'Acme' }, author: 'Priya' },
    ]);
    const served = await serve('w-valid', [one, several]);
    expect(served[0]).toBe(one);
    expect(served[1]).toBe(several);
  });

  it('with a field named __proto__ among several changes keeps it a field and is checked like any other', async () => {
    const fields = JSON.parse('{"__proto__": null, "name": null}') as Record<string, string | number | null>;
    const row = await logged('w-proto', [
      { hlc: clock(1), tableName: 'contacts', rowId: 'cy', fields: { name: 'Cy', cl: 1 }, author: 'Sam' },
      { hlc: clock(2), tableName: 'contacts', rowId: 'cy', fields, author: 'Mallory' },
      { hlc: clock(3), tableName: 'contacts', rowId: 'cy', fields: { company: 'Acme' }, author: 'Sam' },
    ]);
    const [served] = await serve('w-proto', [row]);
    expect(served!.fields).toEqual({ name: 'Cy', cl: 1, company: 'Acme' });
  });
});
