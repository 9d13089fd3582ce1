import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { z } from 'zod';
import { KdfParamsSchema, type KdfParams } from './passphrase-kdf';

// A file sealed with a key derived from a passphrase (backups), streamed so it is never held
// in memory whole:
//   FIELDBOOK-SEALED 1\n
//   {"kdf":{scrypt parameters},"salt":"…","check":"…"}\n      — nothing secret
//   frames: [u32 plain length][u8 last][AES-256-GCM ciphertext][16-byte tag] …
// Each file gets its own key (HKDF of the passphrase's key and the file's random salt), so frame
// nonces can be a counter. The counter and the "last" flag are authenticated: frames cannot be
// reordered, dropped or the file cut short without the opening failing. `check` tells a wrong
// passphrase apart from a damaged file before any frame is read.

const magic = 'FIELDBOOK-SEALED 1\n';
const frameBytes = 64 * 1024;
const maxHeaderBytes = 4096;

const HeaderSchema = z.object({ kdf: KdfParamsSchema, salt: z.string().regex(/^[0-9a-f]{64}$/), check: z.string().regex(/^[0-9a-f]{32}$/) });

export interface SealedHeader {
  kdf: KdfParams;
  salt: string;
  check: string;
  /** Where the frames start in the file. */
  bodyOffset: number;
}

/** A sealed file that fails to open: changed, damaged or cut short. */
export class SealedFileError extends Error {}

function fileKeyOf(passphraseKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', passphraseKey, Buffer.from(salt, 'hex'), 'fieldbook sealed file', 32));
}

function checkOf(fileKey: Buffer): string {
  return createHmac('sha256', fileKey).update('fieldbook key check').digest().subarray(0, 16).toString('hex');
}

function nonce(counter: bigint): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(counter, 4);
  return iv;
}

/** Seals what is piped through it with the key the passphrase gave under `kdf`. */
export function sealingStream(sealing: { kdf: KdfParams; key: Buffer }): Transform {
  const salt = randomBytes(32).toString('hex');
  const fileKey = fileKeyOf(sealing.key, salt);
  let counter = 0n;
  let pending: Buffer = Buffer.alloc(0);
  const frame = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', fileKey, nonce(counter));
    counter += 1n;
    const flag = Buffer.from([last ? 1 : 0]);
    cipher.setAAD(flag);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(plain.length);
    return Buffer.concat([head, flag, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length > frameBytes) {
        this.push(frame(pending.subarray(0, frameBytes), false));
        pending = pending.subarray(frameBytes);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      this.push(frame(pending, true));
      callback();
    },
  });
  stream.push(Buffer.from(`${magic}${JSON.stringify({ kdf: sealing.kdf, salt, check: checkOf(fileKey) })}\n`));
  return stream;
}

/** The header of a sealed file, or null when the file is not one (an older, unsealed backup). Throws on a sealed file whose header is damaged. */
export function readSealedHeader(file: string): SealedHeader | null {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(maxHeaderBytes);
    head = head.subarray(0, fs.readSync(fd, head, 0, maxHeaderBytes, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, magic.length).equals(Buffer.from(magic))) return null;
  const end = head.indexOf(0x0a, magic.length);
  if (end === -1) throw new Error('its sealed header is cut short');
  let parsed: z.infer<typeof HeaderSchema>;
  try {
    parsed = HeaderSchema.parse(JSON.parse(head.subarray(magic.length, end).toString('utf8')));
  } catch {
    throw new Error('its sealed header is not one Fieldbook writes');
  }
  return { ...parsed, bodyOffset: end + 1 };
}

/** The file's own key from the passphrase's key, or undefined when that is the wrong passphrase. */
export function unlockSealedFile(header: SealedHeader, passphraseKey: Buffer): Buffer | undefined {
  const fileKey = fileKeyOf(passphraseKey, header.salt);
  return timingSafeEqual(Buffer.from(checkOf(fileKey), 'hex'), Buffer.from(header.check, 'hex')) ? fileKey : undefined;
}

/** Opens the frames of a sealed file (piped from its bodyOffset); fails on any change or a cut. */
export function openingStream(fileKey: Buffer): Transform {
  let counter = 0n;
  let buffered: Buffer = Buffer.alloc(0);
  let finished = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      while (buffered.length >= 5) {
        const length = buffered.readUInt32BE(0);
        if (length > frameBytes) return callback(new SealedFileError('a sealed frame is larger than any Fieldbook writes'));
        const total = 5 + length + 16;
        if (buffered.length < total) break;
        if (finished) return callback(new SealedFileError('there are bytes after its last sealed frame'));
        const flag = buffered.subarray(4, 5);
        const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(counter));
        counter += 1n;
        decipher.setAAD(flag);
        decipher.setAuthTag(buffered.subarray(5 + length, total));
        try {
          this.push(Buffer.concat([decipher.update(buffered.subarray(5, 5 + length)), decipher.final()]));
        } catch {
          return callback(new SealedFileError('a sealed frame was changed or damaged'));
        }
        finished = flag[0] === 1;
        buffered = buffered.subarray(total);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      callback(finished && buffered.length === 0 ? undefined : new SealedFileError('it is cut short'));
    },
  });
}
