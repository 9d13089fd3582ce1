import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { exchangeChannels } from '../../src-shared/ipc/exchange';
import type { ExchangeService } from './service';

export function exchangeHandlers(exchange: ExchangeService) {
  return {
    'exchange.previewImport': (input) => exchange.previewUpload(input),
    'exchange.runImport': (input) => exchange.startImport(input),
    'exchange.undoImport': ({ batchId }) => exchange.undoImport(batchId),
    'exchange.listImports': () => exchange.listImports(),
    'exchange.importErrors': ({ batchId }) => exchange.importErrors(batchId),
    'exchange.exportCsv': (options) => exchange.startCsvExport(options),
    'exchange.exportVcard': (options) => exchange.startVcardExport(options),
    'exchange.exportJson': () => exchange.startJsonExport(),
    'exchange.backup': () => exchange.startBackup(),
    'exchange.listBackups': () => exchange.listBackups(),
    'exchange.jobStatus': ({ jobId }) => exchange.jobs.status(jobId),
    'exchange.cancel': ({ jobId }) => exchange.jobs.cancel(jobId),
  } satisfies HandlerMap<typeof exchangeChannels>;
}
