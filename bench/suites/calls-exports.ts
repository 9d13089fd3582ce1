import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../src-main/core/create-core';
import { openBenchDatabase } from '../lib/data-file';
import { call } from '../lib/context';
import { nowMs, summarise } from '../lib/stats';
import { fillCalls } from './calls-desk';

// The calls screen's exports and its tag filter on the calls desk's data set (calls-desk.ts):
// (a) the calls list as CSV (calls.exportCsv, every call) beside the exchange's own calls export of
// the same calls (exchange.exportCsv, entity calls, the accountant preset: dates in the office's zone, numbers as the office writes them), interleaved;
// (b) the printable report of the last 30 days (calls.exportReport);
// (c) a page of the calls list filtered by a tag one call in a hundred carries.
// `npx tsx bench/suites/calls-exports.ts [--calls N]`.

const dayMs = 24 * 60 * 60 * 1000;

async function finished(core: Core, started: unknown): Promise<{ rows: number; bytes: number }> {
  const { jobId } = started as { jobId: string };
  for (;;) {
    const status = (await call(core, 'exchange.jobStatus', { jobId })) as { state: string; exportResult: { rows: number; bytes: number } | null; error: unknown };
    if (status.state === 'done') return status.exportResult!;
    if (status.state !== 'running') throw new Error(`export ${status.state}: ${JSON.stringify(status.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function timed(work: () => Promise<{ rows: number; bytes: number }>) {
  const cpu = process.cpuUsage();
  const started = nowMs();
  const result = await work();
  const spent = process.cpuUsage(cpu);
  return { ms: nowMs() - started, cpuMs: (spent.user + spent.system) / 1000, ...result };
}

async function main() {
  const count = Number(process.argv[process.argv.indexOf('--calls') + 1]) || 100_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-calls-exports-'));
  const endAt = Date.UTC(2026, 11, 5, 12);
  let core: Core | undefined;
  try {
    createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} }).close();
    fillCalls(path.join(dataDir, 'fieldbook.db'), count, endAt);
    // One call in a hundred tagged "storm", as call_tags rows (a uuid per row).
    const db = openBenchDatabase(dataDir);
    const ids = db.prepare('SELECT id FROM calls ORDER BY id').pluck().all() as string[];
    const insertTag = db.prepare("INSERT INTO call_tags (id, call_id, tag, present) VALUES (?, ?, 'storm', 1)");
    db.transaction(() => ids.forEach((id, index) => index % 100 === 0 && insertTag.run(uuidv7(), id)))();
    db.exec('ANALYZE');
    db.close();
    core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error), now: () => endAt });

    const csv: Awaited<ReturnType<typeof timed>>[] = [];
    const exchange: Awaited<ReturnType<typeof timed>>[] = [];
    for (let round = 0; round < 3; round += 1) {
      csv.push(await timed(async () => finished(core!, await call(core!, 'calls.exportCsv', {}))));
      exchange.push(await timed(async () => finished(core!, await call(core!, 'exchange.exportCsv', { entity: 'calls', preset: 'accountant' }))));
    }
    const median = (runs: { ms: number; cpuMs: number }[], key: 'ms' | 'cpuMs') => runs.map((run) => run[key]).sort((a, b) => a - b)[1]!;
    console.log(`calls CSV of ${csv[0]!.rows} calls (${(csv[0]!.bytes / 1e6).toFixed(1)} MB): median ${(median(csv, 'ms') / 1000).toFixed(2)} s wall, ${(median(csv, 'cpuMs') / 1000).toFixed(2)} s CPU`);
    console.log(`exchange calls CSV, accountant preset, ${exchange[0]!.rows} calls (${(exchange[0]!.bytes / 1e6).toFixed(1)} MB): median ${(median(exchange, 'ms') / 1000).toFixed(2)} s wall, ${(median(exchange, 'cpuMs') / 1000).toFixed(2)} s CPU`);
    console.log(`ratio calls CSV ÷ exchange CSV: ${(median(csv, 'ms') / median(exchange, 'ms')).toFixed(2)} wall, ${(median(csv, 'cpuMs') / median(exchange, 'cpuMs')).toFixed(2)} CPU`);

    const report = await timed(async () => finished(core!, await call(core!, 'calls.exportReport', { from: endAt - 30 * dayMs, to: endAt })));
    console.log(`PDF report of the last 30 days, ${report.rows} calls (${(report.bytes / 1e3).toFixed(0)} KB): ${(report.ms / 1000).toFixed(2)} s wall, ${(report.cpuMs / 1000).toFixed(2)} s CPU`);

    const tagged: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < 41; round += 1) {
      for (const [samples, input] of [
        [tagged, { tag: 'storm', limit: 50 }],
        [plain, { direction: 'inbound', limit: 50 }],
      ] as const) {
        const started = nowMs();
        await call(core, 'calls.list', input);
        if (round > 0) samples.push(nowMs() - started);
      }
    }
    const t = summarise(tagged);
    const p = summarise(plain);
    console.log(`calls list page filtered by a tag (1 in 100 calls): p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms; by direction only: p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms`);
    console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  } finally {
    core?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
