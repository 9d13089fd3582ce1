import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from '../../../src-main/db/background-checkpoints';
import { until } from '../../helpers/waits';

// The write-ahead log is copied back into the database by a worker thread with its own connection,
// so that no write of the app pays for a checkpoint (src-main/db/background-checkpoints.ts).

const dirs: string[] = [];
const running: BackgroundCheckpoints[] = [];
afterEach(() => {
  for (const checkpoints of running.splice(0)) checkpoints.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openWal(): { sqlite: Database.Database; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-checkpoints-'));
  dirs.push(dir);
  const file = path.join(dir, 'fieldbook.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('CREATE TABLE rows (n INTEGER PRIMARY KEY, pad BLOB)');
  return { sqlite, file };
}

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

describe('background checkpoints', () => {
  it("copy the log back while the app's own writes never checkpoint, and keep the log from growing", async () => {
    const { sqlite, file } = openWal();
    const results: { log: number; checkpointed: number }[] = [];
    const checkpoints = startBackgroundCheckpoints({ sqlite, intervalMs: 20, onCheckpoint: (result) => results.push(result) });
    running.push(checkpoints);
    await until(() => checkpoints.active(), 'the worker to be ready', 30_000);
    // The app's connection leaves checkpoints to the worker.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const insert = sqlite.prepare('INSERT INTO rows (pad) VALUES (?)');
    const pad = Buffer.alloc(2048, 7);
    let largest = 0;
    for (let round = 0; round < 12; round += 1) {
      // ~1,000 pages a round, one transaction a row, as the app's edits come.
      for (let row = 0; row < 500; row += 1) insert.run(pad);
      largest = Math.max(largest, walSize(file));
      // Reports sent during the round are read first; the worker reports each new state once.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await until(() => results.at(-1)?.checkpointed === results.at(-1)?.log, 'a complete checkpoint', 30_000);
    }
    // Twelve rounds of ~6 MB of log each: without checkpoints the log would hold all of them (~75 MB).
    expect(largest).toBeLessThan(24 * 1024 * 1024);
    expect(sqlite.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(6000);

    checkpoints.stop();
    // Given back to the app's connection, and the worker's connection closed: the app's close,
    // the last one, checkpoints what is left and removes the log.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    sqlite.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(6000);
    reopened.close();
  }, 120_000);

  it('keep the log short while writes come back to back and the worker finds no moment to checkpoint', async () => {
    const { sqlite, file } = openWal();
    // A worker that finds no moment to checkpoint in (here: it would wait a minute).
    const checkpoints = startBackgroundCheckpoints({ sqlite, intervalMs: 60_000, watchMs: 20, limitBytes: 8 * 1024 * 1024 });
    running.push(checkpoints);
    await until(() => checkpoints.active(), 'the worker to be ready', 30_000);
    const insert = sqlite.prepare('INSERT INTO rows (pad) VALUES (?)');
    const pad = Buffer.alloc(2048, 7);
    // An import's pace: batches one after another, the event loop turning between them.
    for (let batch = 0; batch < 240; batch += 1) {
      for (let row = 0; row < 100; row += 1) insert.run(pad);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // 24,000 rows of one page each: ~100 MB of log had it never started again.
    expect(walSize(file)).toBeLessThan(48 * 1024 * 1024);
  }, 120_000);

  it("give checkpoints back to the app's connection when the worker cannot open the database, and say why", async () => {
    const { sqlite } = openWal();
    const errors: unknown[] = [];
    const checkpoints = startBackgroundCheckpoints({ sqlite, nativeBinding: '/nowhere/better_sqlite3.node', intervalMs: 20, logError: (error) => errors.push(error) });
    running.push(checkpoints);
    await until(() => errors.length > 0, 'the failure to be reported', 30_000);
    expect(String(errors[0])).toMatch(/Background checkpoints stopped|nowhere/);
    expect(checkpoints.active()).toBe(false);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    sqlite.close();
  }, 60_000);
});
