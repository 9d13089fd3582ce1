import type { callsChannels } from '../../src-shared/ipc/calls';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { CallsService } from './service';

export function callsHandlers(calls: CallsService) {
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
  } satisfies HandlerMap<typeof callsChannels>;
}
