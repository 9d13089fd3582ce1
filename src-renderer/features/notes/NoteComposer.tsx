import { useState, type FormEvent } from 'react';
import { noteKinds, type NoteKind } from '../../../src-shared/domain/note';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { noteKindLabels } from './hooks';
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

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim()) {
      setError('Write something first');
      return;
    }
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
    <form className="card note-composer" aria-labelledby="note-composer-title" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="note-composer-title" className="visually-hidden">
        Add a note
      </h2>
      <Field label="New note" hideLabel error={error}>
        {(control) => (
          <textarea
            {...control}
            className="input textarea note-composer__text"
            rows={3}
            placeholder="What happened? Write a note… (Ctrl+Enter to add)"
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              if (error) setError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
        )}
      </Field>
      <div className="note-composer__bar">
        <label className="select-filter">
          <span className="visually-hidden">Note type</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as NoteKind)}>
            {noteKinds.map((option) => (
              <option key={option} value={option}>
                {noteKindLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle-filter">
          <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.target.checked)} />
          <Icon name="pin" size={14} />
          <span>Pin to top</span>
        </label>
        <span className="note-composer__spacer" />
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        <button type="submit" className="button button--primary" disabled={saving}>
          <Icon name="note" size={16} /> {saving ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
