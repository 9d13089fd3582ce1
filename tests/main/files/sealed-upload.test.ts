import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSealedFile, sealedBlobOf } from '../../../src-main/files/blob-sealing';
import { BlobStore } from '../../../src-main/files/blob-store';
import { plainFrameBytes } from '../../../src-main/security/framed-cipher';
import { newEpochKeys } from '../../../src-shared/sync/sealing';

// An upload's sealed bytes are sealed part by part from the stored blob as they are sent, with
// no sealed copy on the disk: whatever the parts, they must make the very bytes whose SHA-256 the
// relay was told (taken by sealing the whole as a stream), and open to the file.

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-sealed-upload-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const epoch = newEpochKeys(3);
const keyOf = (number: number) => (number === epoch.epoch ? epoch : undefined);

async function store(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const staged = await blobs.stage(Readable.from([bytes]), Number.MAX_SAFE_INTEGER, 'file');
  return blobs.commit(staged.uploadId).sha256;
}

// Sizes around frame boundaries, where an off-by-one would hide.
const sizes = fc.oneof(fc.integer({ min: 0, max: 3 * plainFrameBytes + 20 }), fc.constantFrom(0, 1, plainFrameBytes - 1, plainFrameBytes, plainFrameBytes + 1, 2 * plainFrameBytes));

describe('a sealed upload', { timeout: 90_000 }, () => {
  it('seals any cut into parts to the bytes it announced, which open to the file', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.integer({ min: 1, max: 2 * plainFrameBytes + 40 }), fc.boolean(), async (size, partBytes, encryptedAtRest) => {
        const blobs = new BlobStore(fs.mkdtempSync(path.join(root, 'store-')), encryptedAtRest ? randomBytes(32) : null);
        const bytes = randomBytes(size);
        const plainSha256 = await store(blobs, bytes);
        const sealed = await sealedBlobOf(blobs, plainSha256, epoch);
        const parts: Buffer[] = [];
        // At most 40 parts, each reading the stored blob afresh, so a run stays short.
        const step = Math.max(partBytes, Math.ceil(sealed.sizeBytes / 40));
        for (let offset = 0; offset < sealed.sizeBytes; offset += step) {
          const part = sealed.readRange(offset, step);
          expect(part.length).toBe(Math.min(step, sealed.sizeBytes - offset));
          parts.push(part);
        }
        const whole = Buffer.concat(parts);
        expect(whole.length).toBe(sealed.sizeBytes);
        expect(sha256(whole)).toBe(sealed.contentSha256);
        const file = path.join(root, 'downloaded');
        fs.writeFileSync(file, whole);
        expect((await buffer(openSealedFile(file, keyOf, plainSha256))).equals(bytes)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps only the sealed bytes\' hash while it waits, which a resumed upload reuses', async () => {
    const blobs = new BlobStore(root, randomBytes(32));
    const plainSha256 = await store(blobs, randomBytes(5 * plainFrameBytes + 3));
    const first = await sealedBlobOf(blobs, plainSha256, epoch);
    expect(fs.readdirSync(path.join(root, '.outgoing'))).toEqual([`${plainSha256}.${epoch.epoch}.sha256`]);
    // The hash is not taken again: a different one written there (as by an earlier run) is what the relay is told.
    const kept = 'a'.repeat(64);
    fs.writeFileSync(path.join(root, '.outgoing', `${plainSha256}.${epoch.epoch}.sha256`), kept);
    const resumed = await sealedBlobOf(blobs, plainSha256, epoch);
    expect(resumed.contentSha256).toBe(kept);
    expect(resumed.readRange(0, resumed.sizeBytes).equals(first.readRange(0, first.sizeBytes))).toBe(true);
  });
});
