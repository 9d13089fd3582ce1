import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { exportOptions } from './suites/exchange';

// The CPU of the bench's CSV export (every contact, standard preset, by name), for comparing
// checkouts at the same load: wall time on a shared machine follows its load, CPU time much less.
//
//   npx tsx bench/export-cpu.ts DATA_DIR [RUNS]
//
// Copies DATA_DIR (e.g. bench/.cache/contacts-10000-timeline-10-seed-1) to a temporary folder,
// exports RUNS times (default 5) and prints one JSON line a run (rows, wall and CPU ms: user +
// system of this process, so garbage collection and SQLite count) with the file's SHA-256, taken
// after the timing, so a change can show it wrote the same bytes. Run it from each checkout in
// turn, A B A B, and compare the medians.

const source = process.argv[2];
if (!source || !fs.existsSync(source)) throw new Error('Usage: npx tsx bench/export-cpu.ts DATA_DIR [RUNS]');
const runs = Number(process.argv[3] ?? 5);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-export-cpu-'));
try {
  const dataDir = path.join(work, 'data');
  fs.cpSync(source, dataDir, { recursive: true });
  const core = createCore({ dataDir, shell: 'test', logError: (error) => console.error(error) });
  try {
    for (let run = 0; run < runs; run += 1) {
      const before = process.cpuUsage();
      const started = performance.now();
      const result = await core.exchange.exportCsvTo(path.join(work, 'contacts.csv'), exportOptions);
      const cpu = process.cpuUsage(before);
      const wallMs = Math.round(performance.now() - started);
      const sha256 = createHash('sha256').update(fs.readFileSync(result.path)).digest('hex');
      console.log(JSON.stringify({ rows: result.rows, wallMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), sha256 }));
    }
  } finally {
    core.close();
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
