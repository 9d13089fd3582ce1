import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../src-main/exchange/backup/restore';
import { keyFileName } from '../../../src-main/security/key-file';
import { testKeySource, testPassphrase } from '../../../src-main/security/key-source';
import { blobStoreOf } from '../../../src-main/files/blob-store';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A laptop left in a van: whoever takes it copies the data folder off the disk — the database
// with its WAL (the app was running), the sealed key, the attached files, the backups — and reads
// them without the passphrase. None of the customer's details may appear in those bytes; with the passphrase,
// the same copies open.

const secrets = {
  name: 'Zebulon Quartermaine',
  phone: '7700 900461',
  phoneDigits: '7700900461',
  email: 'zebulon.q@example.test',
  note: 'Spare keys under the blue flowerpot',
  fileText: 'Alarm code 4417, boiler in the cellar behind the wine rack',
};
// A photo-sized file: its words repeat through many encrypted frames.
const attachedFile = Buffer.from(`${secrets.fileText}\n`.repeat(5000));

let core: TempCore;
let stolen: string;
let attached: { sha256: string };

beforeAll(async () => {
  core = createTempCore({ autoSync: false });
  const contact = await core.call('contacts.create', {
    draft: { name: secrets.name, company: 'Quartermaine Boilers', phones: [{ type: 'mobile', number: `0${secrets.phone}` }], emails: [{ type: 'work', address: secrets.email }] },
  });
  await core.call('notes.create', { contactId: contact.id, body: secrets.note });
  const staged = await core.files.stage(Readable.from([attachedFile]), 'quote.txt');
  attached = await core.call('files.add', { contactId: contact.id, uploadId: staged.uploadId, name: 'quote.txt', mimeType: 'text/plain', category: 'quote' });
  await createBackup(core, { dir: path.join(core.dataDir, 'backups') });
  // Copied while the app is still open: whatever is in the WAL goes too.
  stolen = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-stolen-'));
  for (const name of ['fieldbook.db', 'fieldbook.db-wal', keyFileName, 'files', 'backups']) {
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
  it('leaks no contact name, number, e-mail, note or file content from the database, its WAL, the key file, the files or the backups', () => {
    const copied = filesUnder(stolen).map((file) => path.relative(stolen, file));
    expect(copied).toEqual(expect.arrayContaining(['fieldbook.db', 'fieldbook.db-wal', keyFileName, path.join('files', attached.sha256.slice(0, 2), attached.sha256)]));
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

  it('opens with the passphrase: the copied database, files and backup hold the contact and the file', async () => {
    const db = openDatabaseFile(stolen, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM contacts').pluck().all()).toContain(secrets.name);
    } finally {
      db.close();
    }
    const unlocked = testKeySource().unlock(stolen);
    expect(blobStoreOf(stolen, unlocked).readBytes(attached.sha256)).toEqual(attachedFile);
    const backup = filesUnder(path.join(stolen, 'backups'))[0]!;
    const restoredDir = path.join(stolen, 'restored');
    await restoreBackup(backup, restoredDir, {}, { passphrase: testPassphrase });
    const restored = createTempCore({ dataDir: restoredDir, autoSync: false });
    try {
      const found = await restored.call('contacts.list', { query: 'Quartermaine' });
      expect(found.items.map((item) => item.name)).toEqual([secrets.name]);
      expect(restored.files.open(attached.sha256)?.bytes()).toEqual(attachedFile);
      // The restored folder's files are encrypted as they are written.
      expect(fs.readFileSync(restored.files.blobs.blobPath(attached.sha256)).includes(secrets.fileText)).toBe(false);
    } finally {
      restored.close();
    }
  });
});
