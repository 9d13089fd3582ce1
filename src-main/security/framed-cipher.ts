import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

// The frames under every encrypted file body Fieldbook writes: file bytes at rest
// (src-main/files/blob-store.ts) and file bytes sealed for the relay (src-main/files/blob-sealing.ts).
//   frame i: AES-256-GCM(key, nonce = i, aad = [last]) of plain bytes [i·F, (i+1)·F), then its 16-byte tag
// Every frame holds exactly F = 64 KiB of plain bytes but the last, which holds the rest (0..F-1
// bytes, so a file of n bytes has floor(n / F) + 1 frames). Fixed frames make any plain range
// readable without reading what comes before it (an upload's parts, a preview's first bytes, an
// HTTP range), and the plain size follows from the encrypted one. The key is one file's own
// (derived from a random or content-bound salt), so the nonce can be the frame's index; the index
// and the "last" flag are authenticated, so frames cannot be reordered, dropped or cut off.

export const plainFrameBytes = 64 * 1024;
const tagBytes = 16;
const sealedFrameBytes = plainFrameBytes + tagBytes;

/** A body that does not open: changed, damaged, cut short, or under another key. */
export class FrameError extends Error {}

/** A file's own key from a root key and the file's salt. */
export function frameKey(rootKey: Buffer, salt: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootKey, salt, purpose, 32));
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

function sealFrame(key: Buffer, index: number, plain: Buffer, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(Buffer.from([last ? 1 : 0]));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openFrame(key: Buffer, index: number, sealed: Buffer, last: boolean): Buffer {
  if (sealed.length < tagBytes) throw new FrameError('an encrypted frame is cut short');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
  decipher.setAAD(Buffer.from([last ? 1 : 0]));
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    throw new FrameError('an encrypted frame was changed, damaged, or is under another key');
  }
}

/** The size of the frames holding `plainBytes`. */
export function framedSize(plainBytes: number): number {
  return plainBytes + tagBytes * (Math.floor(plainBytes / plainFrameBytes) + 1);
}

/** The plain size behind frames of `bodyBytes`, or undefined when no plain size gives that many. */
export function plainSizeOf(bodyBytes: number): number | undefined {
  const full = Math.floor(bodyBytes / sealedFrameBytes);
  const rest = bodyBytes - full * sealedFrameBytes - tagBytes;
  return rest < 0 ? undefined : full * plainFrameBytes + rest;
}

/** Frames in memory (small files, written inside a transaction). */
export function encryptFrames(key: Buffer, plain: Uint8Array): Buffer {
  const bytes = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  const frames: Buffer[] = [];
  const count = Math.floor(bytes.length / plainFrameBytes) + 1;
  for (let index = 0; index < count; index += 1) {
    frames.push(sealFrame(key, index, bytes.subarray(index * plainFrameBytes, (index + 1) * plainFrameBytes), index === count - 1));
  }
  return Buffer.concat(frames);
}

/** Encrypts bytes given piece by piece into frames: `update` answers the frames completed so far, `final` the last one. */
export function frameEncrypter(key: Buffer): { update(chunk: Buffer): Buffer; final(): Buffer } {
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  return {
    update(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const frames: Buffer[] = [];
      while (pending.length >= plainFrameBytes) {
        frames.push(sealFrame(key, index, pending.subarray(0, plainFrameBytes), false));
        index += 1;
        pending = pending.subarray(plainFrameBytes);
      }
      return frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    },
    final() {
      return sealFrame(key, index, pending, true);
    },
  };
}

/** Encrypts what is piped through it into frames. */
export function encryptingStream(key: Buffer): Transform {
  const encrypter = frameEncrypter(key);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const frames = encrypter.update(chunk);
      callback(null, frames.length > 0 ? frames : undefined);
    },
    flush(callback: TransformCallback) {
      callback(null, encrypter.final());
    },
  });
}

/**
 * Decrypts frames piped through it, starting at frame `firstIndex` (a range read starts mid-file).
 * Without `lastFrame` the frame still buffered at the end is the file's last one; a range read
 * that stops earlier says which index is the file's last.
 */
export function decryptingStream(key: Buffer, firstIndex = 0, lastFrame?: number): Transform {
  let index = firstIndex;
  let buffered: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      try {
        // One whole frame is always kept back: only the end of the input says which frame is last.
        while (buffered.length > sealedFrameBytes) {
          this.push(openFrame(key, index, buffered.subarray(0, sealedFrameBytes), false));
          index += 1;
          buffered = buffered.subarray(sealedFrameBytes);
        }
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      const last = lastFrame === undefined || index === lastFrame;
      if (lastFrame === undefined && buffered.length === sealedFrameBytes) {
        return callback(new FrameError('the encrypted file is cut short'));
      }
      try {
        this.push(openFrame(key, index, buffered, last));
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
  });
}

/** Where the frames covering plain bytes [offset, offset + length) lie in the body. */
export function frameSpan(plainBytes: number, offset: number, length: number): { firstIndex: number; lastIndex: number; bodyStart: number; bodyEnd: number } {
  const lastFrame = Math.floor(plainBytes / plainFrameBytes);
  const firstIndex = Math.min(Math.floor(offset / plainFrameBytes), lastFrame);
  const lastIndex = Math.min(Math.floor(Math.max(offset + length - 1, offset) / plainFrameBytes), lastFrame);
  const bodyEnd = lastIndex === lastFrame ? framedSize(plainBytes) : (lastIndex + 1) * sealedFrameBytes;
  return { firstIndex, lastIndex, bodyStart: firstIndex * sealedFrameBytes, bodyEnd };
}

/** Decrypts frames `firstIndex..lastIndex` read from the body (random access). */
export function decryptFrameRange(key: Buffer, body: Buffer, firstIndex: number, lastIndex: number, plainBytes: number): Buffer {
  const lastFrame = Math.floor(plainBytes / plainFrameBytes);
  const parts: Buffer[] = [];
  for (let index = firstIndex; index <= lastIndex; index += 1) {
    const start = (index - firstIndex) * sealedFrameBytes;
    parts.push(openFrame(key, index, body.subarray(start, Math.min(start + sealedFrameBytes, body.length)), index === lastFrame));
  }
  return Buffer.concat(parts);
}
