import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../src-main/exchange/backup/restore';
import { keyFileName } from '../../../src-main/security/key-file';
import { testPassphrase } from '../../../src-main/security/key-source';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A laptop left in a van: whoever takes it copies the data folder off the disk — the database
// with its WAL (the app was running), the sealed key, the backups — and reads them without the
// passphrase. None of the customer's details may appear in those bytes; with the passphrase,
// the same copies open.

const secrets = {
  name: 'Zebulon Quartermaine',
  phone: '7700 900461',
  phoneDigits: '7700900461',
  email: 'zebulon.q@example.test',
  note: 'Spare keys under the blue flowerpot',
};

let core: TempCore;
let stolen: string;

beforeAll(async () => {
  core = createTempCore({ autoSync: false });
  const contact = await core.call('contacts.create', {
    draft: { name: secrets.name, company: 'Quartermaine Boilers', phones: [{ type: 'mobile', number: `0${secrets.phone}` }], emails: [{ type: 'work', address: secrets.email }] },
  });
  await core.call('notes.create', { contactId: contact.id, body: secrets.note });
  const staged = await core.files.stage(Readable.from([Buffer.from('a quote for a boiler')]), 'quote.txt');
  await core.call('files.add', { contactId: contact.id, uploadId: staged.uploadId, name: 'quote.txt', mimeType: 'text/plain', category: 'quote' });
  await createBackup(core, { dir: path.join(core.dataDir, 'backups') });
  // Copied while the app is still open: whatever is in the WAL goes too.
  stolen = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-stolen-'));
  for (const name of ['fieldbook.db', 'fieldbook.db-wal', keyFileName, 'backups']) {
    const from = path.join(core.dataDir, name);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(stolen, name), { recursive: true });
  }
}, 60_000);
afterAll(() => {
  core.dispose();
  fs.rmSync(stolen, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('a lost laptop', () => {
  it('leaks no contact name, number, e-mail or note from the database, its WAL, the key file or the backups', () => {
    const copied = filesUnder(stolen).map((file) => path.relative(stolen, file));
    expect(copied).toEqual(expect.arrayContaining(['fieldbook.db', 'fieldbook.db-wal', keyFileName]));
    expect(copied.some((file) => file.startsWith('backups'))).toBe(true);
    for (const file of filesUnder(stolen)) {
      const bytes = fs.readFileSync(file);
      for (const [what, text] of Object.entries(secrets)) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(text, encoding)), `${what} (${encoding}) found in ${path.relative(stolen, file)}`).toBe(false);
        }
      }
    }
  });

  it('opens with the passphrase: the copied database and the copied backup hold the contact', async () => {
    const db = openDatabaseFile(stolen, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM contacts').pluck().all()).toContain(secrets.name);
    } finally {
      db.close();
    }
    const backup = filesUnder(path.join(stolen, 'backups'))[0]!;
    const restoredDir = path.join(stolen, 'restored');
    await restoreBackup(backup, restoredDir, {}, { passphrase: testPassphrase });
    const restored = createTempCore({ dataDir: restoredDir, autoSync: false });
    try {
      const found = await restored.call('contacts.list', { query: 'Quartermaine' });
      expect(found.items.map((item) => item.name)).toEqual([secrets.name]);
    } finally {
      restored.close();
    }
  });
});
