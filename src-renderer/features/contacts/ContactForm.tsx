import { useEffect, useRef, useState, type FormEvent } from 'react';
import { emailTypes, phoneTypes } from '../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { FormFooter } from '../../ui/FormFooter';
import { FormGrid } from '../../ui/FormGrid';
import { Notice } from '../../ui/Notice';
import { Segmented } from '../../ui/Segmented';
import { TextAreaField } from '../../ui/TextAreaField';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { fieldBinding } from '../../ui/field-binding';
import { countryAdjective } from '../../../src-shared/phone';
import { phoneCountryOptions, questionFor, rowRegion } from './phone-country';
import { PhoneQuestion } from './PhoneQuestion';
import { AddressFields } from './AddressFields';
import { ContactMethodsField } from './ContactMethodsField';
import { CustomFieldInputs } from './CustomFieldInputs';
import { errorKeysOf, toDraft, type ContactFormValues, type DraftResult, type FormErrors, type SetFormField } from './form-model';
import { useFacets } from './hooks';
import { SalesFields } from './SalesFields';
import { Grid } from '../../ui/Grid';

const noFields: readonly CustomFieldDef[] = [];
const kindLabels = { person: 'Person', company: 'Company' };

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
  const officeRegion = useUi((state) => state.settings?.defaultRegion ?? 'GB');
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
    const result = toDraft(values, customDefs, officeRegion);
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
  const bind = fieldBinding(values, errors, set);

  return (
    <form ref={formRef} className="stack stack--lg" noValidate onSubmit={(event) => void submit(event)}>
      {errorCount > 0 ? (
        <Notice tone="danger" role="status">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </Notice>
      ) : null}
      <Card title="Who">
        <Segmented label="This contact is a" options={['person', 'company'] as const} labels={kindLabels} value={values.kind} onChange={(kind) => set('kind', kind)} />
        <FormGrid>
          <TextField label="Name" wide size="lg" required autoComplete="off" autoFocus {...bind('name')} />
          <TextField label="Company" autoComplete="off" {...bind('company')} />
          <TextField label="Job title" autoComplete="off" {...bind('jobTitle')} />
        </FormGrid>
      </Card>

      <Card title="How to reach them">
        {/* Wide enough for a phone's type, country and a whole number side by side. */}
        <Grid min={440} gap="lg" className="contact-methods">
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
            leading={(row, number) => (
              <Select
                aria-label={`Phone${number} country`}
                className="method-row__country"
                options={phoneCountryOptions()}
                value={rowRegion(row, values.address.country, officeRegion)}
                onChange={(region) => set('phones', values.phones.map((other) => (other.key === row.key ? { ...other, region } : other)))}
              />
            )}
            below={(row) => {
              const region = rowRegion(row, values.address.country, officeRegion);
              const question = questionFor(row, region);
              if (!question) return null;
              return (
                <PhoneQuestion
                  question={question}
                  readAs={countryAdjective(region)}
                  onYes={() => set('phones', values.phones.map((other) => (other.key === row.key ? { ...other, region: question.region } : other)))}
                  onNo={() => formRef.current?.querySelector<HTMLInputElement>(`#phone-${CSS.escape(row.key)}`)?.focus()}
                />
              );
            }}
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
        </Grid>
        <AddressFields address={values.address} errors={errors} onChange={(address) => set('address', address)} />
        <Checkbox
          label="Do not contact"
          hint="They asked not to be called, mailed or messaged."
          checked={values.doNotContact}
          onChange={(doNotContact) => set('doNotContact', doNotContact)}
        />
      </Card>

      <Card title="Sales">
        <SalesFields values={values} errors={errors} facets={facets} set={set} />
      </Card>

      {customDefs.length > 0 ? (
        <Card title="More details">
          <CustomFieldInputs defs={customDefs} values={values.custom} errors={errors} onChange={(custom) => set('custom', custom)} />
        </Card>
      ) : null}

      <Card title="Summary">
        <TextAreaField label="Summary notes" hideLabel rows={4} hint="What matters about them, in a few lines." {...bind('summary')} />
      </Card>

      <FormFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button submit variant="primary" busy={saving} busyLabel="Saving…">
          {submitLabel}
        </Button>
      </FormFooter>
    </form>
  );
}
