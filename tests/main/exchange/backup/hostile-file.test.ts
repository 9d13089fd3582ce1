import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../../src-main/exchange/backup/restore';
import { tarEnd, tarHeader, tarPadding } from '../../../../src-main/exchange/formats/tar';

// Backups from elsewhere are untrusted files: a small file that unpacks to gigabytes (a "gzip
// bomb") is refused before it fills the disk.

let work: string;
const zeroBytes = 96 * 1024 * 1024;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-hostile-backup-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A gzip'd tar whose one large entry is `bytes` zeros (a few hundred KB on disk). */
async function bomb(file: string, entryName: string, bytes: number): Promise<void> {
  const manifest = Buffer.from(
    JSON.stringify({ format: 'fieldbook-backup', version: 1, createdAt: new Date(0).toISOString(), database: { sha256: '0'.repeat(64), bytes }, files: { count: 0, bytes: 0 } }),
  );
  async function* tar() {
    yield tarHeader(entryName, bytes, 0);
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    for (let written = 0; written < bytes; written += zeros.length) yield zeros.subarray(0, Math.min(zeros.length, bytes - written));
    yield tarPadding(bytes);
    yield tarHeader('manifest.json', manifest.length, 0);
    yield manifest;
    yield tarPadding(manifest.length);
    yield tarEnd;
  }
  await pipeline(Readable.from(tar()), zlib.createGzip({ level: 1 }), fs.createWriteStream(file));
}

async function restoreWatchingDisk(file: string, target: string): Promise<{ error: unknown; peakBytes: number }> {
  const parent = path.dirname(target);
  let peakBytes = 0;
  const measure = () => {
    let total = 0;
    for (const entry of fs.readdirSync(parent, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      try {
        total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
      } catch {
        // Removed while we looked.
      }
    }
    peakBytes = Math.max(peakBytes, total);
  };
  const timer = setInterval(measure, 2);
  try {
    await restoreBackup(file, target, { onProgress: measure });
    return { error: null, peakBytes };
  } catch (error) {
    return { error, peakBytes };
  } finally {
    clearInterval(timer);
  }
}

describe('a hostile backup file', { timeout: 60_000 }, () => {
  it.each([
    ['a database entry of zeros', 'fieldbook.db'],
    ['a file entry that is not what its name says', `files/ab/ab${createHash('sha256').update('x').digest('hex').slice(2)}`],
  ])('is refused without writing what it unpacks to: %s', async (_label, entryName) => {
    const file = path.join(work, `bomb-${entryName.length}.tar.gz`);
    await bomb(file, entryName, zeroBytes);
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const parent = fs.mkdtempSync(path.join(work, 'into-'));
    const target = path.join(parent, 'restored');
    const { error, peakBytes } = await restoreWatchingDisk(file, target);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Nothing was restored') });
    expect(peakBytes).toBeLessThan(1024 * 1024);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
