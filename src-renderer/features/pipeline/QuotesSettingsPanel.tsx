import { useId, useState, type KeyboardEvent } from 'react';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { fileHref, parsePercent, percentInput } from './pipeline-format';
import './pipeline.css';
import './contact-sections.css';

interface Values {
  officeName: string;
  officeAddress: string;
  defaultTaxRate: string;
  officeLogoSha256: string | null;
}

type Errors = Partial<Record<'officeName' | 'officeAddress' | 'defaultTaxRate', string>>;

const valuesOf = (settings: Settings): Values => ({
  officeName: settings.officeName,
  officeAddress: settings.officeAddress,
  defaultTaxRate: percentInput(settings.defaultTaxRateBp),
  officeLogoSha256: settings.officeLogoSha256,
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
  const titleId = useId();
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
    setSaving(true);
    try {
      const saved = await api.invoke('settings.update', {
        officeName: values.officeName.trim(),
        officeAddress: values.officeAddress.trim(),
        defaultTaxRateBp,
        officeLogoSha256: values.officeLogoSha256,
      });
      pushToast({ message: 'Quote details saved' });
      setSettings(saved);
    } catch (error) {
      setSaving(false);
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      if (error instanceof ApiError && (field === 'officeName' || field === 'officeAddress')) setErrors({ [field]: stripFieldPrefix(error.message) });
      else if (error instanceof ApiError && field === 'defaultTaxRateBp') setErrors({ defaultTaxRate: stripFieldPrefix(error.message) });
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
    <section className="card" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h2 id={titleId} className="card__title">
        Quotes
      </h2>
      <p className="card__help">Printed at the top of every quote you send, and the tax rate new quote lines start with.</p>
      <div className="quote-settings">
        <div className="form-grid">
          <Field label="Office name" error={errors.officeName} hint="Your trading name, as customers know you">
            {(control) => (
              <input {...control} className="input" maxLength={120} autoComplete="organization" value={values.officeName} onChange={(event) => set('officeName', event.target.value)} />
            )}
          </Field>
          <Field label="Default tax rate" error={errors.defaultTaxRate} hint="Use 0 if you are not registered for VAT or sales tax">
            {(control) => (
              <div className="pl-suffix-input pl-suffix-input--narrow">
                <input
                  {...control}
                  className="input pl-num"
                  inputMode="decimal"
                  value={values.defaultTaxRate}
                  onChange={(event) => set('defaultTaxRate', event.target.value)}
                />
                <span className="pl-suffix-input__suffix" aria-hidden="true">
                  %
                </span>
              </div>
            )}
          </Field>
          <Field label="Office address" error={errors.officeAddress} className="span-2">
            {(control) => (
              <textarea
                {...control}
                className="input textarea quote-settings__address"
                rows={3}
                maxLength={500}
                autoComplete="street-address"
                value={values.officeAddress}
                onChange={(event) => set('officeAddress', event.target.value)}
              />
            )}
          </Field>
          <div className="field span-2">
            <span className="field__label">Logo</span>
            {values.officeLogoSha256 ? (
              <div className="quote-settings__logo">
                <img src={fileHref(values.officeLogoSha256)} alt="Your logo, as quotes print it" />
                <button type="button" className="button button--small" onClick={() => set('officeLogoSha256', null)}>
                  Remove logo
                </button>
              </div>
            ) : (
              <p className="field__hint">No logo: quotes print your office name in its place.</p>
            )}
          </div>
        </div>
        <div className="quote-settings__actions">
          {dirty ? <p className="form-actions__note">Unsaved changes</p> : null}
          <button type="button" className="button" disabled={!dirty || saving} onClick={() => setValues(initial)}>
            Discard
          </button>
          <button type="button" className="button button--primary" disabled={!dirty || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save quote details'}
          </button>
        </div>
      </div>
    </section>
  );
}
