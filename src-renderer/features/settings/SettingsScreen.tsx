import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { QuotesSettingsPanel } from '../pipeline/QuotesSettingsPanel';
import { OfflineFilesPanel } from '../files/OfflineFilesPanel';
import { TeamSyncPanel } from '../sync/TeamSyncPanel';
import { MailAccountsLink } from '../mail/MailAccountsLink';
import type { Settings } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FieldError } from '../../ui/Field';
import { FormFooter } from '../../ui/FormFooter';
import { FormGrid } from '../../ui/FormGrid';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { fieldBinding } from '../../ui/field-binding';
import { StringListEditor } from './StringListEditor';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { countryOptions, currencyOptions } from './options';
import { ThemeSetting } from './ThemeSetting';
import { WorkSettingsSections } from './WorkSettingsSections';
import './settings.css';
import { formFromSettings, settingsErrorKey, toSettingsPatch, validateSettings, type SettingsErrors, type SettingsFormValues } from './settings-form';

export function SettingsScreen({ focusUserName }: { focusUserName: boolean }) {
  const settings = useUi((state) => state.settings);
  if (!settings) return null;
  // A change saved here or on another window starts the form afresh from what is stored.
  return (
    <Screen width="form">
      <PageHeader title="Settings" meta="These settings belong to this computer." />
      {/* Reset by a change of its own settings; not by the logo, which the quotes panel stores as soon as it is chosen. */}
      <SettingsForm key={JSON.stringify({ ...settings, officeLogoSha256: null, theme: null })} settings={settings} focusUserName={focusUserName} />
      <ThemeSetting />
      {/* Outside the keyed form: a settings change (joining sets your name) must not reset it. */}
      <TeamSyncPanel />
      <OfflineFilesPanel />
      <MailAccountsLink />
    </Screen>
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

  const bind = fieldBinding(values, errors, set);

  return (
    <form ref={formRef} className="stack stack--lg" noValidate onSubmit={(event) => void save(event)}>
      <Card title="You">
        <TextField label="Your name" hint="Contacts you add are owned by this name, and “My contacts” shows them." width="narrow" autoComplete="name" inputRef={nameRef} {...bind('userName')} />
      </Card>

      <Card title="Phone numbers and money">
        <FormGrid>
          <SelectField label="Default phone country" hint="Numbers typed without a country code, like 020 7946 0958, are read as numbers from this country." options={countries} {...bind('defaultRegion')} />
          <SelectField label="Currency" hint="Used for potential values you enter from now on." options={currencies} {...bind('currency')} />
        </FormGrid>
      </Card>

      <Card
        title="Contact types"
        help="The kinds of contact you keep. The first one is the default for new contacts. Renaming a type does not change contacts that already use the old name."
      >
        {errors.contactTypes ? <FieldError id="contact-types-error">{errors.contactTypes}</FieldError> : null}
        <StringListEditor noun="Contact type" errorPrefix="type" rows={values.contactTypes} errors={errors} onChange={(rows) => set('contactTypes', rows)} />
      </Card>

      <Card title="Custom fields" help="Extra details every contact can have, shown on each contact and in its form. Removing a field removes it from every contact.">
        <CustomFieldsEditor rows={values.customFields} errors={errors} onChange={(rows) => set('customFields', rows)} />
      </Card>

      <WorkSettingsSections values={values} errors={errors} set={set} />

      <QuotesSettingsPanel />

      <FormFooter note={dirty ? 'You have unsaved changes.' : null}>
        <Button
          disabled={!dirty || saving}
          onClick={() => {
            setValues(initial);
            setErrors({});
          }}
        >
          Discard changes
        </Button>
        <Button submit variant="primary" disabled={!dirty} busy={saving} busyLabel="Saving…">
          Save settings
        </Button>
      </FormFooter>
    </form>
  );
}
