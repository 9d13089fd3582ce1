import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../src-shared/errors';
import { importFileMaxBytes } from '../../src-shared/ipc/bridge';
import { encryptBlobBytes, encryptingBlobStream, filesKeyOf, openBlob, plainStream, readPlainRange } from './blob-file';

export interface StagedBlob {
  uploadId: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Content-addressed file storage under dataDir/files: a blob lives at files/ab/<sha256>, named by
 * the SHA-256 of its plain bytes, so the same bytes attached twice are stored once and a download
 * is checked against the name it was asked for. What is on the disk is encrypted (blob-file.ts);
 * every reader goes through this class, which decrypts. Uploads are first streamed into
 * files/.staging while hashed, counted and encrypted, refused as soon as they pass the size limit.
 */
export class BlobStore {
  private readonly staged = new Map<string, StagedBlob & { path: string; importOnly: boolean }>();
  private readonly stagingDir: string;
  /** Null only for a data folder without a database key (the bench's unencrypted comparison). */
  readonly filesKey: Buffer | null;

  constructor(
    readonly root: string,
    databaseKey: Buffer | null,
  ) {
    this.stagingDir = path.join(root, '.staging');
    fs.mkdirSync(this.stagingDir, { recursive: true, mode: 0o700 });
    this.filesKey = filesKeyOf(databaseKey);
  }

  blobPath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.blobPath(sha256));
  }

  /** The plain size of a stored blob. */
  sizeOf(sha256: string): number {
    const blob = openBlob(this.blobPath(sha256), this.filesKey);
    fs.closeSync(blob.fd);
    return blob.plainBytes;
  }

  /** The plain bytes of a stored blob, or of `range` of it (inclusive ends, as HTTP ranges). */
  read(sha256: string, range?: { start: number; end: number }): Readable {
    return plainStream(openBlob(this.blobPath(sha256), this.filesKey), range);
  }

  /** Plain bytes [offset, offset + length), at most the blob's end. */
  readRange(sha256: string, offset: number, length: number): Buffer {
    const blob = openBlob(this.blobPath(sha256), this.filesKey);
    try {
      return readPlainRange(blob, offset, length);
    } finally {
      fs.closeSync(blob.fd);
    }
  }

  /** A whole blob in memory: only for small ones (a logo, a contact's photo). */
  readBytes(sha256: string): Buffer {
    const blob = openBlob(this.blobPath(sha256), this.filesKey);
    try {
      return readPlainRange(blob, 0, blob.plainBytes);
    } finally {
      fs.closeSync(blob.fd);
    }
  }

  /** A stream that writes the stored (encrypted) form of what is piped through it. */
  encryptingStream(): Transform {
    return this.filesKey ? encryptingBlobStream(this.filesKey) : new PassThrough();
  }

  /**
   * Streams `source` into staging, encrypted, and answers its plain SHA-256 and size; refused
   * past `maxBytes`. The caller commits it (or adopts it under a name it checked); an upload
   * staged `importOnly` is only read by an import (readStaged) and refused by commit, so bytes let
   * in under the import's larger limit never become a stored file.
   */
  async stage(source: Readable, maxBytes: number, name: string, tooLargeMessage?: string, options: { importOnly?: boolean } = {}): Promise<StagedBlob> {
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
      await pipeline(source, meter, this.encryptingStream(), writer);
    } catch (error) {
      // The file is opened asynchronously: wait until the stream is closed, or the file could
      // appear after it was removed and stay behind.
      if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
      fs.rmSync(target, { force: true });
      throw error;
    }
    const staged = { uploadId, sha256: hash.digest('hex'), sizeBytes, path: target, importOnly: options.importOnly ?? false };
    this.staged.set(uploadId, staged);
    return { uploadId, sha256: staged.sha256, sizeBytes };
  }

  /** Moves a staged upload into the store (or drops it when the same bytes are there). */
  commit(uploadId: string): StagedBlob {
    const staged = this.staged.get(uploadId);
    if (!staged || !fs.existsSync(staged.path)) {
      throw new AppError('not_found', 'That upload is no longer there; attach the file again.', 'uploadId');
    }
    if (staged.importOnly) {
      throw new AppError('invalid_input', 'That file was given to an import; attach it again to keep it.', 'uploadId');
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

  /** Moves a staged blob into the store under `sha256` once the caller checked its hash (a download). */
  adoptStaged(staged: StagedBlob, sha256: string): void {
    if (staged.sha256 !== sha256) {
      this.discardStaged(staged.uploadId);
      throw new Error(`the bytes hash to ${staged.sha256}, not ${sha256}`);
    }
    this.commit(staged.uploadId);
  }

  /** The plain bytes of a staged upload, by its id (an import reads the file it was given). */
  readStaged(uploadId: string): Buffer | undefined {
    const file = path.join(this.stagingDir, uploadId);
    if (!/^[0-9a-f-]{36}$/.test(uploadId) || !fs.existsSync(file)) return undefined;
    const blob = openBlob(file, this.filesKey);
    try {
      return readPlainRange(blob, 0, blob.plainBytes);
    } finally {
      fs.closeSync(blob.fd);
    }
  }

  /** Drops a staged upload that will not be committed. */
  discardStaged(uploadId: string): void {
    const staged = this.staged.get(uploadId);
    this.staged.delete(uploadId);
    if (staged) fs.rmSync(staged.path, { force: true });
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
      fs.writeFileSync(staging, this.filesKey ? encryptBlobBytes(this.filesKey, bytes) : bytes, { flag: 'wx', mode: 0o600 });
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

/** The file store of a data folder, for code that has the folder and its keys rather than the core's FilesService. */
export function blobStoreOf(dataDir: string, keys: { databaseKey: Buffer | null } | undefined): BlobStore {
  return new BlobStore(path.join(dataDir, 'files'), keys?.databaseKey ?? null);
}

function removeOlderThan(dir: string, olderThanMs: number, now: number): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > olderThanMs) fs.rmSync(file, { force: true });
  }
}

/** Why a file given to an import was refused for its size. */
export function importTooLargeMessage(name: string): string {
  return `"${name}" is larger than the ${formatBytes(importFileMaxBytes)} an import can read; split it into smaller files.`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
