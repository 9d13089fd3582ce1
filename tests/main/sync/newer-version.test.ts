import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const hlc = (wall: number, device = 'newer-device') => `${String(wall).padStart(15, '0')}-00000-${device}`;

describe('changes from a newer app version', () => {
  it('keeps a change for an unknown column or table without failing the rest of the page', async () => {
    const core = createTempCore();
    cores.push(core);
    const result = core.engine.applyRemoteChanges([
      { changeId: 'c1', hlc: hlc(1000), tableName: 'contacts', rowId: 'r1', fields: { name: 'Ann', cl: 1, contact_type: 'customer' }, schemaVersion: 1, deviceId: 'newer-device', author: 'Sam' },
      { changeId: 'c2', hlc: hlc(1001), tableName: 'contacts', rowId: 'r1', fields: { favourite_colour: 'teal' }, schemaVersion: 2, deviceId: 'newer-device', author: 'Sam' },
      { changeId: 'c3', hlc: hlc(1002), tableName: 'invoices', rowId: 'i1', fields: { total: 100 }, schemaVersion: 2, deviceId: 'newer-device', author: 'Sam' },
      { changeId: 'c4', hlc: hlc(1003), tableName: 'contacts', rowId: 'r1', fields: { company: 'Acme' }, schemaVersion: 1, deviceId: 'newer-device', author: 'Sam' },
    ]);
    expect(result).toEqual({ applied: 2, duplicates: 0, pending: 2, setAside: 0 });
    expect(await core.call('contacts.get', { id: 'r1' })).toMatchObject({ name: 'Ann', company: 'Acme' });
    const kept = core.sqlite.prepare('SELECT change_id FROM pending_changes ORDER BY change_id').all();
    expect(kept).toEqual([{ change_id: 'c2' }, { change_id: 'c3' }]);
    // Receiving them again is a no-op, not a second copy.
    expect(core.engine.applyRemoteChanges([{ changeId: 'c2', hlc: hlc(1001), tableName: 'contacts', rowId: 'r1', fields: { favourite_colour: 'teal' }, schemaVersion: 2, deviceId: 'x', author: '' }])).toEqual({
      applied: 0,
      duplicates: 1,
      pending: 0,
      setAside: 0,
    });
  });

  it('applies kept changes once an upgrade makes their table and columns known', async () => {
    const first = createTempCore();
    const dataDir = first.dataDir;
    first.engine.applyRemoteChanges([
      { changeId: 'c1', hlc: hlc(1000), tableName: 'contacts', rowId: 'r1', fields: { name: 'Ann', cl: 1 }, schemaVersion: 1, deviceId: 'd', author: '' },
    ]);
    // What an older version kept: here a column this version does know, standing in for one an
    // upgrade has since added.
    first.sqlite
      .prepare(
        `INSERT INTO pending_changes (change_id, hlc, table_name, row_id, fields, schema_version, device_id, author)
         VALUES ('c9', ?, 'contacts', 'r1', '{"summary":"Kept from a newer version"}', 2, 'd', '')`,
      )
      .run(hlc(2000));
    first.close();
    const upgraded = createTempCore({ dataDir });
    cores.push(upgraded);
    expect((await upgraded.call('contacts.get', { id: 'r1' })).summary).toBe('Kept from a newer version');
    expect(upgraded.sqlite.prepare('SELECT COUNT(*) AS n FROM pending_changes').get()).toEqual({ n: 0 });
  });
});

describe('text the relay can store', () => {
  it('drops NUL characters and replaces unpaired surrogates before a change is logged', async () => {
    const core = createTempCore();
    cores.push(core);
    const contact = await core.call('contacts.create', { draft: { name: 'Ann\u0000 Smith', summary: 'broken \uD800 text' } });
    expect(contact).toMatchObject({ name: 'Ann Smith', summary: 'broken \uFFFD text' });
    const logged = core.sqlite.prepare('SELECT fields FROM changes ORDER BY seq LIMIT 1').get() as { fields: string };
    expect(JSON.parse(logged.fields)).toMatchObject({ name: 'Ann Smith', summary: 'broken \uFFFD text' });
  });
});
