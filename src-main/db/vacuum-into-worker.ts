import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { applyDatabaseKey } from '../security/database-cipher';
import type { VacuumIntoMessage, VacuumIntoWorkerData } from './vacuum-into-thread';

// The worker of vacuum-into-thread.ts: its own connection to the live database (WAL: it reads one
// consistent state while the app goes on writing), VACUUM INTO the target, closed.
// Bundled as dist/<shell>/vacuum-into-worker.mjs beside each shell's main bundle.

const { file, key, nativeBinding, target } = workerData as VacuumIntoWorkerData;
const post = (message: VacuumIntoMessage) => parentPort!.postMessage(message);
let sqlite: Database.Database | undefined;
try {
  sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  // Buffers arrive as Uint8Arrays.
  if (key) applyDatabaseKey(sqlite, Buffer.from(key));
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('VACUUM INTO ?').run(target);
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  if (sqlite?.open) sqlite.close();
}
