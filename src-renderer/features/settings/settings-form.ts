import {
  customFieldKinds,
  SettingsPatchSchema,
  type CustomFieldKind,
  type Settings,
  type SettingsPatch,
  type SlaRule,
} from '../../../src-shared/domain/settings';
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

export const durationUnits = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof durationUnits)[number];
const minutesPer: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

export interface SlaRuleRow {
  key: string;
  /** Empty until saved the first time. */
  id: string;
  name: string;
  /** '' for any type. */
  contactType: string;
  /** '' for a rule about new contacts rather than calls. */
  callOutcome: string;
  within: string;
  unit: DurationUnit;
  followUpTitle: string;
}

export interface SettingsFormValues {
  userName: string;
  defaultRegion: string;
  currency: string;
  contactTypes: TypeRow[];
  customFields: CustomFieldRow[];
  callDispositions: TypeRow[];
  slaRules: SlaRuleRow[];
  /** The emergency words, comma-separated as typed. */
  emergencyKeywords: string;
  /** The file size limit in megabytes, as typed. */
  maxFileMb: string;
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
    callDispositions: settings.callDispositions.map((name) => ({ key: newRowKey(), name })),
    slaRules: settings.slaRules.map(slaRuleRow),
    emergencyKeywords: settings.emergencyKeywords.join(', '),
    maxFileMb: String(Math.round((settings.maxFileBytes / 1024 ** 2) * 100) / 100),
  };
}

function slaRuleRow(rule: SlaRule): SlaRuleRow {
  const unit: DurationUnit = rule.withinMinutes % minutesPer.days === 0 ? 'days' : rule.withinMinutes % minutesPer.hours === 0 ? 'hours' : 'minutes';
  return {
    key: newRowKey(),
    id: rule.id,
    name: rule.name,
    contactType: rule.contactType ?? '',
    callOutcome: rule.callOutcome ?? '',
    within: String(rule.withinMinutes / minutesPer[unit]),
    unit,
    followUpTitle: rule.followUpTitle,
  };
}

export function emptySlaRule(): SlaRuleRow {
  return { key: newRowKey(), id: '', name: '', contactType: '', callOutcome: '', within: '2', unit: 'hours', followUpTitle: '' };
}

function toSlaRule(row: SlaRuleRow, taken: Set<string>): SlaRule {
  let id = row.id;
  if (!id) {
    id = fieldIdFor(row.name, taken).replace(/_/g, '-');
    taken.add(id);
  }
  const amount = Number(row.within.replace(',', '.'));
  return {
    id,
    name: row.name.trim(),
    ...(row.contactType ? { contactType: row.contactType } : {}),
    ...(row.callOutcome ? { callOutcome: row.callOutcome } : {}),
    withinMinutes: Number.isFinite(amount) ? Math.round(amount * minutesPer[row.unit]) : Number.NaN,
    followUpTitle: row.followUpTitle.trim(),
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
    callDispositions: values.callDispositions.map((row) => row.name.trim()),
    slaRules: (() => {
      const taken = new Set(values.slaRules.map((row) => row.id).filter(Boolean));
      return values.slaRules.map((row) => toSlaRule(row, taken));
    })(),
    emergencyKeywords: values.emergencyKeywords
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean),
    maxFileBytes: Math.round(Number(values.maxFileMb.replace(',', '.')) * 1024 ** 2),
  };
}

/**
 * Error key for a settings path: 'userName', 'contactTypes', 'type:<key>', 'field:<key>.label',
 * 'outcome:<key>', 'sla:<key>.<name|contactType|within|followUpTitle>'.
 */
export function settingsErrorKey(path: string, values: SettingsFormValues): string {
  const [field, index, part] = path.split('.');
  if (field === 'contactTypes' && index !== undefined) return `type:${values.contactTypes[Number(index)]?.key ?? ''}`;
  if (field === 'callDispositions' && index !== undefined) return `outcome:${values.callDispositions[Number(index)]?.key ?? ''}`;
  if (field === 'slaRules' && index !== undefined) {
    const key = values.slaRules[Number(index)]?.key ?? '';
    const which = part === 'withinMinutes' ? 'within' : part === 'followUpTitle' || part === 'contactType' ? part : part === 'callOutcome' ? 'contactType' : 'name';
    return `sla:${key}.${which}`;
  }
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
  const outcomes = new Set<string>();
  values.callDispositions.forEach((row) => {
    const name = row.name.trim().toLowerCase();
    if (!name) errors[`outcome:${row.key}`] = 'Name this outcome, or remove it';
    else if (outcomes.has(name)) errors[`outcome:${row.key}`] = 'This outcome is already in the list';
    outcomes.add(name);
  });
  for (const row of values.slaRules) {
    if (!row.name.trim()) errors[`sla:${row.key}.name`] = 'Name the rule';
    if (!row.contactType && !row.callOutcome) errors[`sla:${row.key}.contactType`] = 'Choose a contact type, a call outcome, or both';
    const amount = Number(row.within.replace(',', '.'));
    if (!Number.isFinite(amount) || amount <= 0) errors[`sla:${row.key}.within`] = 'Enter how long, e.g. 2';
    if (!row.followUpTitle.trim()) errors[`sla:${row.key}.followUpTitle`] = 'Say what the follow-up is, e.g. Call back';
  }
  const megabytes = Number(values.maxFileMb.replace(',', '.'));
  if (!Number.isFinite(megabytes) || megabytes < 0.01 || megabytes > 2048) errors.maxFileBytes = 'Enter a size from 0.01 to 2048 MB';
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
