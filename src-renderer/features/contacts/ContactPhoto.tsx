import { useRef, useState, type ChangeEvent } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { useUi } from '../../store';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { WhenAllowed } from '../access/WhenAllowed';

/** The picture on the contact page (its initials without one), with a way to choose another or take it away. */
export function ContactPhoto({ contact }: { contact: Contact }) {
  const showError = useUi((state) => state.showError);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const save = async (pick: () => Promise<string | null>) => {
    setBusy(true);
    try {
      await api.invoke('contacts.setPhoto', { contactId: contact.id, uploadId: await pick() });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void save(async () => (await api.uploadFile(file)).uploadId);
  };

  return (
    <div className="contact-photo">
      <Avatar name={contact.name} kind={contact.kind} size="lg" photoUrl={contact.photoSha256 ? api.fileUrl(contact.photoSha256) : undefined} />
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp,image/bmp"
        aria-label={`Choose a photo of ${contact.name}`}
        tabIndex={-1}
        onChange={choose}
      />
      <WhenAllowed>
        <div className="contact-photo__actions">
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => input.current?.click()}>
            {contact.photoSha256 ? 'Change photo' : 'Add photo'}
          </Button>
          {contact.photoSha256 ? (
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => void save(async () => null)}>
              Remove photo
            </Button>
          ) : null}
        </div>
      </WhenAllowed>
    </div>
  );
}
