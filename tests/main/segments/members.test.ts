import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src-shared/hlc';
import { exchange } from '../../helpers/exchange-logs';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A static segment's members on two laptops: each adds and takes out contacts at the same time,
// offline, then they exchange their change logs (as sync would, in both directions): what each
// person did stays, both laptops list the same members, and a teammate still on a version that
// writes the whole list is heard too.

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

function laptop(aheadMs: number): TempCore {
  const core = createTempCore({ autoSync: false, now: () => Date.now() + aheadMs });
  cores.push(core);
  return core;
}

const members = async (core: TempCore, id: string) => (await core.call('segments.memberIds', { id })).ids.slice().sort();

async function twoLaptopsWithASegment(names: string[]) {
  const a = laptop(0);
  const b = laptop(1000);
  const people: Record<string, string> = {};
  for (const name of names) people[name] = (await a.call('contacts.create', { draft: { name, tags: ['landlord'] } })).id;
  const segment = await a.call('segments.freeze', {
    name: 'Landlords, Monday',
    definition: { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] },
  });
  exchange(a, b);
  return { a, b, people, id: segment.id };
}

describe('a static segment changed on two laptops at once', () => {
  it('keeps the contacts both added and drops those both took out, the same on both laptops', async () => {
    const { a, b, people, id } = await twoLaptopsWithASegment(['Ann', 'Bob', 'Cat', 'Dev', 'Eve', 'Fay']);
    await a.call('segments.changeMembers', { id, remove: [people.Cat!] });
    await b.call('segments.changeMembers', { id, remove: [people.Dev!, people.Eve!] });
    const gil = (await a.call('contacts.create', { draft: { name: 'Gil' } })).id;
    exchange(a);
    const hal = (await b.call('contacts.create', { draft: { name: 'Hal' } })).id;
    exchange(a, b);
    await a.call('segments.changeMembers', { id, add: [gil], remove: [people.Ann!] });
    await b.call('segments.changeMembers', { id, add: [hal], remove: [people.Ann!] });
    const told: string[][] = [];
    b.on('segments.changed', ({ ids }) => told.push(ids));
    exchange(b, a);
    // The screens showing the segment hear of members that arrived from the other laptop.
    expect(told).toContainEqual([id]);
    const expected = [people.Bob!, people.Fay!, gil, hal].sort();
    expect(await members(a, id)).toEqual(expected);
    expect(await members(b, id)).toEqual(expected);
    expect((await b.call('segments.get', { id })).memberCount).toBe(4);
    // The contacts list filtered by the segment shows exactly its members.
    const listed = await b.call('contacts.list', { filters: { segmentId: id } });
    expect(listed.items.map((item) => item.id).sort()).toEqual(expected);
  });

  it('brings a contact back for both when one laptop adds them again after both took them out', async () => {
    const { a, b, people, id } = await twoLaptopsWithASegment(['Ann', 'Bob']);
    await a.call('segments.changeMembers', { id, remove: [people.Ann!] });
    await b.call('segments.changeMembers', { id, remove: [people.Ann!] });
    exchange(a, b);
    await b.call('segments.changeMembers', { id, add: [people.Ann!] });
    exchange(a, b);
    expect(await members(a, id)).toEqual([people.Ann!, people.Bob!].sort());
    expect(await members(b, id)).toEqual(await members(a, id));
  });

  it('refreezes to the definition by writing only the members that differ', async () => {
    const { a, b, people, id } = await twoLaptopsWithASegment(['Ann', 'Bob']);
    await b.call('segments.changeMembers', { id, add: [(await b.call('contacts.create', { draft: { name: 'Cy' } })).id] });
    await a.call('contacts.update', { id: people.Bob!, patch: { tags: [] } });
    await a.call('segments.save', { id, name: 'Landlords', kind: 'static', shared: true, definition: { type: 'group', join: 'or', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] } });
    exchange(a, b);
    // Ann stays, Bob left with his tag, and Cy, added elsewhere meanwhile, was never taken out.
    expect(await members(a, id)).toEqual(await members(b, id));
    expect((await a.call('segments.memberIds', { id })).ids).toContain(people.Ann!);
    expect((await a.call('segments.memberIds', { id })).ids).not.toContain(people.Bob!);
    expect((await a.call('segments.memberIds', { id })).ids).toHaveLength(2);
  });
});

describe('a teammate whose laptop writes the whole member list', () => {
  it('replaces the members written before that list and keeps those written after it', async () => {
    const { a, b, people, id } = await twoLaptopsWithASegment(['Ann', 'Bob', 'Cat']);
    await a.call('segments.changeMembers', { id, remove: [people.Cat!] });
    exchange(a, b);
    // The older laptop lists Ann and Cat, a moment after A's change: last writer wins on the whole list, as it always did there.
    const olderDevice = 'older-laptop';
    const wholeList = {
      changeId: uuidv7(),
      hlc: formatHlc({ wallMs: Date.now() + 5_000, counter: 0, deviceId: olderDevice }),
      tableName: 'segments',
      rowId: id,
      fields: { member_ids: JSON.stringify([people.Ann!, people.Cat!]) },
      schemaVersion: 2,
      deviceId: olderDevice,
      author: 'Old Laptop',
    };
    for (const core of [a, b]) core.engine.applyRemoteChanges([wholeList]);
    expect(await members(a, id)).toEqual([people.Ann!, people.Cat!].sort());
    // A third laptop, its clock past the list's, takes Ann out and adds Bob afterwards: that counts over the list.
    const later = laptop(10_000);
    exchange(a, b, later);
    later.engine.applyRemoteChanges([wholeList]);
    await later.call('segments.changeMembers', { id, remove: [people.Ann!], add: [people.Bob!] });
    exchange(a, b, later);
    for (const core of [a, b, later]) expect(await members(core, id)).toEqual([people.Bob!, people.Cat!].sort());
  });
});

describe('forgetting a member', () => {
  it('leaves no trace of them in the static segment, in its rows or its whole list', async () => {
    const { a, b, people, id } = await twoLaptopsWithASegment(['Ann', 'Bob']);
    const wholeList = {
      changeId: uuidv7(),
      hlc: formatHlc({ wallMs: Date.now() + 5_000, counter: 0, deviceId: 'older-laptop' }),
      tableName: 'segments',
      rowId: id,
      fields: { member_ids: JSON.stringify([people.Ann!, people.Bob!]) },
      schemaVersion: 2,
      deviceId: 'older-laptop',
      author: 'Old Laptop',
    };
    for (const core of [a, b]) core.engine.applyRemoteChanges([wholeList]);
    await a.call('privacy.forget', { contactId: people.Ann! });
    exchange(a, b);
    for (const core of [a, b]) {
      expect(await members(core, id)).toEqual([people.Bob!]);
      const traces = core.sqlite
        .prepare(`SELECT (SELECT COUNT(*) FROM segment_members WHERE contact_id = ? AND cl % 2 = 1) AS rows, (SELECT member_ids FROM segments WHERE id = ?) AS list`)
        .get(people.Ann!, id) as { rows: number; list: string };
      expect(traces.rows).toBe(0);
      expect(traces.list).not.toContain(people.Ann!);
    }
  });
});
