import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';

// Memory of the core at idle, and the core's part of cold start (open the data folder and get
// the first page of contacts), each measured in fresh child processes (probe.ts, bundled and split like
// the browser host and run by plain Node) beside better-sqlite3 alone doing the same. The OS
// file cache is warm (the data set was just copied), so "cold" means a new process, not a cold disk.

const benchDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const probeSource = path.join(benchDir, 'probe.ts');
const probeBundle = path.join(benchDir, '.cache', 'probe', 'probe.mjs');
const migrationsFolder = path.join(benchDir, '..', 'migrations', 'local');

interface ProbeResult {
  rssStartMb: number;
  openToFirstPageMs: number;
  rssLoadedMb: number;
  rssIdleMb: number;
  heapUsedIdleMb: number;
  gc: boolean;
}

/** Split as scripts/build.mjs splits the host: code behind a dynamic import() stays out of the start. */
async function bundleProbe(): Promise<void> {
  await esbuild.build({
    entryPoints: { probe: probeSource },
    outdir: path.dirname(probeBundle),
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

function probe(mode: 'core' | 'bare', dataDir: string, now: number): ProbeResult {
  const run = spawnSync(process.execPath, ['--expose-gc', probeBundle, mode, dataDir, String(now), migrationsFolder], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`probe ${mode} failed: ${run.stderr || run.error?.message}`);
  return JSON.parse(line) as ProbeResult;
}

export async function memorySuite(context: { quick: boolean; now: () => number }, copyOf: string): Promise<Figure[]> {
  await bundleProbe();
  const runs = context.quick ? 2 : 5;
  const core: ProbeResult[] = [];
  const bare: ProbeResult[] = [];
  for (let i = 0; i < runs; i += 1) {
    core.push(probe('core', copyOf, context.now()));
    bare.push(probe('bare', copyOf, context.now()));
  }
  const median = (values: number[]) => summarise(values).p50;
  const coreIdle = median(core.map((run) => run.rssIdleMb));
  const bareIdle = median(bare.map((run) => run.rssIdleMb));
  const open = latency(summarise(core.map((run) => run.openToFirstPageMs)));
  const bareOpen = latency(summarise(bare.map((run) => run.openToFirstPageMs)));
  const gcNote = core[0]!.gc ? '' : ' (no GC available: idle measured without a forced collection)';
  return [
    finish({
      id: 'memory.idle',
      title: 'Memory of the core at idle (RSS of a process holding the core, after first screen and a GC)',
      status: 'measured',
      value: { kind: 'amount', amount: { value: coreIdle, unit: 'MB' } },
      baseline: { title: 'better-sqlite3 alone holding the same database, same queries', value: { kind: 'amount', amount: { value: bareIdle, unit: 'MB' } } },
      ratio: { statistic: 'RSS', value: coreIdle / bareIdle },
      target: 'memory of the core at idle under 150 MB',
      checks: [{ text: 'RSS < 150 MB', pass: coreIdle < 150 }],
      note: `median of ${runs} fresh processes (plain Node, bundled like the browser host); includes Node itself${gcNote}`,
      details: { core, bare },
    }),
    finish({
      id: 'startup.core',
      title: 'Core open to first contacts page (part of cold start: no window, no paint)',
      status: 'measured',
      value: open,
      baseline: { title: 'better-sqlite3 open + the same first page SQL', value: bareOpen },
      ratio: latencyRatio(open, bareOpen, 'p50'),
      target: 'cold start to the first contacts painted under 1.5 s (only the core\'s part is measured here)',
      checks: [{ text: 'core part p95 < 1.5 s', pass: summarise(core.map((run) => run.openToFirstPageMs)).p95 < 1500 }],
      note: `${runs} fresh processes; module loading not included; warm OS file cache`,
    }),
  ];
}
