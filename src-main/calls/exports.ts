import path from 'node:path';
import fs from 'node:fs';
import type { z } from 'zod';
import type { CallExportQuerySchema } from '../../src-shared/domain/call';
import type { ExportResult } from '../../src-shared/domain/exchange';
import { AppError } from '../../src-shared/errors';
import { localDate } from '../../src-shared/office-time';
import { privateDirMode, privateFileMode } from '../core/private-files';
import type { JobControl } from '../exchange/deps';
import type { JobRegistry } from '../exchange/job-registry';
import type { SettingsService } from '../settings/service';
import { writeCallsCsv } from './export-csv';
import { officeClock } from './report-facts';
import { renderCallReportPdf } from './report-pdf';
import type { CallsService } from './service';

export interface CallExportsDeps {
  calls: CallsService;
  settings: SettingsService;
  /** The exchange's jobs: progress, cancel and the finished file, as every export. */
  jobs: JobRegistry;
  /** Where exports go (ExchangeService.exportsDir); the host hands them to the user from there. */
  exportsDir: string;
  now: () => number;
}

/**
 * The calls screen's two files: the list as filtered (CSV) and the printable report of a period
 * (PDF). Both run as exchange jobs and land in the exports folder, downloaded like every export.
 */
export class CallExports {
  constructor(private readonly deps: CallExportsDeps) {}

  startCsv(query: z.output<typeof CallExportQuerySchema>): { jobId: string } {
    const file = path.join(this.deps.exportsDir, `calls-${this.stamp()}.csv`);
    return this.deps.jobs.start('export', async (control) => ({ exportResult: await this.csvTo(file, query, control) }));
  }

  startReport(period: { from: number; to: number }): { jobId: string } {
    const zone = officeClock(this.deps.settings.get()).timeZone;
    const file = path.join(this.deps.exportsDir, `calls-report-${localDate(period.from, zone)}-to-${localDate(period.to - 1, zone)}-${this.stamp()}.pdf`);
    return this.deps.jobs.start('export', async (control) => ({ exportResult: await this.reportTo(file, period, control) }));
  }

  async csvTo(file: string, query: z.output<typeof CallExportQuerySchema>, control?: JobControl): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: privateDirMode });
    const ids = this.deps.calls.matchingIds(query);
    const { rows, bytes } = await writeCallsCsv({ ids, read: (chunk) => this.deps.calls.read(chunk) }, officeClock(this.deps.settings.get()), file, control);
    return { fileName: path.basename(file), path: path.resolve(file), rows, bytes };
  }

  async reportTo(file: string, period: { from: number; to: number }, control: JobControl = {}): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: privateDirMode });
    const settings = this.deps.settings.get();
    control.onProgress?.('reading', 0, 1);
    const ids = this.deps.calls.matchingIds({ ...period, unansweredOnly: false, sort: { field: 'startedAt', direction: 'asc' } });
    const calls = this.deps.calls.read(ids);
    const bytes = await renderCallReportPdf({
      officeName: settings.officeName,
      period,
      calls,
      sla: this.deps.calls.slaReport(period),
      office: officeClock(settings),
      at: this.deps.now(),
    });
    if (control.signal?.aborted) throw new AppError('cancelled', 'The report was cancelled.');
    fs.writeFileSync(`${file}.part`, bytes, { mode: privateFileMode });
    fs.renameSync(`${file}.part`, file);
    control.onProgress?.('writing', 1, 1);
    return { fileName: path.basename(file), path: path.resolve(file), rows: calls.length, bytes: bytes.length };
  }

  private stamp(): string {
    return new Date(this.deps.now()).toISOString().replace(/[-:.]/g, '');
  }
}
