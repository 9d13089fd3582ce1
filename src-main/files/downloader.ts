import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../src-shared/errors';
import { RelayError } from '../sync/relay-client';
import type { BlobClient } from './blob-client';
import { streamChunkBytes } from '../security/framed-cipher';
import type { BlobStore, StagedBlob } from './blob-store';
import { openingSealedStream, openSealedFile, relayNameOf, SealedBlobError, type FileKeys } from './blob-sealing';
import type { TransferProgress } from './transfers';

// Fetching file contents from the relay: on demand (a file is opened) and in the background by
// the offline policy. A download goes to files/.partial/<name at the relay> (sealed bytes, in an
// encrypted workspace) and moves into the store, opened and encrypted at rest, only once its plain
// SHA-256 is checked; a partial file left by a dropped connection or a crash is resumed with an
// HTTP range. Bytes that do not open or hash right (damaged on the way) are thrown away and
// fetched again, from the start.

export interface DownloaderOptions {
  blobs: BlobStore;
  client: () => BlobClient | undefined;
  progress: TransferProgress;
  logError: (error: unknown, context: string) => void;
  /** The workspace's keys: files of an encrypted workspace arrive sealed (blob-sealing.ts). */
  keys?: () => FileKeys | undefined;
  /** Attempts per fetch when the bytes arrive damaged. */
  attempts?: number;
}

export class Downloader {
  private readonly inFlight = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  private readonly partialDir: string;

  constructor(private readonly options: DownloaderOptions) {
    this.partialDir = path.join(options.blobs.root, '.partial');
    fs.mkdirSync(this.partialDir, { recursive: true, mode: 0o700 });
  }

  isFetching(sha256: string): boolean {
    return this.inFlight.has(sha256);
  }

  /** Fetches a blob unless it is here already; a second call for the same blob joins the first. */
  fetch(sha256: string, name: string): Promise<void> {
    if (this.options.blobs.has(sha256)) return Promise.resolve();
    const running = this.inFlight.get(sha256);
    if (running) return running.promise;
    const abort = new AbortController();
    const promise = this.fetchVerified(sha256, name, abort.signal).finally(() => this.inFlight.delete(sha256));
    this.inFlight.set(sha256, { promise, abort });
    return promise;
  }

  cancel(sha256: string): boolean {
    const running = this.inFlight.get(sha256);
    running?.abort.abort(new AppError('cancelled', 'The download was cancelled.'));
    return running !== undefined;
  }

  /**
   * A forgotten file: its download stops and what arrived of it goes, under each name it may have
   * at the relay; a download that was just finishing leaves nothing in the store either.
   */
  forget(sha256: string, relayNames: readonly string[]): void {
    const running = this.inFlight.get(sha256);
    const remove = () => {
      for (const name of relayNames) fs.rmSync(path.join(this.partialDir, name), { force: true });
    };
    this.cancel(sha256);
    remove();
    void running?.promise
      .catch(() => undefined)
      .then(() => {
        remove();
        this.options.blobs.remove(sha256);
      });
  }

  cancelAll(): void {
    for (const sha256 of this.inFlight.keys()) this.cancel(sha256);
  }

  private async fetchVerified(sha256: string, name: string, signal: AbortSignal): Promise<void> {
    const client = this.options.client();
    if (!client) throw new AppError('unavailable', `"${name}" is not on this laptop, and this laptop is in no workspace to fetch it from.`);
    const attempts = this.options.attempts ?? 3;
    const { progress } = this.options;
    try {
      const source = await this.locate(client, sha256);
      const partial = path.join(this.partialDir, source.name);
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        const target = await client.downloadTarget(source.name);
        let offset = existingBytes(partial, target.sizeBytes);
        progress.start('download', sha256, target.sizeBytes, offset);
        const { body, resumed } = await client.openDownload(target, offset, signal);
        // The server sent the whole file (it ignored the range): start over.
        if (offset > 0 && !resumed) offset = 0;
        // A download from the start is opened, hashed and encrypted into the store while it
        // arrives, beside the partial file that a resume would need; one resumed from a partial
        // file is read back from it once whole.
        const alongside = offset === 0 ? this.stageAlongside(source, name) : undefined;
        const meter = new Transform({
          readableHighWaterMark: streamChunkBytes,
          writableHighWaterMark: streamChunkBytes,
          transform(chunk: Buffer, _encoding, callback) {
            progress.advance('download', sha256, chunk.length);
            const opening = alongside?.input;
            if (!opening || opening.destroyed || opening.write(chunk)) return callback(null, chunk);
            // Waits for the opening to catch up, or to fail (then the partial file is still written).
            const go = () => {
              opening.off('drain', go);
              opening.off('close', go);
              callback(null, chunk);
            };
            opening.on('drain', go);
            opening.on('close', go);
          },
          flush(callback) {
            alongside?.input.end();
            callback();
          },
        });
        try {
          await pipeline(body, meter, fs.createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w', mode: 0o600 }), { signal });
        } catch (error) {
          alongside?.input.destroy(error as Error);
          throw error;
        }
        try {
          const staged = await (alongside?.staged ?? this.options.blobs.stage(source.open(partial), Number.MAX_SAFE_INTEGER, name));
          this.options.blobs.adoptStaged(staged, sha256);
          fs.rmSync(partial, { force: true });
          progress.finish('download', sha256);
          return;
        } catch (error) {
          if (error instanceof SealedBlobError && /not given/.test(error.message)) throw new AppError('unavailable', `"${name}" cannot be opened yet: ${error.message}.`);
          // Damaged on the way (or a damaged partial file from before): never used; fetched again.
          fs.rmSync(partial, { force: true });
          this.options.logError(new Error(`download of ${sha256} did not open or match its SHA-256 (attempt ${attempt}): ${(error as Error).message}`), 'file download');
        }
      }
      throw new AppError('unavailable', `"${name}" arrived damaged ${attempts} times, so it was not kept. Try again later, or ask whoever attached it to attach it again.`);
    } catch (error) {
      const failure = toAppError(error, name);
      progress.fail('download', sha256, failure.message, null);
      throw failure;
    }
  }

  /** Stages what is written to `input` (the bytes as they arrive) into the store, opened when sealed. */
  private stageAlongside(source: BlobSource, name: string): { input: Transform; staged: Promise<StagedBlob> } {
    const input = source.opening();
    const staged = this.options.blobs.stage(input, Number.MAX_SAFE_INTEGER, name);
    // Awaited once the download is whole; a failure before then is not unhandled meanwhile.
    staged.catch(() => undefined);
    return { input, staged };
  }

  /**
   * Where the relay has the blob: under its sealed name in an encrypted workspace, or under its
   * plain hash (a workspace without a key, or a file uploaded by a laptop of an earlier version).
   */
  private async locate(client: BlobClient, sha256: string): Promise<BlobSource> {
    const plain = { name: sha256, open: (partial: string) => fs.createReadStream(partial, { highWaterMark: streamChunkBytes }), opening: () => new PassThrough({ highWaterMark: streamChunkBytes }) };
    const keys = this.options.keys?.();
    const sealedName = relayNameOf(keys, sha256);
    if (!keys || sealedName === sha256) return plain;
    try {
      await client.downloadTarget(sealedName);
    } catch (error) {
      if (error instanceof RelayError && error.code === 'not_found') {
        const found = await client.downloadTarget(sha256).then(() => true, () => false);
        if (found) return plain;
      }
      throw error;
    }
    const keyOf = (epoch: number) => keys.epochs().find((keys) => keys.epoch === epoch);
    return { name: sealedName, open: (partial) => openSealedFile(partial, keyOf, sha256), opening: () => openingSealedStream(keyOf, sha256) };
  }
}

/** A blob at the relay: its name there, and how its bytes become plain (from the partial file, or as they arrive). */
interface BlobSource {
  name: string;
  open(partial: string): Readable;
  opening(): Transform;
}

/** How many bytes of an earlier, interrupted download can be resumed from (0 when unusable). */
function existingBytes(partial: string, sizeBytes: number): number {
  const size = fs.statSync(partial, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0 || size >= sizeBytes) {
    fs.rmSync(partial, { force: true });
    return 0;
  }
  return size;
}

function toAppError(error: unknown, name: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RelayError) {
    if (error.code === 'not_found') return new AppError('not_found', `"${name}" is not at the relay yet: the laptop it was attached on has not uploaded it. It can be fetched once that laptop is online.`);
    if (error.code === 'offline') return new AppError('unavailable', `"${name}" cannot be fetched now: ${error.message}`);
    if (error.code === 'unauthorized') return new AppError('forbidden', 'The relay no longer accepts this laptop, so files cannot be fetched.');
    return new AppError('unavailable', error.message);
  }
  if ((error as Error | undefined)?.name === 'AbortError') return new AppError('cancelled', 'The download was cancelled.');
  return new AppError('unavailable', `"${name}" could not be fetched (${error instanceof Error ? error.message : String(error)}).`);
}
