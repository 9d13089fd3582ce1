import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EpochKeys } from '../../src-shared/sync/sealing';
import { decryptingStream, encryptingStream, frameKey, framedSize, streamChunkBytes } from '../security/framed-cipher';
import type { BlobStore } from './blob-store';

// File bytes sealed end to end (docs/end-to-end-encryption.md): what the relay and its S3 bucket
// hold of a file of an encrypted workspace.
//
// - The name: HMAC-SHA256(name key, plain SHA-256), where the name key comes from the workspace's
//   first epoch, which every laptop of the workspace holds (new devices are given every epoch). It
//   stays the same across key rotations, so references, dedupe within the workspace and
//   collection keep working, and the relay never learns the plain hash (which would let it
//   confirm a guessed file).
// - The bytes: "FBSEAL1\n" | epoch (u32) | salt (32) | frames (src-main/security/framed-cipher.ts)
//   under HKDF(epoch key, salt). The salt is an HMAC of the plain hash under the epoch key, so
//   sealing is deterministic: an upload resumed after a crash seals to the same bytes, and the
//   relay checks their SHA-256 (StartUploadRequest.contentSha256). Equal sealed bytes only ever
//   come from equal files in one epoch, which the name says already.
// - Opening: the epoch in the header picks the key, so files sealed before a rotation still open;
//   the plain hash is checked against the file's row after opening (BlobStore.adoptStaged).

const magic = Buffer.from('FBSEAL1\n');
export const sealedHeaderBytes = magic.length + 4 + 32;
const purpose = 'fieldbook sealed file';

/** The workspace keys the file code reads (WorkspaceKeys in src-main/sync/keys/). */
export interface FileKeys {
  /** Every epoch this laptop holds. */
  epochs(): EpochKeys[];
  /** The epoch to seal with now, or undefined while this laptop has none (the workspace has no key yet, or it waits for one). */
  sealingKeys(): EpochKeys | undefined;
}

function nameKeyOf(keys: FileKeys): Buffer | undefined {
  const first = keys.epochs().reduce<EpochKeys | undefined>((lowest, epoch) => (!lowest || epoch.epoch < lowest.epoch ? epoch : lowest), undefined);
  return first ? frameKey(Buffer.from(first.key, 'base64url'), Buffer.alloc(0), 'fieldbook blob names') : undefined;
}

/** The blob's name at the relay: keyed in an encrypted workspace, the plain hash otherwise. */
export function relayNameOf(keys: FileKeys | undefined, plainSha256: string): string {
  const nameKey = keys && nameKeyOf(keys);
  return nameKey ? createHmac('sha256', nameKey).update(plainSha256).digest('hex') : plainSha256;
}

function sealedHeader(epoch: EpochKeys, plainSha256: string): { header: Buffer; key: Buffer } {
  const epochKey = Buffer.from(epoch.key, 'base64url');
  const salt = createHmac('sha256', epochKey).update(`${purpose} salt\u0000${plainSha256}`).digest();
  const head = Buffer.alloc(4);
  head.writeUInt32BE(epoch.epoch);
  return { header: Buffer.concat([magic, head, salt]), key: frameKey(epochKey, salt, purpose) };
}

export const sealedSizeOf = (plainBytes: number): number => sealedHeaderBytes + framedSize(plainBytes);

export interface SealedCopy {
  file: string;
  sizeBytes: number;
  /** SHA-256 of the sealed bytes: what the relay checks. */
  contentSha256: string;
}

/**
 * Writes the blob sealed under `epoch` to files/.outgoing (kept until its upload is done, so a
 * resumed upload reads the same bytes), or reuses the copy already there.
 */
export async function sealedCopyOf(blobs: BlobStore, plainSha256: string, epoch: EpochKeys): Promise<SealedCopy> {
  const dir = path.join(blobs.root, '.outgoing');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${plainSha256}.${epoch.epoch}`);
  // The sealed bytes' SHA-256, written beside the copy once it is whole: a resumed upload does not
  // read the whole copy again to learn it. A copy without one (a crash in between) is hashed again.
  const hashFile = `${file}${hashSuffix}`;
  const expectedSize = sealedSizeOf(blobs.sizeOf(plainSha256));
  if (fs.statSync(file, { throwIfNoEntry: false })?.size === expectedSize) {
    const known = readHashFile(hashFile);
    if (known) return { file, sizeBytes: expectedSize, contentSha256: known };
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(file, { highWaterMark: streamChunkBytes })) hash.update(chunk as Buffer);
    return { file, sizeBytes: expectedSize, contentSha256: writeHashFile(hashFile, hash.digest('hex')) };
  }
  fs.rmSync(hashFile, { force: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const { header, key } = sealedHeader(epoch, plainSha256);
  // Hashed on the way to the disk, so the copy is written once and never read back here.
  const hash = createHash('sha256').update(header);
  const hashing = new Transform({
    readableHighWaterMark: streamChunkBytes,
    writableHighWaterMark: streamChunkBytes,
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const output = fs.createWriteStream(temporary, { mode: 0o600 });
  output.write(header);
  await pipeline(blobs.read(plainSha256), encryptingStream(key), hashing, output);
  fs.renameSync(temporary, file);
  return { file, sizeBytes: expectedSize, contentSha256: writeHashFile(hashFile, hash.digest('hex')) };
}

const hashSuffix = '.sha256';

function readHashFile(hashFile: string): string | undefined {
  try {
    const text = fs.readFileSync(hashFile, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

function writeHashFile(hashFile: string, sha256: string): string {
  const temporary = `${hashFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, sha256, { mode: 0o600 });
  fs.renameSync(temporary, hashFile);
  return sha256;
}

/** Drops the sealed copies of a blob once the relay has it. */
export function dropSealedCopies(blobs: BlobStore, plainSha256: string): void {
  const dir = path.join(blobs.root, '.outgoing');
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.startsWith(`${plainSha256}.`)) fs.rmSync(path.join(dir, name), { force: true });
}

/** A sealed file that does not open here: damaged, or under an epoch this laptop does not hold. */
export class SealedBlobError extends Error {}

/** The plain bytes of a sealed blob downloaded to `file`. */
export function openSealedFile(file: string, keyOf: (epoch: number) => EpochKeys | undefined, plainSha256: string): Readable {
  const header = Buffer.alloc(sealedHeaderBytes);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, sealedHeaderBytes, 0) !== sealedHeaderBytes) throw notSealed();
  } finally {
    fs.closeSync(fd);
  }
  const key = sealedKeyOf(header, keyOf, plainSha256);
  const body = fs.createReadStream(file, { start: sealedHeaderBytes, highWaterMark: streamChunkBytes });
  const decrypt = decryptingStream(key);
  body.on('error', (error) => decrypt.destroy(error));
  return body.pipe(decrypt);
}

/**
 * Opens a sealed blob as its bytes arrive (a download, header first): what is piped through it
 * comes out plain; a header that does not open here fails the stream with SealedBlobError.
 */
export function openingSealedStream(keyOf: (epoch: number) => EpochKeys | undefined, plainSha256: string): Transform {
  return decryptingStream({ headerBytes: sealedHeaderBytes, keyOf: (header) => sealedKeyOf(header, keyOf, plainSha256) });
}

const notSealed = () => new SealedBlobError('the file from the relay is not sealed the way Fieldbook seals files');

/** The frames' key named by a sealed file's header, checked against the file the row refers to. */
function sealedKeyOf(header: Buffer, keyOf: (epoch: number) => EpochKeys | undefined, plainSha256: string): Buffer {
  if (!header.subarray(0, magic.length).equals(magic)) throw notSealed();
  const epochNumber = header.readUInt32BE(magic.length);
  const epoch = keyOf(epochNumber);
  if (!epoch) throw new SealedBlobError(`the file is sealed with key epoch ${epochNumber}, which this laptop was not given`);
  const { header: expected, key } = sealedHeader(epoch, plainSha256);
  if (!expected.equals(header)) throw new SealedBlobError('the file from the relay is not the one this row refers to');
  return key;
}
