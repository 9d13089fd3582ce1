import { and, eq, lt, sql } from 'drizzle-orm';
import type { RelayDb, RelayTransaction } from '../db/open';
import { blobReferences, blobUploads, blobs } from '../db/schema';
import type { BlobService } from './service';

// Garbage collection of blobs. A blob is collected when no live row of its workspace refers to
// it (every declared reference has an even causal length) and both the blob and its last
// reference change are older than the grace period: a file deleted and restored within the undo
// window, or restored later from another laptop, still finds its bytes. A restore after the grace
// period is answered `missing` when declared, and a laptop that still has the bytes uploads them
// again (src-main/files/references.ts).
//
// Two steps, each in a transaction holding the blob's row lock, so that neither a reference
// declared meanwhile nor an upload of the same bytes is ever lost:
//   1. mark: lock the row, check again that nothing refers to it, set `deleting`. A declaration
//      locks the row too (BlobService.declareReferences) and so either commits first (and is
//      seen here) or sees `deleting` and answers the blob missing. Uploads of it wait meanwhile.
//   2. remove: lock the `deleting` row (skipping one another relay process holds), delete the
//      bytes, delete the row. A relay that crashes in between finishes on its next run.

export interface BlobCollection {
  collected: number;
  collectedBytes: number;
  abandonedUploads: number;
}

const batchSize = 500;

export async function collectBlobGarbage(db: RelayDb, service: BlobService, now: number): Promise<BlobCollection> {
  const { graceMs, staleUploadMs } = service.settings;
  const cutoff = now - graceMs;
  const result: BlobCollection = { collected: 0, collectedBytes: 0, abandonedUploads: 0 };

  const candidates = await db
    .select({ workspaceId: blobs.workspaceId, sha256: blobs.sha256 })
    .from(blobs)
    .where(and(eq(blobs.state, 'present'), lt(blobs.storedAt, cutoff), unreferencedSince(cutoff)))
    .limit(batchSize);
  for (const key of candidates) {
    await db.transaction(async (tx) => {
      const [row] = await lockBlob(tx, key, 'present').for('update');
      if (!row) return;
      const [stillUnreferenced] = await tx.select({ sha256: blobs.sha256 }).from(blobs).where(and(sameBlob(key), unreferencedSince(cutoff)));
      if (stillUnreferenced) await tx.update(blobs).set({ state: 'deleting' }).where(sameBlob(key));
    });
  }

  const deleting = await db.select({ workspaceId: blobs.workspaceId, sha256: blobs.sha256 }).from(blobs).where(eq(blobs.state, 'deleting')).limit(batchSize);
  for (const key of deleting) {
    await db.transaction(async (tx) => {
      const [row] = await lockBlob(tx, key, 'deleting').for('update', { skipLocked: true });
      if (!row) return;
      await service.store.delete(key);
      await tx.delete(blobs).where(sameBlob(key));
      result.collected += 1;
      result.collectedBytes += row.sizeBytes;
    });
  }

  const stale = await db.select().from(blobUploads).where(lt(blobUploads.updatedAt, now - staleUploadMs)).limit(batchSize);
  for (const upload of stale) {
    await service.abandonUpload(upload);
    result.abandonedUploads += 1;
  }
  return result;
}

type Key = { workspaceId: string; sha256: string };

const sameBlob = (key: Key) => and(eq(blobs.workspaceId, key.workspaceId), eq(blobs.sha256, key.sha256));

const lockBlob = (tx: RelayTransaction, key: Key, state: 'present' | 'deleting') =>
  tx
    .select({ sizeBytes: blobs.sizeBytes })
    .from(blobs)
    .where(and(sameBlob(key), eq(blobs.state, state)));

/** No reference to the blob is alive, and none changed after `cutoff`. */
const unreferencedSince = (cutoff: number) => sql`not exists (
  select 1 from ${blobReferences} r
  where r.workspace_id = ${blobs.workspaceId} and r.sha256 = ${blobs.sha256} and (r.cl % 2 = 1 or r.changed_at >= ${cutoff}))`;
