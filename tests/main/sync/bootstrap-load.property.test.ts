import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadingMutationEngine } from '../../../src-main/sync/loading-engine';
import { SnapshotLoader, snapshotRowToChanges, type SnapshotRow } from '../../../src-main/sync/snapshot-load';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { applyListEdit, customFieldDefs, listEdit, valueSource, type ListEdit } from './list-edits';
import { everyTable, snapshotOf } from './snapshot-tables';

// A new laptop loads the relay's snapshot as given (src-main/sync/snapshot-load.ts). The
// property: for any history, what it ends with is, table by table, what the ordinary merge of
// the same snapshot makes — rows, clocks, change log, item rows, search indexes, derived figures.

type Edit =
  | { kind: 'create'; name: string; tags: string[]; value: number | null }
  | { kind: 'update'; target: number; field: 'name' | 'status' | 'summary'; value: string }
  | { kind: 'delete'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'note'; target: number; body: string }
  | { kind: 'list'; edit: ListEdit };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      name: fc.constantFrom('Ann Lee', 'Bob Ray', 'Cleo Ng', 'Dev Patel'),
      tags: fc.uniqueArray(fc.constantFrom('vip', 'roof', 'boiler'), { maxLength: 2 }),
      value: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('update' as const), target: fc.nat(), field: fc.constantFrom('name' as const, 'status' as const, 'summary' as const), value: fc.constantFrom('won', 'lost', 'active', 'Zed Ltd') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), target: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), target: fc.nat(), body: fc.constantFrom('Boiler serviced', 'Call back Tuesday', 'Quote sent') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('list' as const), edit: listEdit }) },
);

async function apply(core: TempCore, change: Edit, values: ReturnType<typeof valueSource>, itemOf: Map<string, string>): Promise<void> {
  if (change.kind === 'create') {
    const potentialValue = change.value === null ? null : { amountMinor: change.value, currency: 'GBP' };
    await core.call('contacts.create', { draft: { name: change.name, tags: change.tags, potentialValue }, allowDuplicate: true });
    return;
  }
  if (change.kind === 'list') {
    await applyListEdit(core, change.edit, values, itemOf);
    return;
  }
  const ids = (core.sqlite.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  if (ids.length === 0) return;
  const id = ids[change.target % ids.length]!;
  if (change.kind === 'delete') await core.invoke('contacts.delete', { id });
  if (change.kind === 'restore') await core.invoke('contacts.restore', { id });
  if (change.kind === 'note') await core.invoke('notes.create', { contactId: id, body: change.body });
  if (change.kind === 'update') await core.invoke('contacts.update', { id, patch: { [change.field]: change.value } });
}

function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/** A row from a device that sends what the contract refuses, and one of a table from a newer version. */
const hostileRows: SnapshotRow[] = [
  { tableName: 'notes', rowId: 'bad-note', fields: { body: 42, cl: 1 }, clocks: { body: '001700000000000-00000-evil', cl: '001700000000000-00000-evil' }, authors: { body: 'Eve', cl: 'Eve' } },
  { tableName: 'vans', rowId: 'van-1', fields: { plate: 'AB12 CDE' }, clocks: { plate: '001700000000001-00000-newer' }, authors: { plate: 'Sam' } },
];

describe('loading the snapshot as given into an empty laptop', () => {
  it('ends with every table as the ordinary merge of the same snapshot leaves it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), async (edits, pageSize, hostile) => {
        const source = createTempCore({ autoSync: false });
        // One moment for both, so what they stamp themselves (when a change was set aside) is comparable.
        const at = Date.now();
        const loaded = createTempCore({ autoSync: false, now: () => at });
        const merged = createTempCore({ autoSync: false, now: () => at });
        try {
          await source.call('settings.update', { customFields: customFieldDefs });
          const values = valueSource();
          const itemOf = new Map<string, string>();
          for (const change of edits) await apply(source, change, values, itemOf);
          const snapshot = [...snapshotOf(source.sqlite), ...(hostile ? hostileRows : [])];

          const loader = new SnapshotLoader(loaded.sqlite, loaded.engine as LoadingMutationEngine);
          expect(loader.canLoad()).toBe(true);
          const loadPages = pages(snapshot, pageSize);
          loadPages.forEach((page, index) => loader.loadPage(page, () => {}, { last: index === loadPages.length - 1 }));
          for (const page of pages(snapshot, pageSize)) merged.engine.applyRemoteChanges(page.flatMap((row) => snapshotRowToChanges(row)));

          expect(everyTable(loaded.sqlite)).toEqual(everyTable(merged.sqlite));
          // Not vacuous: the contacts are there, listed and found as on the laptop they came from.
          const live = (source.sqlite.prepare('SELECT COUNT(*) AS n FROM contacts WHERE cl % 2 = 1').get() as { n: number }).n;
          expect((await loaded.call('contacts.list', {})).total).toBe(live);
          const day = { endOfToday: Date.now() + 3_600_000, startOfWeek: Date.now() - 86_400_000 };
          expect(await loaded.call('dashboard.get', day)).toEqual(await merged.call('dashboard.get', day));
          expect(loader.canLoad()).toBe(snapshot.length === 0);
        } finally {
          source.dispose();
          loaded.dispose();
          merged.dispose();
        }
      }),
      { numRuns: Number(process.env.FIELDBOOK_BOOTSTRAP_RUNS ?? 25), seed: Number(process.env.FIELDBOOK_BOOTSTRAP_SEED ?? 20261205) },
    );
  }, 600_000);

  it('sets a refused row aside at its place in the page, and loads deleted and restored rows as given', () => {
    // A valid snapshot never holds a causal length of 0 (a row is born at 1), but a device may send
    // one: the rows loaded without a merge take their causal length as given, which only the
    // contract's check keeps from being 0 (a row neither dead nor alive). The refused row comes
    // first: its change records stay first in the log, as in the ordinary merge.
    const clock = (n: number) => `0017000000000${String(n).padStart(2, '0')}-00000-device-a`;
    const note = (rowId: string, cl: number, n: number): SnapshotRow => ({
      tableName: 'notes',
      rowId,
      fields: { contact_id: 'contact-1', body: `Note ${rowId}`, cl },
      clocks: { contact_id: clock(n), body: clock(n), cl: clock(n + 1) },
      authors: { contact_id: 'Sam', body: 'Sam', cl: 'Sam' },
    });
    const snapshot = [note('never', 0, 1), note('deleted', 2, 3), note('restored', 3, 5)];
    const at = Date.now();
    const loaded = createTempCore({ autoSync: false, now: () => at });
    const merged = createTempCore({ autoSync: false, now: () => at });
    try {
      const loader = new SnapshotLoader(loaded.sqlite, loaded.engine as LoadingMutationEngine);
      expect(loader.loadPage(snapshot, () => {}, { last: true })).toEqual({ loaded: 2, merged: 2 });
      merged.engine.applyRemoteChanges(snapshot.flatMap((row) => snapshotRowToChanges(row)));
      expect(everyTable(loaded.sqlite)).toEqual(everyTable(merged.sqlite));
      expect(loaded.sqlite.prepare('SELECT id, cl FROM notes ORDER BY id').all()).toEqual([
        { id: 'deleted', cl: 2 },
        // Its other fields were valid: written, the refused causal length set aside.
        { id: 'never', cl: 1 },
        { id: 'restored', cl: 3 },
      ]);
    } finally {
      loaded.dispose();
      merged.dispose();
    }
  });
});
