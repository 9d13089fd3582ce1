import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type CoreOptions } from '../src-main/core/create-core';
import { benchmarkEndAt, writeDataSet, type DataSetOptions, type DataSetSummary } from './generator/dataset';
import { writeDemo, type DemoSummary } from './generator/demo';
import type { SimulatedClock } from './generator/plan';

// A realistic, deterministic data set written through the core's real write path (mutation
// engine, change log, search indexes), for benchmarks, tests and demos. The same seed gives the
// same contacts, notes, calls and follow-ups (ids and HLC device ids differ: they are minted by
// the core). Usable three ways:
//   - generateDataSet(dataDir, options): a new data folder, e.g. the benchmark's cache;
//   - generateDemo(dataDir): a small current-looking folder for `npm start -- --demo`;
//   - writeDataSet(core, clock, options) (generator/dataset.ts): into a core you created.
// CLI: tsx bench/generate.ts --out DIR [--contacts N] [--seed S] [--timeline N] [--demo]

export { benchmarkEndAt, writeDataSet, type DataSetOptions, type DataSetSummary };

export interface GenerateDataSetOptions extends DataSetOptions {
  /** Passed to createCore (migrationsFolder, nativeBinding for a bundled or Electron build). */
  coreOptions?: Partial<Omit<CoreOptions, 'dataDir' | 'now'>>;
}

/** Creates a data folder holding a generated data set. Refuses a folder that already has a database. */
export function generateDataSet(dataDir: string, options: GenerateDataSetOptions): DataSetSummary {
  if (fs.existsSync(path.join(dataDir, 'fieldbook.db'))) {
    throw new Error(`${dataDir} already holds a Fieldbook database; generate into a new folder`);
  }
  return generateInto(dataDir, options, options.coreOptions);
}

export interface DemoOptions {
  /** Default 300. */
  contacts?: number;
  seed?: number;
  /** When the demo's history ends; default a minute ago. */
  endAt?: number;
  coreOptions?: GenerateDataSetOptions['coreOptions'];
}

/**
 * Fills a data folder with the demo firm (generator/demo), its history ending now, for
 * `npm start -- --demo`. Call it before the app opens the folder. A folder that already has
 * contacts is left as it is (answer: null), so starting the demo twice does not double it.
 */
export async function generateDemo(dataDir: string, options: DemoOptions = {}): Promise<DemoSummary | null> {
  if (fs.existsSync(path.join(dataDir, 'fieldbook.db'))) {
    const core = createCore({ shell: 'test', logError: () => {}, autoSync: false, ...options.coreOptions, dataDir });
    try {
      if (core.sqlite.prepare('SELECT 1 FROM contacts LIMIT 1').get()) return null;
    } finally {
      core.close();
    }
  }
  const clock: SimulatedClock = { now: 0 };
  const core = openForGenerating(dataDir, clock, options.coreOptions);
  try {
    // Ends a minute ago, so the core's real clock, reopened right after, is past every HLC written.
    return await writeDemo(core, clock, { contacts: options.contacts ?? 300, seed: options.seed ?? 1, endAt: options.endAt ?? Date.now() - 60_000 });
  } finally {
    core.close();
  }
}

function generateInto(dataDir: string, options: DataSetOptions, coreOptions: GenerateDataSetOptions['coreOptions']): DataSetSummary {
  const clock: SimulatedClock = { now: 0 };
  const core = openForGenerating(dataDir, clock, coreOptions);
  try {
    return writeDataSet(core, clock, options);
  } finally {
    core.close();
  }
}

function openForGenerating(dataDir: string, clock: SimulatedClock, coreOptions: GenerateDataSetOptions['coreOptions']) {
  const core = createCore({ shell: 'test', logError: () => {}, autoSync: false, ...coreOptions, dataDir, now: () => clock.now });
  // Only while generating: a bigger page cache and no fsync (a data set cut short by a crash is
  // simply generated again). The data written is the same; the app never runs with these.
  core.sqlite.pragma(`cache_size = -${256 * 1024}`);
  core.sqlite.pragma('synchronous = OFF');
  return core;
}

function parseCli(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a number, not "${raw}"`);
    return parsed;
  };
  const out = value('--out');
  if (!out) throw new Error('Usage: tsx bench/generate.ts --out DIR [--contacts N] [--seed S] [--timeline N] [--demo]');
  return {
    out: path.resolve(out),
    demo: argv.includes('--demo'),
    contacts: number('--contacts', number('--scale', 100_000)),
    seed: number('--seed', 1),
    timeline: number('--timeline', 10),
  };
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const started = Date.now();
  const summary = cli.demo
    ? await generateDemo(cli.out, { contacts: cli.contacts === 100_000 ? 300 : cli.contacts, seed: cli.seed })
    : generateDataSet(cli.out, {
        contacts: cli.contacts,
        seed: cli.seed,
        timelinePerContact: cli.timeline,
        onProgress: ({ contacts, of }) => process.stderr.write(`\r${contacts} / ${of} contacts`),
      });
  process.stderr.write('\n');
  console.log(summary ? JSON.stringify(summary, null, 2) : `${cli.out} already has contacts; left as it is`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
