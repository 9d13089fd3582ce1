import { customFieldKinds, SettingsPatchSchema, type CustomFieldKind, type Settings, type SettingsPatch } from '../../../src-shared/domain/settings';
import { fieldIdFor } from './options';

// The settings screen edits strings and keyed rows; this turns them into a settings patch and
// maps validation paths ('customFields.1.choices') back to the row that caused them.

export interface TypeRow {
  key: string;
  name: string;
}

export interface CustomFieldRow {
  key: string;
  /** Empty until saved the first time; then fixed, so renaming a label keeps the stored values. */
  id: string;
  label: string;
  kind: CustomFieldKind;
  /** Choices, comma-separated, as typed. */
  choices: string;
}

export interface SettingsFormValues {
  userName: string;
  defaultRegion: string;
  currency: string;
  contactTypes: TypeRow[];
  customFields: CustomFieldRow[];
}

export type SettingsErrors = Record<string, string>;

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `settings-row-${rowCounter}`;
}

export function formFromSettings(settings: Settings): SettingsFormValues {
  return {
    userName: settings.userName,
    defaultRegion: settings.defaultRegion,
    currency: settings.currency,
    contactTypes: settings.contactTypes.map((name) => ({ key: newRowKey(), name })),
    customFields: settings.customFields.map((def) => ({
      key: newRowKey(),
      id: def.id,
      label: def.label,
      kind: def.kind,
      choices: def.choices.join(', '),
    })),
  };
}

export function toSettingsPatch(values: SettingsFormValues): SettingsPatch {
  const taken = new Set(values.customFields.map((row) => row.id).filter(Boolean));
  return {
    userName: values.userName.trim(),
    defaultRegion: values.defaultRegion,
    currency: values.currency,
    contactTypes: values.contactTypes.map((row) => row.name.trim()),
    customFields: values.customFields.map((row) => {
      let id = row.id;
      if (!id) {
        id = fieldIdFor(row.label, taken);
        taken.add(id);
      }
      return {
        id,
        label: row.label.trim(),
        kind: row.kind,
        choices:
          row.kind === 'choice'
            ? row.choices
                .split(',')
                .map((choice) => choice.trim())
                .filter(Boolean)
            : [],
      };
    }),
  };
}

/** Error key for a settings path: 'userName', 'contactTypes', 'type:<key>', 'field:<key>.label'. */
export function settingsErrorKey(path: string, values: SettingsFormValues): string {
  const [field, index, part] = path.split('.');
  if (field === 'contactTypes' && index !== undefined) return `type:${values.contactTypes[Number(index)]?.key ?? ''}`;
  if (field === 'customFields' && index !== undefined) {
    const key = values.customFields[Number(index)]?.key ?? '';
    return `field:${key}.${part === 'choices' ? 'choices' : 'label'}`;
  }
  return field || 'form';
}

export function validateSettings(values: SettingsFormValues): SettingsErrors {
  const errors: SettingsErrors = {};
  const seen = new Set<string>();
  values.contactTypes.forEach((row) => {
    const name = row.name.trim().toLowerCase();
    if (!name) errors[`type:${row.key}`] = 'Give this type a name, or remove it';
    else if (seen.has(name)) errors[`type:${row.key}`] = 'This type is already in the list';
    seen.add(name);
  });
  for (const row of values.customFields) {
    if (row.kind === 'choice' && !row.choices.split(',').some((choice) => choice.trim())) {
      errors[`field:${row.key}.choices`] = 'List at least one choice, separated by commas';
    }
  }
  const parsed = SettingsPatchSchema.safeParse(toSettingsPatch(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[settingsErrorKey(issue.path.map(String).join('.'), values)] ??= issue.message;
    }
  }
  return errors;
}

export const kindLabels: Record<CustomFieldKind, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  choice: 'Choice from a list',
};
export { customFieldKinds };
