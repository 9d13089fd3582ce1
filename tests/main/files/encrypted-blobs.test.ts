import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src-main/files/blob-store';
import { encryptExistingBlobs } from '../../../src-main/files/encrypt-existing';
import { createTempCore } from '../../helpers/temp-core';
import { plainFrameBytes } from '../../../src-main/security/framed-cipher';

// File bytes on the laptop's disk are encrypted under a key derived from the database key, read
// back decrypted through the store, whole or by range; files from before encryption still read
// and are encrypted in place.

let root: string;
const databaseKey = randomBytes(32);
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-blobs-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function store(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const staged = await blobs.stage(Readable.from([bytes]), Number.MAX_SAFE_INTEGER, 'file');
  return blobs.commit(staged.uploadId).sha256;
}

// Sizes around frame boundaries, where an off-by-one would hide.
const sizes = fc.oneof(fc.integer({ min: 0, max: 3 * plainFrameBytes + 20 }), fc.constantFrom(0, 1, plainFrameBytes - 1, plainFrameBytes, plainFrameBytes + 1, 2 * plainFrameBytes));

describe('files encrypted at rest', { timeout: 90_000 }, () => {
  it('keeps no plain byte of a file on the disk, and reads it back whole and by any range', async () => {
    const blobs = new BlobStore(root, databaseKey);
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), fc.nat(), async (size, a, b) => {
        const bytes = Buffer.alloc(size, 'Spare keys under the blue flowerpot. ');
        const name = await store(blobs, bytes);
        expect(name).toBe(sha256(bytes));
        expect(blobs.sizeOf(name)).toBe(size);
        expect(blobs.readBytes(name)).toEqual(bytes);
        if (size >= 37) expect(fs.readFileSync(blobs.blobPath(name)).includes('flowerpot')).toBe(false);
        const start = size === 0 ? 0 : a % size;
        const end = size === 0 ? 0 : start + (b % (size - start));
        if (size > 0) expect(await buffer(blobs.read(name, { start, end }))).toEqual(bytes.subarray(start, end + 1));
        expect(blobs.readRange(name, start, 1000)).toEqual(bytes.subarray(start, start + 1000));
        blobs.remove(name);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses to hand out bytes that were changed on the disk', async () => {
    const blobs = new BlobStore(root, databaseKey);
    const bytes = randomBytes(2 * plainFrameBytes + 5);
    const name = await store(blobs, bytes);
    const file = blobs.blobPath(name);
    const stored = fs.readFileSync(file);
    stored[stored.length - 3]! ^= 1;
    fs.writeFileSync(file, stored);
    await expect(buffer(blobs.read(name))).rejects.toThrow(/changed, damaged/);
  });

  it('does not open under another data folder\'s key', async () => {
    const name = await store(new BlobStore(root, databaseKey), Buffer.from('a quote for a boiler'));
    const other = new BlobStore(root, randomBytes(32));
    // Taken for plain bytes from before encryption, which do not hash to the name: never the content.
    expect(other.readBytes(name).includes('boiler')).toBe(false);
  });

  it('reads files stored before encryption, and encrypts them in place', async () => {
    const plain = new BlobStore(root, null);
    const contents = [Buffer.from('an old invoice'), randomBytes(plainFrameBytes * 3), Buffer.alloc(0)];
    const names = contents.map((bytes) => plain.putBytes(bytes).sha256);
    const blobs = new BlobStore(root, databaseKey);
    names.forEach((name, index) => expect(blobs.readBytes(name)).toEqual(contents[index]));
    // Streamed too (as sealing one for an upload reads it), the empty one included.
    for (const [index, name] of names.entries()) expect(await buffer(blobs.read(name))).toEqual(contents[index]);

    expect(await encryptExistingBlobs(blobs)).toBe(3);
    expect(fs.readFileSync(blobs.blobPath(names[0]!)).includes('invoice')).toBe(false);
    names.forEach((name, index) => expect(blobs.readBytes(name)).toEqual(contents[index]));
    // Once done, later starts skip the scan.
    expect(await encryptExistingBlobs(blobs)).toBe(0);
    expect(fs.existsSync(path.join(root, '.encrypting'))).toBe(false);
  });

  it('says how far the encryption of the files from before is, for the screen, until it is done', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'folder-'));
    const plain = new BlobStore(path.join(dataDir, 'files'), null);
    for (let index = 0; index < 5; index += 1) plain.putBytes(Buffer.from(`invoice number ${index}`));
    const core = createTempCore({ dataDir, autoSync: false });
    try {
      const heard: { done: number; total: number }[][] = [];
      core.on('privacy.upgradeProgress', ({ steps }) => heard.push(steps.map(({ done, total }) => ({ done, total }))));
      // Begun as the core opened: the screen reads where it is, then follows the events.
      expect((await core.call('privacy.upgradeProgress', {})).steps).toEqual([expect.objectContaining({ step: 'encrypting-files', total: 5 })]);
      expect(await core.fileTransfers.encryptingExisting).toBe(5);
      expect(heard.at(-2)).toEqual([{ done: 5, total: 5 }]);
      expect(heard.at(-1)).toEqual([]);
      expect((await core.call('privacy.upgradeProgress', {})).steps).toEqual([]);
    } finally {
      core.dispose();
    }
  });

  it('takes a plain file that merely begins like an encrypted one for what it is', async () => {
    const otherLaptop = new BlobStore(fs.mkdtempSync(path.join(root, 'other-')), randomBytes(32));
    const name = await store(otherLaptop, Buffer.from('the attachment'));
    // Another laptop's stored file, attached here as it is: its bytes begin with the same header.
    const foreign = fs.readFileSync(otherLaptop.blobPath(name));
    const blobs = new BlobStore(root, databaseKey);
    const plainStore = new BlobStore(root, null);
    const foreignName = plainStore.putBytes(foreign).sha256;
    expect(blobs.readBytes(foreignName)).toEqual(foreign);
    expect(await encryptExistingBlobs(blobs)).toBe(1);
    expect(blobs.readBytes(foreignName)).toEqual(foreign);
  });
});
