import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { ContactForm } from './ContactForm';
import { ContactGone } from './ContactGone';
import { fieldErrorsFrom, formFromContact, toDraft, toPatch, type DraftResult, type FormErrors } from './form-model';
import { useContact } from './hooks';

export function EditContactScreen({ id }: { id: string }) {
  const contact = useContact(id);
  const settings = useUi((store) => store.settings);
  // Keyed by id only: live updates of the same contact must not wipe what the user is typing.
  if (contact.status === 'ready' && settings) return <EditContactForm key={contact.data.id} contact={contact.data} settings={settings} />;
  return <ContactGone live={contact} gone="It was deleted while you were away, so there is nothing to edit." />;
}

function EditContactForm({ contact, settings }: { contact: Contact; settings: Settings }) {
  const navigate = useUi((store) => store.navigate);
  const showError = useUi((store) => store.showError);
  const pushToast = useUi((store) => store.pushToast);
  const [initialValues] = useState(() => formFromContact(contact, settings));
  const [initialDraft] = useState(() => toDraft(initialValues, settings.customFields, settings.defaultRegion).draft);
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
    <Screen width="form">
      <PageHeader back={<BackLink to={{ name: 'contact', id: contact.id }}>{contact.name}</BackLink>} title={`Edit ${contact.name}`} />
      <ContactForm initialValues={initialValues} submitLabel="Save changes" onSubmit={submit} onCancel={backToContact} />
    </Screen>
  );
}
