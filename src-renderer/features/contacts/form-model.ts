import {
  ContactDraftSchema,
  type Address,
  type Contact,
  type ContactDraft,
  type ContactKind,
  type ContactPatch,
  type ContactStatus,
  type CustomFieldValues,
  type EmailType,
  type PhoneType,
} from '../../../src-shared/domain/contact';
import type { CustomFieldDef, Settings } from '../../../src-shared/domain/settings';
import { formatPhone } from '../../../src-shared/phone';
import { currencyDigits } from '../../ui/format';

// The contact form edits strings (what inputs hold); this module converts between them and the
// contract's draft and patch, and maps validation paths back to the input that caused them.

/** One phone or e-mail being edited; `key` keeps React's identity while rows are added and removed. */
export interface MethodRow<Type extends string> {
  key: string;
  type: Type;
  value: string;
}
export type PhoneRow = MethodRow<PhoneType>;
export type EmailRow = MethodRow<EmailType>;

export interface ContactFormValues {
  kind: ContactKind;
  name: string;
  company: string;
  jobTitle: string;
  phones: PhoneRow[];
  emails: EmailRow[];
  address: Address;
  contactType: string;
  status: ContactStatus;
  owner: string;
  source: string;
  tags: string[];
  potentialValue: string;
  currency: string;
  summary: string;
  doNotContact: boolean;
  /**
   * Values of the custom fields defined in settings, as their inputs hold them. Values of fields
   * removed from settings are left out: the core refuses fields it no longer knows.
   */
  custom: Record<string, string>;
}

/** Form errors keyed by input: 'name', 'address.city', 'phone:<row key>', 'custom:<field id>'. */
export type FormErrors = Record<string, string>;

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyForm(settings: Settings): ContactFormValues {
  return {
    kind: 'person',
    name: '',
    company: '',
    jobTitle: '',
    phones: [{ key: newRowKey(), type: 'mobile', value: '' }],
    emails: [{ key: newRowKey(), type: 'work', value: '' }],
    address: { street: '', city: '', region: '', postcode: '', country: '' },
    contactType: settings.contactTypes[0] ?? '',
    status: 'active',
    owner: settings.userName,
    source: '',
    tags: [],
    potentialValue: '',
    currency: settings.currency,
    summary: '',
    doNotContact: false,
    custom: {},
  };
}

export function formFromContact(contact: Contact, settings: Settings): ContactFormValues {
  const custom: Record<string, string> = {};
  for (const def of settings.customFields) {
    const value = contact.customFields[def.id];
    custom[def.id] = value === null || value === undefined ? '' : String(value);
  }
  const currency = contact.potentialValue?.currency ?? settings.currency;
  return {
    kind: contact.kind,
    name: contact.name,
    company: contact.company,
    jobTitle: contact.jobTitle,
    phones: contact.phones.map((phone) => ({ key: newRowKey(), type: phone.type, value: formatPhone(phone.e164) })),
    emails: contact.emails.map((email) => ({ key: newRowKey(), type: email.type, value: email.address })),
    address: { ...contact.address },
    contactType: contact.contactType,
    status: contact.status,
    owner: contact.owner,
    source: contact.source,
    tags: [...contact.tags],
    potentialValue: contact.potentialValue ? minorToDecimal(contact.potentialValue.amountMinor, currency) : '',
    currency,
    summary: contact.summary,
    doNotContact: contact.doNotContact,
    custom,
  };
}

function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(amountMinor) : (amountMinor / 10 ** digits).toFixed(digits);
}

/** "1,250.50" or "1250,5" to integer minor units; null for empty, undefined for nonsense. */
export function parseMoney(text: string, currency: string): number | null | undefined {
  let cleaned = text.replace(/[\s\u00a0']/g, '');
  if (cleaned === '') return null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  // Rounding by string keeps 0.29 from becoming 28 minor units through binary floats.
  const whole = Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits) || '0');
  const roundUp = Number(fraction.charAt(digits) || '0') >= 5 ? 1 : 0;
  return whole + roundUp;
}

export interface DraftResult {
  draft: ContactDraft;
  errors: FormErrors;
  /** Row keys in the order their rows were sent, to place errors the core reports by index. */
  sentPhoneKeys: string[];
  sentEmailKeys: string[];
}

export function toDraft(values: ContactFormValues, customDefs: readonly CustomFieldDef[]): DraftResult {
  const errors: FormErrors = {};
  const phones = values.phones.filter((row) => row.value.trim() !== '');
  const emails = values.emails.filter((row) => row.value.trim() !== '');

  const amountMinor = parseMoney(values.potentialValue, values.currency);
  if (amountMinor === undefined) errors.potentialValue = 'Enter an amount such as 1500 or 1,250.50';

  const customFields: CustomFieldValues = {};
  for (const def of customDefs) {
    const raw = (values.custom[def.id] ?? '').trim();
    if (raw === '') {
      customFields[def.id] = null;
    } else if (def.kind === 'number') {
      const number = Number(raw.replace(',', '.'));
      if (Number.isFinite(number)) customFields[def.id] = number;
      else errors[`custom:${def.id}`] = 'Enter a number';
    } else {
      customFields[def.id] = raw;
    }
  }

  const draft: ContactDraft = {
    kind: values.kind,
    name: values.name,
    company: values.company,
    jobTitle: values.jobTitle,
    phones: phones.map(({ type, value }) => ({ type, number: value })),
    emails: emails.map(({ type, value }) => ({ type, address: value })),
    address: values.address,
    contactType: values.contactType,
    status: values.status,
    owner: values.owner,
    source: values.source,
    tags: values.tags,
    potentialValue: amountMinor ? { amountMinor, currency: values.currency } : null,
    summary: values.summary,
    doNotContact: values.doNotContact,
    customFields,
  };

  const sentPhoneKeys = phones.map((row) => row.key);
  const sentEmailKeys = emails.map((row) => row.key);
  const parsed = ContactDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = formErrorKey(issue.path.map(String).join('.'), sentPhoneKeys, sentEmailKeys);
      errors[key] ??= issue.message;
    }
  }
  return { draft, errors, sentPhoneKeys, sentEmailKeys };
}

/** Only the fields that differ from how the form started, so edits elsewhere are not overwritten. */
export function toPatch(initial: ContactDraft, current: ContactDraft): ContactPatch {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(current)) {
    if (JSON.stringify(value) !== JSON.stringify(initial[field as keyof ContactDraft])) patch[field] = value;
  }
  return patch as ContactPatch;
}

/** A dotted contract path ('draft.phones.1.number', 'patch.name') to the input it belongs to. */
export function formErrorKey(path: string, sentPhoneKeys: string[], sentEmailKeys: string[]): string {
  const parts = path.replace(/^(draft|patch)\./, '').split('.');
  const [field, index] = parts;
  if (field === 'phones' && index !== undefined) return `phone:${sentPhoneKeys[Number(index)] ?? ''}`;
  if (field === 'emails' && index !== undefined) return `email:${sentEmailKeys[Number(index)] ?? ''}`;
  if (field === 'customFields' && index !== undefined) return `custom:${index}`;
  if (field === 'address' && index !== undefined) return `address.${index}`;
  if (field === 'potentialValue') return 'potentialValue';
  return field || 'form';
}

export type SetFormField = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) => void;

/** The error keys an edit of `field` makes obsolete. */
export function errorKeysOf(field: keyof ContactFormValues, errors: FormErrors): string[] {
  const prefix = { phones: 'phone:', emails: 'email:', custom: 'custom:', address: 'address.' }[field as string];
  if (prefix) return Object.keys(errors).filter((key) => key.startsWith(prefix));
  return [field];
}

/** Field errors for a core refusal that names a field; undefined when it names none. */
export function fieldErrorsFrom(
  error: { field?: string | undefined; message: string },
  sent: Pick<DraftResult, 'sentPhoneKeys' | 'sentEmailKeys'>,
): FormErrors | undefined {
  if (!error.field) return undefined;
  const key = formErrorKey(error.field, sent.sentPhoneKeys, sent.sentEmailKeys);
  return key === 'form' ? undefined : { [key]: error.message.replace(/^[\w.]+: /, '') };
}
