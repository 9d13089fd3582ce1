import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { QuotesSettingsPanel } from '../pipeline/QuotesSettingsPanel';
import { TeamSyncPanel } from '../sync/TeamSyncPanel';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { StringListEditor } from './StringListEditor';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { countryOptions, currencyOptions } from './options';
import { WorkSettingsSections } from './WorkSettingsSections';
import { formFromSettings, settingsErrorKey, toSettingsPatch, validateSettings, type SettingsErrors, type SettingsFormValues } from './settings-form';

export function SettingsScreen({ focusUserName }: { focusUserName: boolean }) {
  const settings = useUi((state) => state.settings);
  if (!settings) return null;
  // A change saved here or on another window starts the form afresh from what is stored.
  return (
    <div className="screen screen--form">
      <SettingsForm key={JSON.stringify(settings)} settings={settings} focusUserName={focusUserName} />
      {/* Outside the keyed form: a settings change (joining sets your name) must not reset it. */}
      <TeamSyncPanel />
    </div>
  );
}

function SettingsForm({ settings, focusUserName }: { settings: Settings; focusUserName: boolean }) {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [initial] = useState(() => formFromSettings(settings));
  const [values, setValues] = useState<SettingsFormValues>(initial);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const countries = useMemo(() => countryOptions(), []);
  const currencies = useMemo(() => currencyOptions(settings.currency), [settings.currency]);
  const dirty = JSON.stringify(toSettingsPatch(values)) !== JSON.stringify(toSettingsPatch(initial));

  useEffect(() => {
    if (focusUserName) nameRef.current?.focus();
  }, [focusUserName]);

  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const showFieldErrors = (found: SettingsErrors) => {
    setErrors(found);
    // Wait for the error text to render, then take the user to the first field that needs it.
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSettings(values);
    if (Object.keys(found).length > 0) return showFieldErrors(found);
    setSaving(true);
    try {
      const saved = await api.invoke('settings.update', toSettingsPatch(values));
      setSaving(false);
      pushToast({ message: 'Settings saved' });
      setSettings(saved);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.field) {
        showFieldErrors({ [settingsErrorKey(error.field, values)]: stripFieldPrefix(error.message) });
      } else {
        showError(error);
      }
    }
  };

  return (
    <>
      <header className="page-header">
        <div>
          <PageTitle>Settings</PageTitle>
          <p className="page-header__meta">These settings belong to this computer.</p>
        </div>
      </header>
      <form ref={formRef} className="settings-form" noValidate onSubmit={(event) => void save(event)}>
        <section className="card" aria-labelledby="settings-you">
          <h2 id="settings-you" className="card__title">
            You
          </h2>
          <Field label="Your name" error={errors.userName} hint="Contacts you add are owned by this name, and “My contacts” shows them.">
            {(control) => (
              <input
                {...control}
                ref={nameRef}
                className="input input--narrow"
                autoComplete="name"
                value={values.userName}
                onChange={(event) => set('userName', event.target.value)}
              />
            )}
          </Field>
        </section>

        <section className="card" aria-labelledby="settings-region">
          <h2 id="settings-region" className="card__title">
            Phone numbers and money
          </h2>
          <div className="form-grid">
            <Field
              label="Default phone country"
              error={errors.defaultRegion}
              hint="Numbers typed without a country code, like 020 7946 0958, are read as numbers from this country."
            >
              {(control) => (
                <select {...control} className="input" value={values.defaultRegion} onChange={(event) => set('defaultRegion', event.target.value)}>
                  {countries.map((country) => (
                    <option key={country.value} value={country.value}>
                      {country.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Currency" error={errors.currency} hint="Used for potential values you enter from now on.">
              {(control) => (
                <select {...control} className="input" value={values.currency} onChange={(event) => set('currency', event.target.value)}>
                  {currencies.map((currency) => (
                    <option key={currency.value} value={currency.value}>
                      {currency.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </section>

        <section className="card" aria-labelledby="settings-types" aria-describedby="settings-types-help">
          <h2 id="settings-types" className="card__title">
            Contact types
          </h2>
          <p id="settings-types-help" className="card__help">
            The kinds of contact you keep. The first one is the default for new contacts. Renaming a type does not change
            contacts that already use the old name.
          </p>
          {errors.contactTypes ? <p className="field__error">{errors.contactTypes}</p> : null}
          <StringListEditor noun="Contact type" errorPrefix="type" rows={values.contactTypes} errors={errors} onChange={(rows) => set('contactTypes', rows)} />
        </section>

        <section className="card" aria-labelledby="settings-fields" aria-describedby="settings-fields-help">
          <h2 id="settings-fields" className="card__title">
            Custom fields
          </h2>
          <p id="settings-fields-help" className="card__help">
            Extra details every contact can have, shown on each contact and in its form. Removing a field removes it from every contact.
          </p>
          <CustomFieldsEditor rows={values.customFields} errors={errors} onChange={(rows) => set('customFields', rows)} />
        </section>

        <WorkSettingsSections values={values} errors={errors} set={set} />

        <QuotesSettingsPanel />

        <div className="form-actions">
          {dirty ? <p className="form-actions__note">You have unsaved changes.</p> : null}
          <button type="button" className="button" disabled={!dirty || saving} onClick={() => { setValues(initial); setErrors({}); }}>
            Discard changes
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </>
  );
}
