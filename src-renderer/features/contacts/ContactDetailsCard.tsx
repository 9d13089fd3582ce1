import { ContactPatchSchema, type Contact, type ContactPatch } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { Card } from '../../ui/Card';
import { DetailList } from '../../ui/DetailList';
import { offerUndo } from '../../ui/undoable';
import { InlineField } from './InlineField';

type EditableText = 'name' | 'company' | 'jobTitle';

/** The problem with one field's new value, in the user's words, or undefined. */
export function problemWith(patch: ContactPatch): string | undefined {
  const parsed = ContactPatchSchema.safeParse(patch);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_big') return `That is too long: keep it under ${String(issue.maximum)} characters.`;
  if (issue?.path.includes('address')) return 'That is not an e-mail address: it looks like name@example.com.';
  return issue?.message ?? 'That cannot be saved.';
}

/** Saves a patch of a contact and offers to put the previous values back (toast and Ctrl+Z). */
export async function saveContactPatch(contact: Contact, patch: ContactPatch, previous: ContactPatch, message: string): Promise<void> {
  await api.invoke('contacts.update', { id: contact.id, patch });
  offerUndo({ message, undo: () => api.invoke('contacts.update', { id: contact.id, patch: previous }) });
}

/** Name, company, job title and first e-mail, each edited in place on the contact's page. */
export function ContactDetailsCard({ contact }: { contact: Contact }) {
  const textField = (field: EditableText, label: string, empty: string) => ({
    term: label,
    value: (
      <InlineField
        label={label}
        value={contact[field]}
        empty={empty}
        validate={(text) => problemWith({ [field]: text })}
        onSave={(text) => saveContactPatch(contact, { [field]: text }, { [field]: contact[field] }, `${label} saved`)}
      />
    ),
  });
  const [firstEmail, ...otherEmails] = contact.emails;
  const emailsWith = (address: string) => (address ? [{ type: firstEmail?.type ?? 'work', address }, ...otherEmails] : otherEmails);
  return (
    <Card title="Details">
      <DetailList
        items={[
          textField('name', 'Name', 'Add a name'),
          textField('company', 'Company', 'Add a company'),
          textField('jobTitle', 'Job title', 'Add a job title'),
          {
            term: 'E-mail',
            value: (
              <InlineField
                label="E-mail"
                type="email"
                value={firstEmail?.address ?? ''}
                empty="Add an e-mail address"
                validate={(text) => problemWith({ emails: emailsWith(text) })}
                onSave={(text) => saveContactPatch(contact, { emails: emailsWith(text) }, { emails: contact.emails }, 'E-mail saved')}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
