import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { call } from './lib/context';
import { openBenchDatabase } from './lib/data-file';
import { seedBenchDeals } from './suites/work';

// The CPU of a pipeline's board and funnel (the work suite's two figures), for comparing checkouts
// at the same load: wall time on a shared machine follows its load, CPU time much less.
//
//   npx tsx bench/pipeline-cpu.ts DATA_DIR [DEALS] [RUNS]
//
// Copies DATA_DIR to a temporary folder, writes DEALS deals (default 50,000) through the core as the
// work suite does, then calls pipelines.board and pipelines.funnel RUNS times each (default 20) and
// prints one JSON line with the medians of CPU ms a call (user + system of this process).

const source = process.argv[2];
if (!source || !fs.existsSync(source)) throw new Error('Usage: npx tsx bench/pipeline-cpu.ts DATA_DIR [DEALS] [RUNS]');
const dealCount = Number(process.argv[3] ?? 50_000);
const runs = Number(process.argv[4] ?? 20);
const dayMs = 24 * 60 * 60 * 1000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-pipeline-cpu-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  const dataDir = path.join(work, 'data');
  fs.cpSync(source, dataDir, { recursive: true });
  const core = createCore({ dataDir, shell: 'test', logError: (error) => console.error(error) });
  const bareDb = openBenchDatabase(dataDir, { readonly: true });
  try {
    const now = Date.now();
    const { pipeline } = seedBenchDeals(core, bareDb, dealCount, now);
    const period = { from: now - 365 * dayMs, to: now + dayMs };
    const cpuOf = async (run: () => Promise<unknown>) => {
      const samples: number[] = [];
      await run();
      for (let index = 0; index < runs; index += 1) {
        const before = process.cpuUsage();
        await run();
        const cpu = process.cpuUsage(before);
        samples.push((cpu.user + cpu.system) / 1000);
      }
      return Math.round(median(samples) * 100) / 100;
    };
    const board = await cpuOf(() => call(core, 'pipelines.board', { pipelineId: pipeline.id, dealsPerStage: 50 }));
    const funnel = await cpuOf(() => call(core, 'pipelines.funnel', { pipelineId: pipeline.id, period }));
    console.log(JSON.stringify({ deals: dealCount, runs, boardCpuMs: board, funnelCpuMs: funnel, load: os.loadavg()[0] }));
  } finally {
    bareDb.close();
    core.close();
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
