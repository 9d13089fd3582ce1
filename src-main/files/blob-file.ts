import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import {
  decryptFrameRange,
  decryptingStream,
  encryptFrames,
  encryptingStream,
  FrameError,
  frameEncrypter,
  frameKey,
  frameSpan,
  plainFrameBytes,
  plainSizeOf,
  streamChunkBytes,
} from '../security/framed-cipher';

// One stored blob on the laptop's disk, encrypted at rest:
//   "FBFILE1\n" | 32-byte random salt | frames (src-main/security/framed-cipher.ts)
// under HKDF(files key, salt), where the files key is HKDF(database key). The database key is what
// the keychain or the passphrase unlocks (src-main/security/key-source.ts), so a copied files/
// folder opens with nothing less than the database does, and a backup restored with the
// passphrase opens its files too. Files from before encryption are plain bytes until
// encrypt-existing.ts has turned them; every reader here tells the two apart by the header and
// the first frame's tag, on the same open descriptor, so a file renamed meanwhile is never misread.

const magic = Buffer.from('FBFILE1\n');
const saltBytes = 32;
export const blobHeaderBytes = magic.length + saltBytes;
const filePurpose = 'fieldbook file at rest';

/** The root of every stored file's key; null when the data folder is not encrypted (the bench's comparison). */
export function filesKeyOf(databaseKey: Buffer | null): Buffer | null {
  return databaseKey ? Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'fieldbook files', 32)) : null;
}

/** A new blob's header and the key its frames are written under. */
export function newBlobHeader(filesKey: Buffer): { header: Buffer; key: Buffer } {
  const salt = randomBytes(saltBytes);
  return { header: Buffer.concat([magic, salt]), key: frameKey(filesKey, salt, filePurpose) };
}

/** A whole small blob in memory, as stored. */
export function encryptBlobBytes(filesKey: Buffer, plain: Uint8Array): Buffer {
  const { header, key } = newBlobHeader(filesKey);
  return Buffer.concat([header, encryptFrames(key, plain)]);
}

/** Encrypts bytes given piece by piece into the stored form: header and frames. */
export function blobEncrypter(filesKey: Buffer): { update(chunk: Buffer): Buffer; final(): Buffer } {
  const { header, key } = newBlobHeader(filesKey);
  const frames = frameEncrypter(key);
  let started = false;
  return {
    update(chunk) {
      const body = frames.update(chunk);
      if (started) return body;
      started = true;
      return Buffer.concat([header, body]);
    },
    final() {
      const last = frames.final();
      return started ? last : Buffer.concat([header, last]);
    },
  };
}

/** Encrypts a stream into the stored form (header first). */
export function encryptingBlobStream(filesKey: Buffer): Transform {
  const { header, key } = newBlobHeader(filesKey);
  const encrypt = encryptingStream(key);
  encrypt.push(header);
  return encrypt;
}

export interface OpenBlob {
  fd: number;
  /** The file's key when it is encrypted; null for plain bytes from before encryption. */
  key: Buffer | null;
  plainBytes: number;
}

/** Opens a stored blob and says what it holds; the caller closes `fd`. */
export function openBlob(file: string, filesKey: Buffer | null): OpenBlob {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const key = filesKey ? encryptedKeyOf(fd, size, filesKey) : null;
    const plainBytes = key ? plainSizeOf(size - blobHeaderBytes)! : size;
    return { fd, key, plainBytes };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** The file's key when it carries the header and its first frame opens under it. */
function encryptedKeyOf(fd: number, size: number, filesKey: Buffer): Buffer | null {
  if (size < blobHeaderBytes || plainSizeOf(size - blobHeaderBytes) === undefined) return null;
  const header = Buffer.alloc(blobHeaderBytes);
  fs.readSync(fd, header, 0, blobHeaderBytes, 0);
  if (!header.subarray(0, magic.length).equals(magic)) return null;
  const key = frameKey(filesKey, header.subarray(magic.length), filePurpose);
  const plainBytes = plainSizeOf(size - blobHeaderBytes)!;
  const span = frameSpan(plainBytes, 0, 1);
  const body = Buffer.alloc(span.bodyEnd - span.bodyStart);
  fs.readSync(fd, body, 0, body.length, blobHeaderBytes);
  try {
    decryptFrameRange(key, body, 0, 0, plainBytes);
    return key;
  } catch (error) {
    // Plain bytes that happen to begin like a stored blob (an attached blob file of another laptop).
    if (error instanceof FrameError) return null;
    throw error;
  }
}

/** Whether the file is in the encrypted form under this files key. */
export function isEncryptedBlob(file: string, filesKey: Buffer): boolean {
  const opened = openBlob(file, filesKey);
  fs.closeSync(opened.fd);
  return opened.key !== null;
}

/** Plain bytes [offset, offset + length) of an open blob. */
export function readPlainRange(blob: OpenBlob, offset: number, length: number): Buffer {
  const end = Math.min(blob.plainBytes, offset + length);
  if (end <= offset) return Buffer.alloc(0);
  if (!blob.key) {
    const bytes = Buffer.alloc(end - offset);
    const read = fs.readSync(blob.fd, bytes, 0, bytes.length, offset);
    return bytes.subarray(0, read);
  }
  const span = frameSpan(blob.plainBytes, offset, end - offset);
  const body = Buffer.alloc(span.bodyEnd - span.bodyStart);
  fs.readSync(blob.fd, body, 0, body.length, blobHeaderBytes + span.bodyStart);
  const plain = decryptFrameRange(blob.key, body, span.firstIndex, span.lastIndex, blob.plainBytes);
  const skip = offset - span.firstIndex * plainFrameBytes;
  return plain.subarray(skip, skip + (end - offset));
}

/** A stream of the plain bytes [start, end] (inclusive, as HTTP ranges) of an open blob; closes its fd when done. */
export function plainStream(blob: OpenBlob, range?: { start: number; end: number }): Readable {
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? blob.plainBytes - 1, blob.plainBytes - 1);
  // An empty file, or a range past its end (a read stream cannot be asked for no bytes).
  if (end < start) {
    fs.closeSync(blob.fd);
    return Readable.from([]);
  }
  if (!blob.key) return fs.createReadStream('', { fd: blob.fd, start, end, autoClose: true });
  const span = frameSpan(blob.plainBytes, start, end - start + 1);
  const raw = fs.createReadStream('', { fd: blob.fd, start: blobHeaderBytes + span.bodyStart, end: blobHeaderBytes + span.bodyEnd - 1, autoClose: true, highWaterMark: streamChunkBytes });
  const lastFrame = Math.floor(blob.plainBytes / plainFrameBytes);
  const decrypt = decryptingStream(blob.key, span.firstIndex, lastFrame);
  let position = span.firstIndex * plainFrameBytes;
  const trim = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const from = Math.max(0, start - position);
      const to = Math.min(chunk.length, end + 1 - position);
      position += chunk.length;
      callback(null, to > from ? chunk.subarray(from, to) : undefined);
    },
  });
  raw.on('error', (error) => decrypt.destroy(error));
  decrypt.on('error', (error) => trim.destroy(error));
  return raw.pipe(decrypt).pipe(trim);
}
