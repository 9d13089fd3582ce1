import { useMemo, useState, type FormEvent } from 'react';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormGrid } from '../../ui/FormGrid';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { Cluster } from '../../ui/Cluster';
import { SelectField } from '../../ui/SelectField';
import { fieldBinding } from '../../ui/field-binding';
import { SaveBar } from '../settings/SaveBar';
import { currencyOptions, timeZoneOptions } from '../settings/options';
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
  currency: string;
  timeZone: string;
}

/** The fields whose errors the core reports by name and this panel shows beside them. */
const textFields = ['officeName', 'officeAddress', 'officePhone', 'officeEmail', 'officeTaxNumber', 'quotePaymentTerms', 'quoteValidDays', 'currency', 'timeZone'] as const;
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
  currency: settings.currency,
  timeZone: settings.timeZone,
});

/**
 * The office section of the settings: the office's name, address and logo as quotes print them,
 * its currency and time zone, and the tax rate new quote lines start with. Saved by its own Save,
 * like every settings section (SaveBar); a logo chosen is stored with that Save too.
 */
export function QuotesSettingsPanel({ id }: { id?: string }) {
  const settings = useUi((state) => state.settings);
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  if (!settings) return null;
  // Saved here or elsewhere, the panel starts again from what is stored.
  const stored = JSON.stringify({ ...valuesOf(settings), logo: settings.officeLogoSha256 });
  return <QuotesSettingsForm key={stored} id={id} settings={settings} saved={savedVersion === stored} onSaved={setSavedVersion} />;
}

/** A logo chosen but not yet saved: its upload, and a preview of the file. */
interface PendingLogo {
  uploadId: string | null;
  previewUrl: string | null;
}

function QuotesSettingsForm({ id, settings, saved, onSaved }: { id?: string | undefined; settings: Settings; saved: boolean; onSaved: (version: string) => void }) {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const [initial] = useState(() => valuesOf(settings));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [pendingLogo, setPendingLogo] = useState<PendingLogo | undefined>(undefined);
  const currencies = useMemo(() => currencyOptions(settings.currency), [settings.currency]);
  const timeZones = useMemo(() => timeZoneOptions(), []);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial) || pendingLogo !== undefined;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
      const logo = pendingLogo ? (await api.invoke('settings.setLogo', { uploadId: pendingLogo.uploadId })).officeLogoSha256 : settings.officeLogoSha256;
      const saved = await api.invoke('settings.update', {
        officeName: values.officeName.trim(),
        officeAddress: values.officeAddress.trim(),
        officePhone: values.officePhone.trim(),
        officeEmail: values.officeEmail.trim(),
        officeTaxNumber: values.officeTaxNumber.trim(),
        defaultTaxRateBp,
        quotePaymentTerms: values.quotePaymentTerms.trim(),
        quoteValidDays,
        currency: values.currency,
        timeZone: values.timeZone,
      });
      onSaved(JSON.stringify({ ...valuesOf(saved), logo }));
      setSettings({ ...saved, officeLogoSha256: logo });
    } catch (error) {
      setSaving(false);
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      if (error instanceof ApiError && textFields.some((name) => name === field)) setErrors({ [field!]: stripFieldPrefix(error.message) });
      else if (error instanceof ApiError && field === 'defaultTaxRateBp') setErrors({ defaultTaxRate: stripFieldPrefix(error.message) });
      else if (error instanceof ApiError && field === 'uploadId') setErrors({ logo: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const bind = fieldBinding(values, errors, set);
  const logoShown = pendingLogo ? pendingLogo.previewUrl : settings.officeLogoSha256 ? api.fileUrl(settings.officeLogoSha256) : null;
  const chooseLogo = async (file: File | null) => {
    try {
      const uploadId = file ? (await api.uploadFile(file)).uploadId : null;
      setPendingLogo({ uploadId, previewUrl: file ? URL.createObjectURL(file) : null });
      setErrors((current) => ({ ...current, logo: undefined }));
    } catch (error) {
      if (error instanceof ApiError) setErrors({ logo: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  return (
    <Card id={id} title="Office & quotes" help="Your office as every quote prints it, the terms at its foot, and the tax rate new quote lines start with.">
      <form className="stack stack--lg" noValidate onSubmit={(event) => void save(event)}>
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
            {logoShown ? (
              <Cluster gap="md" className="quote-logo">
                <img src={logoShown} alt="Your logo, as quotes print it" />
                <Button size="sm" onClick={() => void chooseLogo(null)}>
                  Remove logo
                </Button>
              </Cluster>
            ) : (
              <p className="field__hint">No logo: quotes print your office name in its place.</p>
            )}
            <label className="quote-logo__upload">
              <span>{logoShown ? 'Upload another logo' : 'Upload a logo'}</span>
              <input
                type="file"
                className="visually-hidden"
                accept="image/png,image/jpeg"
                aria-label="Upload a logo"
                aria-invalid={errors.logo ? true : undefined}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void chooseLogo(file);
                }}
              />
            </label>
            {errors.logo ? <p className="field__error">{errors.logo}</p> : null}
          </div>
          <SelectField label="Currency" hint="For new deals and potential values" options={currencies} {...bind('currency')} />
          <SelectField label="Time zone" hint="Dates in exports, and the year in quote numbers" options={timeZones} {...bind('timeZone')} />
        </FormGrid>
        <SaveBar
          section="Office & quotes"
          dirty={dirty}
          saving={saving}
          saved={saved && !dirty}
          onDiscard={() => {
            setValues(initial);
            setPendingLogo(undefined);
            setErrors({});
          }}
        />
      </form>
    </Card>
  );
}
