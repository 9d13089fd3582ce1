import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { syncedTables } from '../../../src-main/writes/synced-tables';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { applyListEdit, customFieldDefs, listEdit, replicaLists, valueSource, type ListEdit } from './list-edits';
import { modelLists, type ListIntent } from './list-model';
import { modelState } from './merge-model';
import { EarlierIdsLaptop } from './earlier-ids-laptop';
import { arrivingTagRowId, rowIdKeyOf } from '../../../src-main/privacy/row-ids';
import type { ChangeRecord } from '../../../src-main/writes/change-log';

// Several real SQLite replicas and a real relay (PGlite, in process). Random edits, random
// partial syncs through a network that loses acknowledgements, fails requests and delivers
// pull pages duplicated and shuffled, clocks skewed up to ±10 minutes. After quiescence every
// replica equals every other and equals the pure model of the merge rules over all changes;
// the phones, e-mails and custom fields of every contact equal the model of what people meant
// (list-model.ts), in which no edit made at the same time as another is lost.

const minute = 60_000;
type Fault = 'none' | 'lose-ack' | 'fail-before' | 'shuffle-pages';

let relayDir: string;
let database: RelayDatabase;
let relay: Relay;
/** The relay's clock runs ahead in the quiescence phase: time passes, so every stamp is in its past. */
let relayOffset = 0;

beforeAll(async () => {
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-prop-'));
  database = await openRelayDatabase({ dataDir: relayDir });
  relay = await createRelay({
    database,
    port: 0,
    logger: () => {},
    now: () => Date.now() + relayOffset,
    rateLimit: { perSecond: 100_000, burst: 100_000 },
  });
}, 180_000);

afterAll(async () => {
  await relay.close();
  await database.close();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

/** A network between one replica and the relay whose next request can be made to misbehave. */
function faultyNetwork() {
  let next: Fault = 'none';
  const fetchThrough: typeof fetch = async (input, init) => {
    const fault = next;
    next = 'none';
    const url = String(input);
    if (fault === 'fail-before') throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (fault === 'lose-ack' && url.includes('/v1/push')) {
      await response.text();
      throw new TypeError('fetch failed');
    }
    if (fault === 'shuffle-pages' && url.includes('/v1/pull') && response.ok) {
      const page = (await response.json()) as { changes: unknown[] };
      const doubled = [...page.changes, ...page.changes.slice(0, Math.ceil(page.changes.length / 2))];
      doubled.reverse();
      return new Response(JSON.stringify({ ...page, changes: doubled }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return response;
  };
  return { fetch: fetchThrough, failNext: (fault: Fault) => (next = fault) };
}

type Edit =
  | { kind: 'create'; name: string; tags: string[] }
  | { kind: 'update'; target: number; field: 'name' | 'company' | 'status' | 'summary'; value: string }
  | { kind: 'delete'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'tag'; target: number; tags: string[] };

type Step = { replica: number } & ({ kind: 'edit'; edit: Edit } | { kind: 'list'; edit: ListEdit } | { kind: 'sync'; fault: Fault });

const tagSet = fc.uniqueArray(fc.constantFrom('vip', 'roof', 'boiler', 'landlord'), { maxLength: 2 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom('Ann', 'Bob', 'Cleo', 'Dev'), tags: tagSet }) },
  {
    weight: 4,
    arbitrary: fc.record({
    kind: fc.constant('update' as const),
    target: fc.nat(),
    field: fc.constantFrom('name' as const, 'company' as const, 'status' as const, 'summary' as const),
    value: fc.constantFrom('active', 'won', 'lost', 'Acme', 'Zed Ltd', 'x'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), target: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tag' as const), target: fc.nat(), tags: tagSet }) },
);
const step = (replicas: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ replica: fc.nat({ max: replicas - 1 }), kind: fc.constant('edit' as const), edit }) },
    { weight: 3, arbitrary: fc.record({ replica: fc.nat({ max: replicas - 1 }), kind: fc.constant('list' as const), edit: listEdit }) },
    {
      weight: 2,
      arbitrary: fc.record({
        replica: fc.nat({ max: replicas - 1 }),
        kind: fc.constant('sync' as const),
        fault: fc.constantFrom<Fault>('none', 'none', 'lose-ack', 'fail-before', 'shuffle-pages'),
      }),
    },
  );

async function applyEdit(core: TempCore, change: Edit): Promise<void> {
  if (change.kind === 'create') {
    await core.call('contacts.create', { draft: { name: change.name, tags: change.tags }, allowDuplicate: true });
    return;
  }
  // Any contact this replica has, deleted ones included (so restore has something to do).
  const ids = (core.sqlite.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  if (ids.length === 0) return;
  const id = ids[change.target % ids.length]!;
  if (change.kind === 'delete') await core.invoke('contacts.delete', { id });
  if (change.kind === 'restore') await core.invoke('contacts.restore', { id });
  if (change.kind === 'tag') await core.invoke('contacts.update', { id, patch: { tags: change.tags } });
  if (change.kind === 'update') {
    const value = change.field === 'status' ? (['active', 'won', 'lost'].includes(change.value) ? change.value : 'dormant') : change.value;
    await core.invoke('contacts.update', { id, patch: { [change.field]: change.field === 'name' && !value ? 'x' : value } });
  }
}

/** Columns derived from other rows on the laptop (the lists of a contact): checked against the list model instead. */
const derivedColumns = new Set(['contacts.phones', 'contacts.emails', 'contacts.custom_fields']);

/** The synced columns of every synced row, as stored. */
function replicaState(core: TempCore): Map<string, Record<string, unknown>> {
  const state = new Map<string, Record<string, unknown>>();
  for (const [table, columns] of Object.entries(syncedTables)) {
    const exists = core.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    for (const row of core.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
      const values: Record<string, unknown> = {};
      for (const column of columns) values[column] = row[column];
      state.set(`${table}/${String(row.id)}`, values);
    }
  }
  return state;
}

describe('sync between replicas through the relay', () => {
  it('converges: all replicas equal each other and the model, whatever the faults, order and clock skew', async () => {
    const replicaCount = 3;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -10 * minute, max: 10 * minute }), { minLength: replicaCount, maxLength: replicaCount }),
        fc.array(step(replicaCount), { minLength: 10, maxLength: 60 }),
        async (skews, steps) => {
          relayOffset = 0;
          const networks = skews.map(() => faultyNetwork());
          const replicas = skews.map((skew, index) =>
            createTempCore({ now: () => Date.now() + skew, autoSync: false, fetch: networks[index]!.fetch }),
          );
          try {
            // Set-up happens with honest clocks; the skew matters for the edits.
            for (const replica of replicas) await replica.call('settings.update', { customFields: customFieldDefs });
            const admin = replicas[0]!;
            await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Vans', memberName: 'Sam' });
            for (const [index, replica] of replicas.entries()) {
              if (index === 0) continue;
              const { inviteCode } = await admin.call('sync.invite', {});
              await replica.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: `Member ${index}` });
            }
            for (const replica of replicas) replica.sync.stop();
            // Shared contacts first, so that concurrent edits on different laptops meet.
            for (const name of ['Ann', 'Bob', 'Cleo']) await admin.call('contacts.create', { draft: { name }, allowDuplicate: true });
            for (const replica of replicas) await replica.sync.syncNow();
            await admin.sync.syncNow();

            const values = valueSource();
            const itemOf = new Map<string, string>();
            const intents: ListIntent[] = [];
            for (const action of steps) {
              const replica = replicas[action.replica]!;
              if (action.kind === 'edit') await applyEdit(replica, action.edit);
              else if (action.kind === 'list') {
                const intent = await applyListEdit(replica, action.edit, values, itemOf);
                if (intent) intents.push(intent);
              } else {
                networks[action.replica]!.failNext(action.fault);
                await replica.sync.syncNow();
              }
            }

            // Quiescence: time passes (no stamp is ahead of the relay any more) and everyone syncs.
            relayOffset = 11 * minute;
            for (let round = 0; round < 3; round += 1) for (const replica of replicas) await replica.sync.syncNow();

            const allChanges = replicas.flatMap((replica) => readChangeLog(replica.sqlite, { localOnly: true }).map((entry) => entry.change));
            const model = modelState(allChanges);
            const listModel = modelLists(intents);
            const first = replicaState(replicas[0]!);
            for (const replica of replicas) {
              expect(replica.sync.status()).toMatchObject({ state: 'synced', pendingChanges: 0 });
              const state = replicaState(replica);
              expect(state).toEqual(first);
              for (const [key, fields] of model) {
                const stored = state.get(key);
                expect(stored, key).toBeDefined();
                for (const [field, value] of Object.entries(fields)) {
                  if (!derivedColumns.has(`${key.split('/')[0]}.${field}`)) expect(stored![field], `${key}.${field}`).toEqual(value);
                }
              }
              for (const [contactId, lists] of replicaLists(replica)) {
                expect(lists, `lists of ${contactId}`).toEqual(listModel.get(contactId) ?? { phones: [], emails: [], customFields: {} });
              }
            }
          } finally {
            for (const replica of replicas) replica.dispose();
          }
        },
      ),
      {
        numRuns: Number(process.env.FIELDBOOK_SYNC_RUNS ?? 20),
        seed: Number(process.env.FIELDBOOK_SYNC_SEED ?? 424242),
        // Each step of shrinking replays a whole scenario; on a slow machine, report the first failure as found.
        endOnFailure: process.env.FIELDBOOK_SYNC_SHRINK === '0',
      },
    );
  }, 1_800_000);

  it('converges with a laptop not upgraded yet that names tag rows by their tag: each tag shown once, the last add or remove that reached the relay winning', async () => {
    type TagStep =
      | { kind: 'tag'; replica: number; target: number; tags: string[] }
      | { kind: 'older'; target: number; tag: string; present: boolean }
      | { kind: 'sync'; replica: number };
    const tagStep: fc.Arbitrary<TagStep> = fc.oneof(
      fc.record({ kind: fc.constant('tag' as const), replica: fc.nat({ max: 1 }), target: fc.nat(), tags: fc.uniqueArray(fc.constantFrom('vip', 'VIP', 'roof', 'Boiler'), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('older' as const), target: fc.nat(), tag: fc.constantFrom('vip', 'Roof', 'boiler'), present: fc.boolean() }),
      fc.record({ kind: fc.constant('sync' as const), replica: fc.nat({ max: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -10 * minute, max: 10 * minute }), fc.array(tagStep, { minLength: 5, maxLength: 40 }), async (skew, steps) => {
        relayOffset = 0;
        const replicas = [0, 1].map(() => createTempCore({ autoSync: false }));
        try {
          const [admin, teammate] = replicas as [TempCore, TempCore];
          await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Vans', memberName: 'Sam' });
          await teammate.call('sync.join', { relayUrl: relay.url, inviteCode: (await admin.call('sync.invite', {})).inviteCode, memberName: 'Tia' });
          const older = await EarlierIdsLaptop.join(relay.url, (await admin.call('sync.invite', {})).inviteCode, () => Date.now() + skew);
          for (const replica of replicas) replica.sync.stop();
          const contactIds: string[] = [];
          for (const name of ['Ann', 'Bob']) contactIds.push((await admin.call('contacts.create', { draft: { name, tags: ['vip'] }, allowDuplicate: true })).id);
          await admin.sync.syncNow();
          await teammate.sync.syncNow();
          await older.sync();

          for (const action of steps) {
            const contactId = contactIds[(action.kind === 'sync' ? 0 : action.target) % contactIds.length]!;
            if (action.kind === 'tag') await replicas[action.replica]!.invoke('contacts.update', { id: contactId, patch: { tags: action.tags } });
            else if (action.kind === 'older') older.setTag(contactId, action.tag, action.present);
            else if (action.replica === 2) await older.sync();
            else await replicas[action.replica]!.sync.syncNow();
          }
          relayOffset = 11 * minute;
          for (let round = 0; round < 3; round += 1) {
            for (const replica of replicas) await replica.sync.syncNow();
            await older.sync();
          }

          // The model: the merge rules over every change, the older laptop's under the ids upgraded laptops give them.
          const key = rowIdKeyOf(admin.sync.keys.epochs());
          // Once an upgraded laptop's keyed tag rows are at the relay, the older laptop's tag changes are refused (it must be updated): they reach no one.
          const olderChanges: ChangeRecord[] = older.made.filter((change) => !older.refused.has(change.changeId)).map((change) => ({ ...change, rowId: arrivingTagRowId(change.rowId, key) }));
          const allChanges = [...replicas.flatMap((replica) => readChangeLog(replica.sqlite, { localOnly: true }).map((entry) => entry.change)), ...olderChanges];
          const model = modelState(allChanges.filter((change) => change.tableName === 'contact_tags'));
          const first = replicaState(admin);
          expect(replicaState(teammate)).toEqual(first);
          for (const [rowKey, fields] of model) expect(first.get(rowKey), rowKey).toMatchObject(fields);
          for (const contactId of contactIds) {
            const shown = (await admin.call('contacts.get', { id: contactId })).tags.map((tag) => tag.toLowerCase());
            const meant = [...model.entries()].filter(([, row]) => row.contact_id === contactId && row.present === 1).map(([, row]) => String(row.tag).toLowerCase());
            expect(shown.length, `no tag twice on ${contactId}`).toBe(new Set(shown).size);
            expect(shown.sort()).toEqual([...new Set(meant)].sort());
            expect((await teammate.call('contacts.get', { id: contactId })).tags.map((tag) => tag.toLowerCase()).sort()).toEqual(shown.sort());
          }
        } finally {
          for (const replica of replicas) replica.dispose();
        }
      }),
      { numRuns: Number(process.env.FIELDBOOK_SYNC_RUNS ?? 20), seed: Number(process.env.FIELDBOOK_SYNC_SEED ?? 424242), endOnFailure: process.env.FIELDBOOK_SYNC_SHRINK === '0' },
    );
  }, 1_800_000);
});
