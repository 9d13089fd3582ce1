import { useState, type KeyboardEvent } from 'react';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormGrid } from '../../ui/FormGrid';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { Cluster } from '../../ui/Cluster';
import { fieldBinding } from '../../ui/field-binding';
import { parsePercent, percentInput } from './pipeline-format';
import './pipeline.css';

interface Values {
  officeName: string;
  officeAddress: string;
  officePhone: string;
  officeEmail: string;
  officeTaxNumber: string;
  defaultTaxRate: string;
  quotePaymentTerms: string;
  quoteValidDays: string;
}

/** The fields whose errors the core reports by name and this panel shows beside them. */
const textFields = ['officeName', 'officeAddress', 'officePhone', 'officeEmail', 'officeTaxNumber', 'quotePaymentTerms', 'quoteValidDays'] as const;
type Errors = Partial<Record<(typeof textFields)[number] | 'defaultTaxRate' | 'logo', string>>;

const valuesOf = (settings: Settings): Values => ({
  officeName: settings.officeName,
  officeAddress: settings.officeAddress,
  officePhone: settings.officePhone,
  officeEmail: settings.officeEmail,
  officeTaxNumber: settings.officeTaxNumber,
  defaultTaxRate: percentInput(settings.defaultTaxRateBp),
  quotePaymentTerms: settings.quotePaymentTerms,
  quoteValidDays: String(settings.quoteValidDays),
});

/**
 * What quotes print: the office's name, address and logo, and the tax rate new quote lines start
 * with. A section with its own Save and no <form> of its own, so it can sit inside the settings
 * form (forms cannot nest); Enter in its fields saves this section, not the form around it.
 */
export function QuotesSettingsPanel() {
  const settings = useUi((state) => state.settings);
  if (!settings) return null;
  // Saved here or elsewhere, the panel starts again from what is stored.
  return <QuotesSettingsForm key={JSON.stringify(valuesOf(settings))} settings={settings} />;
}

function QuotesSettingsForm({ settings }: { settings: Settings }) {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [initial] = useState(() => valuesOf(settings));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const save = async () => {
    const defaultTaxRateBp = parsePercent(values.defaultTaxRate);
    if (defaultTaxRateBp === null) {
      setErrors({ defaultTaxRate: 'Enter a rate from 0 to 100, such as 20' });
      return;
    }
    const quoteValidDays = /^\s*\d{1,3}\s*$/.test(values.quoteValidDays) ? Number(values.quoteValidDays) : null;
    if (quoteValidDays === null || quoteValidDays < 1 || quoteValidDays > 365) {
      setErrors({ quoteValidDays: 'Enter a number of days from 1 to 365, such as 30' });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('settings.update', {
        officeName: values.officeName.trim(),
        officeAddress: values.officeAddress.trim(),
        officePhone: values.officePhone.trim(),
        officeEmail: values.officeEmail.trim(),
        officeTaxNumber: values.officeTaxNumber.trim(),
        defaultTaxRateBp,
        quotePaymentTerms: values.quotePaymentTerms.trim(),
        quoteValidDays,
      });
      pushToast({ message: 'Quote details saved' });
      setSettings(saved);
    } catch (error) {
      setSaving(false);
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      if (error instanceof ApiError && textFields.some((name) => name === field)) setErrors({ [field!]: stripFieldPrefix(error.message) });
      else if (error instanceof ApiError && field === 'defaultTaxRateBp') setErrors({ defaultTaxRate: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const bind = fieldBinding(values, errors, set);
  // The logo is stored as soon as it is chosen or removed, apart from the fields' Save; the
  // settings then change under this panel, which must not lose what was typed in its fields.
  const logo = settings.officeLogoSha256;
  const setLogo = async (file: File | null) => {
    try {
      const uploadId = file ? (await api.uploadFile(file)).uploadId : null;
      const { officeLogoSha256 } = await api.invoke('settings.setLogo', { uploadId });
      setSettings({ ...settings, officeLogoSha256 });
      setErrors((current) => ({ ...current, logo: undefined }));
    } catch (error) {
      if (error instanceof ApiError) setErrors({ logo: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    event.stopPropagation();
    if (dirty && !saving) void save();
  };

  return (
    <Card title="Quotes" help="Your office as every quote prints it, the terms at its foot, and the tax rate new quote lines start with." onKeyDown={onKeyDown}>
      <FormGrid>
        <TextField label="Office name" hint="Your trading name, as customers know you" maxLength={120} autoComplete="organization" {...bind('officeName')} />
        <TextField label="Default tax rate" hint="Use 0 if you are not registered for VAT or sales tax" suffix="%" width="short" inputMode="decimal" {...bind('defaultTaxRate')} />
        <TextAreaField label="Office address" wide maxLength={500} autoComplete="street-address" {...bind('officeAddress')} />
        <TextField label="Office phone" maxLength={60} autoComplete="tel" {...bind('officePhone')} />
        <TextField label="Office e-mail" type="email" maxLength={200} autoComplete="email" {...bind('officeEmail')} />
        <TextField label="VAT or tax number" hint="Printed on quotes when you are registered" maxLength={60} {...bind('officeTaxNumber')} />
        <TextField
          label="Quotes are valid for"
          hint="A quote without its own date is valid this long from sending"
          suffix="days"
          width="short"
          inputMode="numeric"
          {...bind('quoteValidDays')}
        />
        <TextAreaField
          label="Payment terms"
          hint="Printed at the foot of every quote, such as “Payment within 14 days of completion, by bank transfer.”"
          wide
          maxLength={1000}
          {...bind('quotePaymentTerms')}
        />
        <div className="field field--wide">
          <span className="field__label">Logo</span>
          {logo ? (
            <Cluster gap="md" className="quote-logo">
              <img src={api.fileUrl(logo)} alt="Your logo, as quotes print it" />
              <Button size="sm" onClick={() => void setLogo(null)}>
                Remove logo
              </Button>
            </Cluster>
          ) : (
            <p className="field__hint">No logo: quotes print your office name in its place.</p>
          )}
          <label className="quote-logo__upload">
            <span>{logo ? 'Upload another logo' : 'Upload a logo'}</span>
            <input
              type="file"
              className="visually-hidden"
              accept="image/png,image/jpeg"
              aria-label="Upload a logo"
              aria-invalid={errors.logo ? true : undefined}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void setLogo(file);
              }}
            />
          </label>
          {errors.logo ? <p className="field__error">{errors.logo}</p> : null}
        </div>
      </FormGrid>
      <Cluster justify="end">
        {dirty ? <p className="muted">Unsaved changes</p> : null}
        <Button disabled={!dirty || saving} onClick={() => setValues(initial)}>
          Discard
        </Button>
        <Button variant="primary" disabled={!dirty} busy={saving} busyLabel="Saving…" onClick={() => void save()}>
          Save quote details
        </Button>
      </Cluster>
    </Card>
  );
}
