import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { ContactTab } from '../../routes';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { EmptyState } from '../../ui/EmptyState';
import { capitalise } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageTitle } from '../../ui/PageTitle';
import { ContactFollowUps } from '../followups/ContactFollowUps';
import { ContactActivity } from './ContactActivity';
import { ContactInfoSection } from './ContactInfoSection';
import { ContactPhoto } from './ContactPhoto';
import { ContactDealsSection } from '../pipeline/ContactDealsSection';
import { ContactScoreBadge } from '../pipeline/ContactScoreBadge';
import { ContactSalesSection } from './ContactSalesSection';
import { deleteWithUndo, useContact } from './hooks';
import { StatusBadge } from './StatusBadge';

// The contact page. Its body is a two-column grid: the work with the contact (a note box, then
// timeline, notes, calls and files as tabs) in the main column; follow-ups and the contact's own
// information beside it.
export function ContactDetail({ id, tab }: { id: string; tab: ContactTab }) {
  const state = useContact(id);
  const navigate = useUi((store) => store.navigate);

  if (state.status === 'loading') {
    return (
      <div className="screen" aria-busy="true">
        <BackLink to={{ name: 'contacts' }}>All contacts</BackLink>
        <p className="loading-screen">Loading contact…</p>
      </div>
    );
  }
  if (state.status === 'missing') {
    return (
      <div className="screen">
        <BackLink to={{ name: 'contacts' }}>All contacts</BackLink>
        <EmptyState
          icon="contacts"
          title="This contact no longer exists"
          action={
            <button type="button" className="button" onClick={() => navigate({ name: 'contacts' })}>
              Back to contacts
            </button>
          }
        >
          <p>It may have been deleted, here or on a teammate’s computer.</p>
        </EmptyState>
      </div>
    );
  }
  return <ContactPage contact={state.contact} tab={tab} />;
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
    if (await deleteWithUndo(contact)) navigate({ name: 'contacts' }, { replace: true });
    else setDeleting(false);
  };

  return (
    <div className="screen screen--detail">
      <BackLink to={{ name: 'contacts' }}>All contacts</BackLink>
      <header className="contact-header">
        <ContactPhoto contact={contact} />
        <div className="contact-header__text">
          <PageTitle className="contact-header__name">{contact.name}</PageTitle>
          {subtitle ? <p className="contact-header__subtitle">{subtitle}</p> : null}
          <ul className="contact-header__badges" aria-label="Type and status">
            <li className="badge badge--type">{capitalise(contact.contactType)}</li>
            <li>
              <StatusBadge status={contact.status} />
            </li>
            {contact.doNotContact ? (
              <li className="badge badge--danger">
                <Icon name="ban" size={12} /> Do not contact
              </li>
            ) : null}
          </ul>
        </div>
        <div className="contact-header__actions">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ kind: 'logCall', contact: named, ...(contact.phones[0] ? { number: contact.phones[0].e164 } : {}) })}
          >
            <Icon name="phone" size={16} /> Log a call
          </button>
          <button
            type="button"
            className="button"
            onClick={() => navigate({ name: 'contactEdit', id: contact.id })}
          >
            <Icon name="edit" size={16} /> Edit
          </button>
          <button type="button" className="button button--danger" disabled={deleting} onClick={() => void onDelete()}>
            <Icon name="trash" size={16} /> Delete
          </button>
        </div>
      </header>
      <div className="detail-layout">
        <div className="detail-layout__main">
          <ContactActivity contact={contact} tab={tab} />
        </div>
        <div className="detail-layout__side">
          <ContactScoreBadge contactId={contact.id} />
          <ContactFollowUps contact={named} />
          <ContactDealsSection contactId={contact.id} />
          <ContactInfoSection contact={contact} />
          <ContactSalesSection contact={contact} />
        </div>
      </div>
    </div>
  );
}
