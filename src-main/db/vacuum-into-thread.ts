import { AppError } from '../../src-shared/errors';
import type { Sqlite } from './open';
import { startDatabaseWorker } from './start-worker';

// A backup's snapshot of the database (VACUUM INTO) reads every page: about a minute at 100k
// contacts, during which the thread that runs it answers nothing (the browser host's page and the
// app's calls waited the whole minute). It runs here in a worker thread on a connection of its own;
// in WAL mode that connection reads one consistent state while the app's own goes on writing.
// A worker that cannot start (a shell built without it) leaves the snapshot to the calling thread.

export interface VacuumIntoWorkerData {
  file: string;
  key?: Uint8Array;
  nativeBinding?: string;
  target: string;
}

export type VacuumIntoMessage = { kind: 'done' } | { kind: 'failed'; message: string };

export interface VacuumIntoOptions {
  /** The app's connection: its file, and the fallback when no worker can start. */
  sqlite: Sqlite;
  key?: Buffer;
  nativeBinding?: string;
  target: string;
  /** Aborting stops the worker; the part-written target is left for the caller to remove. */
  signal?: AbortSignal;
}

export async function vacuumIntoOffThread({ sqlite, key, nativeBinding, target, signal }: VacuumIntoOptions): Promise<void> {
  const data: VacuumIntoWorkerData = {
    file: sqlite.name,
    ...(key ? { key: new Uint8Array(key) } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    target,
  };
  let worker;
  try {
    worker = startDatabaseWorker('vacuum-into-worker', data);
  } catch {
    sqlite.prepare('VACUUM INTO ?').run(target);
    return;
  }
  const running = worker;
  await new Promise<void>((resolve, reject) => {
    let answer: VacuumIntoMessage | undefined;
    const stop = () => void running.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    running.on('message', (message: VacuumIntoMessage) => {
      answer = message;
    });
    // A worker that fails to load says so here, then exits without an answer (below).
    running.once('error', () => undefined);
    running.once('exit', () => {
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) reject(new AppError('cancelled', 'The backup was cancelled.'));
      else if (answer?.kind === 'done') resolve();
      else if (answer?.kind === 'failed') reject(new Error(answer.message));
      else {
        // The worker never ran (its module could not load): the calling thread takes the snapshot.
        try {
          sqlite.prepare('VACUUM INTO ?').run(target);
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    });
  });
}
