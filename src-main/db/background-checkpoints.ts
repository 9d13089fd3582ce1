import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { Sqlite } from './open';
import { startDatabaseWorker } from './start-worker';

// SQLite copies the write-ahead log back into the database file (a checkpoint) on the commit that
// takes the log past 1,000 pages: that one write pays for copying ~4 MB and an fsync, a few
// milliseconds quiet and tens under load, in the app's thread. At ~19 pages a contact edit, it was
// one write in fifty: the local write's p99. Here a worker thread with a connection of its own
// checkpoints every second (PASSIVE: it neither waits for nor blocks the app's connection), and the
// app's connection leaves checkpoints to it. Should the worker not start or stop on its own, the
// app's connection checkpoints as SQLite does by default again, so the log never grows unchecked.
//
// The log starts again from its beginning only when a write begins after a checkpoint has copied
// all of it. Writes that come back to back (an import's batches) may leave the worker's checkpoints
// no such gap, and the log would grow for as long as they last. So the app's thread looks at the
// log's file every interval: past `limitBytes`, its own commits checkpoint again, which starts the
// log again, cut back to `limitBytes` (journal_size_limit); at that size the worker takes over again.

export interface CheckpointWorkerData {
  file: string;
  key?: Uint8Array;
  nativeBinding?: string;
  intervalMs: number;
  /** Set to 1 by the worker once its connection is closed (stop() waits for it). */
  closed: SharedArrayBuffer;
}

export type CheckpointMessage = { kind: 'ready' } | { kind: 'checkpointed'; log: number; checkpointed: number } | { kind: 'failed'; message: string };

export interface BackgroundCheckpointOptions {
  /** The app's connection to a database file in WAL mode. */
  sqlite: Sqlite;
  key?: Buffer;
  nativeBinding?: string;
  intervalMs?: number;
  /** How often the app's thread looks at the log file's size (default: intervalMs). */
  watchMs?: number;
  /** The log file's size past which the app's connection checkpoints again (default 64 MB). */
  limitBytes?: number;
  logError?: (error: unknown) => void;
  /** Told each checkpoint the worker made (tests). */
  onCheckpoint?: (result: { log: number; checkpointed: number }) => void;
}

export interface BackgroundCheckpoints {
  /** Whether the worker is checkpointing (false before it is ready, and after a failure). */
  active(): boolean;
  /** Closes the worker's connection (waiting at most a second for a checkpoint in progress). */
  stop(): void;
}

/** SQLite's own default: a checkpoint by the committing connection past 1,000 pages of log. */
const inlineCheckpointPages = 1000;
const closeWaitMs = 1000;

export function startBackgroundCheckpoints({
  sqlite,
  key,
  nativeBinding,
  intervalMs = 1000,
  watchMs = intervalMs,
  limitBytes = 64 * 1024 * 1024,
  logError,
  onCheckpoint,
}: BackgroundCheckpointOptions): BackgroundCheckpoints {
  const closed = new SharedArrayBuffer(4);
  const data: CheckpointWorkerData = {
    file: sqlite.name,
    ...(key ? { key: new Uint8Array(key) } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    intervalMs,
    closed,
  };
  let worker: Worker | undefined;
  let ready = false;
  let stopped = false;
  let inline = true;
  const setInline = (on: boolean) => {
    if (on === inline || !sqlite.open) return;
    inline = on;
    sqlite.pragma(`wal_autocheckpoint = ${on ? inlineCheckpointPages : 0}`);
  };
  const checkpointInline = () => {
    ready = false;
    setInline(true);
  };
  try {
    worker = startDatabaseWorker('checkpoint-worker', data);
  } catch (error) {
    logError?.(error);
    return { active: () => false, stop: () => undefined };
  }
  const running = worker;
  running.unref();
  running.on('message', (message: CheckpointMessage) => {
    if (stopped) return;
    if (message.kind === 'ready') {
      ready = true;
      setInline(false);
    } else if (message.kind === 'checkpointed') onCheckpoint?.(message);
    else {
      logError?.(new Error(`Background checkpoints stopped: ${message.message}`));
      checkpointInline();
    }
  });
  // A worker that fails to load says so here, then exits (below).
  running.on('error', (error) => logError?.(error));
  running.once('exit', () => {
    if (!stopped) checkpointInline();
  });
  sqlite.pragma(`journal_size_limit = ${limitBytes}`);
  const logFile = `${sqlite.name}-wal`;
  const watch = setInterval(() => {
    if (!ready) return;
    let size = 0;
    try {
      size = fs.statSync(logFile).size;
    } catch {
      // No log file: nothing written since the last close.
    }
    setInline(size > limitBytes);
  }, watchMs);
  watch.unref();
  return {
    active: () => ready,
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(watch);
      const wasReady = ready;
      checkpointInline();
      if (wasReady) {
        running.postMessage('close');
        // The app's connection then closes last, which checkpoints the log and removes it.
        Atomics.wait(new Int32Array(closed), 0, 0, closeWaitMs);
      }
      void running.terminate();
    },
  };
}
