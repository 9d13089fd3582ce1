import type { Handlers } from '../../src-shared/ipc/contract';
import type { NotesService } from './service';

export function notesHandlers(notes: NotesService) {
  return {
    'notes.list': ({ contactId }) => notes.listForContact(contactId),
    'notes.create': (draft) => notes.create(draft),
    'notes.update': ({ id, patch }) => notes.update(id, patch),
    'notes.delete': ({ id }) => notes.delete(id),
    'notes.restore': ({ id }) => notes.restore(id),
  } satisfies Pick<Handlers, 'notes.list' | 'notes.create' | 'notes.update' | 'notes.delete' | 'notes.restore'>;
}
