import { maxReferencesPerRequest, type BlobReference } from '../../src-shared/sync/blob-protocol';
import type { WireChange } from '../../src-shared/sync/protocol';
import type { Sqlite } from '../db/open';
import type { RelayClient } from '../sync/relay-client';
import { BlobClient } from './blob-client';
import type { BlobStore } from './blob-store';
import { relayNameOf, type FileKeys } from './blob-sealing';
import type { UploadQueue } from './upload-queue';

// Tells the relay which blobs the rows of a push refer to, just before the push (SyncEngine's
// beforePush), so its collector knows what is still wanted (src-relay/blobs/collector.ts). The
// relay could read `files.sha256` from the changes themselves, but change values are to be
// end-to-end encrypted; a declaration carries only the row id, its causal length and the blob's
// name at the relay (a keyed hash in an encrypted workspace: blob-sealing.ts).
// The relay answers which live references point at blobs it does not have (collected after a
// long-deleted file was restored, say): those this laptop still has are queued for upload again.

/** Tables whose rows refer to a blob, and the column holding its SHA-256. */
const blobColumns = { files: 'sha256' } as const;

export function createReferenceDeclarer(deps: {
  sqlite: Sqlite;
  queue: UploadQueue;
  blobs: BlobStore;
  /** The workspace's keys: an encrypted workspace's blobs are declared by their sealed names. */
  keys?: () => FileKeys | undefined;
  onRequeued: () => void;
}): (changes: readonly WireChange[], client: RelayClient) => Promise<void> {
  const rowOf = deps.sqlite.prepare<[string], { sha256: string; cl: number; size_bytes: number }>(
    `SELECT ${blobColumns.files} AS sha256, cl, size_bytes FROM files WHERE id = ?`,
  );
  return async (changes, client) => {
    const rowIds = [...new Set(changes.filter((change) => change.tableName === 'files').map((change) => change.rowId))];
    const references: BlobReference[] = [];
    // By the name at the relay: the plain hash and size of each.
    const blobsByName = new Map<string, { sha256: string; sizeBytes: number }>();
    const keys = deps.keys?.();
    for (const rowId of rowIds) {
      const row = rowOf.get(rowId);
      if (!row || row.sha256 === '') continue;
      const name = relayNameOf(keys, row.sha256);
      references.push({ tableName: 'files', rowId, sha256: name, cl: row.cl });
      blobsByName.set(name, { sha256: row.sha256, sizeBytes: row.size_bytes });
    }
    if (references.length === 0) return;
    const blobClient = new BlobClient(client);
    let requeued = false;
    for (let start = 0; start < references.length; start += maxReferencesPerRequest) {
      const { missing } = await blobClient.declareReferences(references.slice(start, start + maxReferencesPerRequest));
      for (const name of missing) {
        const blob = blobsByName.get(name);
        if (!blob || !deps.blobs.has(blob.sha256)) continue;
        deps.queue.enqueue(blob.sha256, blob.sizeBytes);
        requeued = true;
      }
    }
    if (requeued) deps.onRequeued();
  };
}
