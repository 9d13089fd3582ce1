import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { disposeAll, startTeam, syncInTurn } from '../../helpers/workspace-team';

// The audit trail is the change log read by member, record and date: a change Ben makes on his
// laptop shows on Ann's, with his name, once it has synced.

const relay = useRelayInMemory();
let ann: TempCore;
let ben: TempCore;
let contactId: string;
let before: number;

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
  contactId = (await ann.call('contacts.create', { draft: { name: 'Rosa Diaz' } })).id;
  await ann.call('sync.now', {});
  await ben.call('sync.now', {});
  before = Date.now();
  await ben.call('contacts.update', { id: contactId, patch: { company: 'Diaz Heating' } });
  await syncInTurn(ben, ann);
}, 120_000);
afterAll(() => disposeAll(ann, ben));

describe('the audit trail', () => {
  it("shows a change made on another laptop with its member's name, filtered by member, record and date", async () => {
    const bens = await ann.call('audit.list', { member: 'Ben' });
    expect(bens).toHaveLength(1);
    expect(bens[0]).toMatchObject({ member: 'Ben', table: 'contacts', rowId: contactId, local: false });
    expect(bens[0]!.fields).toContain('company');
    expect(bens[0]!.at).toBeGreaterThanOrEqual(before);

    const ofRecord = await ann.call('audit.list', { table: 'contacts', rowId: contactId });
    expect(ofRecord.map((entry) => entry.member)).toEqual(['Ben', 'Ann']);
    expect(await ann.call('audit.list', { from: before })).toHaveLength(1);
    expect(await ann.call('audit.list', { to: before, member: 'Ben' })).toHaveLength(0);
  });

  it('exports as CSV with a header row, and is for admins only', async () => {
    const { csv } = await ann.call('audit.csv', { rowId: contactId });
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.data[0]).toEqual(['When', 'Member', 'Table', 'Record', 'Fields', 'Device']);
    expect(parsed.data.slice(1).map((row) => row[1])).toEqual(['Ben', 'Ann']);
    expect(await ben.invoke('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
