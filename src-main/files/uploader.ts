import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { RelayError } from '../sync/relay-client';
import type { BlobClient } from './blob-client';
import type { BlobStore } from './blob-store';
import { dropSealedCopies, relayNameOf, sealedCopyOf, type FileKeys } from './blob-sealing';
import type { TransferProgress } from './transfers';
import { SerialJob } from './serial-job';
import type { QueuedUpload, UploadQueue } from './upload-queue';

// The background uploader: takes queued blobs one at a time and sends them to the relay in
// parts (several parts at once). It resumes rather than restarts: after a crash, a dropped
// connection or a relay restart, startUpload answers the parts the relay already has, and only
// the others are sent again. Failures back off (2 s doubling to 30 min, with jitter); a relay
// that comes back, or "Sync now", retries at once (retryAllNow).

export interface UploaderOptions {
  queue: UploadQueue;
  blobs: BlobStore;
  /** The relay's client, or undefined while this laptop is in no workspace. */
  client: () => BlobClient | undefined;
  progress: TransferProgress;
  /** After a blob reached the relay and its held rows were released (push them now). */
  onUploaded: (sha256: string) => void;
  /** After the queue changed (count in the sync status). */
  onQueueChanged: () => void;
  logError: (error: unknown, context: string) => void;
  /** The workspace's keys: files are sealed with them before they leave (blob-sealing.ts). */
  keys?: () => FileKeys | undefined;
  /** Parts in flight at once. */
  partConcurrency?: number;
}

/** What goes to the relay for one queued blob: its name there and its bytes, sealed or (in a workspace without a key) plain. */
interface Outgoing {
  name: string;
  sizeBytes: number;
  contentSha256?: string;
  readRange(offset: number, length: number): Buffer;
}

const maxBackoffMs = 30 * 60 * 1000;

export class Uploader {
  private readonly job = new SerialJob(() => this.drain());
  private readonly abort = new AbortController();

  constructor(private readonly options: UploaderOptions) {}

  private get stopped(): boolean {
    return this.job.isStopped;
  }

  /** Looks at the queue now (after a file was attached, or the relay answered again). */
  kick(): void {
    this.job.kick();
  }

  /** Resolves once the uploader is idle. */
  idle(): Promise<void> {
    return this.job.idle();
  }

  stop(): void {
    this.job.stop();
    this.abort.abort(new RelayError('cancelled', 'Fieldbook is closing.', 0));
  }

  /** Uploads what is due, one blob at a time; answers when to look again. */
  private async drain(): Promise<number | undefined> {
    try {
      while (!this.stopped) {
        const upload = this.options.queue.nextDue();
        const client = upload && this.options.client();
        // Nothing due, or not in a workspace (the queue waits for one).
        if (!upload || !client) break;
        if (!(await this.attempt(client, upload))) break;
      }
    } catch (error) {
      if (!this.stopped) this.options.logError(error, 'file uploads');
    }
    return this.stopped ? undefined : this.options.queue.msUntilNextDue();
  }

  /** One try at one blob; false when the others should wait too (offline, or closing). */
  private async attempt(client: BlobClient, upload: QueuedUpload): Promise<boolean> {
    const { queue, blobs, progress } = this.options;
    if (!blobs.has(upload.sha256)) {
      // Gone before it was uploaded (its person forgotten, or deleted): so is its sealed copy.
      dropSealedCopies(blobs, upload.sha256);
      queue.markMissing(upload.sha256);
      this.options.onQueueChanged();
      return true;
    }
    try {
      await this.send(client, upload);
      dropSealedCopies(blobs, upload.sha256);
      queue.markDone(upload.sha256);
      progress.finish('upload', upload.sha256);
      this.options.onQueueChanged();
      this.options.onUploaded(upload.sha256);
      return true;
    } catch (error) {
      if (this.stopped) return false;
      if (!blobs.has(upload.sha256)) {
        // Removed while it was being sent (its person forgotten): a sealed copy made meanwhile goes too.
        dropSealedCopies(blobs, upload.sha256);
        queue.markMissing(upload.sha256);
        progress.fail('upload', upload.sha256, 'The file was removed from this laptop before it was uploaded.', null);
        this.options.onQueueChanged();
        return true;
      }
      const { message, retryInMs } = this.describeFailure(error, upload.attempts);
      queue.recordFailure(upload.sha256, message, retryInMs);
      progress.fail('upload', upload.sha256, message, Date.now() + retryInMs);
      this.options.onQueueChanged();
      return !(error instanceof RelayError && ['offline', 'unauthorized', 'waiting_for_key'].includes(error.code));
    }
  }

  private async send(client: BlobClient, upload: QueuedUpload): Promise<void> {
    const { progress } = this.options;
    const outgoing = await this.outgoing(upload);
    const started = await client.startUpload(outgoing.name, outgoing.sizeBytes, outgoing.contentSha256);
    if (started.status === 'present') return;
    const done = new Set(started.doneParts);
    const alreadyThere = started.doneParts.reduce((sum, part) => sum + partLength(outgoing.sizeBytes, started.partBytes, part), 0);
    progress.start('upload', upload.sha256, outgoing.sizeBytes, alreadyThere);
    const todo = Array.from({ length: started.partCount }, (_, index) => index + 1).filter((part) => !done.has(part));
    const sendPart = async (part: number) => {
      const length = partLength(outgoing.sizeBytes, started.partBytes, part);
      const bytes = outgoing.readRange((part - 1) * started.partBytes, length);
      if (bytes.length !== length) throw new Error('The file on this laptop is shorter than when it was attached.');
      const md5 = createHash('md5').update(bytes).digest('base64');
      const target = await client.partTarget(started.uploadId, part, { sizeBytes: length, md5 });
      const { etag } = await client.putPart(target, bytes, this.abort.signal);
      if (!target.viaRelay) await client.partDone(started.uploadId, part, { etag, sizeBytes: length });
      progress.advance('upload', upload.sha256, length);
    };
    await runLimited(todo, this.options.partConcurrency ?? 3, sendPart);
    await client.complete(started.uploadId);
  }

  /**
   * The bytes to send: sealed with the workspace's current epoch. A workspace whose laptops have
   * no key yet (made before end-to-end encryption, its admin not synced since) gets them plain, as
   * its change values are; a laptop waiting for a newer epoch than it holds waits to upload too.
   */
  private async outgoing(upload: QueuedUpload): Promise<Outgoing> {
    const { blobs } = this.options;
    const keys = this.options.keys?.();
    const epoch = keys?.sealingKeys();
    if (!keys || !epoch) {
      if (keys && keys.epochs().length > 0) throw new RelayError('waiting_for_key', 'Waiting for the workspace key: files leave this laptop only sealed with it.', 0);
      return { name: upload.sha256, sizeBytes: upload.sizeBytes, readRange: (offset, length) => blobs.readRange(upload.sha256, offset, length) };
    }
    const copy = await sealedCopyOf(blobs, upload.sha256, epoch);
    return {
      name: relayNameOf(keys, upload.sha256),
      sizeBytes: copy.sizeBytes,
      contentSha256: copy.contentSha256,
      readRange(offset, length) {
        const bytes = Buffer.alloc(length);
        const fd = fs.openSync(copy.file, 'r');
        try {
          return bytes.subarray(0, fs.readSync(fd, bytes, 0, length, offset));
        } finally {
          fs.closeSync(fd);
        }
      },
    };
  }

  private describeFailure(error: unknown, attempts: number): { message: string; retryInMs: number } {
    const base = Math.min(maxBackoffMs, 2000 * 2 ** Math.min(attempts, 20));
    const retryInMs = base / 2 + Math.random() * (base / 2);
    if (error instanceof RelayError) {
      if (error.code === 'offline') return { message: 'Waiting for the relay: this laptop is offline or the relay is down.', retryInMs };
      // Refused for its size or the workspace's quota: no use retrying soon.
      if (error.code === 'too_large') return { message: error.message, retryInMs: Math.max(retryInMs, 60 * 60 * 1000) };
      if (error.code === 'unauthorized') return { message: 'The relay no longer accepts this laptop, so files cannot be uploaded.', retryInMs: maxBackoffMs };
      return { message: error.message, retryInMs };
    }
    this.options.logError(error, 'file upload');
    return { message: 'The upload stopped on an unexpected error; it will try again.', retryInMs };
  }
}

function partLength(sizeBytes: number, partBytes: number, part: number): number {
  return Math.max(0, Math.min(partBytes, sizeBytes - (part - 1) * partBytes));
}

/** Runs `work` over `items` with at most `limit` at once; the first failure stops new ones. */
async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next]!;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
