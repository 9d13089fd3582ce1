import type Database from 'better-sqlite3-multiple-ciphers';
import { openBenchDatabase } from '../lib/data-file';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/create-core';
import { readChangeLog } from '../../src-main/writes/change-log';
import { syncedTables, type SyncedTableName } from '../../src-main/writes/synced-tables';
import type { BenchContext } from '../lib/context';
import { finish, rate, type Figure } from '../lib/figures';
import { checkpointsHandedOver, turnOfTheEventLoop } from '../lib/event-loop';
import { nowMs } from '../lib/stats';

// Applying remote changes in bulk, as a device catching up from the relay would: the generated
// data set's change log from its start (all of it, or its first `limit` records: contacts and
// tags first, then the timeline as it was written), pulled in pages of 1000 and applied page by
// page with `core.engine.applyRemoteChanges` into a fresh data folder (merge per field, clocks,
// change log, search indexes, derived follow-up dates). Beside it: a plain INSERT loop of the
// rows those changes produced (read back from that folder) into another fresh data folder with
// the same schema, in one transaction. Only applying and inserting are timed, not reading.

const pageSize = 1000;
const insertChunk = 10_000;

export async function bulkApplySuite(context: BenchContext, workDir: string, limit: number): Promise<Figure[]> {
  const source = context.bareDb;
  const lastGeneratedSeq = limit > 0 ? Math.min(limit, context.summary.changes) : context.summary.changes;

  const applyDir = path.join(workDir, 'apply-core');
  fs.rmSync(applyDir, { recursive: true, force: true });
  const target = createCore({ dataDir: applyDir, shell: 'test', backgroundCheckpoints: true, logError: () => {}, now: context.now });
  let records = 0;
  let fieldChanges = 0;
  let applyMs = 0;
  const outcome = { applied: 0, duplicates: 0, pending: 0 };
  try {
    // Checkpoints as the app runs them, in the background worker (bench/lib/event-loop.ts).
    await checkpointsHandedOver(target.sqlite);
    let afterSeq = 0;
    for (;;) {
      const page = readChangeLog(source, { afterSeq, limit: pageSize }).filter((entry) => entry.seq <= lastGeneratedSeq);
      if (page.length === 0) break;
      afterSeq = page[page.length - 1]!.seq;
      const changes = page.map((entry) => entry.change);
      for (const change of changes) fieldChanges += Object.keys(change.fields).length;
      const start = nowMs();
      const result = target.engine.applyRemoteChanges(changes);
      applyMs += nowMs() - start;
      records += changes.length;
      outcome.applied += result.applied;
      outcome.duplicates += result.duplicates;
      outcome.pending += result.pending;
      if (afterSeq >= lastGeneratedSeq) break;
      // The sync engine awaits the relay between two pages; the loop turns there, untimed.
      await turnOfTheEventLoop();
    }
  } finally {
    target.close();
  }
  const applied = openBenchDatabase(applyDir);
  const insertDir = path.join(workDir, 'insert-baseline');
  fs.rmSync(insertDir, { recursive: true, force: true });
  // A fresh folder with the same schema and indexes (the core's migrations), then closed again.
  createCore({ dataDir: insertDir, shell: 'test', logError: () => {}, autoSync: false }).close();
  const baseline = insertRows(applied, path.join(insertDir, 'fieldbook.db'));
  applied.close();

  fs.rmSync(applyDir, { recursive: true, force: true });
  fs.rmSync(insertDir, { recursive: true, force: true });

  const value = rate(records, fieldChanges, applyMs / 1000);
  const base = rate(baseline.rows, baseline.values, baseline.ms / 1000);
  const perSecond = fieldChanges / (applyMs / 1000);
  return [
    finish({
      id: 'sync.apply',
      title: `Bulk apply of remote changes (core: engine.applyRemoteChanges, pages of ${pageSize}, ${records.toLocaleString('en-GB')} change records)`,
      status: 'measured',
      value,
      baseline: { title: 'plain INSERT loop of the resulting rows, one transaction, raw', value: base },
      ratio: { statistic: 'field changes/s', value: perSecond / (baseline.values / (baseline.ms / 1000)) },
      target: 'apply remote changes at 50k field changes/s or more',
      checks: [{ text: '≥ 50,000 field changes/s', pass: perSecond >= 50_000 }],
      details: { outcome, changeRecordsInLog: context.summary.changes, baselineRowsByTable: baseline.byTable },
    }),
  ];
}

function insertRows(source: Database.Database, file: string) {
  const db = openBenchDatabase(path.dirname(file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  let ms = 0;
  let rows = 0;
  let values = 0;
  const byTable: Record<string, number> = {};
  try {
    let start = nowMs();
    db.exec('BEGIN');
    ms += nowMs() - start;
    for (const table of Object.keys(syncedTables) as SyncedTableName[]) {
      const columns = ['id', ...syncedTables[table]];
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const read = source.prepare(`SELECT rowid AS _rowid, ${columns.join(', ')} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw();
      let afterRowid = 0;
      byTable[table] = 0;
      for (;;) {
        const chunk = read.all(afterRowid, insertChunk) as unknown[][];
        if (chunk.length === 0) break;
        afterRowid = chunk[chunk.length - 1]![0] as number;
        start = nowMs();
        for (const row of chunk) insert.run(...row.slice(1));
        ms += nowMs() - start;
        rows += chunk.length;
        values += chunk.length * (columns.length - 1);
        byTable[table] += chunk.length;
      }
    }
    start = nowMs();
    db.exec('COMMIT');
    ms += nowMs() - start;
  } finally {
    db.close();
  }
  return { ms, rows, values, byTable };
}
