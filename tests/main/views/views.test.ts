import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../src-main/writes/change-log';
import type { ViewState } from '../../../src-shared/domain/saved-view';
import { formatHlc } from '../../../src-shared/hlc';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const landlords: ViewState = {
  filters: { tag: 'landlord', status: 'lead' },
  sort: { field: 'company', direction: 'asc' },
  columns: { order: ['company', 'name'], hidden: ['phone'], widths: { company: 240 }, density: 'compact' },
};

describe('saved views', () => {
  it('saves a list’s filters, sort and columns under a name and gives them back as saved', async () => {
    const saved = await core.call('views.save', { name: 'Landlords', listId: 'contacts', state: landlords, shared: true });
    expect(saved).toMatchObject({ name: 'Landlords', listId: 'contacts', shared: true, state: landlords });
    expect(await core.call('views.list', { listId: 'contacts' })).toEqual([saved]);
    expect(await core.call('views.list', { listId: 'calls' })).toEqual([]);
  });

  it('lists the team’s shared views and the member’s own personal ones, never a teammate’s personal one', async () => {
    await core.call('settings.update', { userName: 'Ann' });
    await core.call('views.save', { name: 'Ann’s own', listId: 'calls', state: landlords, shared: false });
    await core.call('views.save', { name: 'Everyone’s', listId: 'calls', state: landlords, shared: true });
    await core.call('settings.update', { userName: 'Bo' });
    expect((await core.call('views.list', { listId: 'calls' })).map((view) => view.name)).toEqual(['Everyone’s']);
    await core.call('settings.update', { userName: 'Ann' });
    expect((await core.call('views.list', { listId: 'calls' })).map((view) => view.name)).toEqual(['Ann’s own', 'Everyone’s']);
  });

  it('saves new columns into a view, renames it, deletes it and brings it back', async () => {
    const view = await core.call('views.save', { name: 'Landlords', listId: 'contacts', state: landlords });
    const wider = { ...landlords, columns: { ...landlords.columns, widths: { company: 320 } } };
    const changed = await core.call('views.save', { id: view.id, name: 'Landlords', listId: 'contacts', state: wider });
    expect(changed.state.columns.widths).toEqual({ company: 320 });
    expect((await core.call('views.rename', { id: view.id, name: 'Bristol landlords' })).name).toBe('Bristol landlords');
    await core.call('views.delete', { id: view.id });
    expect(await core.call('views.list', { listId: 'contacts' })).toEqual([]);
    await core.call('views.restore', { id: view.id });
    expect(await core.call('views.list', { listId: 'contacts' })).toMatchObject([{ name: 'Bristol landlords', state: wider }]);
  });

  it('answers a nameless view, an unknown list or a view saved into another list with why, and saves nothing', async () => {
    const nameless = await core.invoke('views.save', { name: '  ', listId: 'contacts', state: landlords });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    const unknownList = await core.invoke('views.save', { name: 'X', listId: 'invoices', state: landlords });
    expect(unknownList).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'listId' } });
    const tooNarrow = await core.invoke('views.save', { name: 'X', listId: 'contacts', state: { ...landlords, columns: { ...landlords.columns, widths: { name: 2 } } } });
    expect(tooNarrow.ok).toBe(false);
    const contactsView = await core.call('views.save', { name: 'Landlords', listId: 'contacts', state: landlords });
    const moved = await core.invoke('views.save', { id: contactsView.id, name: 'Landlords', listId: 'calls', state: landlords });
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'listId' } });
    expect(await core.call('views.list', { listId: 'calls' })).toEqual([]);
    expect((await core.call('views.list', { listId: 'contacts' })).map((view) => view.name)).toEqual(['Landlords']);
  });

  it('sets aside a view from another device this version cannot read, with its reason, and applies the rest', async () => {
    let counter = 0;
    const change = (rowId: string, fields: ChangeRecord['fields']): ChangeRecord => ({
      changeId: `teammate-${++counter}`,
      hlc: formatHlc({ wallMs: Date.now() + 1000, counter, deviceId: 'teammate' }),
      tableName: 'saved_views',
      rowId,
      fields: { list_id: 'contacts', owner: 'Bo', shared: 1, created_at: 1, updated_at: 1, cl: 1, ...fields },
      schemaVersion: 2,
      deviceId: 'teammate',
      author: 'Bo',
    });
    const result = core.engine.applyRemoteChanges([
      change('good', { name: 'Shared by Bo', state: JSON.stringify(landlords) }),
      change('bad', { name: 'Broken', state: JSON.stringify({ ...landlords, columns: { ...landlords.columns, density: 'cramped' } }) }),
      change('elsewhere', { name: 'No such list', list_id: 'invoices', state: JSON.stringify(landlords) }),
    ]);
    expect(result).toMatchObject({ applied: 1, setAside: 2 });
    const kept = await core.call('sync.setAside', {});
    expect(kept.map((entry) => entry.reason).join('\n')).toContain('saved_views.state');
    expect(kept.map((entry) => entry.reason).join('\n')).toContain('saved_views.list_id');
    expect((await core.call('views.list', { listId: 'contacts' })).map((view) => view.name)).toEqual(['Shared by Bo']);
  });
});
