import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isEncryptedBlob } from './blob-file';
import type { BlobStore } from './blob-store';

// Files stored before encryption at rest are encrypted in place, one at a time: each is written
// encrypted to files/.encrypting/<sha256>, flushed to the disk, and renamed over the plain one.
// A rename is atomic, so killed at any point each file is either still plain or wholly
// encrypted (readers take both: blob-file.ts), and the next start carries on where this one
// stopped, dropping the half-written copy. Once a pass finds nothing plain, a marker file says
// so and later starts skip the scan. A restored backup's plain files go the same way.

const markerName = '.encrypted-at-rest';
const workName = '.encrypting';

export interface EncryptExistingProgress {
  onFile?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Encrypts every plain blob of the store; answers how many it encrypted. */
export async function encryptExistingBlobs(blobs: BlobStore, progress: EncryptExistingProgress = {}): Promise<number> {
  const filesKey = blobs.filesKey;
  if (!filesKey) return 0;
  const marker = path.join(blobs.root, markerName);
  if (fs.existsSync(marker)) return 0;
  const work = path.join(blobs.root, workName);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { mode: 0o700 });
  const plain = storedBlobFiles(blobs.root).filter((file) => !isEncryptedBlob(file, filesKey));
  let done = 0;
  if (plain.length > 0) progress.onFile?.(0, plain.length);
  for (const file of plain) {
    if (progress.signal?.aborted) return done;
    const copy = path.join(work, path.basename(file));
    try {
      await pipeline(fs.createReadStream(file), blobs.encryptingStream(), fs.createWriteStream(copy, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      fs.rmSync(copy, { force: true });
      // Removed meanwhile (deleted, its undo window over): nothing left to encrypt.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    // Removed while it was being encrypted (its person forgotten): the copy must not bring it back.
    if (!fs.existsSync(file)) {
      fs.rmSync(copy, { force: true });
      continue;
    }
    flushFile(copy);
    fs.renameSync(copy, file);
    flushFile(path.dirname(file));
    done += 1;
    progress.onFile?.(done, plain.length);
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`, { mode: 0o600 });
  return done;
}

/** Whether a store may still hold plain files (no finished pass yet). */
export function mayHoldPlainBlobs(root: string): boolean {
  return !fs.existsSync(path.join(root, markerName));
}

function storedBlobFiles(root: string): string[] {
  const files: string[] = [];
  for (const prefix of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of fs.readdirSync(path.join(root, prefix))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) files.push(path.join(root, prefix, name));
    }
  }
  return files;
}

function flushFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
