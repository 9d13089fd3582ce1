import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../src-main/writes/change-log';
import { formatHlc } from '../../../src-shared/hlc';
import type { SegmentDefinition } from '../../../src-shared/domain/segment';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

/** city = Bristol AND (tag landlord OR lifecycle customer) */
const bristolLandlordsOrCustomers: SegmentDefinition = {
  type: 'group',
  join: 'and',
  children: [
    { type: 'criterion', field: 'city', op: 'equals', value: 'Bristol' },
    {
      type: 'group',
      join: 'or',
      children: [
        { type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' },
        { type: 'criterion', field: 'lifecycle', op: 'equals', value: 'customer' },
      ],
    },
  ],
};

async function people() {
  const make = (name: string, city: string, tags: string[], contactType = 'Lead') =>
    core.call('contacts.create', { draft: { name, address: { street: '', city, region: '', postcode: '', country: '' }, tags, contactType } });
  const ruth = await make('Ruth Hartley', 'Bristol', ['landlord']);
  const omar = await make('Omar Diaz', 'bristol', [], 'Customer');
  const lee = await make('Lee Stone', 'Bristol', ['tenant']);
  const bea = await make('Bea Moss', 'Bath', ['landlord']);
  return { ruth, omar, lee, bea };
}

describe('segments', () => {
  it('counts and previews who a definition matches, in the contacts list’s rows', async () => {
    const { ruth, omar } = await people();
    expect(await core.call('segments.count', { definition: bristolLandlordsOrCustomers })).toEqual({ count: 2 });
    const preview = await core.call('segments.preview', { definition: bristolLandlordsOrCustomers, limit: 10 });
    expect(preview.count).toBe(2);
    expect(preview.items.map((item) => item.id)).toEqual([omar.id, ruth.id]);
    expect(preview.items[1]).toMatchObject({ name: 'Ruth Hartley', tags: ['landlord'] });
  });

  it('keeps a dynamic segment up to date, and a static one as it was frozen', async () => {
    const { ruth, omar, lee } = await people();
    const dynamic = await core.call('segments.save', { name: 'Bristol landlords', definition: bristolLandlordsOrCustomers });
    const frozen = await core.call('segments.freeze', { name: 'Bristol, Monday', definition: bristolLandlordsOrCustomers });
    expect(frozen).toMatchObject({ kind: 'static', memberCount: 2 });
    await core.call('contacts.update', { id: lee.id, patch: { tags: ['tenant', 'landlord'] } });
    expect((await core.call('segments.memberIds', { id: dynamic.id })).ids.sort()).toEqual([lee.id, omar.id, ruth.id].sort());
    expect((await core.call('segments.memberIds', { id: frozen.id })).ids.sort()).toEqual([omar.id, ruth.id].sort());
    // A deleted member leaves the static list's members without a trace.
    await core.call('contacts.delete', { id: omar.id });
    expect((await core.call('segments.memberIds', { id: frozen.id })).ids).toEqual([ruth.id]);
  });

  it('lists shared segments and the user’s own personal ones, renames without refreezing, deletes and restores', async () => {
    await core.call('settings.update', { userName: 'Ann' });
    const { lee } = await people();
    const mine = await core.call('segments.save', { name: 'Mine', definition: bristolLandlordsOrCustomers, shared: false, kind: 'static' });
    await core.call('contacts.update', { id: lee.id, patch: { tags: ['landlord'] } });
    const renamed = await core.call('segments.save', { id: mine.id, name: 'Still mine', definition: bristolLandlordsOrCustomers, shared: false, kind: 'static' });
    expect(renamed).toMatchObject({ name: 'Still mine', memberCount: 2, owner: 'Ann', shared: false });
    await core.call('settings.update', { userName: 'Bo' });
    expect(await core.call('segments.list', {})).toEqual([]);
    await core.call('settings.update', { userName: 'Ann' });
    expect((await core.call('segments.list', {})).map((segment) => segment.name)).toEqual(['Still mine']);
    await core.call('segments.delete', { id: mine.id });
    expect(await core.call('segments.list', {})).toEqual([]);
    await core.call('segments.restore', { id: mine.id });
    expect((await core.call('segments.list', {})).map((segment) => segment.name)).toEqual(['Still mine']);
  });

  it('answers a bad definition with which criterion is wrong and why, and saves nothing', async () => {
    const result = await core.invoke('segments.save', {
      name: 'Broken',
      definition: { type: 'group', join: 'and', children: [{ type: 'group', join: 'or', children: [{ type: 'criterion', field: 'dealCount', op: 'contains', value: 'x' }] }] },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('In criterion 1.1 (Number of deals): "contains" does not apply to number fields');
    }
    expect(await core.call('segments.list', {})).toEqual([]);
  });

  it('sets aside a segment from another device whose definition this version cannot read, and applies the rest', async () => {
    let counter = 0;
    const change = (rowId: string, fields: ChangeRecord['fields']): ChangeRecord => ({
      changeId: `teammate-${++counter}`,
      hlc: formatHlc({ wallMs: Date.now() + 1000, counter, deviceId: 'teammate' }),
      tableName: 'segments',
      rowId,
      fields: { kind: 'dynamic', owner: 'Bo', shared: 1, created_at: 1, updated_at: 1, cl: 1, ...fields },
      schemaVersion: 2,
      deviceId: 'teammate',
      author: 'Bo',
    });
    const result = core.engine.applyRemoteChanges([
      change('good', { name: 'Bristol', definition: JSON.stringify(bristolLandlordsOrCustomers) }),
      change('bad', { name: 'Broken', definition: JSON.stringify({ type: 'group', join: 'and', children: [{ type: 'criterion', field: 'city', op: 'between', value: [1, 2] }] }) }),
    ]);
    expect(result).toMatchObject({ applied: 1, setAside: 1 });
    const [kept] = await core.call('sync.setAside', {});
    expect(kept!.reason).toContain('segments.definition');
    expect(kept!.reason).toContain('In criterion 1 (City): "is between" does not apply to text fields');
    expect((await core.call('segments.list', {})).map((segment) => segment.name)).toEqual(['Bristol']);
  });
});
