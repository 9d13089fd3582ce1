import type { Note, NoteKind } from '../../../src-shared/domain/note';
import { api } from '../../api';
import { useUi } from '../../store';
import { useLiveQuery } from '../../ui/use-live-query';

export const noteKindLabels: Record<NoteKind, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  internal: 'Internal',
  quote_sent: 'Quote sent',
};

/** A contact's notes, pinned first, newest first, kept current. */
export function useNotes(contactId: string) {
  return useLiveQuery(`notes:${contactId}`, () => api.invoke('notes.list', { contactId }), { activity: ['notes'], contactId });
}

/** Deletes a note and offers Undo, which restores it. */
export async function deleteNoteWithUndo(note: Note): Promise<void> {
  const { showError, pushToast } = useUi.getState();
  try {
    await api.invoke('notes.delete', { id: note.id });
  } catch (error) {
    showError(error);
    return;
  }
  pushToast({
    message: 'Note deleted',
    action: {
      label: 'Undo',
      run: () => {
        api.invoke('notes.restore', { id: note.id }).then(
          () => useUi.getState().pushToast({ message: 'Note restored' }),
          (error: unknown) => useUi.getState().showError(error),
        );
      },
    },
  });
}
