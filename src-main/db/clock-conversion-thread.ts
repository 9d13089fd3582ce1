import type { Worker } from 'node:worker_threads';
import type { ClockConversionProgress } from '../writes/clock-conversion';
import { defaultMigrationsFolder, type OpenDatabaseOptions } from './open';
import { startDatabaseWorker } from './start-worker';

// The one-time conversion of JSON clocks (writes/clock-conversion.ts) takes minutes at 100k rows
// and runs synchronously in whichever thread opens the database. The shells run it here first, in
// a worker, so their own thread stays free to show its progress (a page in the browser host, a
// window in Electron); the open that follows finds nothing left to convert. It is one transaction:
// stopping the worker or the process part-way leaves the folder as it was.

export interface ClockConversionWorkerData {
  file: string;
  key?: Uint8Array;
  migrationsFolder: string;
  nativeBinding?: string;
}

export type ClockConversionMessage = { kind: 'progress'; progress: ClockConversionProgress } | { kind: 'done' } | { kind: 'failed'; message: string };

export interface ClockConversionRun {
  /** Settles once the worker has closed the database: resolved when converted, rejected with the reason otherwise. */
  finished: Promise<void>;
  /** Stops the worker; the transaction is not committed, so the JSON clocks stay for the next start. */
  cancel(): Promise<void>;
}

export function convertClocksInThread(
  options: Pick<OpenDatabaseOptions, 'file' | 'key' | 'migrationsFolder' | 'nativeBinding'> & { onProgress: (progress: ClockConversionProgress) => void },
): ClockConversionRun {
  const data: ClockConversionWorkerData = {
    file: options.file,
    ...(options.key ? { key: new Uint8Array(options.key) } : {}),
    migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const worker = startWorker(data);
  let cancelled = false;
  const finished = new Promise<void>((resolve, reject) => {
    let failure: string | undefined;
    let done = false;
    worker.on('message', (message: ClockConversionMessage) => {
      if (message.kind === 'progress') options.onProgress(message.progress);
      else if (message.kind === 'done') done = true;
      else failure = message.message;
    });
    worker.once('error', (error) => {
      failure ??= error.message;
    });
    worker.once('exit', () => {
      if (done) resolve();
      else reject(new Error(cancelled ? 'The update of the data was stopped; it starts again at the next start.' : (failure ?? 'The update of the data stopped unexpectedly.')));
    });
  });
  return {
    finished,
    cancel: async () => {
      cancelled = true;
      await worker.terminate();
    },
  };
}

function startWorker(workerData: ClockConversionWorkerData): Worker {
  return startDatabaseWorker('clock-conversion-worker', workerData);
}

/** The conversion's progress in the person's words, the same in every shell: under a heading, and as one line at a terminal. */
export function describeClockConversion(progress: ClockConversionProgress | undefined): { percent: number; detail: string; line: string } {
  const heading = 'Updating your data for this version';
  if (!progress) return { percent: 0, detail: 'Getting ready…', line: `${heading} — getting ready` };
  if (progress.stage === 'compacting') return { percent: 100, detail: 'Almost done: making the file smaller…', line: `${heading} — almost done, making the file smaller` };
  const percent = progress.of === 0 ? 100 : Math.floor((progress.converted / progress.of) * 100);
  const count = `${progress.converted.toLocaleString('en')} of ${progress.of.toLocaleString('en')} records`;
  return { percent, detail: `${percent}% — ${count}`, line: `${heading} — ${percent}% (${count})` };
}
