import { z } from 'zod';
import { NoteDraftSchema, NotePatchSchema, NoteSchema } from '../domain/note';
import { ById, channel, Deleted, Id } from './channel';

// Notes on a contact (calls, meetings, internal); the counterpart is src-main/notes/handlers.ts.

export const notesChannels = {
  'notes.list': channel({ summary: "A contact's notes, pinned first, newest first.", input: z.object({ contactId: Id }), output: z.array(NoteSchema) }),
  'notes.create': channel({ summary: 'Add a note to a contact.', input: NoteDraftSchema, output: NoteSchema }),
  'notes.update': channel({ summary: 'Edit, retype or pin a note.', input: z.object({ id: Id, patch: NotePatchSchema }), output: NoteSchema }),
  'notes.delete': channel({ summary: 'Delete a note (restore undoes it).', input: ById, output: Deleted }),
  'notes.restore': channel({ summary: 'Bring a deleted note back.', input: ById, output: NoteSchema }),
};
