import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../src-main/db/open';
import { ClockStore, clockStoreOf } from '../../../src-main/writes/clock-store';
import { syncedTables } from '../../../src-main/writes/synced-tables';
import type { FieldClocks } from '../../../src-shared/sync/merge';
import { toPreviousClockFormat } from './previous-clock-format';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A laptop whose data folder is of the format before compact clocks (migration 0035): its clocks
// a JSON object per row in row_clocks, with edits not yet pushed. Opened by this version, it
// converts its clocks in place and then syncs with a laptop that was always on this version;
// both end with the same contacts, notes and clocks.

const relay = useRelayInMemory();
const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

function laptop(dataDir?: string): TempCore {
  const core = createTempCore({ autoSync: false, ...(dataDir ? { dataDir } : {}) });
  cores.push(core);
  return core;
}

/** Every synced row's clocks, by table and row id, keys sorted. */
function everyClock(sqlite: Sqlite): Record<string, FieldClocks> {
  const store = new ClockStore(sqlite);
  const all: Record<string, FieldClocks> = {};
  for (const table of Object.keys(syncedTables)) {
    for (const { id } of sqlite.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]) {
      const clocks = store.read(table, id);
      all[`${table} ${id}`] = Object.fromEntries(Object.keys(clocks).sort().map((field) => [field, clocks[field]!]));
    }
  }
  return all;
}

describe('a data folder of the format before compact clocks', () => {
  it('converts its clocks when opened, pushes its unpushed edits, and converges with a laptop on the new format', { timeout: 120_000 }, async () => {
    const ann = laptop();
    await ann.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Vans', memberName: 'Ann' });
    const dee = await ann.call('contacts.create', { draft: { name: 'Dee Jones', company: 'Jones Vans', phones: [{ type: 'mobile', number: '+447700900001' }] } });
    const eve = await ann.call('contacts.create', { draft: { name: 'Eve Hart', company: 'Hart Haulage' } });
    await ann.sync.syncNow();

    const benDir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'fieldbook-previous-format-'));
    const ben = laptop(benDir);
    await ben.call('sync.join', { relayUrl: relay.url, inviteCode: (await ann.call('sync.invite', {})).inviteCode, memberName: 'Ben' });
    await ben.sync.syncNow();
    // Ben's edits, not pushed: a field of Ann's contact (its clock then differs from the row's
    // others), a new contact and a note.
    await ben.call('contacts.update', { id: dee.id, patch: { company: 'Jones & Daughters Vans' } });
    const fay = await ben.call('contacts.create', { draft: { name: 'Fay Lin', company: 'Lin Logistics' } });
    await ben.call('notes.create', { contactId: eve.id, body: 'Wants a quote for two vans' });
    ben.close();
    cores.splice(cores.indexOf(ben), 1);
    const jsonClocks = toPreviousClockFormat(benDir);
    expect(JSON.parse(jsonClocks.get(`contacts ${dee.id}`)!)).toMatchObject({ company: expect.any(String), name: expect.any(String) });

    // Meanwhile Ann edits another field of the same contact.
    await ann.call('contacts.update', { id: dee.id, patch: { jobTitle: 'Owner' } });
    await ann.sync.syncNow();

    const upgraded = laptop(benDir);
    const tables = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'row_clocks%'").all();
    expect(tables).toEqual([]);
    // Every row's clocks are what the JSON said, exactly.
    const store = clockStoreOf(upgraded.sqlite);
    for (const [key, json] of jsonClocks) {
      const [table, rowId] = key.split(' ') as [string, string];
      expect(store.read(table, rowId), key).toStrictEqual(JSON.parse(json));
    }
    expect((await upgraded.call('sync.status', {})).pendingChanges).toBeGreaterThan(0);

    await upgraded.sync.syncNow();
    await ann.sync.syncNow();
    await upgraded.sync.syncNow();

    expect((await upgraded.call('sync.status', {})).pendingChanges).toBe(0);
    for (const id of [dee.id, eve.id, fay.id]) {
      const [onAnn, onBen] = [await ann.call('contacts.get', { id }), await upgraded.call('contacts.get', { id })];
      expect(onBen).toEqual(onAnn);
    }
    expect(await ann.call('contacts.get', { id: dee.id })).toMatchObject({ company: 'Jones & Daughters Vans', jobTitle: 'Owner' });
    expect((await ann.call('notes.list', { contactId: eve.id })).map((note) => note.body)).toEqual(['Wants a quote for two vans']);
    expect(everyClock(upgraded.sqlite)).toEqual(everyClock(ann.sqlite));
  });
});
