import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../../src-shared/domain/exchange';
import { officeClock } from '../calls/report-facts';
import { privateDirMode } from '../core/private-files';
import type { Sqlite } from '../db/open';
import type { JobControl } from '../exchange/deps';
import type { JobRegistry } from '../exchange/job-registry';
import { jobCsvColumns } from '../jobs/export-csv';
import { createJobQueries, rowToJob } from '../jobs/queries';
import { dealCsvColumns, readDealsToExport } from '../pipeline/export-csv';
import { createPipelineQueries } from '../pipeline/queries';
import type { SettingsService } from '../settings/service';
import { writePeopleCsv } from '../exchange/export/people-csv';

export interface SelectionExportsDeps {
  sqlite: Sqlite;
  settings: SettingsService;
  /** The exchange's jobs: progress, cancel and the finished file, as every export. */
  jobs: JobRegistry;
  /** Where exports go (ExchangeService.exportsDir); the host hands them to the user from there. */
  exportsDir: string;
  now: () => number;
}

/** The lists whose selection has no export in the exchange: their files are written here, for people. */
export type PeopleList = 'jobs' | 'deals';

/**
 * "Export CSV" of the jobs and deals lists' selections: the rows in the list's order, written for a
 * person in a spreadsheet (src-main/jobs/export-csv.ts, src-main/pipeline/export-csv.ts), as an
 * exchange job that lands in the exports folder like every export.
 */
export function createSelectionExports(deps: SelectionExportsDeps) {
  const jobQueries = createJobQueries(deps.sqlite);
  const pipelineQueries = createPipelineQueries(deps.sqlite);

  async function writeTo(file: string, list: PeopleList, ids: readonly string[], control?: JobControl): Promise<ExportResult> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: privateDirMode });
    const office = officeClock(deps.settings.get());
    const { rows, bytes } =
      list === 'jobs'
        ? await writePeopleCsv({ ids, read: (chunk) => jobQueries.byIds(chunk).map(rowToJob) }, jobCsvColumns(office), file, control)
        : await writePeopleCsv({ ids, read: (chunk) => readDealsToExport(pipelineQueries, chunk) }, dealCsvColumns(office), file, control);
    return { fileName: path.basename(file), path: path.resolve(file), rows, bytes };
  }

  return {
    writeTo,
    /** Answers at once with the export's job id; the ids are those selected when the user asked. */
    start(list: PeopleList, ids: readonly string[]): { jobId: string } {
      const stamp = new Date(deps.now()).toISOString().replace(/[-:.]/g, '');
      const file = path.join(deps.exportsDir, `${list}-selection-${stamp}.csv`);
      return deps.jobs.start('export', async (control) => ({ exportResult: await writeTo(file, list, ids, control) }));
    },
  };
}

export type SelectionExports = ReturnType<typeof createSelectionExports>;
