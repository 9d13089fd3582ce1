import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src-main/exchange/backup/backup';
import { createCore } from '../../../src-main/core/create-core';
import { bytesUnder, makeDataFolder } from './data-folder';
import { fieldbookHere, killWhen, randomPoint, startChild } from './kill-helpers';

// A restore killed with SIGKILL part-way: the folder it was restoring into does not look like
// a data folder (no half-restored database opens as if healthy), and running the same restore
// again finishes it.

let work: string;
let backupFile: string;
let blobs: Buffer[];
const blobBytes = 8 * 1024 * 1024;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-restore-kill-'));
  const dataDir = path.join(work, 'data');
  ({ blobs } = await makeDataFolder(dataDir, { contacts: 3000, blobs: 3, blobBytes }));
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    backupFile = (await createBackup(core, { dir: path.join(work, 'backups') })).path;
  } finally {
    core.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a restore killed part-way', { timeout: 120_000 }, () => {
  it('leaves nothing that opens as a data folder, and the same restore run again completes', async () => {
    const into = path.join(work, 'restore-here');
    const target = path.join(into, 'fieldbook');
    fs.mkdirSync(into);
    const killAt = randomPoint(1, 2 * blobBytes);
    const point = `killed once ${killAt} bytes were restored (FIELDBOOK_KILL_POINT=${killAt} repeats it)`;
    const child = startChild(work, ['restore', backupFile, '--data-dir', target, '--quiet']);
    await killWhen(child, () => bytesUnder(into) >= killAt, `${killAt} bytes were restored`);

    expect(fs.existsSync(path.join(target, 'fieldbook.db')), point).toBe(false);
    const opened = await fieldbookHere('contacts', 'list', '--data-dir', target);
    expect(opened.code, point).toBe(1);
    expect(opened.stderr, point).toMatch(/no Fieldbook data/);

    const again = await fieldbookHere('restore', backupFile, '--data-dir', target, '--json');
    expect(again.code, `${point}\n${again.stderr}`).toBe(0);
    expect(JSON.parse(again.stdout), point).toMatchObject({ blobs: 3 });
    // Nothing of the killed attempt is left beside the restored folder.
    expect(fs.readdirSync(into), point).toEqual(['fieldbook']);
    const core = createCore({ dataDir: target, shell: 'test', autoSync: false, logError: () => {} });
    try {
      expect(core.sqlite.prepare('SELECT COUNT(*) FROM contacts').pluck().get(), point).toBe(3000);
      for (const file of core.sqlite.prepare('SELECT sha256 FROM files').pluck().all() as string[]) {
        const opened = core.files.open(file);
        expect(opened && blobs.some((bytes) => bytes.equals(opened.bytes())), point).toBe(true);
      }
    } finally {
      core.close();
    }
  });
});
