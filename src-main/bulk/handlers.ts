import type { bulkChannels } from '../../src-shared/ipc/bulk';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { BulkService } from './service';

export function bulkHandlers(bulk: BulkService) {
  return {
    'bulk.start': (request) => bulk.start(request),
    'bulk.status': ({ id }) => bulk.status(id),
    'bulk.cancel': ({ id }) => bulk.cancel(id),
    'bulk.undo': ({ id }) => bulk.undo(id),
    'bulk.recent': ({ limit }) => bulk.recent(limit),
  } satisfies HandlerMap<typeof bulkChannels>;
}
