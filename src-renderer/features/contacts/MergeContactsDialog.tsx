import { useState } from 'react';
import { contactMergeFields, differingFields, type ContactMergeField } from '../../../src-shared/domain/company';
import type { Contact } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { formatMoney } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { useLiveData } from '../../ui/use-live-data';
import { MergeFieldChoices, mergeWithUndo } from '../companies/MergeFieldChoices';

const labels: Record<ContactMergeField, string> = {
  name: 'Name',
  kind: 'Person or company',
  company: 'Company',
  jobTitle: 'Job title',
  address: 'Address',
  contactType: 'Type',
  status: 'Status',
  owner: 'Owner',
  source: 'Source',
  potentialValue: 'Potential value',
  summary: 'Summary',
  doNotContact: 'Do not contact',
};

function shown(contact: Contact, field: ContactMergeField): string {
  const value = contact[field];
  if (field === 'address') return Object.values(contact.address).filter(Boolean).join(', ');
  if (field === 'potentialValue') return contact.potentialValue ? formatMoney(contact.potentialValue) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * Merge a duplicate into this contact: each field that differs is kept from one side; phones,
 * e-mails and tags of both are kept; notes, calls, mail, files, follow-ups, deals and jobs move
 * here; the duplicate is deleted. Undo (the toast, or Ctrl+Z) puts it all back.
 */
export function MergeContactsDialog({ contact, otherId, onClose }: { contact: Contact; otherId: string; onClose: () => void }) {
  const other = useLiveData(`contact:${otherId}:merge`, () => api.invoke('contacts.get', { id: otherId }));
  const [fromOther, setFromOther] = useState<ContactMergeField[]>([]);
  const [busy, setBusy] = useState(false);

  const merge = async (duplicate: Contact) => {
    setBusy(true);
    const done = await mergeWithUndo(
      () => api.invoke('contacts.merge', { survivorId: contact.id, otherId: duplicate.id, fromOther }),
      (undoId) => api.invoke('contacts.unmerge', { undoId }),
      `Merged ${duplicate.name} into ${contact.name}`,
    );
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Dialog
      title={`Merge into ${contact.name}`}
      description="For each field that differs, choose the value to keep. Phones, e-mails and tags of both are kept; everything attached to the duplicate moves here."
      size="lg"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={other.status !== 'ready'} busy={busy} busyLabel="Merging…" onClick={() => other.status === 'ready' && void merge(other.data)}>
            Merge contacts
          </Button>
        </>
      }
    >
      <LiveContent live={other} loading="Loading the duplicate…" failed="The duplicate could not be loaded." missing="The duplicate was deleted meanwhile.">
        {(duplicate) => (
          <MergeFieldChoices
            fields={differingFields(contact, duplicate, contactMergeFields).map((field) => ({ field, label: labels[field], survivor: shown(contact, field), other: shown(duplicate, field) }))}
            fromOther={fromOther}
            onChange={setFromOther}
          />
        )}
      </LiveContent>
    </Dialog>
  );
}
