import { useState } from 'react';
import type { DuplicateMatch } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { ContactForm } from './ContactForm';
import { DuplicateDialog } from './DuplicateDialog';
import { emptyForm, fieldErrorsFrom, type ContactFormValues, type DraftResult, type FormErrors } from './form-model';

interface NewContactScreenProps {
  /** From a call with an unknown number: the form starts with it… */
  phone?: string | undefined;
  /** …and that call is linked to the contact once it is saved. */
  callId?: string | undefined;
}

export function NewContactScreen({ phone, callId }: NewContactScreenProps) {
  const settings = useUi((state) => state.settings);
  const navigate = useUi((state) => state.navigate);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [initialValues] = useState(() => (settings ? withPhone(emptyForm(settings), phone) : null));
  const [pending, setPending] = useState<{ result: DraftResult; matches: DuplicateMatch[] } | null>(null);

  const findDuplicates = (result: DraftResult) =>
    api.invoke('contacts.findDuplicates', {
      phones: result.draft.phones ?? [],
      emails: (result.draft.emails ?? []).map(({ address }) => ({ address })),
    });

  const refusal = async (error: unknown, result: DraftResult): Promise<FormErrors | undefined> => {
    if (error instanceof ApiError && error.code === 'duplicate') {
      // Someone else added the same person between our check and the save: show who.
      const matches = await findDuplicates(result).catch(() => []);
      if (matches.length > 0) {
        setPending({ result, matches });
        return undefined;
      }
    }
    const fieldErrors = error instanceof ApiError ? fieldErrorsFrom(error, result) : undefined;
    if (!fieldErrors) showError(error);
    return fieldErrors;
  };

  const create = async (result: DraftResult, allowDuplicate: boolean): Promise<FormErrors | undefined> => {
    try {
      const contact = await api.invoke('contacts.create', { draft: result.draft, allowDuplicate });
      let linked = false;
      if (callId) {
        // The contact exists either way; a failed link only costs the user a retry from the call history.
        try {
          await api.invoke('calls.linkContact', { callId, contactId: contact.id });
          linked = true;
        } catch (error) {
          showError(error);
        }
      }
      pushToast({ message: linked ? `Added ${contact.name} and linked the call` : `Added ${contact.name}` });
      navigate({ name: 'contact', id: contact.id }, { replace: true });
      return undefined;
    } catch (error) {
      return refusal(error, result);
    }
  };

  const submit = async (result: DraftResult): Promise<FormErrors | undefined> => {
    const { phones = [], emails = [] } = result.draft;
    if (phones.length > 0 || emails.length > 0) {
      try {
        const matches = await findDuplicates(result);
        if (matches.length > 0) {
          setPending({ result, matches });
          return undefined;
        }
      } catch (error) {
        return refusal(error, result);
      }
    }
    return create(result, false);
  };

  if (!initialValues) return null;
  return (
    <Screen width="form">
      <PageHeader
        back={<BackLink to={{ name: 'contacts' }}>All contacts</BackLink>}
        title="New contact"
        meta={callId && phone ? `From a call with ${formatPhone(phone)}: the call is linked to this contact once you create it.` : undefined}
      />
      <ContactForm
        initialValues={initialValues}
        submitLabel="Create contact"
        onSubmit={submit}
        onCancel={() => navigate({ name: 'contacts' })}
      />
      {pending ? (
        <DuplicateDialog
          matches={pending.matches}
          onClose={() => setPending(null)}
          onOpen={(match) => navigate({ name: 'contact', id: match.id })}
          onCreateAnyway={() => {
            const { result } = pending;
            setPending(null);
            void create(result, true).then((errors) => {
              const first = errors ? Object.values(errors)[0] : undefined;
              if (first) showError(first);
            });
          }}
        />
      ) : null}
    </Screen>
  );
}

function withPhone(values: ContactFormValues, phone: string | undefined): ContactFormValues {
  if (!phone) return values;
  const [first, ...rest] = values.phones;
  return { ...values, phones: [{ key: first?.key ?? 'phone-from-call', type: 'mobile', value: formatPhone(phone) }, ...rest] };
}
