import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../../src-shared/domain/segment';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { disposeAll, startTeam, syncInTurn } from '../../helpers/workspace-team';

// A segment Ann shares reaches Ben's laptop through the relay (sealed like every value), and
// means the same contacts there; a personal one syncs too but stays off his list; a rename on
// one laptop and a new definition on the other both survive, field by field.

const relay = useRelayInMemory({ rateLimit: { perSecond: 1e6, burst: 1e6 } });
let ann: TempCore;
let ben: TempCore;

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
  await ann.call('settings.update', { userName: 'Ann' });
  await ben.call('settings.update', { userName: 'Ben' });
}, 120_000);

afterAll(() => disposeAll(ann, ben));

const bristolLandlords: SegmentDefinition = {
  type: 'group',
  join: 'and',
  children: [
    { type: 'criterion', field: 'city', op: 'equals', value: 'Bristol' },
    { type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' },
  ],
};
const city = (name: string) => ({ street: '', city: name, region: '', postcode: '', country: '' });

describe('segments across laptops', () => {
  it('a shared segment is on the teammate’s laptop after sync, with the same members', async () => {
    const ruth = await ann.call('contacts.create', { draft: { name: 'Ruth Hartley', address: city('Bristol'), tags: ['landlord'] } });
    await ann.call('contacts.create', { draft: { name: 'Bea Moss', address: city('Bath'), tags: ['landlord'] } });
    const shared = await ann.call('segments.save', { name: 'Bristol landlords', definition: bristolLandlords, shared: true });
    await ann.call('segments.save', { name: 'Ann’s own', definition: bristolLandlords, shared: false });
    await syncInTurn(ann, ben);

    const seen = await ben.call('segments.list', {});
    expect(seen.map((segment) => segment.name)).toEqual(['Bristol landlords']);
    expect(seen[0]).toMatchObject({ id: shared.id, owner: 'Ann', kind: 'dynamic', definition: bristolLandlords });
    expect(await ben.call('segments.memberIds', { id: shared.id })).toEqual({ ids: [ruth.id] });
    const page = await ben.call('contacts.list', { filters: { segmentId: shared.id } });
    expect(page.items.map((item) => item.name)).toEqual(['Ruth Hartley']);
  });

  it('keeps a rename from one laptop and a new definition from the other', async () => {
    const [segment] = (await ann.call('segments.list', {})).filter((one) => one.name === 'Bristol landlords');
    const wider: SegmentDefinition = { ...bristolLandlords, join: 'or' };
    await ann.call('segments.save', { id: segment!.id, name: 'Landlords around Bristol', definition: bristolLandlords, shared: true });
    await ben.call('segments.save', { id: segment!.id, name: 'Bristol landlords', definition: wider, shared: true });
    await syncInTurn(ann, ben, ann);
    for (const laptop of [ann, ben]) {
      expect(await laptop.call('segments.get', { id: segment!.id })).toMatchObject({ name: 'Landlords around Bristol', definition: wider });
      expect((await laptop.call('segments.memberIds', { id: segment!.id })).ids).toHaveLength(2);
    }
  });
});
