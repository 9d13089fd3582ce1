import type { Note } from '../../../src-shared/domain/note';
import { EmptyState } from '../../ui/EmptyState';
import { NoteItem } from './NoteItem';
import './notes.css';

/** All notes of a contact, pinned ones first (loaded by the contact page, which also counts them). */
export function NotesPanel({ notes }: { notes: readonly Note[] | undefined }) {
  if (!notes) return <p className="muted panel-loading">Loading notes…</p>;
  if (notes.length === 0) {
    return (
      <EmptyState icon="note" title="No notes yet">
        <p>Notes you write above appear here. Pin the ones everybody should see first, like a gate code.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="note-list" aria-label="Notes">
      {notes.map((note) => (
        <li key={note.id}>
          <NoteItem note={note} />
        </li>
      ))}
    </ul>
  );
}
