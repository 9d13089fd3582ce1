import { useState, type FormEvent } from 'react';
import type { NoteKind } from '../../../src-shared/domain/note';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { Cluster } from '../../ui/Cluster';
import { TextAreaField } from '../../ui/TextAreaField';
import { noteKindLabels } from './hooks';
import { NoteKindSelect } from './NoteKindSelect';
import { noteLength } from './note-length';
import { Stack } from '../../ui/Stack';
import { matches } from '../shortcuts/shortcuts';
import './notes.css';

/** Write a note on a contact: its type, the text, and whether it stays pinned on top. Ctrl+Enter adds it. */
export function NoteComposer({ contactId }: { contactId: string }) {
  const showError = useUi((state) => state.showError);
  const [kind, setKind] = useState<NoteKind>('call');
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const length = noteLength(body);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim()) {
      setError('Write something first');
      return;
    }
    if (length.error) return;
    setSaving(true);
    try {
      await api.invoke('notes.create', { contactId, kind, body, pinned });
      setBody('');
      setPinned(false);
      setError(undefined);
      setAnnouncement(`${noteKindLabels[kind]} note added`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(stripFieldPrefix(failure.message));
      else showError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="Add a note" titleHidden className="note-composer">
      <Stack as="form" gap="sm" noValidate onSubmit={(event) => void submit(event)}>
        <TextAreaField
          label="New note"
          hideLabel
          error={error ?? length.error}
          hint={length.hint}
          placeholder="What happened? Write a note… (Ctrl+Enter to add)"
          value={body}
          onChange={(text) => {
            setBody(text);
            if (error) setError(undefined);
          }}
          onKeyDown={(event) => {
            if (matches('addNote', event.nativeEvent)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <Cluster>
          <NoteKindSelect value={kind} onChange={setKind} />
          <Checkbox variant="chip" icon="pin" label="Pin to top" checked={pinned} onChange={setPinned} />
          <span className="note-toolbar__spacer" />
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          <Button submit variant="primary" icon="note" busy={saving} busyLabel="Adding…">
            Add note
          </Button>
        </Cluster>
      </Stack>
    </Card>
  );
}
