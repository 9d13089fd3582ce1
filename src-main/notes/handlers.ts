import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { notesChannels } from '../../src-shared/ipc/notes';
import type { NotesService } from './service';

export function notesHandlers(notes: NotesService) {
  return {
    'notes.list': ({ contactId }) => notes.listForContact(contactId),
    'notes.create': (draft) => notes.create(draft),
    'notes.update': ({ id, patch }) => notes.update(id, patch),
    'notes.delete': ({ id }) => notes.delete(id),
    'notes.restore': ({ id }) => notes.restore(id),
  } satisfies HandlerMap<typeof notesChannels>;
}
