import type { Handlers } from '../../src-shared/ipc/contract';
import type { CallsService } from './service';

export function callsHandlers(calls: CallsService) {
  return {
    'calls.list': (query) => calls.list(query),
    'calls.log': (draft) => calls.log(draft),
    'calls.linkContact': ({ callId, contactId }) => calls.linkToContact(callId, contactId),
    'calls.delete': ({ id }) => calls.delete(id),
    'calls.restore': ({ id }) => calls.restore(id),
  } satisfies Pick<Handlers, Extract<keyof Handlers, `calls.${string}`>>;
}
