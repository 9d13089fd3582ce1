import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { searchChannels } from '../../src-shared/ipc/search';
import type { SearchService } from './service';

export function searchHandlers(search: SearchService) {
  return {
    'search.global': ({ query, limit }) => search.global(query, limit),
    'search.everything': (request) => search.everything(request),
  } satisfies HandlerMap<typeof searchChannels>;
}
