import { openBenchDatabase } from './lib/data-file';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../src-main/core/create-core';
import { createBareQueries } from './lib/bare-sql';
import { cacheDir, copyDataFolder, dataSetName, ensureDataSet } from './lib/cache';
import type { BenchContext } from './lib/context';
import { notMeasured, type Figure } from './lib/figures';
import { describeMachine, gitCommit, markdownTable, notes } from './lib/report';
import { bootstrapSuite } from './suites/bootstrap';
import { browserSuite } from './suites/browser';
import { bulkApplySuite } from './suites/bulk-apply';
import { callsDeskSuite } from './suites/calls-desk';
import { cliSuite } from './suites/cli';
import { dashboardSuite } from './suites/dashboard';
import { everythingSuite } from './suites/everything';
import { exportSuite, importSuite } from './suites/exchange';
import { filesSuite } from './suites/files';
import { httpSuite } from './suites/http';
import { listSuite } from './suites/list';
import { localWriteSuite } from './suites/local-write';
import { mailSuite } from './suites/mail';
import { phoneSuite } from './suites/phone';
import { relayMemorySuite } from './suites/relay-memory';
import { memorySuite } from './suites/memory';
import { searchSuite } from './suites/search';
import { sealingSuite } from './suites/sealing';
import { storageSuite } from './suites/storage';
import { syncSuite } from './suites/sync';
import { vcardSuite } from './suites/vcard';
import { workSuite } from './suites/work';
import { encryptionSuite } from './suites/encryption';
import { segmentsSuite } from './suites/segments';
import { fileEncryptionSuite } from './suites/file-encryption';
import { bulkSuite } from './suites/bulk';
import { followUpTableSuite } from './suites/follow-up-table';

// `npm run bench [-- --quick] [--scale N] [--seed S] [--timeline N] [--apply N] [--seed-budget S] [--only a,b] [--keep]`
// Builds (or reuses) the generated data set, measures every figure beside its baseline on a
// copy of it, prints a Markdown table and writes bench/results/latest.json. A miss is reported,
// never hidden, and never fails the run: the exit code is 0 unless something crashed.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dayMs = 24 * 60 * 60 * 1000;
const suiteNames = ['memory', 'search', 'list', 'dashboard', 'http', 'browser', 'apply', 'write', 'export', 'import', 'sync', 'work', 'vcard', 'phone', 'files', 'mail', 'cli', 'relay', 'calls', 'bootstrap', 'storage', 'everything', 'encryption', 'sealing', 'segments', 'file-encryption', 'bulk', 'followup-table'] as const;
type SuiteName = (typeof suiteNames)[number];

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const count = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} needs a whole number, not "${raw}"`);
    return parsed;
  };
  const quick = argv.includes('--quick');
  const only = value('--only')?.split(',') ?? [...suiteNames];
  for (const name of only) if (!suiteNames.includes(name as SuiteName)) throw new Error(`--only: no suite "${name}" (${suiteNames.join(', ')})`);
  return {
    quick,
    contacts: count('--scale', quick ? 10_000 : 100_000),
    seed: count('--seed', 1),
    timelinePerContact: count('--timeline', 10),
    only: new Set(only as SuiteName[]),
    /** Change records to apply in the bulk-apply figure; 0 for the whole log. */
    applyLimit: count('--apply', quick ? 30_000 : 300_000),
    /** Seconds allowed for pushing the data set's contacts to the relay before the bootstrap figure. */
    seedBudgetSeconds: count('--seed-budget', quick ? 60 : 240),
    keep: argv.includes('--keep'),
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadAverageAtStart = os.loadavg()[0]!;
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  log(`Fieldbook benchmarks: ${args.contacts} contacts, ${args.timelinePerContact} timeline rows per contact, seed ${args.seed}${args.quick ? ' (quick)' : ''}`);

  const dataSet = ensureDataSet({ contacts: args.contacts, seed: args.seed, timelinePerContact: args.timelinePerContact }, log);
  const { summary } = dataSet;
  if (dataSet.fromCache) log(`Using the cached data set ${dataSet.dir} (generated in ${summary.seconds.toFixed(1)} s).`);
  const workDir = path.join(cacheDir, `run-${process.pid}`);
  const dataDir = path.join(workDir, 'data');
  copyDataFolder(dataSet.dir, dataDir);

  const figures: Figure[] = [];
  let crashed = false;
  const runSuite = async (name: SuiteName, suite: () => Promise<Figure[]> | Figure[]) => {
    if (!args.only.has(name)) return;
    const suiteStart = Date.now();
    try {
      figures.push(...(await suite()));
      log(`  ${name}: ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      crashed = true;
      console.error(error);
      figures.push(notMeasured(`${name}.crashed`, `Suite "${name}"`, 'not measured', `crashed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };

  // The core sees the moment the generated history ends, moving on in real time, so that
  // "overdue", "today" and "this week" mean what they would on the day the data set describes.
  const benchStart = Date.now();
  const now = () => summary.endAt + (Date.now() - benchStart);
  const endOfToday = Math.floor(summary.endAt / dayMs) * dayMs + dayMs - 1;
  const startOfWeek = Math.floor(summary.endAt / dayMs) * dayMs - ((new Date(summary.endAt).getUTCDay() + 6) % 7) * dayMs;

  const partialContext = { summary, quick: args.quick, seed: args.seed, now, endOfToday, startOfWeek, log, dataDir };
  await runSuite('memory', () => memorySuite(partialContext, dataDir));

  // Checkpoints in the background, as in the shells a person uses (Electron, the browser host).
  const core = createCore({ dataDir, shell: 'test', backgroundCheckpoints: true, logError: (error) => console.error(error), now });
  const bareDb = openBenchDatabase(dataDir);
  const context: BenchContext = { ...partialContext, core, bareDb, bare: createBareQueries(bareDb, summary.userName) };
  await context.core.invoke('contacts.list', {});
  const rssAfterLoadMb = process.memoryUsage().rss / 1024 ** 2;
  // Before any suite writes to the working copy: the size of the data set as generated.
  await runSuite('storage', () => storageSuite(context));

  await runSuite('search', () => searchSuite(context));
  await runSuite('list', () => listSuite(context));
  await runSuite('dashboard', () => dashboardSuite(context));
  await runSuite('http', () => httpSuite(context));
  // Before the suites that write: the host it starts opens the same data folder.
  await runSuite('browser', () => browserSuite(context));
  await runSuite('apply', () => bulkApplySuite(context, workDir, args.applyLimit));
  await runSuite('write', () => localWriteSuite(context));
  // Import reads the file the export wrote; when export is not asked for, it is written unmeasured.
  let exportedFile: string | undefined;
  await runSuite('export', async () => {
    const { figures: exported, file } = await exportSuite(context, workDir);
    exportedFile = file;
    return exported;
  });
  await runSuite('import', async () => {
    if (!exportedFile) {
      exportedFile = path.join(workDir, 'exports', 'contacts.csv');
      await context.core.exchange.exportCsvTo(exportedFile, { entity: 'contacts', preset: 'standard', delimiter: ',', bom: true, decimalComma: false, protectFormulas: true, view: { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' } } });
    }
    return importSuite(context, workDir, exportedFile);
  });
  await runSuite('sync', () => syncSuite(context, { workDir, seedBudgetSeconds: args.seedBudgetSeconds }));
  await runSuite('work', () => workSuite(context));
  await runSuite('vcard', () => vcardSuite(context, workDir));
  await runSuite('phone', () => phoneSuite(context, workDir));
  await runSuite('files', () => filesSuite(context, { workDir }));
  await runSuite('mail', () => mailSuite(context));
  await runSuite('sealing', () => sealingSuite({ workDir, quick: args.quick }));
  await runSuite('cli', () => cliSuite(context));
  await runSuite('relay', () => relayMemorySuite(context, workDir));
  await runSuite('calls', () => callsDeskSuite(context, workDir));
  await runSuite('bootstrap', () => bootstrapSuite(context, workDir));
  await runSuite('everything', () => everythingSuite(context));
  await runSuite('encryption', () => encryptionSuite(context, workDir));
  await runSuite('segments', () => segmentsSuite(context));
  await runSuite('bulk', () => bulkSuite(context));
  await runSuite('followup-table', () => followUpTableSuite(context));
  await runSuite('file-encryption', () => fileEncryptionSuite({ workDir, quick: args.quick }));

  const machine = describeMachine(bareDb, repoRoot, loadAverageAtStart);
  const dbSizeMb = fs.statSync(path.join(dataSet.dir, 'fieldbook.db')).size / 1024 ** 2;
  core.close();
  bareDb.close();
  if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true });

  const report = {
    date: new Date().toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    git: gitCommit(repoRoot),
    machine,
    options: { ...args, only: [...args.only] },
    dataSet: { name: dataSetName(args), dir: path.relative(repoRoot, dataSet.dir), fromCache: dataSet.fromCache, dbSizeMb, ...summary },
    benchProcessRssAfterLoadMb: rssAfterLoadMb,
    loadAverageAtEnd: os.loadavg()[0]!,
    seconds: (Date.now() - started) / 1000,
    figures,
  };
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

  log('');
  log(
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; SQLite ${machine.sqlite}; ` +
      `commit ${report.git.commit.slice(0, 7)}${report.git.dirty ? ' (with uncommitted changes)' : ''}; ` +
      `load average ${loadAverageAtStart.toFixed(1)} at start, ${report.loadAverageAtEnd.toFixed(1)} at end`,
  );
  log(
    `Data set: ${summary.counts.contacts} contacts (${summary.counts.nearDuplicates} near-duplicates, ${summary.counts.contactDeletes} deleted), ` +
      `${summary.counts.notes} notes, ${summary.counts.calls} calls, ${summary.counts.followUps} follow-ups (+ SLA ones), ` +
      `${summary.changes} change records, ${dbSizeMb.toFixed(0)} MB`,
  );
  log('');
  log(markdownTable(figures));
  const remarks = notes(figures);
  if (remarks.length > 0) log(`\n${remarks.join('\n')}`);
  log(`\nWrote bench/results/latest.json (${report.seconds.toFixed(0)} s in all).`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
