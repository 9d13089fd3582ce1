import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { ContactTab } from '../../routes';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { capitalise } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { ContactFollowUps } from '../followups/ContactFollowUps';
import { ContactDealsSection } from '../pipeline/ContactDealsSection';
import { ContactScoreBadge } from '../pipeline/ContactScoreBadge';
import { ContactActivity } from './ContactActivity';
import { LifecycleCard } from '../lifecycle/LifecycleCard';
import { ContactCompanyCard } from './ContactCompanyCard';
import { ContactDetailsCard } from './ContactDetailsCard';
import { ContactDuplicates } from './ContactDuplicates';
import { ContactGone } from './ContactGone';
import { ContactInfoSection } from './ContactInfoSection';
import { ContactSalesSection } from './ContactSalesSection';
import { RevenueCard } from '../jobs/RevenueCard';
import { deleteContactWithUndo, useContact } from './hooks';
import { ContactPhoto } from './ContactPhoto';
import { StatusBadge } from './StatusBadge';
import './contacts.css';
import { WhenAllowed } from '../access/WhenAllowed';
import { ForgetPersonButton } from '../privacy/ForgetPerson';

// The contact page. Its body is a two-column grid: the work with the contact (a note box, then
// timeline, notes, calls and files as tabs) in the main column; follow-ups and the contact's own
// information beside it.
export function ContactDetail({ id, tab }: { id: string; tab: ContactTab }) {
  const contact = useContact(id);
  const back = <BackLink to={{ name: 'contacts' }}>All contacts</BackLink>;
  if (contact.status === 'ready') return <ContactPage contact={contact.data} tab={tab} />;
  return <ContactGone live={contact} back={back} gone="It may have been deleted, here or on a teammate’s computer." />;
}

function ContactPage({ contact, tab }: { contact: Contact; tab: ContactTab }) {
  const navigate = useUi((store) => store.navigate);
  const openDialog = useUi((store) => store.openDialog);
  const named = { id: contact.id, name: contact.name };
  const [deleting, setDeleting] = useState(false);
  const subtitle = [contact.jobTitle, contact.kind === 'person' ? contact.company : ''].filter(Boolean).join(' at ');

  const onDelete = async () => {
    setDeleting(true);
    // Replace, so Back does not return to the page of a contact that is gone.
    if (await deleteContactWithUndo(contact)) navigate({ name: 'contacts' }, { replace: true });
    else setDeleting(false);
  };

  return (
    <Screen>
      <PageHeader
        back={<BackLink to={{ name: 'contacts' }}>All contacts</BackLink>}
        leading={<ContactPhoto contact={contact} />}
        title={contact.name}
        meta={subtitle || undefined}
        details={
          <Cluster as="ul" gap="xs" className="contact-badges" aria-label="Type and status">
            <li>
              <Badge tone="accent">{capitalise(contact.contactType)}</Badge>
            </li>
            <li>
              <StatusBadge status={contact.status} />
            </li>
            {contact.doNotContact ? (
              <li>
                <Badge tone="danger">
                  <Icon name="ban" size={12} /> Do not contact
                </Badge>
              </li>
            ) : null}
          </Cluster>
        }
        actions={
          <>
            <WhenAllowed>
              <Button icon="phone" onClick={() => openDialog({ kind: 'logCall', contact: named, ...(contact.phones[0] ? { number: contact.phones[0].e164 } : {}) })}>
                Log a call
              </Button>
              <Button icon="plus" onClick={() => navigate({ name: 'jobs', newFrom: { kind: 'contact', id: contact.id } })}>
                New job
              </Button>
              <Button icon="edit" onClick={() => navigate({ name: 'contactEdit', id: contact.id })}>
                Edit
              </Button>
              <Button variant="danger" icon="trash" disabled={deleting} onClick={() => void onDelete()}>
                Delete
              </Button>
            </WhenAllowed>
            <WhenAllowed to="admin">
              <ForgetPersonButton contactId={contact.id} onForgotten={() => navigate({ name: 'contacts' }, { replace: true })} />
            </WhenAllowed>
          </>
        }
      />
      <div className="contact-layout">
        <Stack>
          <ContactDuplicates contact={contact} />
          <ContactActivity contact={contact} tab={tab} />
        </Stack>
        <Stack>
          <ContactScoreBadge contactId={contact.id} />
          <LifecycleCard contactId={contact.id} />
          <ContactFollowUps contact={named} />
          <ContactDealsSection contactId={contact.id} />
          <RevenueCard contactId={contact.id} />
          <ContactDetailsCard contact={contact} />
          <ContactCompanyCard contact={contact} />
          <ContactInfoSection contact={contact} />
          <ContactSalesSection contact={contact} />
        </Stack>
      </div>
    </Screen>
  );
}
