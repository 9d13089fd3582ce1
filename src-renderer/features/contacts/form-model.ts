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
import { minorToDecimal, readMoney } from '../../../src-shared/money';
import { formatPhone } from '../../../src-shared/phone';
import { numberToSend, questionFor, regionOfStored, rowRegion } from './phone-country';

// The contact form edits strings (what inputs hold); this module converts between them and the
// contract's draft and patch, and maps validation paths back to the input that caused them.

/** One phone or e-mail being edited; `key` keeps React's identity while rows are added and removed. */
export interface MethodRow<Type extends string> {
  key: string;
  type: Type;
  value: string;
  /** Phones only: the country the number is read in, when chosen for this number (phone-country.ts). */
  region?: string | undefined;
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
    phones: contact.phones.map((phone) => ({ key: newRowKey(), type: phone.type, value: formatPhone(phone.e164), region: regionOfStored(phone.e164) })),
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

export interface DraftResult {
  draft: ContactDraft;
  errors: FormErrors;
  /** Row keys in the order their rows were sent, to place errors the core reports by index. */
  sentPhoneKeys: string[];
  sentEmailKeys: string[];
}

export function toDraft(values: ContactFormValues, customDefs: readonly CustomFieldDef[], officeRegion: string): DraftResult {
  const errors: FormErrors = {};
  const phones = values.phones.filter((row) => row.value.trim() !== '');
  // A number that is no number in its country but a valid one elsewhere is asked about (the row
  // shows the question) and not saved until the person answers.
  for (const row of phones) {
    const question = questionFor(row, rowRegion(row, values.address.country, officeRegion));
    if (question) errors[`phone:${row.key}`] = 'Answer the question about this number below, or correct it.';
  }
  const emails = values.emails.filter((row) => row.value.trim() !== '');

  const potential = readMoney(values.potentialValue, values.currency, 'nonNegative');
  if (!potential.ok) errors.potentialValue = potential.error;
  const amountMinor = potential.ok ? potential.amountMinor : null;

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
    phones: phones.map((row) => ({ type: row.type, number: numberToSend(row, rowRegion(row, values.address.country, officeRegion)) })),
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

/**
 * Only the fields that differ from how the form started, so edits elsewhere are not overwritten;
 * of the custom fields, only those that differ (the core sets the ones a patch names).
 */
export function toPatch(initial: ContactDraft, current: ContactDraft): ContactPatch {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(current)) {
    if (JSON.stringify(value) !== JSON.stringify(initial[field as keyof ContactDraft])) patch[field] = value;
  }
  if (current.customFields && patch.customFields) {
    const before = initial.customFields ?? {};
    patch.customFields = Object.fromEntries(Object.entries(current.customFields).filter(([id, value]) => value !== (before[id] ?? null)));
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
