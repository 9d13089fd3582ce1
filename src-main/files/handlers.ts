import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { filesChannels } from '../../src-shared/ipc/files';
import type { FilesService } from './service';

export function filesHandlers(files: FilesService) {
  return {
    'files.list': ({ contactId }) => files.listForContact(contactId),
    'files.add': (input) => files.add(input),
    'files.delete': ({ id }) => files.delete(id),
    'files.restore': ({ id }) => files.restore(id),
  } satisfies HandlerMap<typeof filesChannels>;
}
