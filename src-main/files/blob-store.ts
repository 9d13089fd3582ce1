import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../src-shared/errors';

export interface StagedBlob {
  uploadId: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Content-addressed file storage under dataDir/files: a blob lives at files/ab/<sha256>, so the
 * same bytes attached twice are stored once. Uploads are first streamed into files/.staging
 * while hashed and counted, refused as soon as they pass the size limit.
 */
export class BlobStore {
  private readonly staged = new Map<string, StagedBlob & { path: string }>();
  private readonly stagingDir: string;

  constructor(readonly root: string) {
    this.stagingDir = path.join(root, '.staging');
    fs.mkdirSync(this.stagingDir, { recursive: true, mode: 0o700 });
  }

  blobPath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.blobPath(sha256));
  }

  async stage(source: Readable, maxBytes: number, name: string, tooLargeMessage?: string): Promise<StagedBlob> {
    const uploadId = randomUUID();
    const target = path.join(this.stagingDir, uploadId);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) {
          callback(new AppError('invalid_input', tooLargeMessage ?? `"${name}" is larger than the ${formatBytes(maxBytes)} limit for files.`, 'file'));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const writer = fs.createWriteStream(target, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(source, meter, writer);
    } catch (error) {
      // The file is opened asynchronously: wait until the stream is closed, or the file could
      // appear after it was removed and stay behind.
      if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
      fs.rmSync(target, { force: true });
      throw error;
    }
    const staged = { uploadId, sha256: hash.digest('hex'), sizeBytes, path: target };
    this.staged.set(uploadId, staged);
    return { uploadId, sha256: staged.sha256, sizeBytes };
  }

  /** Moves a staged upload into the store (or drops it when the same bytes are there). */
  commit(uploadId: string): StagedBlob {
    const staged = this.staged.get(uploadId);
    if (!staged || !fs.existsSync(staged.path)) {
      throw new AppError('not_found', 'That upload is no longer there; attach the file again.', 'uploadId');
    }
    this.staged.delete(uploadId);
    const destination = this.blobPath(staged.sha256);
    if (fs.existsSync(destination)) {
      fs.rmSync(staged.path, { force: true });
    } else {
      fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
      fs.renameSync(staged.path, destination);
    }
    return { uploadId, sha256: staged.sha256, sizeBytes: staged.sizeBytes };
  }

  /** Moves a downloaded file, its SHA-256 already checked, into the store. */
  adopt(file: string, sha256: string): void {
    const destination = this.blobPath(sha256);
    fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
    fs.renameSync(file, destination);
  }

  /**
   * Bytes already in memory (a picture from a vCard) straight into the store; synchronous, so it
   * can run inside a write transaction. Written to staging first and renamed: a crash never
   * leaves a half-written blob under its hash.
   */
  putBytes(bytes: Uint8Array): StagedBlob {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const destination = this.blobPath(sha256);
    if (!fs.existsSync(destination)) {
      const staging = path.join(this.stagingDir, randomUUID());
      fs.writeFileSync(staging, bytes, { flag: 'wx', mode: 0o600 });
      fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
      fs.renameSync(staging, destination);
    }
    return { uploadId: '', sha256, sizeBytes: bytes.length };
  }

  remove(sha256: string): void {
    fs.rmSync(this.blobPath(sha256), { force: true });
  }

  /** Staged uploads never committed (the app closed between upload and save). */
  removeStaleStaging(olderThanMs: number, now: number): void {
    removeOlderThan(this.stagingDir, olderThanMs, now);
  }

  /** Partial downloads not resumed for a long time (src-main/files/downloader.ts). */
  removeStalePartials(olderThanMs: number, now: number): void {
    removeOlderThan(path.join(this.root, '.partial'), olderThanMs, now);
  }
}

function removeOlderThan(dir: string, olderThanMs: number, now: number): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > olderThanMs) fs.rmSync(file, { force: true });
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
