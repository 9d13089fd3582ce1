import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  blobRoutes,
  type BlobLimits,
  type BlobReference,
  type BlobUsage,
  type DownloadTarget,
  type StartUploadResponse,
  type TransferTarget,
} from '../../src-shared/sync/blob-protocol';
import { routePath } from '../../src-shared/sync/protocol';
import type { Caller } from '../auth';
import type { RelayDb } from '../db/open';
import { blobReferences, blobUploadParts, blobUploads, blobs } from '../db/schema';
import { invalidInput, notFound, RelayHttpError } from '../http';
import { BlobIntegrityError, BlobPartMismatchError, type BlobStore, type StoredPart } from './store';

// What the blob routes do (src-relay/blobs/routes.ts is the HTTP side). Every query is scoped to
// the caller's workspace, so an upload id, a blob or a reference of another workspace is simply
// not found; the store's keys are namespaced the same way.

export interface BlobSettings {
  store: BlobStore;
  /** Largest file accepted; default 100 MB. */
  maxFileBytes: number;
  /** Most bytes one workspace may store; null for no limit. */
  quotaBytes: number | null;
  /** Size of upload parts (S3 needs at least 5 MiB for all but the last). */
  partBytes: number;
  /** How long a blob nothing refers to is kept before it is collected. */
  graceMs: number;
  /** An upload untouched this long is abandoned and its parts removed. */
  staleUploadMs: number;
}

type UploadRow = typeof blobUploads.$inferSelect;

export function partCount(sizeBytes: number, partBytes: number): number {
  return Math.max(1, Math.ceil(sizeBytes / partBytes));
}

export function expectedPartBytes(upload: Pick<UploadRow, 'sizeBytes' | 'partBytes'>, partNumber: number): number {
  const count = partCount(upload.sizeBytes, upload.partBytes);
  return partNumber < count ? upload.partBytes : upload.sizeBytes - upload.partBytes * (count - 1);
}

export const formatMegabytes = (bytes: number): string => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;

export class BlobService {
  constructor(
    private readonly db: RelayDb,
    readonly settings: BlobSettings,
    private readonly now: () => number,
  ) {}

  get store(): BlobStore {
    return this.settings.store;
  }

  limits(): BlobLimits {
    return { maxFileBytes: this.settings.maxFileBytes, partBytes: this.settings.partBytes, store: this.store.kind };
  }

  async usage(caller: Caller): Promise<BlobUsage> {
    const [row] = await this.db
      .select({
        usedBytes: sql<number>`coalesce(sum(${blobs.sizeBytes}), 0)`.mapWith(Number),
        blobCount: sql<number>`count(*)`.mapWith(Number),
        awaitingCollectionBytes: sql<number>`coalesce(sum(${blobs.sizeBytes}) filter (where not exists (
          select 1 from ${blobReferences} r where r.workspace_id = ${blobs.workspaceId} and r.sha256 = ${blobs.sha256} and r.cl % 2 = 1)), 0)`.mapWith(Number),
      })
      .from(blobs)
      .where(and(eq(blobs.workspaceId, caller.workspaceId), eq(blobs.state, 'present')));
    return {
      usedBytes: row?.usedBytes ?? 0,
      blobCount: row?.blobCount ?? 0,
      awaitingCollectionBytes: row?.awaitingCollectionBytes ?? 0,
      quotaBytes: this.settings.quotaBytes,
      maxFileBytes: this.settings.maxFileBytes,
    };
  }

  async startUpload(caller: Caller, request: { sha256: string; sizeBytes: number; contentSha256?: string | undefined }): Promise<StartUploadResponse> {
    const { maxFileBytes, quotaBytes, partBytes } = this.settings;
    if (request.sizeBytes > maxFileBytes) {
      throw new RelayHttpError(413, 'too_large', `This file is ${formatMegabytes(request.sizeBytes)}; the relay accepts files up to ${formatMegabytes(maxFileBytes)}.`);
    }
    const key = { workspaceId: caller.workspaceId, sha256: request.sha256 };
    const [stored] = await this.db.select().from(blobs).where(and(eq(blobs.workspaceId, key.workspaceId), eq(blobs.sha256, key.sha256)));
    if (stored?.state === 'present') return { status: 'present', sizeBytes: stored.sizeBytes };
    if (stored?.state === 'deleting') {
      throw new RelayHttpError(429, 'rate_limited', 'The relay is removing an old copy of this file; try again in a few seconds.', { 'retry-after': '5' });
    }
    const existing = await this.findUploadOfBlob(key.workspaceId, key.sha256);
    if (existing) {
      if (existing.sizeBytes !== request.sizeBytes) throw invalidInput('An upload of these bytes is under way with another size; the size given is wrong.');
      if ((existing.contentSha256 ?? null) !== (request.contentSha256 ?? null)) throw invalidInput('An upload of this file is under way with other sealed bytes; it is sealed differently.');
      return this.describeUpload(existing);
    }
    if (quotaBytes !== null) {
      const used = await this.committedBytes(caller.workspaceId);
      if (used + request.sizeBytes > quotaBytes) {
        throw new RelayHttpError(
          413,
          'too_large',
          `The workspace's storage is full: ${formatMegabytes(used)} of ${formatMegabytes(quotaBytes)} used. Delete files you no longer need or ask the relay's operator for more.`,
        );
      }
    }
    const storeUploadId = await this.store.startUpload(key);
    const at = this.now();
    const inserted = await this.db
      .insert(blobUploads)
      .values({
        id: uuidv7(),
        workspaceId: key.workspaceId,
        sha256: key.sha256,
        sizeBytes: request.sizeBytes,
        partBytes,
        storeUploadId,
        startedBy: caller.deviceId,
        contentSha256: request.contentSha256 ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) return this.describeUpload(inserted[0]);
    // Another device started the same blob a moment ago: join its upload, drop ours.
    await this.store.abortUpload(key, storeUploadId);
    const winner = await this.findUploadOfBlob(key.workspaceId, key.sha256);
    if (!winner) throw new RelayHttpError(429, 'rate_limited', 'Another upload of this file just finished or stopped; try again.', { 'retry-after': '1' });
    return this.describeUpload(winner);
  }

  async partTarget(caller: Caller, uploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }): Promise<TransferTarget> {
    const upload = await this.openUpload(caller, uploadId, part.partNumber, part.sizeBytes);
    const relayPath = routePath(blobRoutes.partBytes, { id: upload.id, part: String(part.partNumber) });
    return this.store.partTarget({ workspaceId: upload.workspaceId, sha256: upload.sha256 }, upload.storeUploadId, part, relayPath);
  }

  /** The folder store's part upload, streamed from the request. */
  async writePart(caller: Caller, uploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }, body: Readable): Promise<StoredPart> {
    if (!this.store.writePart) throw notFound('This relay keeps files in S3: send parts to the address it gave you.');
    const upload = await this.openUpload(caller, uploadId, part.partNumber, part.sizeBytes);
    let stored: StoredPart;
    try {
      stored = await this.store.writePart(upload.storeUploadId, part, body);
    } catch (error) {
      if (error instanceof BlobPartMismatchError) throw invalidInput(error.message);
      throw error;
    }
    await this.recordPart(upload.id, stored);
    return stored;
  }

  /** After a device PUT a part to a presigned URL: the ETag the store answered. */
  async partDone(caller: Caller, uploadId: string, part: StoredPart): Promise<StoredPart> {
    const upload = await this.openUpload(caller, uploadId, part.partNumber, part.sizeBytes);
    await this.recordPart(upload.id, part);
    return part;
  }

  async complete(caller: Caller, uploadId: string): Promise<{ status: 'present'; sizeBytes: number }> {
    const [upload] = await this.db.select().from(blobUploads).where(and(eq(blobUploads.id, uploadId), eq(blobUploads.workspaceId, caller.workspaceId)));
    // Unknown, or completed by a first attempt of a retried request: the client starts over,
    // and startUpload answers `present` if the blob is stored.
    if (!upload) throw notFound('There is no such upload in this workspace; start the upload again.');
    const parts = await this.db.select().from(blobUploadParts).where(eq(blobUploadParts.uploadId, upload.id));
    const count = partCount(upload.sizeBytes, upload.partBytes);
    const have = new Set(parts.map((part) => part.partNumber));
    const missing = Array.from({ length: count }, (_, index) => index + 1).filter((number) => !have.has(number));
    if (missing.length > 0) throw invalidInput(`The upload is not finished: part${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')} missing.`);
    const key = { workspaceId: upload.workspaceId, sha256: upload.sha256 };
    try {
      await this.store.completeUpload(key, upload.storeUploadId, parts, { sha256: upload.contentSha256 ?? upload.sha256, sizeBytes: upload.sizeBytes });
    } catch (error) {
      if (!(error instanceof BlobIntegrityError)) throw error;
      await this.forgetUpload(upload.id);
      throw invalidInput(`The uploaded bytes do not match the file's SHA-256, so the relay did not keep them; the upload starts again. (${error.message})`);
    }
    await this.db.transaction(async (tx) => {
      await tx
        .insert(blobs)
        .values({ ...key, sizeBytes: upload.sizeBytes, state: 'present', storedAt: this.now() })
        .onConflictDoUpdate({ target: [blobs.workspaceId, blobs.sha256], set: { state: 'present', sizeBytes: upload.sizeBytes } });
      await tx.delete(blobUploadParts).where(eq(blobUploadParts.uploadId, upload.id));
      await tx.delete(blobUploads).where(eq(blobUploads.id, upload.id));
    });
    return { status: 'present', sizeBytes: upload.sizeBytes };
  }

  async downloadTarget(caller: Caller, sha256: string): Promise<DownloadTarget> {
    const stored = await this.presentBlob(caller, sha256);
    const relayPath = routePath(blobRoutes.content, { sha256 });
    const target = await this.store.downloadTarget({ workspaceId: caller.workspaceId, sha256 }, relayPath);
    return { ...target, sizeBytes: stored.sizeBytes };
  }

  /** The folder store's download: size and a reader from `start`. */
  async content(caller: Caller, sha256: string): Promise<{ sizeBytes: number; read: (range?: { start: number; end?: number }) => Promise<Readable> }> {
    const { read } = this.store;
    if (!read) throw notFound('This relay keeps files in S3: fetch them from the address it gave you.');
    const stored = await this.presentBlob(caller, sha256);
    return { sizeBytes: stored.sizeBytes, read: (range) => read.call(this.store, { workspaceId: caller.workspaceId, sha256 }, range) };
  }

  /** Records what rows refer to; answers the blobs live references need that are not here. */
  async declareReferences(caller: Caller, references: readonly BlobReference[]): Promise<{ missing: string[] }> {
    const at = this.now();
    // One row per (table, row, blob), the greatest causal length of a request kept.
    const unique = new Map<string, BlobReference>();
    for (const reference of references) {
      const id = `${reference.tableName}\u0000${reference.rowId}\u0000${reference.sha256}`;
      const seen = unique.get(id);
      if (!seen || reference.cl > seen.cl) unique.set(id, reference);
    }
    const wanted = [...new Set([...unique.values()].filter((reference) => reference.cl % 2 === 1).map((reference) => reference.sha256))];
    const shas = sql.param(wanted);
    return this.db.transaction(async (tx) => {
      await tx
        .insert(blobReferences)
        .values([...unique.values()].map((reference) => ({ workspaceId: caller.workspaceId, ...reference, changedAt: at })))
        .onConflictDoUpdate({
          target: [blobReferences.workspaceId, blobReferences.tableName, blobReferences.rowId, blobReferences.sha256],
          set: {
            // The causal length only grows, whatever order declarations arrive in.
            cl: sql`greatest(${blobReferences.cl}, excluded.cl)`,
            changedAt: sql`case when excluded.cl > ${blobReferences.cl} then excluded.changed_at else ${blobReferences.changedAt} end`,
          },
        });
      if (wanted.length === 0) return { missing: [] };
      // FOR SHARE: the collector locks a blob's row before marking it, so it either sees the
      // references above or has marked the blob `deleting` already, and then it is missing.
      const present = await tx
        .select({ sha256: blobs.sha256 })
        .from(blobs)
        .where(and(eq(blobs.workspaceId, caller.workspaceId), eq(blobs.state, 'present'), sql`${blobs.sha256} = any(${shas}::text[])`))
        .for('share');
      const uploading = await tx
        .select({ sha256: blobUploads.sha256 })
        .from(blobUploads)
        .where(and(eq(blobUploads.workspaceId, caller.workspaceId), sql`${blobUploads.sha256} = any(${shas}::text[])`));
      const known = new Set([...present, ...uploading].map((row) => row.sha256));
      return { missing: wanted.filter((sha256) => !known.has(sha256)) };
    });
  }

  /** Forgets an upload's rows and drops its parts from the store. */
  async abandonUpload(upload: UploadRow): Promise<void> {
    await this.store.abortUpload({ workspaceId: upload.workspaceId, sha256: upload.sha256 }, upload.storeUploadId);
    await this.forgetUpload(upload.id);
  }

  private async forgetUpload(uploadId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(blobUploadParts).where(eq(blobUploadParts.uploadId, uploadId));
      await tx.delete(blobUploads).where(eq(blobUploads.id, uploadId));
    });
  }

  private async presentBlob(caller: Caller, sha256: string) {
    const [stored] = await this.db
      .select()
      .from(blobs)
      .where(and(eq(blobs.workspaceId, caller.workspaceId), eq(blobs.sha256, sha256), eq(blobs.state, 'present')));
    if (!stored) throw notFound('The relay does not have this file: the laptop it was attached on has not uploaded it yet.');
    return stored;
  }

  private async findUploadOfBlob(workspaceId: string, sha256: string): Promise<UploadRow | undefined> {
    const [upload] = await this.db.select().from(blobUploads).where(and(eq(blobUploads.workspaceId, workspaceId), eq(blobUploads.sha256, sha256)));
    return upload;
  }

  private async describeUpload(upload: UploadRow): Promise<StartUploadResponse> {
    const parts = await this.db.select({ partNumber: blobUploadParts.partNumber }).from(blobUploadParts).where(eq(blobUploadParts.uploadId, upload.id));
    return {
      status: 'uploading',
      uploadId: upload.id,
      partBytes: upload.partBytes,
      partCount: partCount(upload.sizeBytes, upload.partBytes),
      doneParts: parts.map((part) => part.partNumber).sort((a, b) => a - b),
    };
  }

  /** The upload of the caller's workspace that a part belongs to, checking the part's number and size. */
  private async openUpload(caller: Caller, uploadId: string, partNumber: number, sizeBytes: number): Promise<UploadRow> {
    const [upload] = await this.db.select().from(blobUploads).where(and(eq(blobUploads.id, uploadId), eq(blobUploads.workspaceId, caller.workspaceId)));
    if (!upload) throw notFound('There is no such upload in this workspace; start the upload again.');
    const count = partCount(upload.sizeBytes, upload.partBytes);
    if (partNumber > count) throw invalidInput(`This upload has ${count} part${count > 1 ? 's' : ''}, not ${partNumber}.`);
    const expected = expectedPartBytes(upload, partNumber);
    if (sizeBytes !== expected) throw invalidInput(`Part ${partNumber} must have ${expected} bytes, not ${sizeBytes}.`);
    await this.db.update(blobUploads).set({ updatedAt: this.now() }).where(eq(blobUploads.id, upload.id));
    return upload;
  }

  private async recordPart(uploadId: string, part: StoredPart): Promise<void> {
    await this.db
      .insert(blobUploadParts)
      .values({ uploadId, partNumber: part.partNumber, sizeBytes: part.sizeBytes, etag: part.etag })
      .onConflictDoUpdate({ target: [blobUploadParts.uploadId, blobUploadParts.partNumber], set: { sizeBytes: part.sizeBytes, etag: part.etag } });
  }

  /** Stored bytes plus uploads under way, for the quota. */
  private async committedBytes(workspaceId: string): Promise<number> {
    const total = sql<number>`coalesce(sum(size_bytes), 0)`.mapWith(Number);
    const [stored] = await this.db.select({ bytes: total }).from(blobs).where(eq(blobs.workspaceId, workspaceId));
    const [uploading] = await this.db.select({ bytes: total }).from(blobUploads).where(eq(blobUploads.workspaceId, workspaceId));
    return (stored?.bytes ?? 0) + (uploading?.bytes ?? 0);
  }

}
