import { createCipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptingStream,
  encryptFrames,
  encryptingStream,
  FrameError,
  frameEncrypter,
  plainFrameBytes,
} from '../../../src-main/security/framed-cipher';

// The frames under every encrypted file (at rest and sealed for the relay) must stay readable by
// laptops already in use and must open files already written: whatever sizes the bytes arrive in,
// the streams write exactly the documented format and read it back.

/** The format as src-main/security/framed-cipher.ts documents it, written out independently. */
function referenceFrames(key: Buffer, plain: Buffer): Buffer {
  const count = Math.floor(plain.length / plainFrameBytes) + 1;
  const frames: Buffer[] = [];
  for (let index = 0; index < count; index += 1) {
    const iv = Buffer.alloc(12);
    iv.writeBigUInt64BE(BigInt(index), 4);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from([index === count - 1 ? 1 : 0]));
    frames.push(cipher.update(plain.subarray(index * plainFrameBytes, (index + 1) * plainFrameBytes)), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(frames);
}

/** `bytes` cut at the given points (as a network or a disk hands them over). */
function pieces(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const result: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) result.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return result;
}

const through = (transform: NodeJS.ReadWriteStream, chunks: Buffer[]) => buffer(Readable.from(chunks).pipe(transform));

// Sizes around the frame edges, where a frame is full, empty, or split across pieces.
const plainSize = fc.oneof(
  fc.integer({ min: 0, max: 3 * plainFrameBytes + 100 }),
  fc.constantFrom(0, 1, plainFrameBytes - 1, plainFrameBytes, plainFrameBytes + 1, 2 * plainFrameBytes, 2 * plainFrameBytes + 16),
);
const cuts = fc.array(fc.integer({ min: 0, max: 4 * plainFrameBytes }), { maxLength: 12 });

describe('framed cipher streams', () => {
  it('write the documented format and read it back, whatever pieces the bytes arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(plainSize, cuts, cuts, async (size, plainCuts, sealedCuts) => {
        const key = randomBytes(32);
        const plain = randomBytes(size);
        const expected = referenceFrames(key, plain);
        expect(encryptFrames(key, plain).equals(expected)).toBe(true);
        const streamed = await through(encryptingStream(key), pieces(plain, plainCuts));
        expect(streamed.equals(expected)).toBe(true);
        const encrypter = frameEncrypter(key);
        const updated = Buffer.concat([...pieces(plain, plainCuts).map((piece) => encrypter.update(piece)), encrypter.final()]);
        expect(updated.equals(expected)).toBe(true);
        const opened = await through(decryptingStream(key), pieces(expected, sealedCuts));
        expect(opened.equals(plain)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('reads frames after a header that names their key, the header arriving in any pieces', async () => {
    await fc.assert(
      fc.asyncProperty(plainSize, cuts, async (size, sealedCuts) => {
        const key = randomBytes(32);
        const header = Buffer.concat([Buffer.from('HEAD'), key]);
        const plain = randomBytes(size);
        const file = Buffer.concat([header, referenceFrames(key, plain)]);
        const opened = await through(decryptingStream({ headerBytes: header.length, keyOf: (given) => given.subarray(4) }), pieces(file, sealedCuts));
        expect(opened.equals(plain)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses frames changed, cut short at a frame edge, or under another key, and a header that does not open', async () => {
    const key = randomBytes(32);
    const plain = randomBytes(2 * plainFrameBytes + 500);
    const sealed = referenceFrames(key, plain);
    const changed = Buffer.from(sealed);
    changed[plainFrameBytes + 20]! ^= 1;
    await expect(through(decryptingStream(key), [changed])).rejects.toThrow(FrameError);
    const cutAtEdge = sealed.subarray(0, plainFrameBytes + 16);
    await expect(through(decryptingStream(key), [cutAtEdge])).rejects.toThrow(FrameError);
    await expect(through(decryptingStream(randomBytes(32)), [sealed])).rejects.toThrow(FrameError);
    const refused = decryptingStream({
      headerBytes: 8,
      keyOf: () => {
        throw new Error('not a header of ours');
      },
    });
    await expect(pipeline(Readable.from([Buffer.alloc(8), sealed]), refused, async function* (source) {
      for await (const chunk of source) yield chunk;
    })).rejects.toThrow('not a header of ours');
  });
});
