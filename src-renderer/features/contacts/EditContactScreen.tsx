import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { BackLink } from '../../ui/BackLink';
import { PageTitle } from '../../ui/PageTitle';
import { ContactForm } from './ContactForm';
import { fieldErrorsFrom, formFromContact, toDraft, toPatch, type DraftResult, type FormErrors } from './form-model';
import { useContact } from './hooks';

export function EditContactScreen({ id }: { id: string }) {
  const state = useContact(id);
  const settings = useUi((store) => store.settings);
  const navigate = useUi((store) => store.navigate);

  if (state.status === 'loading' || !settings) {
    return (
      <div className="screen" aria-busy="true">
        <p className="loading-screen">Loading contact…</p>
      </div>
    );
  }
  if (state.status === 'missing') {
    return (
      <div className="screen">
        <EmptyState
          icon="contacts"
          title="This contact no longer exists"
          action={
            <button type="button" className="button" onClick={() => navigate({ name: 'contacts' })}>
              Back to contacts
            </button>
          }
        >
          <p>It was deleted while you were away, so there is nothing to edit.</p>
        </EmptyState>
      </div>
    );
  }
  // Keyed by id only: live updates of the same contact must not wipe what the user is typing.
  return <EditContactForm key={state.contact.id} contact={state.contact} settings={settings} />;
}

function EditContactForm({ contact, settings }: { contact: Contact; settings: Settings }) {
  const navigate = useUi((store) => store.navigate);
  const showError = useUi((store) => store.showError);
  const pushToast = useUi((store) => store.pushToast);
  const [initialValues] = useState(() => formFromContact(contact, settings));
  const [initialDraft] = useState(() => toDraft(initialValues, settings.customFields).draft);
  const backToContact = () => navigate({ name: 'contact', id: contact.id });

  const submit = async (result: DraftResult): Promise<FormErrors | undefined> => {
    // Only what the user changed is sent, so a teammate's edit to another field survives.
    const patch = toPatch(initialDraft, result.draft);
    if (Object.keys(patch).length === 0) {
      backToContact();
      return undefined;
    }
    try {
      const saved = await api.invoke('contacts.update', { id: contact.id, patch });
      pushToast({ message: `Saved changes to ${saved.name}` });
      navigate({ name: 'contact', id: contact.id }, { replace: true });
      return undefined;
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? fieldErrorsFrom(error, result) : undefined;
      if (!fieldErrors) showError(error);
      return fieldErrors;
    }
  };

  return (
    <div className="screen screen--form">
      <BackLink to={{ name: 'contact', id: contact.id }}>{contact.name}</BackLink>
      <header className="page-header">
        <PageTitle>Edit {contact.name}</PageTitle>
      </header>
      <ContactForm initialValues={initialValues} submitLabel="Save changes" onSubmit={submit} onCancel={backToContact} />
    </div>
  );
}
