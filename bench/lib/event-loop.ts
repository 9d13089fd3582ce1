import type Database from 'better-sqlite3-multiple-ciphers';

// A loop of awaited calls in one process never turns the event loop: what the app runs between
// two requests (timers, worker messages, work a commit defers) waits until the loop ends. Two
// things follow for a suite that times the app's calls one after another.

/** One turn of the event loop, untimed between two calls, as between two requests to the app. */
export const turnOfTheEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The app's connection leaves checkpoints to a worker once the worker says it is ready, a message
 * only a turn of the event loop delivers (src-main/db/background-checkpoints.ts). Until then each
 * commit that fills the log checkpoints inline, which the app does only in its first second. So a
 * suite waits for the hand-over (wal_autocheckpoint 0) before it measures.
 */
export async function checkpointsHandedOver(sqlite: Database.Database, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((sqlite.pragma('wal_autocheckpoint', { simple: true }) as number) !== 0) {
    if (Date.now() > deadline) throw new Error(`The background checkpoints never took over from the app connection (wal_autocheckpoint is not 0 after ${timeoutMs / 1000} s).`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
