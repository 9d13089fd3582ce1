import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { ExportCsvOptions } from '../../src-shared/domain/exchange';
import type { BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, rate, type Figure } from '../lib/figures';
import { nowMs, summarise } from '../lib/stats';

// CSV export and import through the core (src-main/exchange), each beside papaparse doing the
// CSV part alone on the same rows: what the core adds is reading SQLite, formatting cells,
// streaming to a file (export) and decoding, mapping, duplicate detection and writing with
// the change log (import).

export const exportOptions: ExportCsvOptions = {
  entity: 'contacts',
  preset: 'standard',
  delimiter: ',',
  bom: true,
  decimalComma: false,
  protectFormulas: true,
  view: { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' } },
};

/**
 * Export: `core.exchange.exportCsvTo` of every contact (the standard preset, the whole team's
 * contacts sorted by name), timed end to end including the file write; beside it papaparse's
 * `unparse` of the same rows (the cells the export wrote, parsed back beforehand) in memory.
 * Returns the exported file too, which the import figure reads.
 */
export async function exportSuite(context: BenchContext, workDir: string): Promise<{ figures: Figure[]; file: string }> {
  const dir = path.join(workDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'contacts.csv');
  const runs = context.quick ? 3 : 5;
  const subject: number[] = [];
  let exported = { rows: 0, bytes: 0 };
  // One unmeasured run warms SQLite's page cache and the JIT, as the pair below would otherwise split unevenly.
  await context.core.exchange.exportCsvTo(file, exportOptions);
  const parsed = Papa.parse<string[]>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const baseline: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const doSubject = async () => {
      const start = nowMs();
      const result = await context.core.exchange.exportCsvTo(file, exportOptions);
      subject.push(nowMs() - start);
      exported = { rows: result.rows, bytes: result.bytes };
    };
    const doBaseline = () => {
      const start = nowMs();
      const text = Papa.unparse(parsed, { newline: '\r\n' });
      baseline.push(nowMs() - start);
      if (text.length === 0) throw new Error('empty unparse');
    };
    if (run % 2 === 0) {
      await doSubject();
      doBaseline();
    } else {
      doBaseline();
      await doSubject();
    }
  }
  const value = latency(summarise(subject));
  const base = latency(summarise(baseline));
  const p99 = summarise(subject).p99;
  const medianSeconds = summarise(subject).p50 / 1000;
  return {
    file,
    figures: [
      finish({
        id: 'export.csv',
        title: `CSV export of all contacts (core: exchange.exportCsvTo, standard preset, ${exported.rows.toLocaleString('en-GB')} rows, ${(exported.bytes / 1024 ** 2).toFixed(1)} MB file), ${runs} runs`,
        status: 'measured',
        value,
        baseline: { title: "papaparse unparse of the same rows' cells, in memory, no file", value: base },
        ratio: latencyRatio(value, base, 'p99'),
        target: 'CSV export: 100k contacts in under 1 s',
        checks: [{ text: `every run < 1 s (${context.summary.counts.contacts.toLocaleString('en-GB')}-contact data set)`, pass: p99 < 1000 }],
        details: { rows: exported.rows, bytes: exported.bytes, rowsPerSecondAtP50: exported.rows / medianSeconds, baselineRows: parsed.length - 1 },
      }),
    ],
  };
}

/**
 * Import: the exported file staged with `core.files.stage` into a fresh data folder, previewed
 * (`exchange.previewUpload`: decoding, header mapping, duplicate detection over the whole file)
 * and run (`exchange.startImport`, waited for). Beside it: reading the same file and
 * `Papa.parse` of it alone.
 */
export interface CsvImportTimings {
  stageMs: number;
  previewMs: number;
  runMs: number;
  preview: Awaited<ReturnType<Core['exchange']['previewUpload']>>;
  report: Awaited<ReturnType<Core['exchange']['jobs']['settled']>>['importReport'];
}

/** A CSV file imported as the app does it: staged, previewed (mapping, duplicates), run to its end. */
export async function runCsvImport(target: Core, file: string): Promise<CsvImportTimings> {
  let start = nowMs();
  const { uploadId } = await target.files.stage(fs.createReadStream(file), path.basename(file), 'import');
  const stageMs = nowMs() - start;
  start = nowMs();
  const preview = await target.exchange.previewUpload({ uploadId, onDuplicate: 'skip', decisions: {}, fileName: 'contacts.csv' });
  const previewMs = nowMs() - start;
  start = nowMs();
  const { jobId } = target.exchange.startImport({ uploadId, onDuplicate: 'skip', decisions: {}, fileName: 'contacts.csv', mapping: preview.mapping });
  const status = await target.exchange.jobs.settled(jobId, 5);
  const runMs = nowMs() - start;
  if (status.state !== 'done') throw new Error(`import job ${status.state}: ${JSON.stringify(status.error)}`);
  return { stageMs, previewMs, runMs, preview, report: status.importReport };
}

export async function importSuite(context: BenchContext, workDir: string, file: string): Promise<Figure[]> {
  const dir = path.join(workDir, 'import-core');
  fs.rmSync(dir, { recursive: true, force: true });
  const target = createCore({ dataDir: dir, shell: 'test', logError: (error) => console.error(error), autoSync: false, now: context.now });
  let timings: CsvImportTimings;
  try {
    timings = await runCsvImport(target, file);
  } finally {
    target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const { stageMs, previewMs, runMs, preview, report } = timings;
  const start = nowMs();
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const parseMs = nowMs() - start;
  const rows = parsed.data.length - 1;
  const columns = parsed.data[0]?.length ?? 0;
  const totalMs = stageMs + previewMs + runMs;
  return [
    finish({
      id: 'import.csv',
      title: `CSV import with duplicate detection into a fresh data folder (core: files.stage + exchange.previewUpload + exchange.startImport, ${rows.toLocaleString('en-GB')} rows)`,
      status: 'measured',
      value: rate(rows, rows * columns, totalMs / 1000),
      baseline: { title: 'readFileSync + Papa.parse of the same file alone', value: rate(rows, rows * columns, parseMs / 1000) },
      ratio: { statistic: 'seconds', value: totalMs / parseMs },
      target: 'CSV import: 100k rows with duplicate detection under 5 s',
      checks: [
        { text: 'stage + preview + run < 5 s', pass: totalMs < 5000 },
        { text: 'the run alone < 5 s', pass: runMs < 5000 },
      ],
      note: `stage ${(stageMs / 1000).toFixed(2)} s, preview ${(previewMs / 1000).toFixed(2)} s, run ${(runMs / 1000).toFixed(2)} s; outcome ${JSON.stringify(report?.counts)}`,
      details: {
        stageMs,
        previewMs,
        runMs,
        parseMs,
        source: preview.source,
        previewCounts: preview.counts,
        previewDuplicates: preview.duplicates.length,
        reportCounts: report?.counts,
        reportDuplicates: report?.duplicates.length,
        problems: report?.problems.length,
      },
    }),
  ];
}
