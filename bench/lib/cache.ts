import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src-main/core/create-core';
import { generateDataSet, type DataSetSummary } from '../generate';

// The generated data set is built once per (scale, timeline rows per contact, seed) and kept
// under bench/.cache/ (git-ignored) as an ordinary data folder: it can be copied, or opened
// with `npm start -- --data-dir bench/.cache/<name>`. It is rebuilt when the generator's source
// changes or a migration it was built with is gone or renamed. When migrations were only added
// since, it is upgraded in place as a user's data folder would be (on a copy, renamed over it
// once migrated), which takes seconds where a rebuild at 100k takes over half an hour. So a
// cached set never hides a schema or generator change. Benchmarks run on a copy, never on the
// cache itself.

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(benchDir, '.cache');
const generatorDir = path.join(benchDir, 'generator');
const migrationsDir = path.resolve(benchDir, '..', 'migrations', 'local');

export interface DataSetRequest {
  contacts: number;
  seed: number;
  timelinePerContact: number;
}

export interface CachedDataSet {
  dir: string;
  summary: DataSetSummary;
  /** True when it was already there; generation time is then the one of its first build. */
  fromCache: boolean;
}

interface Manifest {
  /** Of the generator's source (generator/ and generate.ts). */
  generator: string;
  /** The local migrations the data folder has been through, in order. */
  migrations: string[];
  summary: DataSetSummary;
}

export function dataSetName(request: DataSetRequest): string {
  return `contacts-${request.contacts}-timeline-${request.timelinePerContact}-seed-${request.seed}`;
}

export function ensureDataSet(request: DataSetRequest, log: (line: string) => void): CachedDataSet {
  const dir = path.join(cacheDir, dataSetName(request));
  const manifestFile = path.join(dir, 'manifest.json');
  const generator = generatorFingerprint();
  const migrations = migrationNames();
  // Built (or upgraded) beside its final place and renamed when complete, so an interrupted build
  // is never used; the leftovers of one are removed here.
  const building = `${dir}.building-${process.pid}`;
  for (const name of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    if (name.startsWith(`${path.basename(dir)}.building-`)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Partial<Manifest> & { summary: DataSetSummary };
    const builtWith = manifest.migrations ?? [];
    const upgradable = manifest.generator === generator && builtWith.length > 0 && builtWith.every((name, index) => migrations[index] === name);
    if (upgradable && builtWith.length === migrations.length) return { dir, summary: manifest.summary, fromCache: true };
    if (upgradable) {
      const started = performance.now();
      log(`Upgrading the cached data set in ${dir} through ${migrations.length - builtWith.length} newer migration(s) …`);
      copyDataFolder(dir, building);
      createCore({ dataDir: building, shell: 'test', logError: () => {}, autoSync: false }).close();
      fs.writeFileSync(path.join(building, 'manifest.json'), JSON.stringify({ generator, migrations, summary: manifest.summary } satisfies Manifest, null, 2));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(building, dir);
      log(`  upgraded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return { dir, summary: manifest.summary, fromCache: true };
    }
    log(`The cached data set in ${dir} was made by another generator or schema; building it again.`);
  }
  fs.mkdirSync(building, { recursive: true });
  log(`Generating ${request.contacts} contacts (seed ${request.seed}) into ${dir} …`);
  const summary = generateDataSet(building, {
    ...request,
    onProgress: ({ contacts, of }) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${contacts} / ${of} contacts`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  fs.writeFileSync(path.join(building, 'manifest.json'), JSON.stringify({ generator, migrations, summary } satisfies Manifest, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  log(`  generated in ${summary.seconds.toFixed(1)} s: ${summary.changes} change records.`);
  return { dir, summary, fromCache: false };
}

/** A private copy of a data folder to measure on (writes and WAL files stay out of the cache). */
export function copyDataFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, filter: (source) => path.basename(source) !== 'manifest.json' });
}

function generatorFingerprint(): string {
  const hash = crypto.createHash('sha256');
  // Every file under generator/, sub-folders (the demo's) included.
  for (const name of (fs.readdirSync(generatorDir, { recursive: true }) as string[]).sort()) {
    if (fs.statSync(path.join(generatorDir, name)).isFile()) hash.update(name).update(fs.readFileSync(path.join(generatorDir, name)));
  }
  hash.update(fs.readFileSync(path.join(benchDir, 'generate.ts')));
  return hash.digest('hex').slice(0, 16);
}

function migrationNames(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}
