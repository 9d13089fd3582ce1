import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { OlderLaptop } from './older-laptop';

// A team in the middle of an upgrade: two laptops on this version, one still on schema version
// 1 (older-laptop.ts), one relay (PGlite, in process). Lists edited item by item on the new
// laptops, and whole on the old one, end the same on every new laptop, on one that joins later
// from the relay's snapshot, and on the old one once a new laptop has written the list again.

let relayDir: string;
let database: RelayDatabase;
let relay: Relay;
const cores: TempCore[] = [];

beforeAll(async () => {
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-older-'));
  database = await openRelayDatabase({ dataDir: relayDir });
  relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 100_000, burst: 100_000 } });
}, 180_000);

afterAll(async () => {
  for (const core of cores.splice(0)) core.dispose();
  await relay.close();
  await database.close();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

const customFields = [
  { id: 'gate_code', label: 'Gate code', kind: 'text' as const, choices: [] },
  { id: 'floors', label: 'Floors', kind: 'number' as const, choices: [] },
];
const phone = (type: string, number: string) => ({ type: type as 'mobile', number });
const e164s = (phones: { type: string; e164: string }[]) => phones.map((entry) => `${entry.type} ${entry.e164}`).sort();
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function newLaptop(): Promise<TempCore> {
  const core = createTempCore({ autoSync: false });
  cores.push(core);
  await core.call('settings.update', { customFields });
  return core;
}

describe('lists on a team where one laptop is still on the previous version', () => {
  it('ends with the same phones and custom fields everywhere, whole lists from the old laptop included', async () => {
    const a = await newLaptop();
    const b = await newLaptop();
    await a.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Vans', memberName: 'Ann' });
    await b.call('sync.join', { relayUrl: relay.url, inviteCode: (await a.call('sync.invite', {})).inviteCode, memberName: 'Ben' });
    const old = await OlderLaptop.join(relay.url, (await a.call('sync.invite', {})).inviteCode, 'Olga');
    for (const core of [a, b]) core.sync.stop();
    const syncNew = async (...laptops: TempCore[]) => {
      for (const core of laptops) await core.sync.syncNow();
    };

    const { id } = await a.call('contacts.create', {
      draft: { name: 'Dee', phones: [phone('mobile', '+447700900001')], customFields: { gate_code: '1111' } },
    });
    await syncNew(a, b);
    await old.sync();
    expect(old.field(id, 'phones')).toEqual([{ type: 'mobile', e164: '+447700900001' }]);

    // Ann and Ben each add a number while apart.
    await a.call('contacts.update', { id, patch: { phones: [phone('mobile', '+447700900001'), phone('work', '+447700900002')] } });
    await b.call('contacts.update', { id, patch: { phones: [phone('mobile', '+447700900001'), phone('home', '+447700900003')] } });
    await syncNew(a, b, a);
    for (const core of [a, b]) {
      expect(e164s((await core.call('contacts.get', { id })).phones)).toEqual(['home +447700900003', 'mobile +447700900001', 'work +447700900002']);
    }
    // Ben edits his number's type: the copy of the list his change carries has all three, so Olga sees them.
    await b.call('contacts.update', { id, patch: { phones: [phone('mobile', '+447700900001'), phone('work', '+447700900002'), phone('fax', '+447700900003')] } });
    await syncNew(b);
    await old.sync();
    expect((old.field(id, 'phones') as { e164: string }[]).map((entry) => entry.e164).sort()).toEqual(['+447700900001', '+447700900002', '+447700900003']);
    expect(old.keptAside.length).toBeGreaterThan(0);

    // Olga, on the old version, replaces the list whole (drops the work number, adds one) and
    // sets both custom fields; a moment later Ann, who has not seen that yet, adds a number.
    old.editContact(id, {
      phones: [
        { type: 'mobile', e164: '+447700900001' },
        { type: 'fax', e164: '+447700900003' },
        { type: 'home', e164: '+447700900004' },
      ],
      custom_fields: { gate_code: '9999', floors: 2 },
      updated_at: Date.now(),
    });
    await pause();
    const apartFromOlga = (await a.call('contacts.get', { id })).phones.map((entry) => ({ type: entry.type, number: entry.e164 }));
    await a.call('contacts.update', { id, patch: { phones: [...apartFromOlga, phone('other', '+447700900005')] } });
    await old.sync();
    await syncNew(a, b, a);
    const expected = ['fax +447700900003', 'home +447700900004', 'mobile +447700900001', 'other +447700900005'];
    for (const core of [a, b]) {
      const dee = await core.call('contacts.get', { id });
      expect(e164s(dee.phones)).toEqual(expected);
      expect(dee.customFields).toEqual({ gate_code: '9999', floors: 2 });
    }
    expect((await a.call('contacts.get', { id })).phones).toEqual((await b.call('contacts.get', { id })).phones);

    // A laptop joining now starts from the relay's snapshot and shows the same.
    const c = await newLaptop();
    await c.call('sync.join', { relayUrl: relay.url, inviteCode: (await a.call('sync.invite', {})).inviteCode, memberName: 'Cat' });
    const onC = await c.call('contacts.get', { id });
    expect(onC.phones).toEqual((await a.call('contacts.get', { id })).phones);
    expect(onC.customFields).toEqual({ gate_code: '9999', floors: 2 });

    // Olga shows the list of the latest whole write she has (Ann's, made before Ann saw hers);
    // the next edit on a new laptop brings her the merged list.
    await b.call('contacts.update', { id, patch: { customFields: { floors: 3 } } });
    await b.call('contacts.update', {
      id,
      patch: { phones: (await b.call('contacts.get', { id })).phones.map((entry) => ({ type: entry.type, number: entry.e164 })).reverse() },
    });
    await syncNew(b);
    await old.sync();
    expect(e164s(old.field(id, 'phones') as { type: string; e164: string }[])).toEqual(expected);
    expect(old.field(id, 'custom_fields')).toEqual({ floors: 3, gate_code: '9999' });
  }, 300_000);
});
