import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as CreateCore from '../src-main/core/create-core';
import type * as KeySource from '../src-main/security/key-source';

// The CPU cost of one CSV import, phase by phase, for comparing checkouts (BENCHMARKS.md,
// "The import's CPU, measured by bench/import-cpu.ts"). Three uses:
//
//   npx tsx bench/import-cpu.ts make-csv --out FILE (--scale N [--timeline T] | --from DATA_DIR)
//       Exports every contact of a generated data set (built into a temporary folder, or a copy
//       of an existing data folder such as bench/.cache/<set>) to a CSV file, once, with this
//       checkout's export: the same file then feeds every checkout measured.
//   npx tsx bench/import-cpu.ts one --csv FILE [--checkout DIR] [--encrypted] [--autocheckpoint PAGES] [--background-checkpoints]
//       In this process: a fresh data folder, createCore from DIR's source (default this
//       checkout), then stage, preview and run of the import as the wizard does it; prints one
//       JSON line with each phase's CPU time (process.cpuUsage: user + system, all threads, so
//       garbage collection and SQLite count), wall time, the process's peak RSS, and how long
//       the run held the event loop at a time (wall time, so the machine's load stretches it). Under
//       `node --cpu-prof --import tsx` it gives a profile of exactly that. --autocheckpoint sets
//       the connection's wal_autocheckpoint (SQLite's default, 1,000 pages, is what a core
//       without the checkpoint worker has, as here, and what the app's falls back to once the
//       log passes 64 MB), to see what the commits' checkpoints cost; with 0 the log keeps every
//       page the run wrote, and the figures say how many (frames) against the file's pages.
//       --background-checkpoints checkpoints as the app's shells do (db/background-checkpoints.ts:
//       a worker thread, whose CPU counts, and the app's connection again past 64 MB of log).
//   npx tsx bench/import-cpu.ts compare --csv FILE --checkout A --checkout B [--rounds N] [--encrypted] [--autocheckpoint PAGES] [--background-checkpoints]
//       Runs `one` in a child process for each checkout in turn, A B A B …, N rounds (default 2),
//       so each pair shares the machine's load; prints every run, then each checkout's median
//       and its ratio to the first checkout's, with the load average before and after.
//
// Checkouts older than the database's encryption (4d91d30) have no key source and import
// better-sqlite3: the adapter below gives them its cipher build's same API and runs them
// unencrypted, as it runs every newer checkout unless --encrypted is given.

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface PhaseFigures {
  cpuMs: number;
  wallMs: number;
}

interface RunFigures {
  checkout: string;
  commit: string;
  encrypted: boolean;
  stage: PhaseFigures;
  preview: PhaseFigures;
  run: PhaseFigures;
  totalCpuMs: number;
  totalWallMs: number;
  peakRssMb: number;
  counts: unknown;
  /**
   * How long the run held the event loop at a time, ms: the first hold (reading the file and the
   * first chunk, before the first yield), then the chunks' holds after it, their median and longest.
   */
  hold: { firstMs: number; medianMs: number; maxMs: number; holds: number };
  /** With --autocheckpoint 0: the pages the run's commits wrote to the log, and the file's pages at the end. */
  log?: { framesWritten: number; databasePages: number };
}

function options(argv: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index]!;
    if (!name.startsWith('--')) throw new Error(`Unexpected argument ${name}`);
    const next = argv[index + 1];
    const value = next === undefined || next.startsWith('--') ? 'true' : argv[(index += 1)]!;
    found.set(name.slice(2), [...(found.get(name.slice(2)) ?? []), value]);
  }
  return found;
}

function single(found: Map<string, string[]>, name: string): string | undefined {
  return found.get(name)?.at(-1);
}

function required(found: Map<string, string[]>, name: string): string {
  const value = single(found, name);
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

function commitOf(checkout: string): string {
  const result = spawnSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/** What a phase cost, measured around `work`. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; figures: PhaseFigures }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, figures: { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall } };
}

/**
 * The adapter for checkouts older than the database's encryption: they import `better-sqlite3`,
 * which today's node_modules no longer hold; `better-sqlite3-multiple-ciphers` has the same API
 * and stands in for it, unencrypted.
 */
function standInForBetterSqlite(checkout: string): void {
  const requireThere = createRequire(path.join(checkout, 'package.json'));
  try {
    requireThere.resolve('better-sqlite3');
    return;
  } catch {
    const target = JSON.stringify(pathToFileURL(requireThere.resolve('better-sqlite3-multiple-ciphers')).href);
    const hook = `export async function resolve(specifier, context, next) { return specifier === 'better-sqlite3' ? { url: ${target}, format: 'commonjs', shortCircuit: true } : next(specifier, context); }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
}

async function runOne(csv: string, checkout: string, encrypted: boolean, autocheckpoint: string | undefined, backgroundCheckpoints: boolean): Promise<RunFigures> {
  standInForBetterSqlite(checkout);
  const { createCore } = (await import(pathToFileURL(path.join(checkout, 'src-main/core/create-core.ts')).href)) as typeof CreateCore;
  // The adapter for older checkouts: a key source only where the checkout has one.
  const keySourceFile = path.join(checkout, 'src-main/security/key-source.ts');
  let keySource: Record<string, unknown> = {};
  if (!encrypted && fs.existsSync(keySourceFile)) {
    const { unencryptedForComparison } = (await import(pathToFileURL(keySourceFile).href)) as typeof KeySource;
    keySource = { keySource: unencryptedForComparison() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-cpu-'));
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error), ...keySource, ...(backgroundCheckpoints ? { backgroundCheckpoints } : {}) });
  if (autocheckpoint !== undefined) core.sqlite.pragma(`wal_autocheckpoint = ${Number(autocheckpoint)}`);
  try {
    const fileName = path.basename(csv);
    const stage = await measured(() => core.files.stage(fs.createReadStream(csv), fileName, 'import'));
    const { uploadId } = stage.result;
    const preview = await measured(() => core.exchange.previewUpload({ uploadId, onDuplicate: 'skip', decisions: {}, fileName }));
    // A timer every 5 ms: a gap between two of its turns longer than 50 ms is work holding the
    // loop, a chunk from one yield to the next.
    const holds: number[] = [];
    let tick = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      if (now - tick > 50) holds.push(now - tick);
      tick = now;
    }, 5);
    const run = await measured(async () => {
      const { jobId } = core.exchange.startImport({ uploadId, onDuplicate: 'skip', decisions: {}, fileName, mapping: preview.result.mapping });
      return core.exchange.jobs.settled(jobId, 5);
    });
    clearInterval(ticker);
    if (run.result.state !== 'done') throw new Error(`The import ended ${run.result.state}: ${JSON.stringify(run.result.error)}`);
    const phases = [stage.figures, preview.figures, run.figures];
    const pageSize = core.sqlite.pragma('page_size', { simple: true }) as number;
    // A frame is the page and its 24-byte header, after the log's own 32-byte header.
    const log =
      autocheckpoint === '0'
        ? { framesWritten: Math.round((fs.statSync(`${core.sqlite.name}-wal`).size - 32) / (pageSize + 24)), databasePages: core.sqlite.pragma('page_count', { simple: true }) as number }
        : undefined;
    return {
      checkout,
      commit: commitOf(checkout),
      encrypted: encrypted && fs.existsSync(keySourceFile),
      stage: stage.figures,
      preview: preview.figures,
      run: run.figures,
      totalCpuMs: phases.reduce((sum, phase) => sum + phase.cpuMs, 0),
      totalWallMs: phases.reduce((sum, phase) => sum + phase.wallMs, 0),
      // Linux reports maxRSS in kilobytes.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      counts: run.result.importReport?.counts,
      hold: { firstMs: holds[0] ?? 0, medianMs: holds.length > 1 ? median(holds.slice(1)) : 0, maxMs: Math.max(0, ...holds.slice(1)), holds: holds.length },
      ...(log ? { log } : {}),
    };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function makeCsv(found: Map<string, string[]>): Promise<void> {
  const out = path.resolve(required(found, 'out'));
  const from = single(found, 'from');
  const { createCore } = await import('../src-main/core/create-core');
  const { exportOptions } = await import('./suites/exchange');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-csv-'));
  try {
    if (from) {
      const { copyDataFolder } = await import('./lib/cache');
      copyDataFolder(path.resolve(from), dataDir);
    } else {
      const { generateDataSet } = await import('./generate');
      const contacts = Number(required(found, 'scale'));
      const timelinePerContact = Number(single(found, 'timeline') ?? '0');
      console.error(`Generating ${contacts} contacts (seed 1, ${timelinePerContact} timeline rows each) …`);
      generateDataSet(dataDir, { contacts, seed: 1, timelinePerContact });
    }
    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
    try {
      const result = await core.exchange.exportCsvTo(out, exportOptions);
      console.log(`${out}: ${result.rows} rows, ${(result.bytes / 1024 ** 2).toFixed(1)} MB`);
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function compare(found: Map<string, string[]>): void {
  const csv = path.resolve(required(found, 'csv'));
  const checkouts = (found.get('checkout') ?? []).map((checkout) => path.resolve(checkout));
  if (checkouts.length === 0) throw new Error('Give at least one --checkout');
  const rounds = Number(single(found, 'rounds') ?? '2');
  const encrypted = found.has('encrypted');
  const autocheckpoint = single(found, 'autocheckpoint');
  const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`load average before: ${load()}`);
  const runs = new Map<string, RunFigures[]>(checkouts.map((checkout) => [checkout, []]));
  for (let round = 1; round <= rounds; round += 1) {
    for (const checkout of checkouts) {
      const args = ['--import', 'tsx', fileURLToPath(import.meta.url), 'one', '--csv', csv, '--checkout', checkout, ...(encrypted ? ['--encrypted'] : []), ...(autocheckpoint ? ['--autocheckpoint', autocheckpoint] : []), ...(found.has('background-checkpoints') ? ['--background-checkpoints'] : [])];
      const child = spawnSync(process.execPath, args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 ** 2 });
      if (child.status !== 0) throw new Error(`The run in ${checkout} failed (exit ${child.status})`);
      const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunFigures;
      runs.get(checkout)!.push(figures);
      console.log(
        `round ${round} ${figures.commit}: CPU ${seconds(figures.totalCpuMs)} s (stage ${seconds(figures.stage.cpuMs)}, preview ${seconds(figures.preview.cpuMs)}, run ${seconds(figures.run.cpuMs)}), ` +
          `wall ${seconds(figures.totalWallMs)} s, peak RSS ${figures.peakRssMb.toFixed(0)} MB, ` +
          `loop held ${figures.hold.firstMs.toFixed(0)} ms first, then ${figures.hold.holds - 1} times for ${figures.hold.medianMs.toFixed(0)} ms (median), ${figures.hold.maxMs.toFixed(0)} at most, load ${load()}, ${JSON.stringify(figures.counts)}`,
      );
    }
  }
  const baseline = median(runs.get(checkouts[0]!)!.map((run) => run.totalCpuMs));
  for (const [checkout, list] of runs) {
    const cpu = median(list.map((run) => run.totalCpuMs));
    console.log(
      `median ${list[0]!.commit} (${checkout}): CPU ${seconds(cpu)} s (preview ${seconds(median(list.map((run) => run.preview.cpuMs)))}, run ${seconds(median(list.map((run) => run.run.cpuMs)))}), ` +
        `wall ${seconds(median(list.map((run) => run.totalWallMs)))} s, peak RSS ${median(list.map((run) => run.peakRssMb)).toFixed(0)} MB, ${(cpu / baseline).toFixed(2)}x the first checkout's CPU`,
    );
  }
  console.log(`load average after: ${load()}`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const found = options(rest);
  if (command === 'make-csv') return makeCsv(found);
  if (command === 'one') {
    const figures = await runOne(path.resolve(required(found, 'csv')), path.resolve(single(found, 'checkout') ?? here), found.has('encrypted'), single(found, 'autocheckpoint'), found.has('background-checkpoints'));
    console.log(JSON.stringify(figures));
    // A job timer of the closed core must not keep the process (and the comparison) waiting.
    process.exit(0);
  }
  if (command === 'compare') return compare(found);
  throw new Error('Usage: bench/import-cpu.ts make-csv | one | compare (see the comment at the top of the file)');
}

await main();
