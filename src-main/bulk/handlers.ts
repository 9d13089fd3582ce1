import { ExportCsvOptionsSchema } from '../../src-shared/domain/exchange';
import type { bulkChannels } from '../../src-shared/ipc/bulk';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { ExchangeService } from '../exchange/service';
import type { BulkService } from './service';

/** Which export writes each list's rows. */
const exportEntity = { contacts: 'contacts', calls: 'calls', followups: 'followUps' } as const;

export function bulkHandlers(bulk: BulkService, exchange: ExchangeService) {
  return {
    'bulk.start': (request) => bulk.start(request),
    'bulk.status': ({ id }) => bulk.status(id),
    'bulk.cancel': ({ id }) => bulk.cancel(id),
    'bulk.undo': ({ id }) => bulk.undo(id),
    'bulk.recent': ({ limit }) => bulk.recent(limit),
    // Resolved now, exported as a job: the file holds the rows selected when the user asked.
    'bulk.exportCsv': (target) => exchange.startCsvExport(ExportCsvOptionsSchema.parse({ entity: exportEntity[target.list], ids: bulk.resolve(target) })),
  } satisfies HandlerMap<typeof bulkChannels>;
}
