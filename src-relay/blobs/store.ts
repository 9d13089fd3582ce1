import type { Readable } from 'node:stream';
import type { TransferTarget } from '../../src-shared/sync/blob-protocol';

// Where the relay keeps file contents. Two kinds: a folder next to the relay's database (the
// embedded default, bytes streamed through the relay) and S3 or an S3-compatible service (bytes
// go straight between laptops and the bucket over presigned URLs). The relay's database says
// which blobs exist and which uploads are under way (src-relay/db/schema.ts); a store only keeps
// bytes, under keys namespaced by workspace.

/** A blob of a workspace; stores derive their key from both, so workspaces never share one. */
export interface BlobKey {
  workspaceId: string;
  sha256: string;
}

export interface StoredPart {
  partNumber: number;
  sizeBytes: number;
  etag: string;
}

export interface BlobStore {
  readonly kind: 'folder' | 's3';
  /** For the relay's start-up line, without secrets. */
  readonly description: string;
  /** Fails with a clear message when the store cannot be used (no bucket, no permission). */
  check(): Promise<void>;
  /** Begins a multipart upload; returns the store's id for it. */
  startUpload(key: BlobKey): Promise<string>;
  /**
   * Where a device sends one part: a presigned URL, or `relayPath` for stores the relay writes
   * itself. The part's MD5 is part of the request, so the store refuses bytes damaged on the way.
   */
  partTarget(key: BlobKey, storeUploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }, relayPath: string): Promise<TransferTarget>;
  /** Only for stores whose parts travel through the relay: stores one part from the request body. */
  writePart?(storeUploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }, body: Readable): Promise<StoredPart>;
  /**
   * Assembles the parts into the blob and checks that its bytes hash to `expected.sha256` (the
   * name for a plain blob, the sealed bytes' hash for a sealed one) and have `expected.sizeBytes`;
   * when they do not, nothing is left under the key and BlobIntegrityError is thrown.
   */
  completeUpload(key: BlobKey, storeUploadId: string, parts: readonly StoredPart[], expected: { sha256: string; sizeBytes: number }): Promise<void>;
  /** Drops an unfinished upload and its parts; never fails for one already gone. */
  abortUpload(key: BlobKey, storeUploadId: string): Promise<void>;
  /** Where a device fetches the blob: a presigned URL, or `relayPath`. */
  downloadTarget(key: BlobKey, relayPath: string): Promise<TransferTarget>;
  /** Only for stores whose bytes travel through the relay: the blob's bytes, from `start`. */
  read?(key: BlobKey, range?: { start: number; end?: number }): Promise<Readable>;
  delete(key: BlobKey): Promise<void>;
  close(): Promise<void>;
}

/** The assembled bytes are not what the uploader said they were. */
export class BlobIntegrityError extends Error {
  constructor(
    readonly expected: { sha256: string; sizeBytes: number },
    readonly actual: { sha256: string; sizeBytes: number },
  ) {
    super(`The uploaded bytes hash to ${actual.sha256} (${actual.sizeBytes} bytes), not ${expected.sha256} (${expected.sizeBytes} bytes).`);
    this.name = 'BlobIntegrityError';
  }
}

/** A part whose bytes do not match the MD5 or size they were announced with. */
export class BlobPartMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlobPartMismatchError';
  }
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const shaPattern = /^[0-9a-f]{64}$/;

/** Guards every key before it becomes a path or an object name. */
export function assertValidKey(key: BlobKey): void {
  if (!idPattern.test(key.workspaceId) || !shaPattern.test(key.sha256)) throw new Error('Invalid blob key');
}

/** The object name of a blob, under an optional prefix: `<prefix>workspaces/<id>/blobs/<sha256>`. */
export function objectName(prefix: string, key: BlobKey): string {
  assertValidKey(key);
  return `${prefix}workspaces/${key.workspaceId}/blobs/${key.sha256}`;
}
