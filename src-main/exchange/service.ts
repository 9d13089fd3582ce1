import fs from 'node:fs';
import path from 'node:path';
import type {
  BackupInfo,
  BackupResult,
  ExportCsvOptions,
  ExportResult,
  ExportVcardOptions,
  ImportBatchSummary,
  ImportOptions,
  ImportPreview,
  ImportReport,
  UndoReport,
} from '../../src-shared/domain/exchange';
import { AppError } from '../../src-shared/errors';
import { privateDirMode } from '../core/private-files';
import { importFileMaxBytes } from '../../src-shared/ipc/bridge';
import { blobStoreOf, importTooLargeMessage } from '../files/blob-store';
import { createBackup, defaultBackupDir, keptBackups, listBackups, pruneBackups } from './backup/backup';
import { exportCsv } from './export/csv';
import { resolveColumns } from './export/columns';
import type { ExchangeDeps, JobControl } from './deps';
import { ImportService } from './import/service';
import { JobRegistry, type ExchangeEmit } from './job-registry';
import { exportJson } from './export/json';
import { exportVcards, refuseUnknownContacts } from './export/vcard';

export interface ExchangeOptions {
  /** Tells the renderer about job progress (exchange.progress, exchange.finished). */
  emit?: ExchangeEmit;
  logError?: (error: unknown, context: string) => void;
  /** Where backups made from the app go; dataDir/backups by default. */
  backupDir?: string;
}

/** Files bigger than this are not read for import (a contacts file of 100k rows is ~20 MB). */

/**
 * Import, export and backup for the channels (src-shared/ipc/exchange.ts, via handlers.ts)
 * and for the CLI (src-main/cli/), which uses the *File / *To methods with paths of its own.
 * Exports asked for over a channel go to dataDir/exports/, backups to the backup folder:
 * a channel never names a path to write, the shell hands the finished file to the user.
 */
export class ExchangeService {
  readonly imports: ImportService;
  readonly jobs: JobRegistry;
  readonly exportsDir: string;
  readonly backupDir: string;

  constructor(
    private readonly deps: ExchangeDeps,
    options: ExchangeOptions = {},
  ) {
    this.imports = new ImportService(deps);
    this.jobs = new JobRegistry(options.emit, options.logError);
    this.exportsDir = path.join(deps.dataDir, 'exports');
    this.backupDir = options.backupDir ?? defaultBackupDir(deps.dataDir);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  // ------------------------------------------------------------ channels

  previewUpload(input: ImportOptions & { uploadId: string }): Promise<ImportPreview> {
    return this.imports.preview(this.readUpload(input.uploadId), input);
  }

  startImport(input: ImportOptions & { uploadId: string }): { jobId: string } {
    const bytes = this.readUpload(input.uploadId);
    return this.jobs.start('import', async (control) => {
      const importReport = await this.imports.run(bytes, input, control);
      if (importReport.state === 'done') fs.rmSync(this.stagedPath(input.uploadId), { force: true });
      return { importReport };
    });
  }

  undoImport(batchId: string): Promise<UndoReport> {
    return this.imports.undo(batchId);
  }

  listImports(): ImportBatchSummary[] {
    return this.imports.batches.list();
  }

  importErrors(batchId: string): { fileName: string; csv: string } {
    return this.imports.errorsFile(batchId);
  }

  startCsvExport(options: ExportCsvOptions): { jobId: string } {
    // Refused at once, not as a failed job: unknown columns, a preset that does not fit.
    resolveColumns(options.entity, options.preset, options.columns, this.deps.settings.get().customFields);
    const fileName = `${options.entity}${options.ids ? '-selection' : ''}-${options.preset}-${this.stamp()}.csv`;
    const file = path.join(this.exportsDir, fileName);
    return this.jobs.start('export', async (control) => ({ exportResult: await this.exportCsvTo(file, options, control) }));
  }

  startJsonExport(): { jobId: string } {
    const file = path.join(this.exportsDir, `fieldbook-export-${this.stamp()}.json`);
    return this.jobs.start('export', async (control) => ({ exportResult: await this.exportJsonTo(file, control) }));
  }

  startVcardExport(options: ExportVcardOptions): { jobId: string } {
    // Refused at once, not as a failed job: an id that is no live contact.
    refuseUnknownContacts(this.deps, options);
    const scope = options.contactIds ? (options.contactIds.length === 1 ? 'contact' : 'selection') : 'contacts';
    const file = path.join(this.exportsDir, `${scope}-vcard-${options.version}-${this.stamp()}.vcf`);
    return this.jobs.start('export', async (control) => ({ exportResult: await this.exportVcardTo(file, options, control) }));
  }

  /** A backup into the backups folder, which then keeps the newest ones as the daily backups do. */
  startBackup(): { jobId: string } {
    return this.jobs.start('backup', async (control) => {
      const backupResult = await this.backupTo({ dir: this.backupDir }, control);
      pruneBackups(this.backupDir, keptBackups);
      return { backupResult };
    });
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.backupDir);
  }

  // ------------------------------------------------------------ direct use (CLI, tests)

  previewFile(file: string, options: ImportOptions): Promise<ImportPreview> {
    return this.imports.preview(readImportFile(file), options);
  }

  importFile(file: string, options: ImportOptions, control?: JobControl): Promise<ImportReport> {
    return this.imports.run(readImportFile(file), options, control);
  }

  async exportCsvTo(file: string, options: ExportCsvOptions, control?: JobControl): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: privateDirMode });
    const { rows, bytes } = await exportCsv(this.deps, options, file, control);
    return { fileName: path.basename(file), path: path.resolve(file), rows, bytes };
  }

  async exportJsonTo(file: string, control?: JobControl): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: privateDirMode });
    const { rows, bytes } = await exportJson(this.deps, file, control);
    return { fileName: path.basename(file), path: path.resolve(file), rows, bytes };
  }

  async exportVcardTo(file: string, options: ExportVcardOptions, control?: JobControl): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const { rows, bytes } = await exportVcards(this.deps, options, file, control);
    return { fileName: path.basename(file), path: path.resolve(file), rows, bytes };
  }

  backupTo(target: { dir?: string; file?: string }, control?: JobControl): Promise<BackupResult> {
    return createBackup(this.deps, target, control, () => this.now());
  }

  // ------------------------------------------------------------ uploads

  /**
   * Where the transport staged an upload (core.files.stage): files/.staging/<uploadId>, the
   * counterpart of BlobStore.stage in src-main/files/blob-store.ts.
   */
  private stagedPath(uploadId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new AppError('invalid_input', 'Not an upload id.', 'uploadId');
    return path.join(this.deps.dataDir, 'files', '.staging', uploadId);
  }

  private readUpload(uploadId: string): Uint8Array {
    this.stagedPath(uploadId);
    const bytes = blobStoreOf(this.deps.dataDir, this.deps.keys).readStaged(uploadId);
    if (!bytes) throw new AppError('not_found', 'That upload is no longer there; choose the file again.', 'uploadId');
    return bytes;
  }


  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/[-:.]/g, '');
  }
}

function readImportFile(file: string): Uint8Array {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppError('not_found', `There is no file at ${file}.`, 'file');
  if (stat.size > importFileMaxBytes) throw new AppError('invalid_input', importTooLargeMessage(path.basename(file)), 'file');
  return fs.readFileSync(file);
}
