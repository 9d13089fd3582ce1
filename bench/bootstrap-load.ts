import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import type { LoadingMutationEngine } from '../src-main/sync/loading-engine';
import { SnapshotLoader, snapshotRowToChanges } from '../src-main/sync/snapshot-load';
import { snapshotRowsOf } from './lib/snapshot-rows';

// The laptop's side of a bootstrap alone, without a relay: a data folder's change log folded into
// snapshot rows (as the relay folds pushes), then loaded into fresh data folders in pages, as
// given (snapshot-load.ts) and through the ordinary merge, alternately, with the time and RSS of each.
// `tsx bench/bootstrap-load.ts <data folder> [load,merge,load] [page rows]`

/** Bytes this process has caused to be written to disk so far (Linux). */
function bytesWritten(): number {
  const match = /^write_bytes: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

const [source, orderArg = 'load,merge,load', pageArg = '2000'] = process.argv.slice(2);
if (!source) throw new Error('usage: tsx bench/bootstrap-load.ts <data folder> [load,merge,load] [page rows]');
const pageRows = Number(pageArg);
const rows = snapshotRowsOf(source);
// The snapshot is held whole in this process, as the relay would send it page by page: its RSS is
// printed here so the load's own memory is the difference.
console.log(`${rows.length} snapshot rows; RSS holding them ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB; load average ${os.loadavg()[0]!.toFixed(1)}`);
for (const way of orderArg.split(',')) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-load-'));
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
  const loader = new SnapshotLoader(core.sqlite, core.engine as LoadingMutationEngine);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const writtenStart = bytesWritten();
  for (let at = 0; at < rows.length; at += pageRows) {
    const page = rows.slice(at, at + pageRows);
    if (way === 'load') loader.loadPage(page, () => {});
    else core.engine.applyRemoteChanges(page.flatMap((row) => snapshotRowToChanges(row)));
  }
  if (way === 'load') loader.finishLoad();
  // Closing checkpoints the WAL into the database file: its writes are part of the load.
  core.close();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const written = (bytesWritten() - writtenStart) / 1024 ** 3;
  console.log(`${way}: ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${(cpu.user / 1e6).toFixed(1)} user), ${written.toFixed(2)} GB written, ${(rows.length / seconds).toFixed(0)} rows/s; RSS ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB (peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB); load average ${os.loadavg()[0]!.toFixed(1)}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
