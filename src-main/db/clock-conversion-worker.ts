import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open';
import type { ClockConversionMessage, ClockConversionWorkerData } from './clock-conversion-thread';

// The worker of clock-conversion-thread.ts: opens the database as the app does (migrations, then
// the one-time conversion of JSON clocks and its VACUUM), posting the progress, and closes it.
// Bundled as dist/<shell>/clock-conversion-worker.mjs beside each shell's main bundle.

const { file, key, migrationsFolder, nativeBinding } = workerData as ClockConversionWorkerData;
const post = (message: ClockConversionMessage) => parentPort!.postMessage(message);
try {
  const { sqlite } = openDatabase({
    file,
    // Buffers arrive as Uint8Arrays.
    ...(key ? { key: Buffer.from(key) } : {}),
    migrationsFolder,
    ...(nativeBinding ? { nativeBinding } : {}),
    onClockConversion: (progress) => post({ kind: 'progress', progress }),
  });
  sqlite.close();
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
