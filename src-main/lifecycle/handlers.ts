import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { lifecycleChannels } from '../../src-shared/ipc/lifecycle';
import type { LifecycleService } from './service';

export function lifecycleHandlers(lifecycle: LifecycleService) {
  return {
    'lifecycle.get': ({ contactId }) => lifecycle.get(contactId),
    'lifecycle.set': ({ contactId, stage }) => lifecycle.set(contactId, stage),
    'lifecycle.conversion': ({ from, to }) => lifecycle.conversion(from, to),
  } satisfies HandlerMap<typeof lifecycleChannels>;
}
