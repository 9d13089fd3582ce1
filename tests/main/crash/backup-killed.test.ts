import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../src-main/exchange/backup/restore';
import { testPassphrase } from '../../../src-main/security/key-source';
import { bytesUnder, makeDataFolder, sqliteFilesUnder } from './data-folder';
import { fieldbookHere, killWhen, randomPoint, startChild } from './kill-helpers';

// A backup killed with SIGKILL part-way leaves no copy of the database outside the data folder,
// and the next backup clears away what the killed one had started.

let work: string;
let dataDir: string;
const blobBytes = 8 * 1024 * 1024;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-backup-kill-'));
  dataDir = path.join(work, 'data');
  await makeDataFolder(dataDir, { contacts: 3000, blobs: 3, blobBytes });
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a backup killed part-way', { timeout: 120_000 }, () => {
  it('leaves no database copy in the backups folder, and the next backup cleans up and completes', async () => {
    const backups = path.join(work, 'backups');
    const killAt = randomPoint(1, 2 * blobBytes);
    const point = `killed once ${killAt} bytes were in the backups folder (FIELDBOOK_KILL_POINT=${killAt} repeats it)`;
    const child = startChild(work, ['backup', '--dir', backups, '--data-dir', dataDir, '--quiet']);
    await killWhen(child, () => bytesUnder(backups) >= killAt, `${killAt} bytes of backup were written`);

    expect(sqliteFilesUnder(backups), point).toEqual([]);
    expect(listBackups(backups), point).toEqual([]);

    const again = await fieldbookHere('backup', '--dir', backups, '--data-dir', dataDir, '--json');
    expect(again.code, `${point}\n${again.stderr}`).toBe(0);
    const made = JSON.parse(again.stdout) as { fileName: string; path: string; blobs: number };
    expect(made.blobs, point).toBe(3);
    // Only the complete backup is left: no part file, no snapshot of the database.
    expect(fs.readdirSync(backups), point).toEqual([made.fileName]);
    expect(sqliteFilesUnder(dataDir).map((file) => path.relative(dataDir, file)), point).toEqual(['fieldbook.db']);

    const restored = await restoreBackup(made.path, path.join(work, 'restored'), {}, { passphrase: testPassphrase });
    expect(restored.blobs, point).toBe(3);
  });
});
