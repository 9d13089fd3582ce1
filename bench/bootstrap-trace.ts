import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { openBenchDatabase } from './lib/data-file';
import { call } from './lib/context';
import { retryingFetch, seedSnapshot } from './lib/seed-snapshot';
import { openRelayDatabase } from '../src-relay/db/open';
import { createRelay } from '../src-relay/server';
import { createCore, type Core } from '../src-main/core/create-core';
import { openSnapshotRows, sealChanges } from '../src-main/sync/keys/sealed-changes';
import { SnapshotLoader, snapshotRowToChanges } from '../src-main/sync/snapshot-load';

// The sync suite's whole-set bootstrap (bench/suites/bootstrap.ts), the joining laptop traced page
// by page: wall and CPU of each page's load, the wait for it, GC, the WAL's size, RSS and heap,
// and each derived-data hook's and commit listener's share; then the join's tail after the last
// page. The relay's snapshot table is seeded from the data folder's change log as the suite seeds it.
// With `merge` in the order, the suite's baseline is traced the same way: each page fetched with the
// seeder's client and merged (engine.applyRemoteChanges) into another fresh laptop.
// `tsx bench/bootstrap-trace.ts <data folder> [every N pages] [load,merge,load]`

const [source, everyArg = '10', order = 'load'] = process.argv.slice(2);
if (!source) throw new Error('usage: tsx bench/bootstrap-trace.ts <data folder> [every N pages] [load,merge,load]');
const every = Number(everyArg);
const pageSize = 2000;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-trace-'));
const database = await openRelayDatabase({ dataDir: path.join(workDir, 'relay') });
const relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
const cores: Core[] = [];
const newCore = (name: string) => {
  const core = createCore({ dataDir: path.join(workDir, name), shell: 'test', logError: (error) => console.error(error), autoSync: false, fetch: retryingFetch });
  cores.push(core);
  return core;
};

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

/** Accumulated ms by label, reset at each report. */
const spent = new Map<string, number>();
let runs = 0;
/** Changes the seeder merged (SEEDER_SYNCS=1). */
let seederApplied = 0;
function timed<A extends unknown[], R>(label: string, work: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const start = performance.now();
    try {
      return work(...args);
    } finally {
      spent.set(label, (spent.get(label) ?? 0) + performance.now() - start);
    }
  };
}

try {
  const seeder = newCore('seeder');
  await call(seeder, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Trace', memberName: 'Ann' });
  // SEEDER_SYNCS=1 leaves the seeder's sync engine running, as the sync suite did before it
  // stopped it: the changes it merges meanwhile are counted at the end of each run.
  if (process.env.SEEDER_SYNCS) {
    const apply = seeder.engine.applyRemoteChanges.bind(seeder.engine);
    seeder.engine.applyRemoteChanges = (changes, ...rest) => {
      seederApplied += changes.length;
      return apply(changes, ...rest);
    };
  } else seeder.sync.stop();
  const seedStart = performance.now();
  const local = openBenchDatabase(source, { readonly: true });
  const { rows } = await seedSnapshot(local, database, seeder.sync.config!.workspaceId).finally(() => local.close());
  await call(seeder, 'contacts.create', { draft: { name: 'Pushed after the snapshot' }, allowDuplicate: true });
  const outbox = sealChanges(seeder.sync.keys.sealingKeys(), seeder.engine.outbox(100).map(({ change }) => change));
  seeder.engine.markPushed((await seeder.sync.client().push(outbox)).acknowledged);
  console.log(`${rows} snapshot rows seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (the seeder merged ${seederApplied} changes meanwhile); load ${os.loadavg()[0]!.toFixed(2)}`);

  for (const way of order.split(',')) {
    if (way === 'load') await traceJoin(seeder);
    else await traceMerge(seeder);
  }
} finally {
  for (const core of cores) core.close();
  await relay.close();
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

/** Per-page figures, printed every `every` pages. */
function pageTracer(name: string, wal: string) {
  let pages = 0;
  let lastEnd = performance.now();
  let lastCpu = process.cpuUsage();
  let window = { wall: 0, wait: 0, work: 0, gc: 0 };
  let gcBefore = 0;
  return {
    get pages() {
      return pages;
    },
    get lastEnd() {
      return lastEnd;
    },
    begin(): number {
      gcBefore = gcMs;
      const start = performance.now();
      window.wait += start - lastEnd;
      return start;
    },
    end(start: number, last: boolean): void {
      const end = performance.now();
      window.work += end - start;
      window.gc += gcMs - gcBefore;
      window.wall += end - lastEnd;
      lastEnd = end;
      pages += 1;
      if (pages % every !== 0 && !last) return;
      const n = pages % every || every;
      const cpu = process.cpuUsage(lastCpu);
      lastCpu = process.cpuUsage();
      const memory = process.memoryUsage();
      const shares = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([label, ms]) => `${label} ${(ms / n).toFixed(0)}`);
      console.log(
        `${name} page ${pages}: per page ${(window.wall / n).toFixed(0)} ms wall (work ${(window.work / n).toFixed(0)}, wait ${(window.wait / n).toFixed(0)}), ` +
          `${((cpu.user + cpu.system) / 1000 / n).toFixed(0)} ms CPU; WAL ${(walBytes(wal) / 1024 ** 2).toFixed(0)} MB; RSS ${(memory.rss / 1024 ** 2).toFixed(0)} MB, heap ${(memory.heapUsed / 1024 ** 2).toFixed(0)} MB; load ${os.loadavg()[0]!.toFixed(2)}; ${shares.join('; ')}`,
      );
      window = { wall: 0, wait: 0, work: 0, gc: 0 };
      spent.clear();
    },
  };
}

function summary(name: string, started: number, cpuStart: NodeJS.CpuUsage, gcStart: number, lastPageEnd: number, pages: number, wal: string): void {
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `${name}: ${((end - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${pages} pages; after the last page ${((end - lastPageEnd) / 1000).toFixed(1)} s; ` +
      `GC ${((gcMs - gcStart) / 1000).toFixed(1)} s; the seeder merged ${seederApplied} changes so far; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; WAL ${(walBytes(wal) / 1024 ** 2).toFixed(0)} MB; load ${os.loadavg()[0]!.toFixed(2)}`,
  );
}

/** A fresh laptop's sync.join, its snapshot pages loaded as given (snapshot-load.ts). */
async function traceJoin(seeder: Core): Promise<void> {
  const { inviteCode } = (await call(seeder, 'sync.invite', {})) as { inviteCode: string };
  const fresh = newCore(`load-${(runs += 1)}`);
  const wal = `${fresh.sqlite.name}-wal`;
  // Each derived-data hook and commit listener timed by its place and first line.
  const engine = fresh.engine as unknown as { derivedData: ((touched: unknown) => void)[]; committedListeners: Set<(touched: unknown) => void> };
  engine.derivedData.forEach((hook, index) => (engine.derivedData[index] = timed(`hook ${index} ${firstLine(hook)}`, hook)));
  const listeners = [...engine.committedListeners];
  engine.committedListeners.clear();
  listeners.forEach((listener, index) => engine.committedListeners.add(timed(`listener ${index} ${firstLine(listener)}`, listener)));
  const tracer = pageTracer('load', wal);
  const loadPage = SnapshotLoader.prototype.loadPage;
  SnapshotLoader.prototype.loadPage = function (this: SnapshotLoader, ...args: Parameters<typeof loadPage>) {
    const start = tracer.begin();
    const result = loadPage.apply(this, args);
    tracer.end(start, args[2]?.last ?? false);
    return result;
  };
  spent.clear();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const gcStart = gcMs;
  try {
    await call(fresh, 'sync.join', { relayUrl: relay.url, inviteCode, memberName: 'New' });
  } finally {
    SnapshotLoader.prototype.loadPage = loadPage;
  }
  summary('load (sync.join)', started, cpuStart, gcStart, tracer.lastEnd, tracer.pages, wal);
  fresh.close();
  cores.splice(cores.indexOf(fresh), 1);
}

/** The suite's baseline: the same pages fetched with the seeder's client and merged into a fresh laptop. */
async function traceMerge(seeder: Core): Promise<void> {
  const client = seeder.sync.client();
  const laptop = newCore(`merge-${(runs += 1)}`);
  const wal = `${laptop.sqlite.name}-wal`;
  const tracer = pageTracer('merge', wal);
  spent.clear();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const gcStart = gcMs;
  let after: string | null = null;
  do {
    const page = await client.snapshot(after, pageSize);
    const start = tracer.begin();
    const { opened } = openSnapshotRows(seeder.sync.keys.keyOf, page.rows);
    laptop.engine.applyRemoteChanges(opened.flatMap((row) => snapshotRowToChanges(row)));
    after = page.nextPageAfter;
    tracer.end(start, after === null);
  } while (after !== null);
  summary('merge (applyRemoteChanges)', started, cpuStart, gcStart, tracer.lastEnd, tracer.pages, wal);
  laptop.close();
  cores.splice(cores.indexOf(laptop), 1);
}

function walBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function firstLine(work: (...args: never[]) => unknown): string {
  return (work.name || String(work).split('\n')[0]!).slice(0, 60);
}

