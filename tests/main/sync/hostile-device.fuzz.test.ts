import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src-shared/hlc';
import { syncedColumnContract } from '../../../src-shared/sync/change-contract';
import { WireChangeSchema } from '../../../src-shared/sync/protocol';
import { changes, rowState } from '../../../src-relay/db/schema';
import { emptyRowState, foldChange, type RowChange } from '../../../src-shared/sync/merge';
import { findUnstorableText } from '../../../src-relay/http';
import { syncedTables } from '../../../src-main/writes/synced-tables';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { call, inviteAndJoin } from '../../relay/helpers/relay-harness';

// A member device gone bad (a stolen token, a broken build) pushes thousands of random,
// malformed and hostile changes while two honest laptops keep editing, and some hostile changes
// are also put straight into the relay's log, as a relay of an earlier version stored them
// unchecked. Sync never stops: every honest laptop ends in the same state, a new laptop
// bootstraps to that state too, and the relay never fails with an internal error.
//
// CI runs one fixed seed. A longer run:
//   FIELDBOOK_FUZZ_SEED=7 FIELDBOOK_FUZZ_ROUNDS=40 FIELDBOOK_FUZZ_BATCH=500 npx vitest run tests/main/sync/hostile-device.fuzz.test.ts

const seed = Number(process.env.FIELDBOOK_FUZZ_SEED ?? 20261205);
const rounds = Number(process.env.FIELDBOOK_FUZZ_ROUNDS ?? 6);
const batchSize = Number(process.env.FIELDBOOK_FUZZ_BATCH ?? 300);

const relay = useRelayInMemory({ rateLimit: { perSecond: 100_000, burst: 100_000 } });

const tables = Object.keys(syncedColumnContract);
const columnsOf = (table: string) => Object.keys(syncedColumnContract[table as keyof typeof syncedColumnContract] ?? {});

/** A value a column might be sent, from plausible to hostile. */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\ud800b', '\udc00', '\u202e', '=cmd|calc', '{"not": "a list"}', '[{"type":"mobile","e164":null}]', 'x'.repeat(300_000)),
  fc.integer(),
  fc.integer({ min: -10, max: 10 }),
  fc.constantFrom(0, 1, 2, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function hostileChanges(rowIds: readonly string[]) {
  const table = fc.oneof(fc.constantFrom(...tables), fc.constantFrom('users', 'sqlite_master', 'contacts; DROP TABLE contacts', 'a'.repeat(63)));
  return fc
    .record({
      table,
      rowId: fc.oneof(fc.constantFrom(...rowIds), fc.uuid(), fc.string({ minLength: 1, maxLength: 200 })),
      fieldCount: fc.integer({ min: 0, max: 4 }),
      names: fc.array(fc.oneof(fc.constantFrom('name', 'cl', 'kind', 'status', 'phones', 'body', 'contact_id'), fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/)), { maxLength: 4 }),
      values: fc.array(hostileValue, { minLength: 4, maxLength: 4 }),
      hlcShift: fc.integer({ min: -3_600_000, max: 60_000 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      author: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(500)), fc.constant('\u0000')),
      schemaVersion: fc.integer({ min: 1, max: 9 }),
    })
    .map((draw) => {
      const known = columnsOf(draw.table);
      const names = [...draw.names, ...known].slice(0, Math.max(draw.fieldCount, 1));
      const fields: Record<string, unknown> = {};
      names.forEach((name, index) => (fields[name] = draw.values[index % draw.values.length]));
      return {
        changeId: `hostile-${Math.random().toString(36).slice(2)}`,
        hlc: formatHlc({ wallMs: Date.now() + draw.hlcShift, counter: draw.counter, deviceId: 'hostile' }),
        tableName: draw.table,
        rowId: draw.rowId,
        fields,
        schemaVersion: draw.schemaVersion,
        deviceId: '',
        author: draw.author,
      };
    });
}

/** The synced columns of every synced row (what must be equal on every laptop). */
function replicaState(core: TempCore): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [table, columns] of Object.entries(syncedTables)) {
    for (const row of core.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]) {
      state[`${table}/${String(row.id)}`] = Object.fromEntries(columns.map((column) => [column, row[column]]));
    }
  }
  return state;
}

async function storeAsAnEarlierRelayDid(workspaceId: string, change: { changeId: string; hlc: string; tableName: string; rowId: string; fields: Record<string, unknown>; author: string; schemaVersion: number }) {
  await relay.database.db.transaction(async (tx) => {
    const result = (await tx.execute(sql`SELECT coalesce(max(workspace_seq), 0)::int AS seq FROM changes WHERE workspace_id = ${workspaceId}`)) as unknown as { rows: { seq: number }[] };
    await tx.insert(changes).values({
      workspaceId,
      workspaceSeq: (result.rows[0]?.seq ?? 0) + 1,
      changeId: change.changeId,
      deviceId: 'hostile-device',
      hlc: change.hlc,
      schemaVersion: change.schemaVersion,
      payload: { tableName: change.tableName, rowId: change.rowId, fields: change.fields as Record<string, string | number | null>, author: change.author },
      receivedAt: Date.now(),
    });
    // And folded it into the snapshot.
    const [row] = await tx.select().from(rowState).where(sql`${rowState.workspaceId} = ${workspaceId} AND ${rowState.tableName} = ${change.tableName} AND ${rowState.rowId} = ${change.rowId}`);
    const folded = foldChange(row ?? emptyRowState(), change as RowChange);
    await tx
      .insert(rowState)
      .values({ workspaceId, tableName: change.tableName, rowId: change.rowId, ...folded })
      .onConflictDoUpdate({ target: [rowState.workspaceId, rowState.tableName, rowState.rowId], set: { fields: folded.fields, clocks: folded.clocks, authors: folded.authors } });
  });
}

describe('a hostile member device', () => {
  it('cannot stop honest laptops converging, nor a new laptop bootstrapping', async () => {
    const random = fc.sample(fc.integer(), { seed, numRuns: 1 })[0]!;
    const honestA = createTempCore({ autoSync: false });
    const honestB = createTempCore({ autoSync: false });
    const newcomer = createTempCore({ autoSync: false });
    const serverErrors: unknown[] = [];
    try {
      await honestA.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
      await honestB.call('sync.join', { relayUrl: relay.url, inviteCode: (await honestA.call('sync.invite', {})).inviteCode, memberName: 'Priya' });
      const adminToken = honestA.sync.client()['token' as never] as string;
      const hostile = await inviteAndJoin(relay.url, { deviceToken: adminToken } as never, 'Mallory');
      const workspaceId = hostile.workspaceId;
      const rowIds: string[] = [];
      let pushed = 0;

      for (let round = 0; round < rounds; round += 1) {
        // Honest editing on both laptops.
        for (const [index, laptop] of [honestA, honestB].entries()) {
          const contact = await laptop.call('contacts.create', { draft: { name: `Honest ${round}-${index}`, phones: [{ type: 'mobile', number: `+4477009${String(round * 10 + index).padStart(5, '0')}` }] } });
          rowIds.push(contact.id);
          await laptop.call('notes.create', { contactId: contact.id, body: `Note ${round}-${index}` });
          const earlier = rowIds[(round * 7 + index) % rowIds.length]!;
          await laptop.invoke('contacts.update', { id: earlier, patch: { summary: `Edited in round ${round} by ${index}` } });
        }
        // The hostile device: a batch of random changes, and some garbage that is no batch at all.
        const batch = fc.sample(hostileChanges(rowIds), { seed: random + round, numRuns: batchSize });
        for (let start = 0; start < batch.length; start += 100) {
          const answer = await call(relay.url, 'POST', '/v1/push', { token: hostile.deviceToken, body: { changes: batch.slice(start, start + 100) } });
          if (answer.status >= 500) serverErrors.push(answer.body);
          pushed += 100;
        }
        for (const garbage of fc.sample(fc.anything(), { seed: random - round, numRuns: 20 })) {
          const answer = await call(relay.url, 'POST', '/v1/push', { token: hostile.deviceToken, body: { changes: [garbage] } });
          if (answer.status >= 500) serverErrors.push(answer.body);
        }
        // As an earlier relay would have stored them, unchecked.
        // (Earlier relays checked the shape of a change and PostgreSQL never stored a NUL, so only
        // changes of the protocol's shape are put there.)
        for (const change of batch.slice(0, 20).filter((candidate) => WireChangeSchema.safeParse(candidate).success && !findUnstorableText(candidate))) {
          await storeAsAnEarlierRelayDid(workspaceId, { ...change, changeId: `${change.changeId}-old` });
        }
        for (const laptop of [honestA, honestB]) {
          const status = await laptop.call('sync.now', {});
          expect(status.state, `round ${round}: ${status.message}`).toBe('synced');
        }
      }
      for (const laptop of [honestA, honestB, honestA]) await laptop.call('sync.now', {});
      await newcomer.call('sync.join', { relayUrl: relay.url, inviteCode: (await honestA.call('sync.invite', {})).inviteCode, memberName: 'Neil' });

      expect(serverErrors).toEqual([]);
      expect(pushed).toBeGreaterThanOrEqual(rounds * batchSize);
      const stateA = replicaState(honestA);
      expect(replicaState(honestB), 'the other honest laptop').toEqual(stateA);
      expect(replicaState(newcomer), 'the laptop that joined last').toEqual(stateA);
      // Every honest contact is on every laptop (a hostile device may edit or delete rows, as any
      // member may, but never make one disappear from some laptops and not others).
      for (const id of rowIds) expect(stateA[`contacts/${id}`], id).toBeDefined();
      expect((await honestA.call('sync.status', {})).setAsideChanges).toBeGreaterThan(0);
    } finally {
      honestA.dispose();
      honestB.dispose();
      newcomer.dispose();
    }
  }, 240_000);
});
