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
/** How much the streams here take and give at once: many frames, so a pipeline hands over fewer, larger pieces. */
export const streamChunkBytes = 1024 * 1024;
const tagBytes = 16;
const sealedFrameBytes = plainFrameBytes + tagBytes;
const lastFlag = Buffer.from([1]);
const notLastFlag = Buffer.from([0]);

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

/** One frame from its plain bytes given in pieces (no copy to join them): the ciphertext pieces, then the tag. */
function sealFramePieces(key: Buffer, index: number, pieces: readonly Buffer[], last: boolean): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(last ? lastFlag : notLastFlag);
  const sealed = pieces.map((piece) => cipher.update(piece));
  sealed.push(cipher.final(), cipher.getAuthTag());
  return sealed;
}

function sealFrame(key: Buffer, index: number, plain: Buffer, last: boolean): Buffer {
  return Buffer.concat(sealFramePieces(key, index, [plain], last));
}

/** One frame from its sealed bytes given in pieces, the tag being the last 16 bytes of them all. */
function openFramePieces(key: Buffer, index: number, pieces: readonly Buffer[], last: boolean): Buffer[] {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (total < tagBytes) throw new FrameError('an encrypted frame is cut short');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
  decipher.setAAD(last ? lastFlag : notLastFlag);
  const plain: Buffer[] = [];
  const tag = Buffer.alloc(tagBytes);
  let remaining = total - tagBytes;
  let tagFilled = 0;
  for (const piece of pieces) {
    const body = Math.min(piece.length, Math.max(remaining, 0));
    if (body > 0) plain.push(decipher.update(piece.subarray(0, body)));
    remaining -= body;
    if (body < piece.length) tagFilled += piece.copy(tag, tagFilled, body);
  }
  // GCM takes its tag any time before final(), so the body is deciphered as it comes.
  decipher.setAuthTag(tag);
  try {
    plain.push(decipher.final());
  } catch {
    throw new FrameError('an encrypted frame was changed, damaged, or is under another key');
  }
  return plain;
}

function openFrame(key: Buffer, index: number, sealed: Buffer, last: boolean): Buffer {
  return Buffer.concat(openFramePieces(key, index, [sealed], last));
}

/**
 * Bytes arriving piece by piece, cut into spans of `size` without copying: `add` answers the
 * spans completed (each as the pieces it is made of); `rest` is what is left once input ends.
 */
function spanCutter(size: number) {
  let pieces: Buffer[] = [];
  let filled = 0;
  return {
    add(chunk: Buffer, completed: (pieces: Buffer[]) => void): void {
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(size - filled, chunk.length - offset);
        pieces.push(chunk.subarray(offset, offset + take));
        filled += take;
        offset += take;
        if (filled === size) {
          const full = pieces;
          pieces = [];
          filled = 0;
          completed(full);
        }
      }
    },
    get rest(): Buffer[] {
      return pieces;
    },
    get restBytes(): number {
      return filled;
    },
  };
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
  const pieces = framePiecesEncrypter(key);
  return { update: (chunk) => Buffer.concat(pieces.update(chunk)), final: () => Buffer.concat(pieces.final()) };
}

/**
 * As frameEncrypter, answering the sealed bytes as the pieces they were made in: a stream passes
 * them on as they are rather than joining them (a frame of a 64 KiB read is seldom one piece).
 */
function framePiecesEncrypter(key: Buffer): { update(chunk: Buffer): Buffer[]; final(): Buffer[] } {
  let index = 0;
  // A frame is sealed once it is full: only then is it known not to be the last.
  const cutter = spanCutter(plainFrameBytes);
  return {
    update(chunk) {
      const sealed: Buffer[] = [];
      cutter.add(chunk, (pieces) => {
        sealed.push(...sealFramePieces(key, index, pieces, false));
        index += 1;
      });
      return sealed;
    },
    final() {
      return sealFramePieces(key, index, cutter.rest, true);
    },
  };
}

/** Encrypts what is piped through it into frames. */
export function encryptingStream(key: Buffer): Transform {
  const encrypter = framePiecesEncrypter(key);
  return new Transform({
    // Large pieces in, large pieces out: fewer hand-overs between the streams of a pipeline.
    readableHighWaterMark: streamChunkBytes,
    writableHighWaterMark: streamChunkBytes,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      for (const piece of encrypter.update(chunk)) if (piece.length > 0) this.push(piece);
      callback();
    },
    flush(callback: TransformCallback) {
      for (const piece of encrypter.final()) this.push(piece);
      callback();
    },
  });
}

/** A header before the frames that says their key (a sealed file names its epoch and salt); keyOf throws for one that does not open. */
export interface KeyFromHeader {
  headerBytes: number;
  keyOf(header: Buffer): Buffer;
}

/**
 * Decrypts frames piped through it, starting at frame `firstIndex` (a range read starts mid-file).
 * Without `lastFrame` the frame still buffered at the end is the file's last one; a range read
 * that stops earlier says which index is the file's last.
 */
export function decryptingStream(keyOrHeader: Buffer | KeyFromHeader, firstIndex = 0, lastFrame?: number): Transform {
  let index = firstIndex;
  let key = Buffer.isBuffer(keyOrHeader) ? keyOrHeader : undefined;
  const header = Buffer.isBuffer(keyOrHeader) ? undefined : { ...keyOrHeader, bytes: Buffer.alloc(keyOrHeader.headerBytes), filled: 0 };
  const cutter = spanCutter(sealedFrameBytes);
  // One whole frame is always kept back: only the end of the input says which frame is last.
  let held: Buffer[] | undefined;
  return new Transform({
    readableHighWaterMark: streamChunkBytes,
    writableHighWaterMark: streamChunkBytes,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (!key && header) {
          const taken = chunk.copy(header.bytes, header.filled);
          header.filled += taken;
          chunk = chunk.subarray(taken);
          if (header.filled < header.bytes.length) return callback();
          key = header.keyOf(header.bytes);
        }
        const frameKey = key;
        if (!frameKey) return callback();
        cutter.add(chunk, (pieces) => {
          if (held) {
            for (const plain of openFramePieces(frameKey, index, held, false)) if (plain.length > 0) this.push(plain);
            index += 1;
          }
          held = pieces;
        });
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (!key) return callback(new FrameError('the encrypted file is cut short before its frames'));
      try {
        if (cutter.restBytes > 0 || !held) {
          // The input ended inside a frame: the held frame is a full one before it.
          if (held) {
            for (const plain of openFramePieces(key, index, held, false)) if (plain.length > 0) this.push(plain);
            index += 1;
          }
          for (const plain of openFramePieces(key, index, cutter.rest, lastFrame === undefined || index === lastFrame)) if (plain.length > 0) this.push(plain);
        } else {
          // The input ended on a frame boundary: the held frame is the last one read.
          if (lastFrame === undefined) return callback(new FrameError('the encrypted file is cut short'));
          for (const plain of openFramePieces(key, index, held, index === lastFrame)) if (plain.length > 0) this.push(plain);
        }
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
