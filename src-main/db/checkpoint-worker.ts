import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { applyDatabaseKey } from '../security/database-cipher';
import type { CheckpointMessage, CheckpointWorkerData } from './background-checkpoints';

// The worker of background-checkpoints.ts: its own connection to the live database, which copies
// the write-ahead log's pages back into the database file (a PASSIVE checkpoint: it never waits
// for, nor blocks, the app's connection) every interval, and closes its connection when told.
// Bundled as dist/<shell>/checkpoint-worker.mjs beside each shell's main bundle.

const { file, key, nativeBinding, intervalMs, closed } = workerData as CheckpointWorkerData;
const post = (message: CheckpointMessage) => parentPort!.postMessage(message);
const closedFlag = new Int32Array(closed);
let sqlite: Database.Database | undefined;
let last = '';

function close(): void {
  clearInterval(timer);
  if (sqlite?.open) sqlite.close();
  Atomics.store(closedFlag, 0, 1);
  Atomics.notify(closedFlag, 0);
  parentPort!.close();
}

function checkpoint(): void {
  try {
    const [result] = sqlite!.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    // Said once per new state of the log, not every interval of an idle app.
    const state = `${result?.log}:${result?.checkpointed}`;
    if (result && result.log > 0 && state !== last) post({ kind: 'checkpointed', log: result.log, checkpointed: result.checkpointed });
    last = state;
  } catch (error) {
    // SQLITE_BUSY (another checkpoint at the same moment) is tried again at the next interval.
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      close();
    }
  }
}

const timer = setInterval(checkpoint, intervalMs);
try {
  sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  // Buffers arrive as Uint8Arrays.
  if (key) applyDatabaseKey(sqlite, Buffer.from(key));
  sqlite.pragma('busy_timeout = 0');
  // This connection only checkpoints: it must not checkpoint (or wait) on its own account.
  sqlite.pragma('wal_autocheckpoint = 0');
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  close();
}
parentPort!.on('message', (message: 'close') => {
  if (message === 'close') close();
});
