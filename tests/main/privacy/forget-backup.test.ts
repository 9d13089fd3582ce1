import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../src-main/exchange/backup/restore';
import { erasureListName, restoredErasuresName } from '../../../src-main/privacy/kept-erasures';
import { testPassphrase } from '../../../src-main/security/key-source';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { laptopHolds } from './forget-scan';

// A backup made before a person was forgotten, restored, must not bring them back. The erasures
// are kept beside the backups, outside every backup file, and the restored folder applies them at
// its first start (src-main/privacy/kept-erasures.ts).

let core: TempCore;
let work: string;
const opened: TempCore[] = [];
const person = ['Rosalind Quigley', '+447700900555', 'rosalind.quigley@example.com', 'gate code 4471'];

beforeEach(() => {
  core = createTempCore();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-forget-backup-'));
});
afterEach(() => {
  for (const copy of opened.splice(0)) copy.close();
  core.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

async function customers() {
  const rosalind = await core.call('contacts.create', {
    draft: { name: 'Rosalind Quigley', phones: [{ type: 'mobile', number: '07700 900555' }], emails: [{ type: 'personal', address: 'rosalind.quigley@example.com' }], tags: ['Landlord'] },
  });
  await core.call('notes.create', { contactId: rosalind.id, body: 'Back door gate code 4471' });
  const bob = await core.call('contacts.create', { draft: { name: 'Bob Ferris' } });
  return { rosalind, bob };
}

function open(dataDir: string): TempCore {
  const copy = createTempCore({ dataDir, autoSync: false });
  opened.push(copy);
  return copy;
}

describe('restoring a backup made before a person was forgotten', () => {
  it('does not bring them back: the erasures kept beside the backups are applied at the first start', async () => {
    const { rosalind, bob } = await customers();
    const backup = await createBackup(core, { dir: core.exchange.backupDir });
    await core.call('privacy.forget', { contactId: rosalind.id });

    // The list beside the backups is sealed: not even her id is readable in it.
    const list = fs.readFileSync(path.join(core.exchange.backupDir, erasureListName));
    expect(list.includes(rosalind.id)).toBe(false);

    const target = path.join(work, 'restored');
    const restored = await restoreBackup(backup.path, target, {}, { passphrase: testPassphrase });
    expect(restored.erasuresKept).toBe(1);
    const copy = open(target);
    expect(await copy.invoke('contacts.get', { id: rosalind.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(laptopHolds(copy.sqlite, person)).toEqual([]);
    expect((await copy.call('contacts.get', { id: bob.id })).name).toBe('Bob Ferris');
    expect(fs.existsSync(path.join(target, restoredErasuresName))).toBe(false);
  });

  it('brings them back when the backup was moved away from the list, which is why the list stays beside the backups', async () => {
    const { rosalind } = await customers();
    const backup = await createBackup(core, { dir: core.exchange.backupDir });
    await core.call('privacy.forget', { contactId: rosalind.id });
    const moved = path.join(work, 'usb-stick', path.basename(backup.path));
    fs.mkdirSync(path.dirname(moved));
    fs.copyFileSync(backup.path, moved);

    const restored = await restoreBackup(moved, path.join(work, 'restored'), {}, { passphrase: testPassphrase });
    expect(restored.erasuresKept).toBe(0);
    const copy = open(restored.dataDir);
    expect((await copy.call('contacts.get', { id: rosalind.id })).name).toBe('Rosalind Quigley');
  });

  it('keeps the list beside a backup made after the forget too, and ignores a list of another data folder', async () => {
    const { rosalind } = await customers();
    await core.call('privacy.forget', { contactId: rosalind.id });
    const backupDir = path.join(work, 'elsewhere');
    const backup = await createBackup(core, { dir: backupDir });
    expect(fs.existsSync(path.join(backupDir, erasureListName))).toBe(true);

    // Another laptop's list (another database key) does not open here: nothing is applied from it.
    const other = createTempCore();
    try {
      const stranger = await other.call('contacts.create', { draft: { name: 'Stranger' } });
      await other.call('privacy.forget', { contactId: stranger.id });
      fs.copyFileSync(path.join(other.exchange.backupDir, erasureListName), path.join(backupDir, erasureListName));
    } finally {
      other.dispose();
    }
    const restored = await restoreBackup(backup.path, path.join(work, 'restored'), {}, { passphrase: testPassphrase });
    expect(restored.erasuresKept).toBe(0);
    expect(laptopHolds(open(restored.dataDir).sqlite, person)).toEqual([]);
  });
});
