import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import {
  reportListLimit,
  type DuplicateFinding,
  type ImportCounts,
  type ImportedContact,
  type ImportOptions,
  type ImportPreview,
  type ImportReport,
  type PreviewRow,
  type RowProblem,
  type UndoReport,
} from '../../../src-shared/domain/exchange';
import { SettingsSchema, type CustomFieldDef } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors';
import { createPhoneReader, type PhoneReader } from '../../../src-shared/phone';
import { blobStoreOf } from '../../files/blob-store';
import { UploadQueue } from '../../files/upload-queue';
import type { BuildContext, ImportedPhoto } from './contact-builder';
import { yieldToEventLoop, type ExchangeDeps, type JobControl } from '../deps';
import { ImportBatches } from './batches';
import { pooledUuidv7 as newRowId } from '../../writes/pooled-uuid';
import { DuplicateIndex, ImportPlanner, type PlannedRow } from './plan';
import { parseFile, readSource, type ParsedFile, type ReadSource, type SourceRow } from './source';
import { revertBatch } from './undo';
import { createImportWriter, ImportRejected, type UpdateRecord } from './writer';
import { raisePageCache } from '../../db/page-cache';

/** Rows per transaction: big enough to make a commit rare, small enough to cancel and show progress often. */
export const importChunkRows = 2000;
/**
 * SQLite's page cache while an import runs, in KiB (the connection's everyday size is set in
 * src-main/db/open.ts and comes back when the run ends). New contacts go into indexes keyed by
 * name, company, city, tag row id and number, each at a random place: past ~50k contacts their
 * pages no longer fit the everyday cache (everydayPageCacheKiB), and every chunk read them back from the file again.
 */
export const importPageCacheKiB = 262_144;
const previewRows = 20;
/** Rows a preview checks between two turns of the event loop, so the app answers meanwhile. */
const previewSliceRows = 500;

interface Tally {
  counts: ImportCounts;
  problems: RowProblem[];
  duplicates: DuplicateFinding[];
  rejected: { row: SourceRow; reason: string }[];
  warnings: RowProblem[];
  warningCount: number;
}

/**
 * CSV and vCard import: the preview of the wizard and the real run, which stores the whole
 * file as one batch (in chunks of importChunkRows, each one transaction of the mutation
 * engine) that undo takes back out as a whole. A cancelled run takes out what it had stored.
 */
export class ImportService {
  readonly batches: ImportBatches;
  private readonly writer;
  private readonly chunkRows: number;
  /** New contacts written together (createMany); false writes each alone, as a check of the bulk path. */
  private readonly bulk: boolean;
  private running = false;
  /** Each preview's number: a newer one (the wizard's mapping changed) stops an older one. */
  private previewGeneration = 0;

  constructor(
    private readonly deps: ExchangeDeps,
    options: { chunkRows?: number; bulk?: boolean } = {},
  ) {
    this.chunkRows = options.chunkRows ?? importChunkRows;
    this.bulk = options.bulk ?? true;
    this.batches = new ImportBatches(deps.dataDir);
    this.writer = createImportWriter(
      deps.sqlite,
      (id) => deps.contacts.get(id),
      { blobs: blobStoreOf(deps.dataDir, deps.keys), uploads: new UploadQueue(deps.sqlite, deps.now ?? Date.now), addedBy: () => deps.settings.get().userName },
      deps.contacts.lists,
    );
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async preview(bytes: Uint8Array, options: ImportOptions): Promise<ImportPreview> {
    const generation = ++this.previewGeneration;
    const { source, context, region } = this.prepare(bytes, options);
    const planner = new ImportPlanner(this.deps.sqlite, DuplicateIndex.load(this.deps.sqlite), context, options, previewIds());
    const tally = newTally(source.rows.length);
    const preview: PreviewRow[] = [];
    for (let start = 0; start < source.rows.length; start += previewSliceRows) {
      if (start > 0) {
        await yieldToEventLoop();
        if (generation !== this.previewGeneration) throw new AppError('cancelled', 'A newer check of the file replaced this one.');
      }
      for (const [row, planned] of planner.planAll(source.rows.slice(start, start + previewSliceRows))) {
        count(tally, row, planned);
        if (preview.length < previewRows) preview.push(toPreviewRow(row, planned));
      }
    }
    return {
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      source: source.source,
      headers: source.headers,
      mapping: source.mapping,
      region,
      preview,
      counts: tally.counts,
      problems: tally.problems,
      duplicates: tally.duplicates,
      warnings: tally.warnings,
      warningCount: tally.warningCount,
    };
  }

  async run(bytes: Uint8Array, options: ImportOptions, control: JobControl = {}): Promise<ImportReport> {
    if (this.running) throw new AppError('conflict', 'Another import is running; wait for it to finish.');
    this.running = true;
    try {
      return await this.runAlone(bytes, options, control);
    } finally {
      this.running = false;
    }
  }

  private async runAlone(bytes: Uint8Array, options: ImportOptions, control: JobControl): Promise<ImportReport> {
    const { engine, sqlite, settings } = this.deps;
    const startedAt = this.now();
    control.onProgress?.('reading', 0, 0);
    const { source, context, newFields } = this.prepare(bytes, options);
    if (newFields.length > 0) settings.update({ customFields: [...settings.get().customFields, ...newFields] });

    const batchId = newRowId();
    this.batches.begin(batchId, { fileName: options.fileName, format: source.format, startedAt });
    const planner = new ImportPlanner(sqlite, DuplicateIndex.load(sqlite), context, options);
    const tally = newTally(source.rows.length);
    const total = source.rows.length;
    let cancelled = false;
    const givePageCacheBack = raisePageCache(sqlite, importPageCacheKiB);
    try {
      for (let start = 0; start < total; start += this.chunkRows) {
        if (control.signal?.aborted) {
          cancelled = true;
          break;
        }
        const chunk = source.rows.slice(start, start + this.chunkRows);
        const now = this.now();
        engine.transaction((tx) => {
          const created: string[] = [];
          const updated: UpdateRecord[] = [];
          // New contacts are written together, up to the next update: an update reads the
          // contact it changes, which may be one created just before it in this file.
          let creating: { id: string; contact: ImportedContact; photo: ImportedPhoto | null }[] = [];
          const writeCreated = () => {
            if (this.bulk) this.writer.createMany(tx, creating, now);
            else for (const { id, contact, photo } of creating) this.writer.create(tx, id, contact, now, photo);
            creating = [];
          };
          for (const [row, plannedRow] of planner.planAll(chunk)) {
            let planned = plannedRow;
            if (planned.kind === 'create') {
              creating.push({ id: planned.id, contact: planned.contact, photo: planned.photo });
              created.push(planned.id);
            } else if (planned.kind === 'update') {
              writeCreated();
              try {
                const record = this.writer.update(tx, planned.id, planned.contact, planned.present, now, planned.photo);
                if (record) updated.push(record);
              } catch (error) {
                if (!(error instanceof ImportRejected)) throw error;
                planned = { kind: 'reject', line: row.line, reason: error.message };
              }
            }
            count(tally, row, planned);
          }
          writeCreated();
          this.batches.appendChunk(batchId, created, updated);
        });
        control.onProgress?.('writing', Math.min(start + this.chunkRows, total), total);
        await yieldToEventLoop();
      }
    } catch (error) {
      await revertBatch(this.deps, this.batches, batchId, control);
      this.batches.remove(batchId);
      throw error;
    } finally {
      givePageCacheBack();
    }

    if (cancelled) {
      await revertBatch(this.deps, this.batches, batchId, control);
      this.batches.remove(batchId);
      return {
        batchId,
        fileName: options.fileName,
        format: source.format,
        state: 'cancelled',
        startedAt,
        finishedAt: this.now(),
        counts: newTally(total).counts,
        problems: [],
        duplicates: [],
        warnings: [],
        warningCount: 0,
        hasErrorFile: false,
      };
    }
    const report: ImportReport = {
      batchId,
      fileName: options.fileName,
      format: source.format,
      state: 'done',
      startedAt,
      finishedAt: this.now(),
      counts: tally.counts,
      problems: tally.problems,
      duplicates: tally.duplicates,
      warnings: tally.warnings,
      warningCount: tally.warningCount,
      hasErrorFile: tally.rejected.length > 0,
    };
    this.batches.finish(report, tally.rejected.length > 0 ? errorsCsv(source, tally.rejected) : null);
    this.lastFile = null;
    return report;
  }

  async undo(batchId: string, control: JobControl = {}): Promise<UndoReport> {
    const state = this.batches.state(batchId);
    if (state.kind === 'running') throw new AppError('conflict', 'That import is still running; cancel it or wait for it to finish.', 'batchId');
    if (state.undoneAt !== null) {
      throw new AppError('conflict', `That import was already undone (${new Date(state.undoneAt).toISOString()}).`, 'batchId');
    }
    const result = await revertBatch(this.deps, this.batches, batchId, control);
    this.batches.markUndone(batchId, this.now());
    return { batchId, ...result };
  }

  errorsFile(batchId: string): { fileName: string; csv: string } {
    const { report } = this.batches.summary(batchId);
    const csv = this.batches.errorsCsv(batchId);
    if (csv === null) throw new AppError('not_found', 'That import stored every row; there are no errors to download.', 'batchId');
    const base = report.fileName.replace(/\.[^.]*$/, '') || 'import';
    return { fileName: `${base} - rows not imported.csv`, csv };
  }

  /**
   * The last file read, parsed, and what its numbers read as: the wizard previews the same
   * upload again at each change of the mapping, then runs it. Parsing a number is the dearest
   * step of a row (libphonenumber-js with the full metadata), so a number is read once per file
   * and country, by the preview and the run alike.
   */
  private lastFile: { key: string; parsed: ParsedFile; readPhone: PhoneReader } | null = null;

  private parsed(bytes: Uint8Array, format: ImportOptions['format']): ParsedFile {
    const key = `${format ?? 'auto'}:${bytes.length}:${createHash('sha1').update(bytes).digest('hex')}`;
    if (this.lastFile?.key !== key) this.lastFile = { key, parsed: parseFile(bytes, format), readPhone: createPhoneReader() };
    return this.lastFile.parsed;
  }

  private prepare(bytes: Uint8Array, options: ImportOptions): { source: ReadSource; context: BuildContext; newFields: CustomFieldDef[]; region: string } {
    const settings = this.deps.settings.get();
    const region = options.region ?? settings.defaultRegion;
    if (!SettingsSchema.shape.defaultRegion.safeParse(region).success) {
      throw new AppError('invalid_input', `"${region}" is not a country code Fieldbook knows (such as GB or US).`, 'region');
    }
    const source = readSource(this.parsed(bytes, options.format), options.mapping, settings.customFields);
    const defs = new Map(settings.customFields.map((def) => [def.id, def]));
    const newFields: CustomFieldDef[] = [];
    for (const { target } of source.mapping) {
      if (target.field !== 'custom' || !target.create || defs.has(target.customFieldId)) continue;
      const def: CustomFieldDef = { id: target.customFieldId, label: target.create.label, kind: target.create.kind, choices: [] };
      defs.set(def.id, def);
      newFields.push(def);
    }
    const context: BuildContext = {
      region,
      defaults: { contactType: settings.contactTypes[0] ?? 'customer', owner: settings.userName, currency: settings.currency },
      customFields: defs,
      decimalComma: source.delimiter === ';',
      readPhone: this.lastFile?.readPhone ?? createPhoneReader(),
      googleLabels: source.source === 'google',
      recordNoun: source.format === 'vcard' ? 'card' : 'row',
    };
    return { source, context, newFields, region };
  }
}

/** Stand-in ids for contacts a preview would create (no need to spend on real UUIDs). */
function previewIds(): () => string {
  let next = 0;
  return () => `preview-${(next += 1)}`;
}

function newTally(rows: number): Tally {
  return {
    counts: { rows, created: 0, updated: 0, skipped: 0, rejected: 0, createdDuplicates: 0 },
    problems: [],
    duplicates: [],
    rejected: [],
    warnings: [],
    warningCount: 0,
  };
}

function count(tally: Tally, row: SourceRow, planned: PlannedRow): void {
  const { counts } = tally;
  if (planned.kind === 'reject') {
    counts.rejected += 1;
    tally.rejected.push({ row, reason: planned.reason });
    if (tally.problems.length < reportListLimit) tally.problems.push({ line: planned.line, reason: planned.reason });
    return;
  }
  if (planned.kind === 'create') counts.created += 1;
  else if (planned.kind === 'update') counts.updated += 1;
  else counts.skipped += 1;
  // A skipped row stores nothing, so its values cannot have been kept.
  if (planned.kind !== 'skip') {
    tally.warningCount += planned.warnings.length;
    tally.warnings.push(...planned.warnings.slice(0, Math.max(0, reportListLimit - tally.warnings.length)));
  }
  if (planned.duplicate) {
    if (planned.kind === 'create') counts.createdDuplicates += 1;
    if (tally.duplicates.length < reportListLimit) tally.duplicates.push(planned.duplicate);
  }
}

function toPreviewRow(row: SourceRow, planned: PlannedRow): PreviewRow {
  if (planned.kind === 'reject') return { line: row.line, cells: row.cells, contact: null, problem: planned.reason, duplicate: null, warnings: [], hasPhoto: false };
  const id = planned.kind === 'skip' ? null : planned.kind === 'update' ? planned.id : planned.id === planned.contact.id ? planned.id : null;
  const warnings = planned.warnings.map((warning) => warning.reason);
  return { line: row.line, cells: row.cells, contact: { ...planned.contact, id }, problem: null, duplicate: planned.duplicate, warnings, hasPhoto: planned.photo !== null };
}

/** The rows not stored, as the file had them plus the line and the reason, to fix and import again. */
function errorsCsv(source: ReadSource, rejected: { row: SourceRow; reason: string }[]): string {
  const delimiter = source.delimiter ?? ',';
  if (source.format === 'vcard') {
    const data = rejected.map(({ row, reason }) => [String(row.line), row.cells[0] ?? '', reason]);
    return `\uFEFF${Papa.unparse({ fields: ['Line', 'Name', 'Problem'], data }, { delimiter, newline: '\r\n' })}\r\n`;
  }
  const width = source.headers.length;
  const data = rejected.map(({ row, reason }) => {
    const cells = row.cells.slice(0, width);
    while (cells.length < width) cells.push('');
    return [...cells, String(row.line), reason];
  });
  return `\uFEFF${Papa.unparse({ fields: [...source.headers, 'Fieldbook line', 'Fieldbook problem'], data }, { delimiter, newline: '\r\n' })}\r\n`;
}
