import { useState } from 'react';
import type { Note, NoteKind } from '../../../src-shared/domain/note';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/class-names';
import { Cluster } from '../../ui/Cluster';
import { formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { Stack } from '../../ui/Stack';
import { TextAreaField } from '../../ui/TextAreaField';
import { useNow } from '../../ui/use-now';
import { deleteNoteWithUndo, noteKindLabels } from './hooks';
import { NoteKindSelect } from './NoteKindSelect';
import { noteLength } from './note-length';
import { matches } from '../shortcuts/shortcuts';
import { useAccess } from '../access/access';

const kindTones: Record<NoteKind, BadgeTone> = { call: 'info', email: 'accent', meeting: 'success', internal: 'neutral', quote_sent: 'warning' };

/** One note: its type, who wrote it and when, and pin, edit and delete. */
export function NoteItem({ note }: { note: Note }) {
  const showError = useUi((state) => state.showError);
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ body: note.body, kind: note.kind });
  const edited = note.updatedAt - note.createdAt > 60_000;
  const { canEdit } = useAccess();

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
    if (!draft.body.trim() || noteLength(draft.body).error) return;
    if (await update({ body: draft.body, kind: draft.kind })) setEditing(false);
  };

  return (
    <article className={cx('note', note.pinned && 'note--pinned')} aria-label={`${noteKindLabels[note.kind]} note by ${note.author || 'you'}`}>
      <Cluster as="header" className="note__head">
        <Badge tone={kindTones[note.kind]}>{noteKindLabels[note.kind]}</Badge>
        {note.pinned ? (
          <span className="note__pinned">
            <Icon name="pin" size={13} /> Pinned
          </span>
        ) : null}
        <span className="meta">
          {note.author || 'You'} ·{' '}
          <time dateTime={new Date(note.createdAt).toISOString()} title={formatDateTime(note.createdAt)}>
            {formatWhen(note.createdAt, now)}
          </time>
          {edited ? ' · edited' : ''}
        </span>
        {!editing && canEdit ? (
          <span className="note__actions">
            <IconButton icon="pin" label={note.pinned ? 'Unpin note' : 'Pin note to the top'} aria-pressed={note.pinned} onClick={() => void update({ pinned: !note.pinned })} />
            <IconButton icon="edit" label="Edit note" onClick={() => setEditing(true)} />
            <IconButton icon="trash" label="Delete note" onClick={() => void deleteNoteWithUndo(note)} />
          </span>
        ) : null}
      </Cluster>
      {editing ? (
        <Stack gap="sm">
          <TextAreaField
            label="Note text"
            hideLabel
            rows={4}
            autoFocus
            value={draft.body}
            hint={noteLength(draft.body).hint}
            error={noteLength(draft.body).error}
            onChange={(body) => setDraft({ ...draft, body })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(false);
              } else if (matches('addNote', event.nativeEvent)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <Cluster>
            <NoteKindSelect value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
            <span className="note-toolbar__spacer" />
            <Button size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button variant="primary" size="sm" disabled={!draft.body.trim() || !!noteLength(draft.body).error} onClick={() => void save()}>
              Save note
            </Button>
          </Cluster>
        </Stack>
      ) : (
        <p className="note__body">{note.body}</p>
      )}
    </article>
  );
}
