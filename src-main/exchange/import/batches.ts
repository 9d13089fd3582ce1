import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ImportBatchSummarySchema, ImportReportSchema, type ImportBatchSummary, type ImportReport } from '../../../src-shared/domain/exchange';
import { AppError } from '../../../src-shared/errors';
import { isProcessAlive, thisProcess } from '../../core/process-alive';
import type { UpdateRecord } from './writer';

// The record of each import, kept on this laptop under dataDir/imports/ (not synced, not in
// backups: it is what undo needs, nothing more):
//   <batchId>.log.jsonl    one line per written chunk: ids created, updates with prior values.
//                          Appended inside the chunk's transaction, before its commit, so a
//                          crash never leaves stored rows that undo does not know about.
//   <batchId>.json         while it runs: who runs it (so an import killed part-way is told
//                          from one still running); then the report, and when it was undone.
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

const RunningSchema = z.object({
  fileName: z.string(),
  format: ImportReportSchema.shape.format,
  startedAt: z.number(),
  pid: z.number().int(),
  /** Tells this process from an earlier one that had the same pid. */
  processToken: z.string(),
});
type Running = z.infer<typeof RunningSchema>;

const SummaryFileSchema = z.union([
  z.object({ report: ImportReportSchema, undoneAt: z.number().nullable() }),
  z.object({ running: RunningSchema, undoneAt: z.number().nullable() }),
]);
type SummaryFile = z.infer<typeof SummaryFileSchema>;

/** What an import's record says of it: finished (with its report), running, or interrupted. */
export type BatchState =
  | { kind: 'finished'; report: ImportReport; undoneAt: number | null }
  | { kind: 'running'; running: Running }
  | { kind: 'interrupted'; running: Running; undoneAt: number | null };

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

  /** Starts the record of an import, before its first row is stored. */
  begin(batchId: string, about: { fileName: string; format: ImportReport['format']; startedAt: number }): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.file(batchId, '.log.jsonl'), '', { flag: 'wx', mode: 0o600 });
    this.writeSummary(batchId, { running: { ...about, ...thisProcess }, undoneAt: null });
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
    if (errorsCsv !== null) fs.writeFileSync(this.file(report.batchId, '.errors.csv'), errorsCsv, { mode: 0o600 });
    this.writeSummary(report.batchId, { report, undoneAt: null });
  }

  state(batchId: string): BatchState {
    const file = this.file(batchId, '.json');
    if (!fs.existsSync(file)) throw new AppError('not_found', 'There is no record of that import on this computer.', 'batchId');
    const summary = SummaryFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if ('report' in summary) return { kind: 'finished', report: summary.report, undoneAt: summary.undoneAt };
    if (isProcessAlive(summary.running)) return { kind: 'running', running: summary.running };
    return { kind: 'interrupted', running: summary.running, undoneAt: summary.undoneAt };
  }

  /** The report of a finished import. */
  summary(batchId: string): { report: ImportReport; undoneAt: number | null } {
    const state = this.state(batchId);
    if (state.kind !== 'finished') throw new AppError('conflict', 'That import did not finish, so it has no report.', 'batchId');
    return state;
  }

  markUndone(batchId: string, at: number): void {
    const state = this.state(batchId);
    if (state.kind === 'running') throw new AppError('conflict', 'That import is still running.', 'batchId');
    this.writeSummary(batchId, state.kind === 'finished' ? { report: state.report, undoneAt: at } : { running: state.running, undoneAt: at });
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
          return this.listed(name.slice(0, -5));
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.startedAt - a.startedAt || b.batchId.localeCompare(a.batchId));
  }

  /** A finished or an interrupted import as the history lists it; one still running is not listed. */
  private listed(batchId: string): ImportBatchSummary[] {
    const state = this.state(batchId);
    if (state.kind === 'running') return [];
    if (state.kind === 'finished') return [ImportBatchSummarySchema.parse({ ...state.report, undoneAt: state.undoneAt })];
    const stored = this.chunks(batchId);
    const created = stored.reduce((sum, chunk) => sum + chunk.created.length, 0);
    const updated = stored.reduce((sum, chunk) => sum + chunk.updated.length, 0);
    return [
      ImportBatchSummarySchema.parse({
        batchId,
        fileName: state.running.fileName,
        format: state.running.format,
        startedAt: state.running.startedAt,
        counts: { rows: created + updated, created, updated, skipped: 0, rejected: 0, createdDuplicates: 0 },
        undoneAt: state.undoneAt,
        interrupted: true,
      }),
    ];
  }

  private writeSummary(batchId: string, summary: SummaryFile): void {
    const file = this.file(batchId, '.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }
}
