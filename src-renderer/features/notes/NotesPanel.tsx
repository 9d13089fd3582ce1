import type { Note } from '../../../src-shared/domain/note';
import { EmptyState } from '../../ui/EmptyState';
import { LiveContent } from '../../ui/LiveContent';
import type { LiveData } from '../../ui/use-live-data';
import { NoteItem } from './NoteItem';
import './notes.css';

/** All notes of a contact, pinned ones first (loaded by the contact page, which also counts them). */
export function NotesPanel({ notes }: { notes: LiveData<Note[]> }) {
  return (
    <LiveContent live={notes} loading="Loading notes…" failed="The notes could not be loaded.">
      {(list) =>
        list.length === 0 ? (
          <EmptyState icon="note" title="No notes yet">
            <p>Notes you write above appear here. Pin the ones everybody should see first, like a gate code.</p>
          </EmptyState>
        ) : (
          <ul className="note-list" aria-label="Notes">
            {list.map((note) => (
              <li key={note.id}>
                <NoteItem note={note} />
              </li>
            ))}
          </ul>
        )
      }
    </LiveContent>
  );
}
