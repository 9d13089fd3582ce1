import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from '../../../src-main/db/open';
import type { ChangeRecord } from '../../../src-main/writes/change-log';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A data folder made by the previous release (schema version 1: each list one last-writer-wins
// field of contacts), with what such a laptop holds in real use: contacts made here and pushed,
// an edit not yet pushed, a contact from a teammate with a number listed twice, and a contact
// whose list came as a copy from a teammate already on version 2 (with that teammate's item
// change kept aside, as version 1 keeps changes for tables it does not know). Opening it with
// this version migrates it in place.

const dirs: string[] = [];
const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const hlc = (wallMs: number, device: string) => `${String(wallMs).padStart(15, '0')}-00000-${device}`;
const t0 = 1_790_000_000_000;

/** The migrations of the previous release: all up to, not including, the one that adds item rows. */
function previousMigrations(into: string): string {
  fs.cpSync(defaultMigrationsFolder, into, { recursive: true });
  const journalFile = path.join(into, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const firstNew = journal.entries.findIndex((entry) => entry.tag.endsWith('_contact_list_items'));
  expect(firstNew).toBeGreaterThan(0);
  for (const entry of journal.entries.slice(firstNew)) fs.rmSync(path.join(into, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, firstNew);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return into;
}

interface OldContact {
  id: string;
  name: string;
  phones: unknown[];
  emails: unknown[];
  customFields: Record<string, unknown>;
  /** The changes that made it, oldest first, as the old laptop logged them. */
  changes: (Omit<ChangeRecord, 'tableName' | 'rowId' | 'author'> & { local: boolean; pushed: boolean })[];
}

function writeOldDataFolder(dataDir: string, contacts: OldContact[], pending: ChangeRecord[]): void {
  const migrations = previousMigrations(path.join(dataDir, '..', `previous-migrations-${path.basename(dataDir)}`));
  dirs.push(migrations);
  const { sqlite } = openDatabase({ file: path.join(dataDir, 'fieldbook.db'), migrationsFolder: migrations });
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (id, name, phones, emails, custom_fields, created_at, updated_at, cl) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertClocks = sqlite.prepare(`INSERT INTO row_clocks (table_name, row_id, clocks) VALUES ('contacts', ?, ?)`);
  const insertChange = sqlite.prepare(
    `INSERT INTO changes (change_id, hlc, table_name, row_id, fields, schema_version, device_id, author, local, pushed)
     VALUES (?, ?, 'contacts', ?, ?, ?, ?, '', ?, ?)`,
  );
  const insertPending = sqlite.prepare(
    `INSERT INTO pending_changes (change_id, hlc, table_name, row_id, fields, schema_version, device_id, author) VALUES (?, ?, ?, ?, ?, ?, ?, '')`,
  );
  for (const contact of contacts) {
    insertContact.run(contact.id, contact.name, JSON.stringify(contact.phones), JSON.stringify(contact.emails), JSON.stringify(contact.customFields), t0, t0);
    const clocks: Record<string, string> = {};
    for (const change of contact.changes) {
      for (const field of Object.keys(change.fields)) if (!clocks[field] || clocks[field] < change.hlc) clocks[field] = change.hlc;
      insertChange.run(change.changeId, change.hlc, contact.id, JSON.stringify(change.fields), change.schemaVersion, change.deviceId, change.local ? 1 : 0, change.pushed ? 1 : 0);
    }
    insertClocks.run(contact.id, JSON.stringify(clocks));
  }
  for (const change of pending) {
    insertPending.run(change.changeId, change.hlc, change.tableName, change.rowId, JSON.stringify(change.fields), change.schemaVersion, change.deviceId);
  }
  sqlite.close();
}

const phone = (type: string, e164: string) => ({ type, e164 });
const created = { kind: 'person', cl: 1, created_at: t0, updated_at: t0 };

describe('a data folder of the previous release', () => {
  it('keeps every list as it was, keeps its unpushed edit waiting, and merges list edits item by item afterwards', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-previous-'));
    dirs.push(dataDir);
    const annEdit = {
      changeId: 'ann-2',
      hlc: hlc(t0 + 2000, 'this-laptop'),
      fields: { phones: JSON.stringify([phone('mobile', '+447700900001')]), updated_at: t0 + 2000 },
      schemaVersion: 1,
      deviceId: 'this-laptop',
      local: true,
      pushed: false,
    };
    const cleoCopy = [phone('mobile', '+447700900005'), phone('work', '+447700900006')];
    writeOldDataFolder(
      dataDir,
      [
        {
          id: 'ann',
          name: 'Ann',
          phones: [phone('mobile', '+447700900001')],
          emails: [{ type: 'work', address: 'ann@example.com' }],
          customFields: { gate_code: '1234' },
          changes: [
            {
              changeId: 'ann-1',
              hlc: hlc(t0, 'this-laptop'),
              fields: {
                ...created,
                name: 'Ann',
                phones: JSON.stringify([phone('mobile', '+447700900001'), phone('work', '+447700900002')]),
                emails: JSON.stringify([{ type: 'work', address: 'ann@example.com' }]),
                custom_fields: JSON.stringify({ gate_code: '1234' }),
              },
              schemaVersion: 1,
              deviceId: 'this-laptop',
              local: true,
              pushed: true,
            },
            annEdit,
          ],
        },
        {
          id: 'bob',
          name: 'Bob',
          phones: [phone('mobile', '+447700900003'), phone('home', '+447700900003')],
          emails: [],
          customFields: {},
          changes: [
            {
              changeId: 'bob-1',
              hlc: hlc(t0 + 100, 'teammate'),
              fields: { ...created, name: 'Bob', phones: JSON.stringify([phone('mobile', '+447700900003'), phone('home', '+447700900003')]), emails: '[]', custom_fields: '{}' },
              schemaVersion: 1,
              deviceId: 'teammate',
              local: false,
              pushed: true,
            },
          ],
        },
        {
          id: 'cleo',
          name: 'Cleo',
          phones: cleoCopy,
          emails: [],
          customFields: {},
          changes: [
            {
              changeId: 'cleo-1',
              hlc: hlc(t0 + 200, 'teammate'),
              fields: { ...created, name: 'Cleo', phones: JSON.stringify([phone('mobile', '+447700900005')]), emails: '[]', custom_fields: '{}' },
              schemaVersion: 1,
              deviceId: 'teammate',
              local: false,
              pushed: true,
            },
            {
              changeId: 'cleo-3',
              hlc: hlc(t0 + 302, 'upgraded'),
              fields: { phones: JSON.stringify(cleoCopy), updated_at: t0 + 300 },
              schemaVersion: 2,
              deviceId: 'upgraded',
              local: false,
              pushed: true,
            },
          ],
        },
      ],
      [
        {
          changeId: 'cleo-2',
          hlc: hlc(t0 + 301, 'upgraded'),
          tableName: 'contact_phone_items',
          rowId: 'cleo:0193a0b1-0000-7000-8000-000000000001',
          fields: { contact_id: 'cleo', type: 'work', e164: '+447700900006', position: 1, cl: 1 },
          schemaVersion: 2,
          deviceId: 'upgraded',
          author: '',
        },
      ],
    );

    const core = createTempCore({ dataDir });
    cores.push(core);
    expect(await core.call('contacts.get', { id: 'ann' })).toMatchObject({
      phones: [phone('mobile', '+447700900001')],
      emails: [{ type: 'work', address: 'ann@example.com' }],
      customFields: { gate_code: '1234' },
    });
    // A number listed twice is shown once.
    expect((await core.call('contacts.get', { id: 'bob' })).phones).toEqual([phone('mobile', '+447700900003')]);
    // The copy's items arrived as the kept item change, applied now that the table exists.
    expect((await core.call('contacts.get', { id: 'cleo' })).phones).toEqual(cleoCopy);
    expect(core.sqlite.prepare('SELECT COUNT(*) AS n FROM pending_changes').get()).toEqual({ n: 0 });
    // The edit made before the upgrade still waits for the relay, as it was written.
    expect(core.engine.outbox(10).map(({ change }) => change)).toEqual([
      { changeId: 'ann-2', hlc: annEdit.hlc, tableName: 'contacts', rowId: 'ann', fields: annEdit.fields, schemaVersion: 1, deviceId: 'this-laptop', author: '' },
    ]);

    // Afterwards: this laptop adds a number to Ann while a teammate on version 2 adds another,
    // and one still on version 1 changes Cleo's list whole (it did not know the work number).
    await core.call('contacts.update', { id: 'ann', patch: { phones: [{ type: 'mobile', number: '+447700900001' }, { type: 'home', number: '+447700900007' }] } });
    core.engine.applyRemoteChanges([
      {
        changeId: 'ann-teammate',
        hlc: hlc(Date.now(), 'upgraded'),
        tableName: 'contact_phone_items',
        rowId: 'ann:0193a0b1-0000-7000-8000-000000000002',
        fields: { contact_id: 'ann', type: 'work', e164: '+447700900008', position: 1, cl: 1 },
        schemaVersion: 2,
        deviceId: 'upgraded',
        author: 'Tess',
      },
      {
        changeId: 'cleo-old-laptop',
        hlc: hlc(Date.now() + 1000, 'old-laptop'),
        tableName: 'contacts',
        rowId: 'cleo',
        fields: { phones: JSON.stringify([phone('home', '+447700900005')]), updated_at: t0 + 400 },
        schemaVersion: 1,
        deviceId: 'old-laptop',
        author: 'Olga',
      },
    ]);
    const annPhones = (await core.call('contacts.get', { id: 'ann' })).phones;
    expect(annPhones.map((entry) => entry.e164).sort()).toEqual(['+447700900001', '+447700900007', '+447700900008']);
    expect(annPhones[0]).toEqual(phone('mobile', '+447700900001'));
    // A whole list from a laptop still on version 1 is the list, as that laptop meant it.
    expect((await core.call('contacts.get', { id: 'cleo' })).phones).toEqual([phone('home', '+447700900005')]);
    // The new numbers are found by search and matched as duplicates.
    expect((await core.call('contacts.list', { query: '900008' })).items.map((item) => item.id)).toEqual(['ann']);
    // What this laptop writes now is of version 2: item rows, and Ann's change with a copy of her list.
    const since = readChangeLog(core.sqlite, { localOnly: true })
      .map((entry) => entry.change)
      .filter((change) => !change.changeId.startsWith('ann-'));
    expect(since.map((change) => [change.tableName, change.schemaVersion])).toEqual([
      ['contact_phone_items', 2],
      ['contacts', 2],
    ]);
  });
});
