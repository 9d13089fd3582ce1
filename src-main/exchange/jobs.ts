import type { BackupResult } from '../../src-shared/domain/exchange';
import { createBackup, listBackups, pruneBackups, type BackupSource } from './backup/backup';

export interface DailyBackupOptions {
  /** Folder of the automatic backups (defaultBackupDir(dataDir) unless the owner chose another disk). */
  dir: string;
  /** How many backups to keep; older ones are deleted after each new one. */
  keep: number;
  /** A backup is due when the newest one is older than this. */
  everyMs?: number;
  /** How often to look whether one is due. */
  checkEveryMs?: number;
  /** The first look, after start-up has settled. */
  firstCheckAfterMs?: number;
  now?: () => number;
  logError?: (error: unknown, context: string) => void;
  onBackup?: (result: BackupResult) => void;
}

const hour = 60 * 60 * 1000;

/**
 * Automatic daily backups with a retention count. Checks hourly (and once shortly after start)
 * whether the newest backup in `dir` is a day old, so a laptop that was closed at the usual time
 * still gets its backup when it is next opened. Failures are logged, never thrown at the app.
 * Stop it before closing the database; stop() waits for a backup in progress.
 */
export function startDailyBackups(source: BackupSource, options: DailyBackupOptions) {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 24 * hour;
  const logError = options.logError ?? ((error: unknown, context: string) => console.error(`[fieldbook] ${context}:`, error));
  let running: Promise<BackupResult> | null = null;
  let stopped = false;

  const runNow = (): Promise<BackupResult> => {
    running ??= (async () => {
      try {
        const result = await createBackup(source, { dir: options.dir }, {}, now);
        pruneBackups(options.dir, options.keep);
        options.onBackup?.(result);
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const isDue = () => {
    const newest = listBackups(options.dir)[0];
    return !newest || now() - newest.createdAt >= everyMs;
  };

  const check = () => {
    if (stopped || running) return;
    try {
      if (!isDue()) return;
    } catch (error) {
      logError(error, 'daily backup');
      return;
    }
    runNow().catch((error: unknown) => logError(error, 'daily backup'));
  };

  const first = setTimeout(check, options.firstCheckAfterMs ?? 60_000);
  first.unref();
  const timer = setInterval(check, options.checkEveryMs ?? hour);
  timer.unref();

  return {
    /** A backup now (and pruning), whether or not one is due; joins one already running. */
    runNow,
    /** Runs the check at once (tests). */
    checkNow: check,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      if (running) await running.catch(() => {});
    },
  };
}

export type DailyBackups = ReturnType<typeof startDailyBackups>;
