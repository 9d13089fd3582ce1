import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { startTeam } from '../../helpers/workspace-team';

// A merge on one laptop reaches the other as the merge, not as a ghost: the teammate ends with one
// contact, and a note the teammate added to the merged-away contact before hearing of the merge
// ends up on the survivor on both laptops instead of bringing the other contact back.

const relay = useRelayInMemory({ rateLimit: { perSecond: 1e6, burst: 1e6 } });
let ann: TempCore;
let ben: TempCore;

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
}, 120_000);

afterAll(() => {
  ann?.dispose();
  ben?.dispose();
});

const names = async (core: TempCore) => {
  await core.call('sync.now', {});
  const page = await core.call('contacts.list', { query: '', sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 });
  return page.items.map((item) => item.name);
};
const noteBodies = async (core: TempCore, contactId: string) => (await core.call('notes.list', { contactId })).map((note) => note.body).sort();

describe('merging duplicates across laptops', () => {
  it('leaves one contact on the other laptop, and a stale laptop’s late note lands on the survivor', async () => {
    const ruth = await ann.call('contacts.create', { draft: { name: 'Ruth Hartley', emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }] } });
    const copy = await ann.call('contacts.create', { draft: { name: 'R Hartley', emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }], jobTitle: 'Owner' }, allowDuplicate: true });
    await ann.call('notes.create', { contactId: copy.id, body: 'Twelve flats on Cotham Hill' });
    await ann.call('sync.now', {});
    expect(await names(ben)).toEqual(['R Hartley', 'Ruth Hartley']);

    // Ben's laptop is offline while Ann merges, and he writes on the contact that is gone.
    ben.sync.stop();
    const { undoId } = await ann.call('contacts.merge', { survivorId: ruth.id, otherId: copy.id, fromOther: ['jobTitle'] });
    await ann.call('sync.now', {});
    await ben.call('notes.create', { contactId: copy.id, body: 'Rang back about the boiler' });
    ben.sync.start();

    expect(await names(ben)).toEqual(['Ruth Hartley']);
    expect(await names(ann)).toEqual(['Ruth Hartley']);
    for (const laptop of [ann, ben]) {
      expect(await noteBodies(laptop, ruth.id)).toEqual(['Rang back about the boiler', 'Twelve flats on Cotham Hill']);
      expect(await noteBodies(laptop, copy.id)).toEqual([]);
      expect((await laptop.invoke('contacts.get', { id: copy.id })).ok).toBe(false);
      expect(await laptop.call('contacts.get', { id: ruth.id })).toMatchObject({ jobTitle: 'Owner' });
    }
    // Nothing more for either laptop to send or take: the two agree.
    await ann.call('sync.now', {});
    await ben.call('sync.now', {});
    expect(await names(ann)).toEqual(await names(ben));

    await ann.call('contacts.unmerge', { undoId });
    expect(await names(ann)).toEqual(['R Hartley', 'Ruth Hartley']);
    expect(await names(ben)).toEqual(['R Hartley', 'Ruth Hartley']);
    expect(await noteBodies(ben, copy.id)).toEqual(['Twelve flats on Cotham Hill']);
    expect(await ben.call('contacts.get', { id: ruth.id })).toMatchObject({ jobTitle: '' });
  });
});
