import type { callsChannels } from '../../src-shared/ipc/calls';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { CallExports } from './exports';
import type { CallsService } from './service';

export function callsHandlers(calls: CallsService, exports: CallExports) {
  return {
    'calls.list': (query) => calls.list(query),
    'calls.log': (draft) => calls.log(draft),
    'calls.linkContact': ({ callId, contactId }) => calls.linkToContact(callId, contactId),
    'calls.whoseNumber': ({ number }) => calls.whoseNumber(number),
    'calls.delete': ({ id }) => calls.delete(id),
    'calls.restore': ({ id }) => calls.restore(id),
    'calls.get': ({ id }) => calls.get(id),
    'calls.update': ({ id, patch }) => calls.update(id, patch),
    'calls.triageQueue': (query) => calls.triageQueue(query),
    'calls.slaReport': (period) => calls.slaReport(period),
    'calls.exportCsv': (query) => exports.startCsv(query),
    'calls.exportReport': (period) => exports.startReport(period),
    'calls.addTag': ({ id, tag }) => calls.addTag(id, tag),
    'calls.removeTag': ({ id, tag }) => calls.removeTag(id, tag),
    'calls.tags': () => calls.tagsInUse(),
  } satisfies HandlerMap<typeof callsChannels>;
}
