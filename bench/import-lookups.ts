import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { copyDataFolder } from './lib/cache';
import { createCore } from '../src-main/core/create-core';
import { createImportQueries } from '../src-main/exchange/import/queries';

// What the import planner's id lookups cost (BENCHMARKS.md, IMPORT5): one SELECT per row, as the
// planner asked before, against one json_each query per slice of rows, as it asks now. Run on a
// copy of a cached data set, for the ids of a CSV exported from it (every one stored) and as many
// ids no contact has (what a fresh folder's import meets), alternately, CPU of this process.
//
//   npx tsx bench/import-lookups.ts --from bench/.cache/<set> --csv FILE [--rounds N]

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const from = option('from');
const csv = option('csv');
if (!from || !csv) throw new Error('Usage: npx tsx bench/import-lookups.ts --from bench/.cache/<set> --csv FILE [--rounds N]');
const rounds = Number(option('rounds') ?? '3');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-lookups-'));
copyDataFolder(path.resolve(from), dir);
const core = createCore({ dataDir: dir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
try {
  const parsed = Papa.parse<string[]>(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const idColumn = parsed.data[0]!.indexOf('Id');
  const stored = parsed.data.slice(1).map((row) => row[idColumn]!);
  const absent = stored.map((id) => `${id.slice(0, -6)}ffffff`);
  const queries = createImportQueries(core.sqlite);
  const cpuMs = (work: () => number) => {
    const start = process.cpuUsage();
    const found = work();
    const used = process.cpuUsage(start);
    return { ms: (used.user + used.system) / 1000, found };
  };
  const oneEach = (ids: string[]) => () => ids.filter((id) => queries.contactIdentity(id)).length;
  const sliced = (ids: string[], size: number) => () => {
    let found = 0;
    for (let start = 0; start < ids.length; start += size) found += queries.contactIdentities(ids.slice(start, start + size)).length;
    return found;
  };
  const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`${stored.length} ids; load ${load()}`);
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, ids] of [['stored', stored], ['absent', absent]] as const) {
      const figures = [oneEach(ids), sliced(ids, 500), sliced(ids, 2000)].map((work) => cpuMs(work));
      const [each, five, two] = figures.map(({ ms }) => ms.toFixed(0));
      console.log(`round ${round}, ${name} (${figures[0]!.found} found): one SELECT a row ${each} ms, json_each of 500 ${five} ms, of 2,000 ${two} ms`);
    }
  }
  console.log(`load ${load()}`);
} finally {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
