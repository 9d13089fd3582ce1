import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { viewsChannels } from '../../src-shared/ipc/views';
import type { ViewsService } from './service';

export function viewsHandlers(views: ViewsService) {
  return {
    'views.list': ({ listId }) => views.list(listId),
    'views.save': (draft) => views.save(draft),
    'views.rename': ({ id, name }) => views.rename(id, name),
    'views.delete': ({ id }) => views.delete(id),
    'views.restore': ({ id }) => views.restore(id),
  } satisfies HandlerMap<typeof viewsChannels>;
}
