import {
  ContactDraftSchema,
  contactKinds,
  contactStatuses,
  type ContactKind,
  type ContactStatus,
} from '../../../src-shared/domain/contact';
import type { AddressImportField, ImportedContact, ScalarImportField } from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { formatPhone } from '../../../src-shared/phone';
import {
  checkCustomFields,
  checkEmails,
  checkPhones,
  checkTags,
  pickAddress,
  type AddressParts,
  type RawCustomValue,
  type RawEmail,
  type RawPhone,
} from './contact-fields';
import { KeptValues, type ValueWarning } from './kept-values';
import { moneyMessages, readMoney } from '../../../src-shared/money';
import { regionOfCountryName, type PhoneReader } from '../../../src-shared/phone';
import { parseIsoMoment, parseYesNo } from '../formats/values';

// From the raw values one row or card gave for each field to a contact as it will be stored.
// CSV rows (apply-mapping.ts) and vCards (vcard/to-collected.ts) both end here, so both follow
// the same rule (kept-values.ts): a value that cannot be used is kept as written and warned
// about; only a row with nothing left to name the contact by is refused.

/** A picture that came with the row (a vCard PHOTO), already checked to be an image. */
export interface ImportedPhoto {
  bytes: Uint8Array;
  mimeType: string;
}

/** What one row or card says, before any checking. Scalars: '' = present but empty. */
export interface CollectedContact {
  scalars: Partial<Record<ScalarImportField, string>>;
  summary: string[];
  tags: string[];
  /** Tags already separated (vCard CATEGORIES): not split again at `;`. */
  exactTags: string[];
  phones: RawPhone[];
  emails: RawEmail[];
  /** By group: per row the lowest group with a value is the contact's address. */
  addresses: Map<number, AddressParts>;
  custom: Map<string, RawCustomValue>;
  photo: ImportedPhoto | null;
  /** What reading the row already found (a vCard line that is not a property, a photo that is not an image). */
  warnings: ValueWarning[];
  /** Values reading found no use for that are kept in the summary as written (a photo given as a link). */
  keptAsWritten: { what: string; value: string; problem: string; line: number }[];
}

export function emptyCollected(): CollectedContact {
  return {
    scalars: {},
    summary: [],
    tags: [],
    exactTags: [],
    phones: [],
    emails: [],
    addresses: new Map(),
    custom: new Map(),
    photo: null,
    warnings: [],
    keptAsWritten: [],
  };
}

/** Several sources for one field: the first non-empty value wins; an empty one still marks the field present. */
export function collectScalar(collected: CollectedContact, field: ScalarImportField, value: string): void {
  const current = collected.scalars[field];
  if (current === undefined || current === '') collected.scalars[field] = value;
}

export function collectAddress(collected: CollectedContact, group: number, field: AddressImportField, value: string): void {
  if (!value) return;
  const parts = collected.addresses.get(group) ?? {};
  (parts[field] ??= []).push(value);
  collected.addresses.set(group, parts);
}

/** Fields an update may change: those the file gave a usable value for. */
export type MergeField =
  | 'kind'
  | 'name'
  | 'company'
  | 'jobTitle'
  | 'phones'
  | 'emails'
  | AddressImportField
  | 'contactType'
  | 'status'
  | 'owner'
  | 'source'
  | 'tags'
  | 'potentialValue'
  | 'summary'
  | 'doNotContact'
  | 'customFields'
  | 'photo';

export interface BuildContext {
  /** Region for numbers written without a country code. */
  region: string;
  defaults: { contactType: string; owner: string; currency: string };
  customFields: ReadonlyMap<string, CustomFieldDef>;
  /** A lone comma in an amount is a decimal comma (files delimited by `;`). */
  decimalComma: boolean;
  /** Reads numbers for this import: parsing a number is the dearest step of a row, so each text is read once per country. */
  readPhone: PhoneReader;
  /** Google marks its own groups "* myContacts", "* starred": drop the first, unstar the others. */
  googleLabels: boolean;
  /** How messages name one record of the file; "row" when absent. */
  recordNoun?: 'row' | 'card';
}

export type BuildResult =
  | { ok: true; contact: ImportedContact; present: Set<MergeField>; warnings: ValueWarning[]; photo: ImportedPhoto | null }
  | { ok: false; reason: string };

const idPattern = /^[A-Za-z0-9_.-]{1,64}$/;
const summaryLimit = 5000;
const textFields = [
  ['company', 'company'],
  ['jobTitle', 'job title'],
  ['contactType', 'contact type'],
  ['owner', 'owner'],
  ['source', 'source'],
] as const;

export function buildContact(collected: CollectedContact, context: BuildContext): BuildResult {
  const s = collected.scalars;
  const present = new Set<MergeField>();
  const kept = new KeptValues();
  for (const warning of collected.warnings) kept.note(warning);
  for (const value of collected.keptAsWritten) kept.keep(value.what, value.value, value.problem, value.line);
  const text = (field: ScalarImportField) => (s[field] ?? '').trim();
  const shape = ContactDraftSchema.shape;

  let id = text('id');
  if (id && !idPattern.test(id)) {
    kept.skip(`Id "${id}" is not a Fieldbook id (letters, digits, - _ . up to 64); a new id is made`);
    id = '';
  }

  // A row's numbers are read in the country of its address when it has one ("USA", "Ireland").
  const addressRegion = regionOfCountryName(firstAddressCountry(collected.addresses));
  const phoneRegion = addressRegion ?? context.region;
  const phones = checkPhones(collected.phones, phoneRegion, context.readPhone, kept);
  const emails = checkEmails(collected.emails, kept);
  if (phones.length > 0) present.add('phones');
  if (emails.length > 0) present.add('emails');

  let kind: ContactKind | undefined;
  if (text('kind')) {
    kind = parseKind(text('kind'));
    if (kind) present.add('kind');
    else kept.keep('kind', text('kind'), `Kind "${text('kind')}" is not person or company`);
  }

  const usable: Record<(typeof textFields)[number][0], string> = { company: '', jobTitle: '', contactType: '', owner: '', source: '' };
  for (const [field, label] of textFields) {
    const value = text(field);
    if (!value) continue;
    if (shape[field].safeParse(value).success) {
      usable[field] = value;
      present.add(field);
    } else kept.keep(label, value, `The ${label} "${value.slice(0, 40)}…" is longer than Fieldbook keeps`);
  }
  const company = usable.company;

  let name = text('name') || [text('namePrefix'), text('firstName'), text('middleName'), text('lastName'), text('nameSuffix')].filter(Boolean).join(' ');
  if (name && !shape.name.safeParse(name).success) {
    kept.keep('name', name, `The name "${name.slice(0, 40)}…" is longer than 200 characters`);
    name = '';
  }
  if (name) present.add('name');
  if (!name && company) {
    name = company;
    kind ??= 'company';
  }
  if (!name) name = emails[0]?.address ?? (phones[0] ? formatPhone(phones[0].e164) : '');
  if (!name) {
    const noun = context.recordNoun ?? 'row';
    const lost = kept.asWritten.length > 0 ? ` (what it has cannot be used: ${kept.asWritten.map((line) => line.replace(/^[^:]*:\s*/, '')).join('; ')})` : '';
    return { ok: false, reason: `The ${noun} has no name, company, e-mail or phone Fieldbook can use${lost}.` };
  }

  let status: ContactStatus = 'active';
  if (text('status')) {
    const wanted = text('status').toLowerCase();
    const known = contactStatuses.find((candidate) => candidate === wanted);
    if (known) {
      status = known;
      present.add('status');
    } else kept.keep('status', text('status'), `Status "${text('status')}" is not one of ${contactStatuses.join(', ')}`);
  }

  let potentialValue: ImportedContact['potentialValue'] = null;
  if (text('potentialValue')) {
    const currency = (text('currency') || context.defaults.currency).toUpperCase();
    const reading = /^[A-Z]{3}$/.test(currency) ? readMoney(text('potentialValue'), currency, 'nonNegative', { decimalComma: context.decimalComma }) : null;
    if (reading?.ok && reading.amountMinor !== null) {
      potentialValue = { amountMinor: reading.amountMinor, currency };
      present.add('potentialValue');
    } else {
      const why = !reading
        ? `is in "${currency}", which is not a currency code such as EUR`
        : reading.ok || reading.error === moneyMessages.notAnAmount
          ? 'is not an amount such as 1234.50'
          : reading.error.replace(/^(This|That) amount /, '');
      kept.keep('potential value', `${text('potentialValue')} ${text('currency')}`.trim(), `Potential value "${text('potentialValue')}" ${why}`);
    }
  }

  const moment = (field: 'createdAt' | 'updatedAt', label: string): number | null => {
    const raw = text(field);
    if (!raw) return null;
    const parsed = parseIsoMoment(raw);
    if (parsed === null) kept.keep(label.toLowerCase(), raw, `${label} "${raw}" is not a date such as 2026-01-31 or 2026-01-31T09:30:00Z`);
    return parsed;
  };
  const createdAt = moment('createdAt', 'Created');
  const updatedAt = moment('updatedAt', 'Updated');

  let doNotContact = false;
  if (text('doNotContact')) {
    const flag = parseYesNo(text('doNotContact'));
    if (flag !== null) {
      doNotContact = flag;
      present.add('doNotContact');
    } else kept.keep('do not contact', text('doNotContact'), `Do not contact "${text('doNotContact')}" is not yes or no`);
  }

  const tags = checkTags(collected.tags, collected.exactTags, context.googleLabels, kept);
  if (tags.length > 0) present.add('tags');
  const address = pickAddress(collected.addresses, kept);
  for (const part of Object.keys(address) as AddressImportField[]) if (address[part]) present.add(part);
  const customFields = checkCustomFields(collected.custom, context.customFields, kept);
  if (Object.keys(customFields).length > 0) present.add('customFields');
  if (collected.photo) present.add('photo');

  // Last, so that every value kept as written is in it.
  const summary = composeSummary(collected.summary, kept);
  if (summary) present.add('summary');

  return {
    ok: true,
    present,
    warnings: kept.warnings,
    photo: collected.photo,
    contact: {
      id: id || null,
      kind: kind ?? 'person',
      name,
      company,
      jobTitle: usable.jobTitle,
      phones,
      emails,
      address,
      contactType: usable.contactType || context.defaults.contactType,
      status,
      owner: s.owner !== undefined ? usable.owner : context.defaults.owner,
      source: usable.source,
      tags,
      potentialValue,
      summary,
      doNotContact,
      customFields,
      createdAt,
      updatedAt,
    },
  };
}

function composeSummary(parts: string[], kept: KeptValues): string {
  const written = parts.filter((part) => part.trim() !== '').join('\n\n');
  const asWritten = kept.asWritten.join('\n');
  const summary = [written, asWritten].filter(Boolean).join('\n\n');
  if (summary.length <= summaryLimit) return summary;
  // The summary is where values are kept; past its limit the end is cut, and the report says what.
  const cut = summary.slice(summaryLimit).replace(/\s+/g, ' ').trim();
  kept.note({ line: null, reason: `The summary is ${summary.length} characters; Fieldbook keeps ${summaryLimit}, so the end was left out ("${cut.slice(0, 60)}${cut.length > 60 ? '…' : ''}").` });
  return summary.slice(0, summaryLimit);
}

function parseKind(raw: string): ContactKind | undefined {
  const text = raw.toLowerCase();
  if ((contactKinds as readonly string[]).includes(text)) return text as ContactKind;
  if (/^(org|organi[sz]ation|business|firma|unternehmen|entreprise|empresa)$/.test(text)) return 'company';
  if (/^(individual|people|personne|persona)$/.test(text)) return 'person';
  return undefined;
}

/** The country of the row's address: the lowest group that names one. */
function firstAddressCountry(addresses: Map<number, AddressParts>): string {
  for (const group of [...addresses.keys()].sort((a, b) => a - b)) {
    const country = addresses.get(group)?.country?.find((value) => value.trim());
    if (country) return country;
  }
  return '';
}
