import type { OfflineFiles } from '../../src-shared/domain/file';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from '../db/open';
import type { BlobStore } from './blob-store';
import type { Downloader } from './downloader';
import { SerialJob } from './serial-job';

// The offline policy: fetches, in the background and one at a time, the files this laptop should
// have without being asked — every file, those added in the last N days, or none ("on demand").
// A file fetched once stays (only deleting it lets its bytes go), so the policy never removes.
// Runs after a pull brought files, when the setting changes, and when the relay is back.

const dayMs = 24 * 60 * 60 * 1000;
const retryMs = 60_000;

export interface OfflineKeeperOptions {
  sqlite: Sqlite;
  blobs: BlobStore;
  downloader: Downloader;
  policy: () => OfflineFiles;
  now: () => number;
  logError: (error: unknown, context: string) => void;
}

export class OfflineKeeper {
  private readonly liveSince;
  private readonly job = new SerialJob(() => this.run());

  constructor(private readonly options: OfflineKeeperOptions) {
    const select = `SELECT sha256, MIN(name) AS name FROM files WHERE cl % 2 = 1 AND sha256 <> '' AND created_at >= ?
      GROUP BY sha256 ORDER BY MAX(created_at) DESC`;
    this.liveSince = options.sqlite.prepare<[number], { sha256: string; name: string }>(select);
  }

  /** The live files the policy wants here whose bytes are not here yet, newest first. */
  missing(): { sha256: string; name: string }[] {
    const policy = this.options.policy();
    if (policy.keep === 'on_demand') return [];
    const since = policy.keep === 'everything' ? 0 : this.options.now() - policy.days * dayMs;
    return this.liveSince.all(since).filter((file) => !this.options.blobs.has(file.sha256));
  }

  /** Looks again shortly (a burst of pulled files makes one pass). */
  kick(): void {
    this.job.kick(200);
  }

  stop(): void {
    this.job.stop();
  }

  /** Fetches what the policy wants, one file at a time; answers when to try again, if ever. */
  private async run(): Promise<number | undefined> {
    for (const file of this.missing()) {
      if (this.job.isStopped) return undefined;
      try {
        await this.options.downloader.fetch(file.sha256, file.name);
      } catch (error) {
        // Not uploaded yet by its laptop: fetched on a later pass. Offline: wait for the relay.
        if (error instanceof AppError && error.code === 'not_found') continue;
        if (!(error instanceof AppError)) this.options.logError(error, 'offline files');
        return retryMs;
      }
    }
    return undefined;
  }
}
