import { afterEach, expect, it } from 'vitest';
import { formatHlc } from '../../../src-shared/hlc';
import type { ChangeRecord } from '../../../src-main/writes/change-log';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A phone, e-mail or custom value from another device is checked like any synced row before it
// is applied: one a laptop cannot hold is set aside with its reason, and the rest of the page
// still applies.

let core: TempCore | undefined;
afterEach(() => core?.dispose());

it('sets aside a list item another device sent with a value it may not hold, and applies the others', async () => {
  core = createTempCore();
  const ann = await core.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '+44 7700 900001' }] } });
  let counter = 0;
  const change = (tableName: string, item: string, fields: ChangeRecord['fields']): ChangeRecord => ({
    changeId: `teammate-${++counter}`,
    hlc: formatHlc({ wallMs: Date.now() + 1000, counter, deviceId: 'teammate' }),
    tableName,
    rowId: `${ann.id}:${item}`,
    fields: { contact_id: ann.id, ...fields },
    schemaVersion: 2,
    deviceId: 'teammate',
    author: 'Bo',
  });
  const result = core.engine.applyRemoteChanges([
    change('contact_phone_items', 'pager', { type: 'pager', e164: '+447700900002', position: 1, cl: 1 }),
    change('contact_email_items', 'far-too-long', { type: 'work', address: `${'a'.repeat(300)}@example.com`, position: 0, cl: 1 }),
    change('contact_custom_values', 'gate_code', { field_id: 'gate_code', value: '{"not":"a value"}' }),
    change('contact_phone_items', 'work', { type: 'work', e164: '+447700900003', position: 2, cl: 1 }),
  ]);
  expect(result).toMatchObject({ applied: 1, setAside: 3 });
  expect((await core.call('sync.setAside', {})).map((kept) => kept.reason).sort()).toEqual([
    expect.stringContaining('contact_custom_values.value'),
    expect.stringContaining('contact_email_items.address'),
    expect.stringContaining('contact_phone_items.type'),
  ]);
  const stored = await core.call('contacts.get', { id: ann.id });
  expect(stored.phones).toEqual([
    { type: 'mobile', e164: '+447700900001' },
    { type: 'work', e164: '+447700900003' },
  ]);
  expect(stored.emails).toEqual([]);
  expect(stored.customFields).toEqual({});
});
