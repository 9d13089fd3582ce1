import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ImportBatchSummarySchema, ImportReportSchema, type ImportBatchSummary, type ImportReport } from '../../../src-shared/domain/exchange';
import { AppError } from '../../../src-shared/errors';
import type { UpdateRecord } from './writer';

// The record of each import, kept on this laptop under dataDir/imports/ (not synced, not in
// backups: it is what undo needs, nothing more):
//   <batchId>.log.jsonl    one line per written chunk: ids created, updates with prior values.
//                          Appended inside the chunk's transaction, before its commit, so a
//                          crash never leaves stored rows that undo does not know about.
//   <batchId>.json         the report, and when it was undone.
//   <batchId>.errors.csv   the rows that could not be stored, to fix and import again.

const ChunkSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(
    z.object({
      id: z.string(),
      before: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      after: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      tagRows: z.array(z.string()),
    }),
  ),
});
export type BatchChunk = z.infer<typeof ChunkSchema>;

const SummaryFileSchema = z.object({ report: ImportReportSchema, undoneAt: z.number().nullable() });

const batchIdPattern = /^[0-9a-f-]{36}$/;

export class ImportBatches {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'imports');
  }

  private file(batchId: string, suffix: string): string {
    if (!batchIdPattern.test(batchId)) throw new AppError('invalid_input', 'Not an import batch id.', 'batchId');
    return path.join(this.dir, `${batchId}${suffix}`);
  }

  begin(batchId: string): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(this.file(batchId, '.log.jsonl'), '', { flag: 'wx' });
  }

  appendChunk(batchId: string, created: string[], updated: UpdateRecord[]): void {
    if (created.length === 0 && updated.length === 0) return;
    fs.appendFileSync(this.file(batchId, '.log.jsonl'), `${JSON.stringify({ created, updated })}\n`);
  }

  chunks(batchId: string): BatchChunk[] {
    const file = this.file(batchId, '.log.jsonl');
    if (!fs.existsSync(file)) throw new AppError('not_found', 'There is no record of that import on this computer.', 'batchId');
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        // A line cut short by a crash is the chunk whose transaction never committed.
        try {
          return [ChunkSchema.parse(JSON.parse(line))];
        } catch {
          return [];
        }
      });
  }

  finish(report: ImportReport, errorsCsv: string | null): void {
    if (errorsCsv !== null) fs.writeFileSync(this.file(report.batchId, '.errors.csv'), errorsCsv);
    this.writeSummary({ report, undoneAt: null });
  }

  summary(batchId: string): { report: ImportReport; undoneAt: number | null } {
    const file = this.file(batchId, '.json');
    if (!fs.existsSync(file)) throw new AppError('not_found', 'There is no record of that import on this computer.', 'batchId');
    return SummaryFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  }

  markUndone(batchId: string, at: number): void {
    this.writeSummary({ ...this.summary(batchId), undoneAt: at });
  }

  errorsCsv(batchId: string): string | null {
    const file = this.file(batchId, '.errors.csv');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  }

  /** Forgets a batch entirely (a cancelled import, once taken back out). */
  remove(batchId: string): void {
    for (const suffix of ['.log.jsonl', '.json', '.errors.csv']) fs.rmSync(this.file(batchId, suffix), { force: true });
  }

  list(): ImportBatchSummary[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && batchIdPattern.test(name.slice(0, -5)))
      .flatMap((name) => {
        try {
          const { report, undoneAt } = this.summary(name.slice(0, -5));
          return [ImportBatchSummarySchema.parse({ ...report, undoneAt })];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.startedAt - a.startedAt || b.batchId.localeCompare(a.batchId));
  }

  private writeSummary(summary: { report: ImportReport; undoneAt: number | null }): void {
    const file = this.file(summary.report.batchId, '.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary));
    fs.renameSync(`${file}.tmp`, file);
  }
}
