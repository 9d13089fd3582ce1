import type { FileTransfer } from '../../src-shared/domain/file';
import type { SyncStatus } from '../../src-shared/domain/sync';
import type { Sqlite } from '../db/open';
import type { WireChange } from '../../src-shared/sync/protocol';
import type { RelayClient } from '../sync/relay-client';
import { BlobClient } from './blob-client';
import { dropSealedCopies, relayNameOf, type FileKeys } from './blob-sealing';
import { Downloader } from './downloader';
import { encryptExistingBlobs } from './encrypt-existing';
import type { UpgradeProgressTracker } from '../privacy/upgrade-progress';
import { OfflineKeeper } from './offline-keeper';
import { createReferenceDeclarer } from './references';
import type { FilesService } from './service';
import { TransferProgress } from './transfers';
import { Uploader } from './uploader';

// The background work that makes files travel with sync: the upload queue, downloads (on demand
// and by the offline policy) and reference declarations. Started by createCore; it follows the
// sync engine's status to know when the relay is reachable.

export interface FileTransferDeps {
  files: FilesService;
  sqlite: Sqlite;
  now: () => number;
  /** The relay of the workspace, or undefined when this laptop is in none. */
  relay: () => RelayClient | undefined;
  /** Ask sync to push soon (rows released by a finished upload). */
  pushSoon: () => void;
  onTransfer: (transfer: FileTransfer) => void;
  /** The number of waiting uploads changed. */
  onQueueChanged: () => void;
  logError: (error: unknown, context: string) => void;
  /** The workspace's end-to-end keys (src-main/sync/keys/): files are sealed with them. */
  keys?: () => FileKeys | undefined;
  /** Where the encryption of files stored before encryption at rest reports how far it is. */
  upgradeProgress?: UpgradeProgressTracker;
}

export interface FileTransfers {
  readonly uploader: Uploader;
  readonly downloader: Downloader;
  readonly keeper: OfflineKeeper;
  readonly progress: TransferProgress;
  /** Files stored before encryption at rest, being encrypted in place; resolves with how many were. */
  readonly encryptingExisting: Promise<number>;
  declareReferences(changes: readonly WireChange[], client: RelayClient): Promise<void>;
  /** Told every sync status: when the relay answers again, waiting transfers go at once. */
  syncStatusChanged(status: SyncStatus): void;
  /** Rows of these tables were written (locally or from sync). */
  rowsWritten(tables: Iterable<string>): void;
  /**
   * The bytes of a forgotten person's files, which no row refers to any more: gone from the store,
   * with their sealed copies waiting to upload (files/.outgoing/), their partial downloads
   * (files/.partial/) and their place in the upload queue. A transfer under way is stopped.
   */
  forgetBytes(sha256s: readonly string[]): void;
  blobClient(): BlobClient | undefined;
  stop(): void;
}

export function startFileTransfers(deps: FileTransferDeps): FileTransfers {
  const { files, sqlite } = deps;
  const blobClient = () => {
    const relay = deps.relay();
    return relay ? new BlobClient(relay) : undefined;
  };
  const progress = new TransferProgress(deps.onTransfer);
  const uploader = new Uploader({
    queue: files.uploads,
    blobs: files.blobs,
    client: blobClient,
    progress,
    onUploaded: () => deps.pushSoon(),
    onQueueChanged: deps.onQueueChanged,
    logError: deps.logError,
    ...(deps.keys ? { keys: deps.keys } : {}),
  });
  const downloader = new Downloader({ blobs: files.blobs, client: blobClient, progress, logError: deps.logError, ...(deps.keys ? { keys: deps.keys } : {}) });
  const keeper = new OfflineKeeper({
    sqlite,
    blobs: files.blobs,
    downloader,
    policy: () => files.offlinePolicy(),
    now: deps.now,
    logError: deps.logError,
  });
  const declareReferences = createReferenceDeclarer({ sqlite, queue: files.uploads, blobs: files.blobs, onRequeued: () => uploader.kick(), ...(deps.keys ? { keys: deps.keys } : {}) });

  let reachable = false;
  let stopped = false;
  const stopEncrypting = new AbortController();
  const encryptingExisting = encryptExistingBlobs(files.blobs, {
    signal: stopEncrypting.signal,
    onFile: (done, total) => deps.upgradeProgress?.report('encrypting-files', done, total),
  })
    .catch((error: unknown) => {
      deps.logError(error, 'encrypting the files stored before encryption');
      return 0;
    })
    .finally(() => deps.upgradeProgress?.finish('encrypting-files'));
  const refreshLimits = async () => {
    const limits = await blobClient()?.limits().catch(() => undefined);
    // The core may have closed (a command line run ends) while the relay answered.
    if (limits && !stopped) files.setRelayMaxFileBytes(limits.maxFileBytes);
  };
  uploader.kick();
  keeper.kick();
  return {
    uploader,
    downloader,
    keeper,
    progress,
    encryptingExisting,
    declareReferences,
    blobClient,
    syncStatusChanged(status) {
      if (status.state === 'syncing') return;
      const nowReachable = status.state === 'synced' || status.state === 'pending';
      if (nowReachable && !reachable) {
        files.uploads.retryAllNow();
        keeper.kick();
        refreshLimits().catch((error: unknown) => deps.logError(error, 'reading the relay\'s file limits'));
      }
      if (nowReachable) uploader.kick();
      reachable = nowReachable;
    },
    rowsWritten(tables) {
      const written = new Set(tables);
      if (written.has('files')) {
        uploader.kick();
        keeper.kick();
      }
    },
    forgetBytes(sha256s) {
      if (sha256s.length === 0) return;
      for (const sha256 of sha256s) {
        files.blobs.remove(sha256);
        dropSealedCopies(files.blobs, sha256);
        downloader.forget(sha256, [sha256, relayNameOf(deps.keys?.(), sha256)]);
        if (files.uploads.get(sha256)?.state === 'queued') files.uploads.markMissing(sha256);
      }
      deps.onQueueChanged();
    },
    stop() {
      stopped = true;
      stopEncrypting.abort();
      uploader.stop();
      keeper.stop();
      downloader.cancelAll();
    },
  };
}
