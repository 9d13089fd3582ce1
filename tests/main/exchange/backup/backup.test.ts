import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src-shared/domain/contact';
import { createBackup, listBackups } from '../../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../../src-main/exchange/backup/restore';
import { startDailyBackups } from '../../../../src-main/exchange/jobs';
import { readTar } from '../../../../src-main/exchange/formats/tar';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { unsealedTar, writeSealedTar } from '../../../helpers/sealed-backup';
import { testPassphrase } from '../../../../src-main/security/key-source';
import { allContacts } from '../helpers';

let core: TempCore;
let work: string;
let ann: Contact;
const blobBytes = Buffer.from('%PDF-1.4 quote for boiler replacement, £2,400 '.repeat(50));

beforeEach(async () => {
  core = createTempCore();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-backup-test-'));
  ann = await core.call('contacts.create', { draft: { name: 'Ann Smith', phones: [{ type: 'mobile', number: '07700 900123' }] } });
  await core.call('notes.create', { contactId: ann.id, body: 'Wants a quote' });
  const staged = await core.files.stage(Readable.from([blobBytes]), 'quote.pdf');
  await core.call('files.add', { contactId: ann.id, uploadId: staged.uploadId, name: 'quote.pdf', mimeType: 'application/pdf', category: 'quote' });
});
afterEach(() => {
  core.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

async function entriesOf(file: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of readTar(Readable.from([await unsealedTar(file)]))) names.push(entry.name);
  return names;
}

describe('backup and restore', () => {
  it('backs up the database and every blob into one file and restores them into a new folder', async () => {
    const backup = await createBackup(core, { dir: path.join(work, 'backups') });
    expect(backup).toMatchObject({ blobs: 1, fileName: expect.stringMatching(/^fieldbook-backup-\d{8}T\d{9}Z\.tar\.gz$/) });
    const sha = core.files.listForContact(ann.id)[0]!.sha256;
    expect(await entriesOf(backup.path)).toEqual(['fieldbook.db', `files/${sha.slice(0, 2)}/${sha}`, 'manifest.json']);

    const target = path.join(work, 'restored');
    const restored = await restoreBackup(backup.path, target, {}, { passphrase: testPassphrase });
    expect(restored).toMatchObject({ dataDir: target, blobs: 1 });
    const copy = createTempCore({ dataDir: target });
    try {
      expect(allContacts(copy)).toEqual(allContacts(core));
      expect(copy.notes.listForContact(ann.id).map((note) => note.body)).toEqual(['Wants a quote']);
      const opened = copy.files.open(sha);
      expect(opened && opened.bytes()).toEqual(blobBytes);
    } finally {
      copy.close();
    }
  });

  it('takes the database snapshot while the app goes on answering, and can be cancelled during it', async () => {
    // The snapshot (VACUUM INTO) runs in a worker thread: the core's own thread turns while it is
    // taken, and a write made meanwhile is not lost (it lands in the live database, after the
    // snapshot's consistent state).
    const progress: string[] = [];
    const made = createBackup(core, { dir: path.join(work, 'backups') }, { onProgress: (phase, done) => progress.push(`${phase}:${done}`) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(progress).toEqual(['database:0']);
    const bob = await core.call('contacts.create', { draft: { name: 'Bob Jones' } });
    const backup = await made;
    expect(progress.slice(0, 2)).toEqual(['database:0', 'database:1']);
    const restored = await restoreBackup(backup.path, path.join(work, 'restored'), {}, { passphrase: testPassphrase });
    expect(restored.dataDir).toBe(path.join(work, 'restored'));
    expect((await core.call('contacts.get', { id: bob.id })).name).toBe('Bob Jones');

    const cancel = new AbortController();
    const cancelled = createBackup(core, { dir: path.join(work, 'cancelled') }, { signal: cancel.signal });
    await new Promise((resolve) => setImmediate(resolve));
    cancel.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(listBackups(path.join(work, 'cancelled'))).toEqual([]);
  });

  it('is sealed: without its passphrase, or with a wrong one, nothing is restored and the reason is said', async () => {
    const backup = await createBackup(core, { dir: work });
    expect(fs.readFileSync(backup.path).includes(Buffer.from('Ann Smith'))).toBe(false);
    const target = path.join(work, 'not-restored');
    await expect(restoreBackup(backup.path, target)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('give the passphrase it was made with') });
    await expect(restoreBackup(backup.path, target, {}, { passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/That passphrase does not open .*Nothing was restored/),
    });
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(work).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('refuses to restore into a folder that is not empty, touching nothing there', async () => {
    const backup = await createBackup(core, { dir: work });
    const target = path.join(work, 'busy');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'mine');
    await expect(restoreBackup(backup.path, target, {}, { passphrase: testPassphrase })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('is not empty') });
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });

  it('refuses a backup whose blob does not match its SHA-256, and leaves no folder behind', async () => {
    const backup = await createBackup(core, { dir: work });
    const tar = await unsealedTar(backup.path);
    const at = tar.indexOf(blobBytes.subarray(0, 20));
    tar[at + 5] = tar[at + 5]! ^ 0xff;
    const damaged = path.join(work, 'damaged.tar.gz');
    await writeSealedTar(damaged, tar, core.keys.backupSealing!);
    const target = path.join(work, 'from-damaged');
    await expect(restoreBackup(damaged, target, {}, { passphrase: testPassphrase })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('do not match its SHA-256') });
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a backup that was cut short, and empties the folder it had started to fill', async () => {
    const backup = await createBackup(core, { dir: work });
    const cut = path.join(work, 'cut.tar.gz');
    const bytes = fs.readFileSync(backup.path);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = path.join(work, 'empty-target');
    fs.mkdirSync(target);
    await expect(restoreBackup(cut, target, {}, { passphrase: testPassphrase })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Nothing was restored') });
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses a file that is not a backup at all', async () => {
    const other = path.join(work, 'notes.tar.gz');
    fs.writeFileSync(other, zlib.gzipSync(Buffer.from('just some text')));
    await expect(restoreBackup(other, path.join(work, 'x'))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('daily backups', () => {
  it('backs up when the newest backup is a day old, and keeps only the newest ones', async () => {
    let now = Date.UTC(2026, 0, 10, 8);
    const dir = path.join(work, 'daily');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'holiday-photos.zip'), 'not ours');
    const made: string[] = [];
    const daily = startDailyBackups(core, { dir, keep: 2, now: () => now, firstCheckAfterMs: 60_000, onBackup: (result) => made.push(result.fileName) });
    const backupsMade = async (count: number) => {
      while (made.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    try {
      await daily.runNow();
      expect(listBackups(dir)).toHaveLength(1);
      now += 23 * 60 * 60 * 1000;
      daily.checkNow();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(made).toHaveLength(1);
      for (const hours of [2, 24, 24]) {
        now += hours * 60 * 60 * 1000;
        daily.checkNow();
        await backupsMade(made.length + 1);
      }
      expect(made).toHaveLength(4);
      expect(listBackups(dir).map((backup) => backup.fileName)).toEqual([made[3], made[2]]);
      expect(fs.readdirSync(dir)).toContain('holiday-photos.zip');
    } finally {
      await daily.stop();
    }
  });
});
