import type { Note, NoteKind } from '../../../src-shared/domain/note';
import { api } from '../../api';
import { activityChanged } from '../../ui/live-events';
import { deleteWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';

export const noteKindLabels: Record<NoteKind, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  internal: 'Internal',
  quote_sent: 'Quote sent',
};

/** A contact's notes, pinned first, newest first, kept current. */
export function useNotes(contactId: string) {
  return useLiveData(`notes:${contactId}`, () => api.invoke('notes.list', { contactId }), { reloadOn: [activityChanged(['notes'], contactId)] });
}

export function deleteNoteWithUndo(note: Note): Promise<boolean> {
  return deleteWithUndo('notes', note.id, { deleted: 'Note deleted', restored: 'Note restored' });
}
