import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../../src-shared/domain/settings';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { fieldBinding } from '../../ui/field-binding';
import { SaveBar } from './SaveBar';
import { formFromSettings, settingsErrorKey, toSettingsPatch, validateSettings, type SettingsErrors, type SettingsFormValues } from './settings-form';

type PatchKey = keyof SettingsPatch & keyof Settings;

export interface SectionContext {
  values: SettingsFormValues;
  errors: SettingsErrors;
  set: <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => void;
  bind: ReturnType<typeof fieldBinding<SettingsFormValues>>;
}

interface SettingsSectionProps {
  title: string;
  help?: ReactNode;
  id: string;
  /** The settings this section edits and saves; the others are left as they are stored. */
  keys: readonly PatchKey[];
  children: (context: SectionContext) => ReactNode;
}

function pick(patch: SettingsPatch, keys: readonly PatchKey[]): SettingsPatch {
  return Object.fromEntries(keys.map((key) => [key, patch[key]])) as SettingsPatch;
}

/** The error keys of settingsErrorKey that belong to a section's settings. */
const errorPrefixes: Partial<Record<PatchKey, string[]>> = {
  contactTypes: ['contactTypes', 'type:'],
  callDispositions: ['callDispositions', 'outcome:'],
  slaRules: ['slaRules', 'sla:'],
  customFields: ['customFields', 'field:'],
};
const ownsError = (keys: readonly PatchKey[], errorKey: string) =>
  keys.some((key) => (errorPrefixes[key] ?? [key]).some((prefix) => errorKey === prefix || (prefix.endsWith(':') && errorKey.startsWith(prefix))));

/**
 * A section of the settings screen: a card with its own form and one Save (SaveBar). It starts
 * from the stored settings and starts again when its own settings change (saved here or on
 * another window); errors are shown at the field they are about, in words.
 */
export function SettingsSection(props: SettingsSectionProps) {
  const settings = useUi((state) => state.settings);
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  if (!settings) return null;
  const stored = JSON.stringify(pick(settings as SettingsPatch, props.keys));
  return <SectionForm key={stored} {...props} settings={settings} saved={savedVersion === stored} onSaved={setSavedVersion} />;
}

function SectionForm({
  title,
  help,
  id,
  keys,
  children,
  settings,
  saved,
  onSaved,
}: SettingsSectionProps & { settings: Settings; saved: boolean; onSaved: (version: string) => void }) {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const [initial] = useState(() => formFromSettings(settings));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const patchOf = (of: SettingsFormValues) => pick(toSettingsPatch(of), keys);
  const dirty = JSON.stringify(patchOf(values)) !== JSON.stringify(patchOf(initial));

  const set: SectionContext['set'] = (key, value) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => (Object.keys(current).length ? {} : current));
  };

  const showFieldErrors = (found: SettingsErrors) => {
    setErrors(found);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = Object.fromEntries(Object.entries(validateSettings(values)).filter(([key]) => ownsError(keys, key)));
    if (Object.keys(found).length > 0) return showFieldErrors(found);
    setSaving(true);
    try {
      const saved = await api.invoke('settings.update', patchOf(values));
      onSaved(JSON.stringify(pick(saved as SettingsPatch, keys)));
      setSettings(saved);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.field) showFieldErrors({ [settingsErrorKey(error.field, values)]: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  return (
    <Card id={id} title={title} help={help}>
      <form ref={formRef} className="stack stack--lg" noValidate onSubmit={(event) => void save(event)}>
        {children({ values, errors, set, bind: fieldBinding(values, errors, set) })}
        <SaveBar
          section={title}
          dirty={dirty}
          saving={saving}
          saved={saved && !dirty}
          onDiscard={() => {
            setValues(initial);
            setErrors({});
          }}
        />
      </form>
    </Card>
  );
}
