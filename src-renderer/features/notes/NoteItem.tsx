import { useState } from 'react';
import { noteKinds, type Note, type NoteKind } from '../../../src-shared/domain/note';
import { api } from '../../api';
import { useUi } from '../../store';
import { formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useNow } from '../../ui/use-now';
import { deleteNoteWithUndo, noteKindLabels } from './hooks';

/** One note: its type, who wrote it and when, and pin, edit and delete. */
export function NoteItem({ note }: { note: Note }) {
  const showError = useUi((state) => state.showError);
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ body: note.body, kind: note.kind });
  const edited = note.updatedAt - note.createdAt > 60_000;

  const update = async (patch: { body?: string; kind?: NoteKind; pinned?: boolean }): Promise<boolean> => {
    try {
      await api.invoke('notes.update', { id: note.id, patch });
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  const save = async () => {
    if (!draft.body.trim()) return;
    if (await update({ body: draft.body, kind: draft.kind })) setEditing(false);
  };

  return (
    <article className={note.pinned ? 'note note--pinned' : 'note'} aria-label={`${noteKindLabels[note.kind]} note by ${note.author || 'you'}`}>
      <header className="note__head">
        <span className={`badge badge--note-${note.kind}`}>{noteKindLabels[note.kind]}</span>
        {note.pinned ? (
          <span className="note__pinned">
            <Icon name="pin" size={13} /> Pinned
          </span>
        ) : null}
        <span className="note__meta">
          {note.author || 'You'} ·{' '}
          <time dateTime={new Date(note.createdAt).toISOString()} title={formatDateTime(note.createdAt)}>
            {formatWhen(note.createdAt, now)}
          </time>
          {edited ? ' · edited' : ''}
        </span>
        {!editing ? (
          <span className="note__actions">
            <button
              type="button"
              className="icon-button"
              aria-label={note.pinned ? 'Unpin note' : 'Pin note to the top'}
              aria-pressed={note.pinned}
              onClick={() => void update({ pinned: !note.pinned })}
            >
              <Icon name="pin" size={16} />
            </button>
            <button type="button" className="icon-button" aria-label="Edit note" onClick={() => setEditing(true)}>
              <Icon name="edit" size={16} />
            </button>
            <button type="button" className="icon-button" aria-label="Delete note" onClick={() => void deleteNoteWithUndo(note)}>
              <Icon name="trash" size={16} />
            </button>
          </span>
        ) : null}
      </header>
      {editing ? (
        <div className="note__editor">
          <label className="visually-hidden" htmlFor={`note-edit-${note.id}`}>
            Note text
          </label>
          <textarea
            id={`note-edit-${note.id}`}
            className="input textarea"
            rows={4}
            autoFocus
            value={draft.body}
            onChange={(event) => setDraft({ ...draft, body: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(false);
              } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <div className="note__editor-bar">
            <label className="select-filter">
              <span className="visually-hidden">Note type</span>
              <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as NoteKind })}>
                {noteKinds.map((option) => (
                  <option key={option} value={option}>
                    {noteKindLabels[option]}
                  </option>
                ))}
              </select>
            </label>
            <span className="note-composer__spacer" />
            <button type="button" className="button button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="button" className="button button--primary button--small" disabled={!draft.body.trim()} onClick={() => void save()}>
              Save note
            </button>
          </div>
        </div>
      ) : (
        <p className="note__body">{note.body}</p>
      )}
    </article>
  );
}
