import { useState } from 'react';
import type { Contact, DuplicateMatch } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { Button } from '../../ui/Button';
import { contactsChanged } from '../../ui/live-events';
import { Notice } from '../../ui/Notice';
import { Stack } from '../../ui/Stack';
import { useLiveData } from '../../ui/use-live-data';
import { MergeContactsDialog } from './MergeContactsDialog';

/** Other contacts with the same e-mail or phone as this one, each with a Merge button. Nothing when there are none. */
export function ContactDuplicates({ contact }: { contact: Contact }) {
  const duplicates = useLiveData(`duplicates:${contact.id}`, () => api.invoke('contacts.duplicatesOf', { id: contact.id }), {
    reloadOn: [contactsChanged()],
    reportErrors: false,
  });
  const [merging, setMerging] = useState<DuplicateMatch | null>(null);
  if (duplicates.status !== 'ready' || duplicates.data.length === 0) return null;
  return (
    <Notice tone="warning" icon="alert">
      <Stack gap="xs">
        {duplicates.data.map((match) => (
          <p key={match.id}>
            Possible duplicate: <strong>{match.name}</strong> ({match.reason}).{' '}
            <Button size="sm" variant="link" onClick={() => setMerging(match)}>
              Merge {match.name} into this contact
            </Button>
          </p>
        ))}
      </Stack>
      {merging ? <MergeContactsDialog contact={contact} otherId={merging.id} onClose={() => setMerging(null)} /> : null}
    </Notice>
  );
}
