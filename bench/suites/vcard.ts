import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/create-core';
import type { BenchContext } from '../lib/context';
import { finish, rate, type Figure } from '../lib/figures';
import { nowMs } from '../lib/stats';
import { exportOptions as csvOptions } from './exchange';

// vCard export and import of every contact, each beside the CSV export or import of the same
// contacts through the same core: what vCard costs over CSV (folding, escaping, one card per
// contact, the X-FIELDBOOK properties that make the round trip whole).


async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = nowMs();
  const result = await work();
  return { ms: nowMs() - start, result };
}

/** Stage + preview + run of one file into a fresh data folder, as the import wizard does. */
async function importInto(context: BenchContext, dir: string, file: string): Promise<{ ms: number; created: number }> {
  fs.rmSync(dir, { recursive: true, force: true });
  const target = createCore({ dataDir: dir, shell: 'test', logError: (error) => console.error(error), autoSync: false, now: context.now });
  try {
    return await timed(async () => {
      const { uploadId } = await target.files.stage(fs.createReadStream(file), path.basename(file), 'import');
      const options = { uploadId, onDuplicate: 'skip' as const, decisions: {}, fileName: path.basename(file) };
      const preview = await target.exchange.previewUpload(options);
      const { jobId } = target.exchange.startImport({ ...options, ...(preview.format === 'csv' ? { mapping: preview.mapping } : {}) });
      const status = await target.exchange.jobs.settled(jobId, 5);
      if (status.state !== 'done') throw new Error(`import job ${status.state}: ${JSON.stringify(status.error)}`);
      return status.importReport!.counts.created;
    }).then(({ ms, result }) => ({ ms, created: result }));
  } finally {
    target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function vcardSuite(context: BenchContext, workDir: string): Promise<Figure[]> {
  const dir = path.join(workDir, 'vcard');
  fs.mkdirSync(dir, { recursive: true });
  const vcf = path.join(dir, 'contacts.vcf');
  const csv = path.join(dir, 'contacts.csv');
  // Unmeasured first runs warm SQLite's page cache and the JIT for both.
  await context.core.exchange.exportVcardTo(vcf, { version: '3.0' });
  await context.core.exchange.exportCsvTo(csv, csvOptions);
  const vcardExport = await timed(() => context.core.exchange.exportVcardTo(vcf, { version: '3.0' }));
  const csvExport = await timed(() => context.core.exchange.exportCsvTo(csv, csvOptions));
  const rows = vcardExport.result.rows;
  const vcardImport = await importInto(context, path.join(workDir, 'vcard-import'), vcf);
  const csvImport = await importInto(context, path.join(workDir, 'vcard-csv-import'), csv);
  return [
    finish({
      id: 'export.vcard',
      title: `vCard 3.0 export of all contacts (core: exchange.exportVcardTo, ${rows.toLocaleString('en-GB')} cards, ${(vcardExport.result.bytes / 1024 ** 2).toFixed(1)} MB)`,
      status: 'measured',
      value: rate(rows, rows, vcardExport.ms / 1000),
      baseline: { title: 'CSV export of the same contacts (exchange.exportCsvTo, standard preset)', value: rate(csvExport.result.rows, csvExport.result.rows, csvExport.ms / 1000) },
      ratio: { statistic: 'seconds', value: vcardExport.ms / csvExport.ms },
      target: 'as CSV export: 100k contacts in under 1 s',
      checks: [{ text: 'vCard export < 2x the CSV export of the same contacts', pass: vcardExport.ms < 2 * csvExport.ms }],
    }),
    finish({
      id: 'import.vcard',
      title: `vCard import with duplicate detection into a fresh data folder (files.stage + previewUpload + startImport, ${rows.toLocaleString('en-GB')} cards)`,
      status: 'measured',
      value: rate(vcardImport.created, vcardImport.created, vcardImport.ms / 1000),
      baseline: { title: 'CSV import of the same contacts, the same way', value: rate(csvImport.created, csvImport.created, csvImport.ms / 1000) },
      ratio: { statistic: 'seconds', value: vcardImport.ms / csvImport.ms },
      target: 'as CSV import: 100k rows with duplicate detection under 5 s',
      checks: [
        { text: 'the same contacts stored as from the CSV (duplicates skipped alike)', pass: vcardImport.created === csvImport.created },
        { text: 'vCard import < 5 s', pass: vcardImport.ms < 5000 },
      ],
    }),
  ];
}
