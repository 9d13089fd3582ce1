import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { isEncryptedBlob } from '../../../src-main/files/blob-file';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// Files stored by a version before encryption at rest are encrypted in place at the first start
// of this one, one at a time. Killed at any point, each file is either still plain or wholly
// encrypted, none is lost or half-written, and the next start finishes the rest.

let work: string;
let dataDir: string;
const contents = new Map<string, Buffer>();

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-encrypt-files-kill-'));
  dataDir = path.join(work, 'data');
  // The folder and its key, as this version makes them; then its files as an older version left them.
  createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} }).close();
  fs.rmSync(path.join(dataDir, 'files', '.encrypted-at-rest'), { force: true });
  for (let index = 0; index < 40; index += 1) {
    const bytes = Buffer.concat([Buffer.from(`Invoice ${index} for Quillfeather Plumbing\n`), randomBytes(2 * 1024 * 1024)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.join(dataDir, 'files', sha256.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', sha256.slice(0, 2), sha256), bytes);
    contents.set(sha256, bytes);
  }
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function readEvery(core: ReturnType<typeof createCore>, point: string): void {
  for (const [sha256, bytes] of contents) expect(core.files.blobs.readBytes(sha256).equals(bytes), `${sha256} ${point}`).toBe(true);
}

describe('encrypting stored files, killed part-way', { timeout: 180_000 }, () => {
  it('leaves each file plain or wholly encrypted, and the next start encrypts the rest', async () => {
    const work = path.join(dataDir, 'files', '.encrypting');
    const delayMs = randomPoint(0, 1500);
    const point = `killed ${delayMs} ms after the first encrypted copy appeared (FIELDBOOK_KILL_POINT=${delayMs} repeats it)`;
    let seenAt: number | undefined;
    const child = startChild(dataDir, [dataDir], { script: 'tests/main/crash/encrypt-files-child.ts' });
    await killWhen(child, () => {
      if (seenAt === undefined && fs.existsSync(work) && fs.readdirSync(work).length > 0) seenAt = Date.now();
      return seenAt !== undefined && Date.now() - seenAt >= delayMs;
    }, 'the first encrypted copy appeared', 120_000);

    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      const filesKey = core.files.blobs.filesKey!;
      const encryptedBefore = [...contents.keys()].filter((sha256) => isEncryptedBlob(core.files.blobs.blobPath(sha256), filesKey)).length;
      // Every file, plain or encrypted, reads back whole while the rest are still being encrypted.
      readEvery(core, point);
      const encryptedNow = await core.fileTransfers.encryptingExisting;
      expect(encryptedNow + encryptedBefore, point).toBe(contents.size);
      readEvery(core, point);
    } finally {
      core.close();
    }
    for (const [sha256] of contents) {
      const stored = fs.readFileSync(path.join(dataDir, 'files', sha256.slice(0, 2), sha256));
      expect(stored.includes('Quillfeather'), point).toBe(false);
    }
    expect(fs.existsSync(work), point).toBe(false);
  });
});
