import { useRef, useState, type ChangeEvent } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { useUi } from '../../store';
import { ContactAvatar } from './ContactAvatar';

/** The picture on the contact page, with a way to choose another one or take it away. */
export function ContactPhoto({ contact }: { contact: Contact }) {
  const showError = useUi((state) => state.showError);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const setPhoto = async (uploadId: string | null) => {
    setBusy(true);
    try {
      await api.invoke('contacts.setPhoto', { contactId: contact.id, uploadId });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const { uploadId } = await api.uploadFile(file);
      await setPhoto(uploadId);
    } catch (error) {
      showError(error);
      setBusy(false);
    }
  };

  return (
    <div className="contact-photo">
      <ContactAvatar name={contact.name} kind={contact.kind} photoSha256={contact.photoSha256} large />
      <div className="contact-photo__actions">
        <input
          ref={input}
          id={`photo-${contact.id}`}
          className="contact-photo__input"
          type="file"
          accept="image/jpeg,image/png,image/gif,image/webp,image/bmp"
          aria-label={`Choose a photo of ${contact.name}`}
          onChange={(event) => void choose(event)}
        />
        <button type="button" className="button button--small" disabled={busy} onClick={() => input.current?.click()}>
          {contact.photoSha256 ? 'Change photo' : 'Add photo'}
        </button>
        {contact.photoSha256 ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void setPhoto(null)}>
            Remove photo
          </button>
        ) : null}
      </div>
    </div>
  );
}
