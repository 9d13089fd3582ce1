import { useState, type KeyboardEvent } from 'react';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormGrid } from '../../ui/FormGrid';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { parsePercent, percentInput } from './pipeline-format';
import './pipeline.css';

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
    <Card title="Quotes" help="Printed at the top of every quote you send, and the tax rate new quote lines start with." onKeyDown={onKeyDown}>
      <FormGrid>
        <TextField
          label="Office name"
          hint="Your trading name, as customers know you"
          maxLength={120}
          autoComplete="organization"
          value={values.officeName}
          error={errors.officeName}
          onChange={(officeName) => set('officeName', officeName)}
        />
        <TextField
          label="Default tax rate"
          hint="Use 0 if you are not registered for VAT or sales tax"
          suffix="%"
          width="short"
          inputMode="decimal"
          value={values.defaultTaxRate}
          error={errors.defaultTaxRate}
          onChange={(rate) => set('defaultTaxRate', rate)}
        />
        <TextAreaField
          label="Office address"
          wide
          maxLength={500}
          autoComplete="street-address"
          value={values.officeAddress}
          error={errors.officeAddress}
          onChange={(address) => set('officeAddress', address)}
        />
        <div className="field field--wide">
          <span className="field__label">Logo</span>
          {values.officeLogoSha256 ? (
            <div className="quote-logo">
              <img src={api.fileUrl(values.officeLogoSha256)} alt="Your logo, as quotes print it" />
              <Button size="sm" onClick={() => set('officeLogoSha256', null)}>
                Remove logo
              </Button>
            </div>
          ) : (
            <p className="field__hint">No logo: quotes print your office name in its place.</p>
          )}
        </div>
      </FormGrid>
      <div className="quote-settings__actions">
        {dirty ? <p className="muted">Unsaved changes</p> : null}
        <Button disabled={!dirty || saving} onClick={() => setValues(initial)}>
          Discard
        </Button>
        <Button variant="primary" disabled={!dirty} busy={saving} busyLabel="Saving…" onClick={() => void save()}>
          Save quote details
        </Button>
      </div>
    </Card>
  );
}
