import { useEffect, useRef, useState, type FormEvent } from 'react';
import { emailTypes, phoneTypes } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { AddressFields } from './AddressFields';
import { ContactMethodsField } from './ContactMethodsField';
import { CustomFieldInputs } from './CustomFieldInputs';
import { errorKeysOf, toDraft, type ContactFormValues, type DraftResult, type FormErrors, type SetFormField } from './form-model';
import { useFacets } from './hooks';
import { SalesFields } from './SalesFields';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';

const noFields: readonly CustomFieldDef[] = [];

interface ContactFormProps {
  initialValues: ContactFormValues;
  submitLabel: string;
  /** Saves a valid draft; answers the errors to show next to the fields, if any. */
  onSubmit: (result: DraftResult) => Promise<FormErrors | undefined>;
  onCancel: () => void;
}

/** The create/edit form. Checks what it can before sending; the core's field errors land beside the same inputs. */
export function ContactForm({ initialValues, submitLabel, onSubmit, onCancel }: ContactFormProps) {
  const customDefs = useUi((state) => state.settings?.customFields ?? noFields);
  const facets = useFacets();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const set: SetFormField = (key, value) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const stale = errorKeysOf(key, current).filter((errorKey) => errorKey in current);
      if (stale.length === 0) return current;
      const next = { ...current };
      for (const errorKey of stale) delete next[errorKey];
      return next;
    });
  };

  // After a refused save, take the user to the first field that needs attention.
  useEffect(() => {
    if (submitCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = toDraft(values, customDefs);
    if (Object.keys(result.errors).length > 0) {
      setErrors(result.errors);
      setSubmitCount((count) => count + 1);
      return;
    }
    setSaving(true);
    const refused = await onSubmit(result);
    setSaving(false);
    if (refused) {
      setErrors(refused);
      setSubmitCount((count) => count + 1);
    }
  };

  const errorCount = Object.keys(errors).length;

  return (
    <form ref={formRef} className="contact-form" noValidate onSubmit={(event) => void submit(event)}>
      {errorCount > 0 ? (
        <p className="notice notice--danger" role="status">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </p>
      ) : null}
      <section className="card" aria-labelledby="form-who">
        <h2 id="form-who" className="card__title">
          Who
        </h2>
        <fieldset className="segmented segmented--form">
          <legend className="visually-hidden">This contact is a</legend>
          {(
            [
              ['person', 'Person'],
              ['company', 'Company'],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="segmented__option">
              <input type="radio" name="kind" value={kind} checked={values.kind === kind} onChange={() => set('kind', kind)} />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <Field label="Name" error={errors.name} className="span-2">
            {(control) => (
              <input
                {...control}
                className="input input--large"
                required
                autoComplete="off"
                autoFocus
                value={values.name}
                onChange={(event) => set('name', event.target.value)}
              />
            )}
          </Field>
          <Field label="Company" error={errors.company}>
            {(control) => (
              <input {...control} className="input" autoComplete="off" value={values.company} onChange={(event) => set('company', event.target.value)} />
            )}
          </Field>
          <Field label="Job title" error={errors.jobTitle}>
            {(control) => (
              <input {...control} className="input" autoComplete="off" value={values.jobTitle} onChange={(event) => set('jobTitle', event.target.value)} />
            )}
          </Field>
        </div>
      </section>

      <section className="card" aria-labelledby="form-reach">
        <h2 id="form-reach" className="card__title">
          How to reach them
        </h2>
        <div className="form-grid form-grid--wide">
          <ContactMethodsField
            legend="Phones"
            rowLabel="Phone number"
            noun="Phone"
            errorPrefix="phone"
            types={phoneTypes}
            rows={values.phones}
            inputType="tel"
            errors={errors}
            onChange={(rows) => set('phones', rows)}
          />
          <ContactMethodsField
            legend="E-mails"
            rowLabel="E-mail address"
            noun="E-mail"
            errorPrefix="email"
            types={emailTypes}
            rows={values.emails}
            inputType="email"
            errors={errors}
            onChange={(rows) => set('emails', rows)}
          />
        </div>
        <AddressFields address={values.address} errors={errors} onChange={(address) => set('address', address)} />
        <label className="checkbox">
          <input type="checkbox" checked={values.doNotContact} onChange={(event) => set('doNotContact', event.target.checked)} />
          <span>
            Do not contact
            <span className="checkbox__hint">They asked not to be called, mailed or messaged.</span>
          </span>
        </label>
      </section>

      <section className="card" aria-labelledby="form-sales">
        <h2 id="form-sales" className="card__title">
          Sales
        </h2>
        <SalesFields values={values} errors={errors} facets={facets} set={set} />
      </section>

      {customDefs.length > 0 ? (
        <section className="card" aria-labelledby="form-custom">
          <h2 id="form-custom" className="card__title">
            More details
          </h2>
          <CustomFieldInputs defs={customDefs} values={values.custom} errors={errors} onChange={(custom) => set('custom', custom)} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="form-summary">
        <h2 id="form-summary" className="card__title">
          Summary
        </h2>
        <Field label="Summary notes" error={errors.summary} hideLabel hint="What matters about them, in a few lines.">
          {(control) => (
            <textarea {...control} className="input textarea" rows={4} value={values.summary} onChange={(event) => set('summary', event.target.value)} />
          )}
        </Field>
      </section>

      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
