import { ExportCsvOptionsSchema } from '../../src-shared/domain/exchange';
import type { bulkChannels } from '../../src-shared/ipc/bulk';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { ExchangeService } from '../exchange/service';
import type { SettingsService } from '../settings/service';
import { createSelectionExports } from './exports';
import type { BulkService } from './service';

/** Which export of the exchange writes each list's rows; jobs and deals are written by ./exports.ts. */
const exportEntity = { contacts: 'contacts', calls: 'calls', followups: 'followUps' } as const;

export function bulkHandlers(bulk: BulkService, exchange: ExchangeService, settings: SettingsService) {
  const selectionExports = createSelectionExports({ sqlite: bulk.sqlite, settings, jobs: exchange.jobs, exportsDir: exchange.exportsDir, now: bulk.now });
  return {
    'bulk.start': (request) => bulk.start(request),
    'bulk.status': ({ id }) => bulk.status(id),
    'bulk.cancel': ({ id }) => bulk.cancel(id),
    'bulk.undo': ({ id }) => bulk.undo(id),
    'bulk.recent': ({ limit }) => bulk.recent(limit),
    // Resolved now, exported as a job: the file holds the rows selected when the user asked.
    'bulk.exportCsv': (target) =>
      target.list === 'jobs' || target.list === 'deals'
        ? selectionExports.start(target.list, bulk.resolve(target))
        : exchange.startCsvExport(ExportCsvOptionsSchema.parse({ entity: exportEntity[target.list], ids: bulk.resolve(target) })),
  } satisfies HandlerMap<typeof bulkChannels>;
}
