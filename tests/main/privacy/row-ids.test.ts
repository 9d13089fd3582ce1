import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../src-shared/hlc';
import { newEpochKeys } from '../../../src-shared/sync/sealing';
import { arrivingTagRowId, baseItemId, rowIdKeyOf, tagRowId, unkeyedBaseItemId } from '../../../src-main/privacy/row-ids';
import { schemaVersion, type FieldValues } from '../../../src-main/writes/synced-tables';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Row ids derived from content (a tag, the item of a number or address a contact was created
// with) are keyed with the workspace's row-id key: the relay cannot read a tag from an id, nor
// confirm a guessed number by hashing it. A laptop re-keys its rows in place the first time it
// holds a key; rows still arriving under the earlier ids meet the keyed ones.

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

function newCore(): TempCore {
  const core = createTempCore({ autoSync: false });
  cores.push(core);
  return core;
}

const ids = (core: TempCore, table: string) => (core.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
const loggedIds = (core: TempCore, table: string) =>
  (
    core.sqlite
      .prepare('SELECT DISTINCT row_id FROM changes WHERE table_name = ? UNION SELECT row_id FROM clocks JOIN clock_tables ON code = table_code WHERE name = ?')
      .all(table, table) as { row_id: string }[]
  ).map(
    (row) => row.row_id,
  );

describe('keyed row ids', () => {
  const key = rowIdKeyOf([newEpochKeys(1)])!;

  it('are the same for the same tag or number on every laptop of a workspace, and name neither', () => {
    const contact = uuidv7();
    expect(tagRowId(contact, 'Gas Safe', key)).toBe(tagRowId(contact, 'gas safe', key));
    expect(tagRowId(contact, 'Gas Safe', key)).toMatch(new RegExp(`^${contact}:#[0-9A-F]{32}$`));
    expect(tagRowId(contact, 'Gas Safe', key).toLowerCase()).not.toContain('gas');
    // Two contacts sharing a tag do not share an id suffix: the relay cannot group them.
    expect(tagRowId(uuidv7(), 'Gas Safe', key).split(':')[1]).not.toBe(tagRowId(contact, 'Gas Safe', key).split(':')[1]);
    expect(baseItemId(contact, 'emails', 'Ann@Example.com', key)).toBe(baseItemId(contact, 'emails', 'ann@example.com', key));
    expect(baseItemId(contact, 'phones', '+447700900123', key)).not.toBe(unkeyedBaseItemId(contact, 'phones', '+447700900123'));
    // Another workspace's key gives other ids; rotation keeps the first epoch, so the same ones.
    expect(tagRowId(contact, 'Gas Safe', rowIdKeyOf([newEpochKeys(1)]))).not.toBe(tagRowId(contact, 'Gas Safe', key));
    const ring = [newEpochKeys(1)];
    expect(rowIdKeyOf([...ring, newEpochKeys(2)])!.equals(rowIdKeyOf(ring)!)).toBe(true);
  });

  it('take a tag row arriving under the earlier id to its keyed row, and leave a keyed one as it is', () => {
    const contact = uuidv7();
    expect(arrivingTagRowId(`${contact}:gas safe`, key)).toBe(tagRowId(contact, 'Gas Safe', key));
    expect(arrivingTagRowId(tagRowId(contact, 'Roof', key), key)).toBe(tagRowId(contact, 'Roof', key));
    expect(arrivingTagRowId(`${contact}:gas safe`, undefined)).toBe(`${contact}:gas safe`);
  });
});

describe('a laptop that first holds a workspace key', () => {
  it('re-keys its tags and numbers in place, shows its contacts as before, and keeps editing them without duplicates', async () => {
    const core = newCore();
    const ann = await core.call('contacts.create', {
      draft: { name: 'Ann', tags: ['VIP', 'Roof'], phones: [{ type: 'mobile', number: '07700 900123' }], emails: [{ type: 'work', address: 'ann@example.com' }] },
    });
    // Its number's type edited (a row for the entry it was created with), a tag taken off.
    await core.call('contacts.update', { id: ann.id, patch: { phones: [{ type: 'work', number: '07700 900123' }], tags: ['VIP'] } });
    const before = await core.call('contacts.get', { id: ann.id });
    expect(ids(core, 'contact_tags')).toEqual([`${ann.id}:roof`, `${ann.id}:vip`]);
    expect(ids(core, 'contact_phone_items')).toEqual([unkeyedBaseItemId(ann.id, 'phones', '+447700900123')]);

    const ring = [newEpochKeys(1)];
    await core.rowIds.adopt(ring);
    const key = rowIdKeyOf(ring)!;
    expect(ids(core, 'contact_tags').sort()).toEqual([tagRowId(ann.id, 'roof', key), tagRowId(ann.id, 'vip', key)].sort());
    expect(ids(core, 'contact_phone_items')).toEqual([baseItemId(ann.id, 'phones', '+447700900123', key)]);
    // Its clocks and its whole history (pushed or not) follow it: nothing is left under the old ids.
    for (const table of ['contact_tags', 'contact_phone_items']) {
      expect(loggedIds(core, table).sort()).toEqual(ids(core, table).sort());
    }
    expect(await core.call('contacts.get', { id: ann.id })).toEqual(before);

    await core.call('contacts.update', { id: ann.id, patch: { tags: ['vip', 'Roof', 'Boiler'], phones: [{ type: 'home', number: '07700 900123' }] } });
    const after = await core.call('contacts.get', { id: ann.id });
    expect(after.tags.map((tag) => tag.toLowerCase()).sort()).toEqual(['boiler', 'roof', 'vip']);
    expect(after.phones).toEqual([{ type: 'home', e164: '+447700900123' }]);
    expect(ids(core, 'contact_tags')).toHaveLength(3);
    expect(ids(core, 'contact_phone_items')).toHaveLength(1);
    const search = await core.call('contacts.list', { query: 'boiler', filters: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 });
    expect(search.items.map((item) => item.id)).toEqual([ann.id]);

    // The same ring again changes nothing; another workspace's key re-keys once more.
    await core.rowIds.adopt(ring);
    expect(ids(core, 'contact_tags')).toHaveLength(3);
    const other = [newEpochKeys(1)];
    await core.rowIds.adopt(other);
    expect(ids(core, 'contact_tags').sort()).toEqual(['boiler', 'roof', 'vip'].map((tag) => tagRowId(ann.id, tag, rowIdKeyOf(other))).sort());
    expect(ids(core, 'contact_phone_items')).toEqual([baseItemId(ann.id, 'phones', '+447700900123', rowIdKeyOf(other))]);
    expect((await core.call('contacts.get', { id: ann.id })).phones).toEqual([{ type: 'home', e164: '+447700900123' }]);
  });
});

describe('rows arriving under the earlier ids on a re-keyed laptop', () => {
  /** A teammate's laptop not upgraded yet, writing as that version names rows. */
  function olderTeammate(core: TempCore) {
    const clock = new HybridLogicalClock(`older-${randomBytes(4).toString('hex')}`, () => Date.now() + 1000);
    return (tableName: string, rowId: string, fields: FieldValues) => {
      const change = { changeId: uuidv7(), hlc: clock.tick(), tableName, rowId, fields, schemaVersion, deviceId: clock.deviceId, author: 'Olga' };
      core.engine.applyRemoteChanges(core.rowIds.arriving([change]));
    };
  }

  it('meet the keyed rows of the same tag and number: one tag, one number, and the later edit or removal wins', async () => {
    const core = newCore();
    await core.rowIds.adopt([newEpochKeys(1)]);
    const ann = await core.call('contacts.create', { draft: { name: 'Ann', tags: ['VIP', 'Roof'], phones: [{ type: 'mobile', number: '07700 900123' }] } });
    const older = olderTeammate(core);

    older('contact_tags', `${ann.id}:vip`, { contact_id: ann.id, tag: 'VIP', present: 1 });
    older('contact_tags', `${ann.id}:roof`, { present: 0 });
    older('contact_tags', `${ann.id}:boiler`, { contact_id: ann.id, tag: 'Boiler', present: 1 });
    // The number it was created with, its type edited there (a whole item, as that version writes it).
    older('contact_phone_items', unkeyedBaseItemId(ann.id, 'phones', '+447700900123'), { contact_id: ann.id, type: 'home', e164: '+447700900123', position: 0, cl: 1 });

    const seen = await core.call('contacts.get', { id: ann.id });
    expect(seen.tags.sort()).toEqual(['Boiler', 'VIP']);
    expect(seen.phones).toEqual([{ type: 'home', e164: '+447700900123' }]);
    expect(ids(core, 'contact_tags')).toHaveLength(3);

    // Edited here after that: this laptop's edit is the later one, and still one number.
    await core.call('contacts.update', { id: ann.id, patch: { phones: [{ type: 'work', number: '07700 900123' }], tags: ['VIP'] } });
    expect(await core.call('contacts.get', { id: ann.id })).toMatchObject({ tags: ['VIP'], phones: [{ type: 'work', e164: '+447700900123' }] });
    // Removed on the older laptop (the greater causal length), whatever this laptop wrote meanwhile.
    older('contact_phone_items', unkeyedBaseItemId(ann.id, 'phones', '+447700900123'), { contact_id: ann.id, type: 'home', e164: '+447700900123', position: 0, cl: 2 });
    expect((await core.call('contacts.get', { id: ann.id })).phones).toEqual([]);
  });
});

describe('re-keying a laptop with many rows', () => {
  it('goes a batch at a time with progress for the screen, and local writes wait meanwhile with the reason', async () => {
    const core = newCore();
    const empty = { street: '', city: '', region: '', postcode: '', country: '' };
    core.engine.transaction(() => {
      for (let index = 0; index < 2500; index += 1) {
        core.contacts.create(
          { kind: 'person', name: `Customer ${index}`, company: '', jobTitle: '', phones: [], emails: [], address: empty, status: 'active', source: '', tags: ['Landlord'], potentialValue: null, summary: '', doNotContact: false, customFields: {} },
          { allowDuplicate: true },
        );
      }
    });
    const heard: { done: number; total: number }[][] = [];
    core.on('privacy.upgradeProgress', ({ steps }) => heard.push(steps.filter((step) => step.step === 'rekeying-rows').map(({ done, total }) => ({ done, total }))));

    const adopting = core.rowIds.adopt([newEpochKeys(1)]);
    const refused = await core.invoke('contacts.create', { draft: { name: 'Typed meanwhile' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/preparing this laptop's tags and list items for end-to-end encryption/) } });
    // While it runs, the status the screen loads says how far it is.
    expect((await core.call('privacy.upgradeProgress', {})).steps).toEqual([expect.objectContaining({ step: 'rekeying-rows', done: 0 })]);
    await adopting;

    // Counting first, then the rows moved out of how many.
    expect(heard.slice(0, 2)).toEqual([[{ done: 0, total: 0 }], [{ done: 0, total: 2500 }]]);
    expect(heard.at(-2)).toEqual([{ done: 2500, total: 2500 }]);
    expect(heard.at(-1)).toEqual([]);
    const done = heard.flatMap((steps) => steps.map((step) => step.done));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect((await core.call('privacy.upgradeProgress', {})).steps).toEqual([]);
    // Done: every tag is keyed, and writing works again.
    expect(ids(core, 'contact_tags').every((id) => id.includes(':#'))).toBe(true);
    expect((await core.invoke('contacts.create', { draft: { name: 'Typed after' } })).ok).toBe(true);
  });
});
