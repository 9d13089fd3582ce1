import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobIntegrityError, BlobPartMismatchError, assertValidKey, type BlobKey, type BlobStore, type StoredPart } from './store';

// The embedded blob store: a folder next to the relay's database, so `npm run relay` needs no
// configuration. Bytes travel through the relay (its routes check the device's token on every
// request). Layout:
//   objects/<workspace>/<ab>/<sha256>   finished blobs
//   uploads/<upload id>/<part>          parts of unfinished uploads
// Every file is written under a temporary name and renamed, so a crash never leaves a part or a
// blob that looks whole but is not.

const tokenLifetimeMs = 15 * 60 * 1000;

export class FolderBlobStore implements BlobStore {
  readonly kind = 'folder' as const;

  constructor(private readonly root: string) {}

  get description(): string {
    return `folder ${path.resolve(this.root)}`;
  }

  async check(): Promise<void> {
    await fs.promises.mkdir(path.join(this.root, 'objects'), { recursive: true });
    await fs.promises.mkdir(path.join(this.root, 'uploads'), { recursive: true });
  }

  objectPath(key: BlobKey): string {
    assertValidKey(key);
    return path.join(this.root, 'objects', key.workspaceId, key.sha256.slice(0, 2), key.sha256);
  }

  private uploadDir(storeUploadId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(storeUploadId)) throw new Error('Invalid upload id');
    return path.join(this.root, 'uploads', storeUploadId);
  }

  async startUpload(): Promise<string> {
    const id = randomUUID();
    await fs.promises.mkdir(this.uploadDir(id), { recursive: true });
    return id;
  }

  async partTarget(_key: BlobKey, _storeUploadId: string, part: { md5: string }, relayPath: string) {
    return { url: relayPath, viaRelay: true, headers: { 'content-md5': part.md5 }, expiresAt: Date.now() + tokenLifetimeMs };
  }

  async writePart(storeUploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }, body: Readable): Promise<StoredPart> {
    const dir = this.uploadDir(storeUploadId);
    await fs.promises.mkdir(dir, { recursive: true });
    const target = path.join(dir, String(part.partNumber));
    const temporary = `${target}.${randomUUID()}.tmp`;
    const md5 = createHash('md5');
    let received = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > part.sizeBytes) {
          callback(new BlobPartMismatchError(`Part ${part.partNumber} is longer than the ${part.sizeBytes} bytes announced.`));
          return;
        }
        md5.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, fs.createWriteStream(temporary, { flags: 'wx' }));
      const digest = md5.digest('base64');
      if (received !== part.sizeBytes) throw new BlobPartMismatchError(`Part ${part.partNumber} has ${received} bytes, not the ${part.sizeBytes} announced.`);
      if (digest !== part.md5) throw new BlobPartMismatchError(`Part ${part.partNumber} was damaged on the way: its MD5 does not match.`);
      await fs.promises.rename(temporary, target);
      return { partNumber: part.partNumber, sizeBytes: received, etag: Buffer.from(digest, 'base64').toString('hex') };
    } finally {
      await fs.promises.rm(temporary, { force: true });
    }
  }

  async completeUpload(key: BlobKey, storeUploadId: string, parts: readonly StoredPart[], expected: { sha256: string; sizeBytes: number }): Promise<void> {
    const destination = this.objectPath(key);
    const dir = this.uploadDir(storeUploadId);
    await fs.promises.mkdir(path.dirname(destination), { recursive: true });
    const temporary = `${destination}.${randomUUID()}.tmp`;
    const hash = createHash('sha256');
    let written = 0;
    try {
      const output = fs.createWriteStream(temporary, { flags: 'wx' });
      const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
      await pipeline(async function* () {
        for (const part of ordered) {
          for await (const chunk of fs.createReadStream(path.join(dir, String(part.partNumber)))) {
            hash.update(chunk as Buffer);
            written += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
        }
      }, output);
      const actual = { sha256: hash.digest('hex'), sizeBytes: written };
      if (actual.sha256 !== expected.sha256 || actual.sizeBytes !== expected.sizeBytes) throw new BlobIntegrityError(expected, actual);
      await fs.promises.rename(temporary, destination);
    } finally {
      await fs.promises.rm(temporary, { force: true });
    }
    await fs.promises.rm(dir, { recursive: true, force: true });
  }

  async abortUpload(_key: BlobKey, storeUploadId: string): Promise<void> {
    await fs.promises.rm(this.uploadDir(storeUploadId), { recursive: true, force: true });
  }

  async downloadTarget(_key: BlobKey, relayPath: string) {
    return { url: relayPath, viaRelay: true, headers: {}, expiresAt: Date.now() + tokenLifetimeMs };
  }

  async read(key: BlobKey, range?: { start: number; end?: number }): Promise<Readable> {
    const file = this.objectPath(key);
    // Opened before returning, so a missing file is an error here rather than in the response.
    const handle = await fs.promises.open(file, 'r');
    return handle.createReadStream({ start: range?.start ?? 0, ...(range?.end !== undefined ? { end: range.end } : {}) });
  }

  async delete(key: BlobKey): Promise<void> {
    await fs.promises.rm(this.objectPath(key), { force: true });
  }

  async close(): Promise<void> {}
}
