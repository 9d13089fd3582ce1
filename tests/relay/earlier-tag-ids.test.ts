import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../helpers/temp-core';
import { relayRowStates } from '../main/privacy/forget-scan';
import { EarlierIdsLaptop } from '../main/sync/earlier-ids-laptop';

// A teammate's laptop of the version before keyed row ids names a tag row by its tag. While no
// laptop of the workspace is upgraded, that is how every laptop names them and the relay stores
// them. Once an upgraded laptop's keyed tag rows are at the relay, the older laptop's tag changes
// are refused with words that say to update it: they would show twice beside the keyed rows and
// tell the relay the tag.

const relay = useRelayInMemory();
let ann: TempCore;
let olga: EarlierIdsLaptop;
let contactId: string;

beforeAll(async () => {
  ann = createTempCore({ now: Date.now });
  await ann.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Roofers', memberName: 'Ann' });
  olga = await EarlierIdsLaptop.join(relay.url, (await ann.call('sync.invite', {})).inviteCode, Date.now);
  contactId = (await ann.call('contacts.create', { draft: { name: 'Maeve Doyle' } })).id;
  await ann.call('sync.now', {});
  await olga.sync();
}, 120_000);
afterAll(() => ann?.dispose());

const tagsOnAnn = async () => (await ann.call('contacts.get', { id: contactId })).tags.map((tag) => tag.toLowerCase()).sort();

describe('a laptop of the version before keyed row ids', () => {
  it('has its tags stored while no laptop of the workspace names tags by keys', async () => {
    olga.setTag(contactId, 'Roof', true);
    await olga.sync();
    expect([...olga.refused.values()]).toEqual([]);
    await ann.call('sync.now', {});
    expect(await tagsOnAnn()).toEqual(['roof']);
  });

  it('is told to update once an upgraded laptop names tags by keys, and tells the relay no new tag', async () => {
    await ann.call('contacts.update', { id: contactId, patch: { tags: ['Roof', 'VIP'] } });
    await ann.call('sync.now', {});
    await olga.sync();

    olga.setTag(contactId, 'Boiler', true);
    await olga.sync();
    expect([...olga.refused.values()]).toEqual([expect.stringMatching(/Update Fieldbook on this laptop and sync again/)]);
    expect(await relayRowStates(relay.database, `${contactId}:boiler`)).toBe(0);
    await ann.call('sync.now', {});
    expect(await tagsOnAnn()).toEqual(['roof', 'vip']);
  });
});
