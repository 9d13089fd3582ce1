import {
  ContactDraftSchema,
  contactKinds,
  contactStatuses,
  EmailSchema,
  phoneTypes,
  type ContactKind,
  type ContactStatus,
  type CustomFieldValues,
  type Email,
  type EmailType,
  type Phone,
  type PhoneType,
} from '../../../src-shared/domain/contact';
import type { AddressImportField, ImportedContact, ScalarImportField } from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { formatPhone, normalisePhone } from '../../../src-shared/phone';
import { parseAmount, parseIsoMoment, parseYesNo, splitValues } from '../formats/values';

// From the raw values one row or card gave for each field to a contact as it will be stored,
// or the reason it cannot be. CSV rows (apply-mapping.ts) and vCards (vcard.ts) both end here,
// so both follow the same rules.

export interface RawPhone {
  type: PhoneType;
  number: string;
  /** Where it came from, for messages: a column header or a vCard property. */
  origin: string;
  /** Numbers from different places that are the same are stored once; within one list cell all are kept. */
  cell: number;
}

export interface RawEmail {
  type: EmailType;
  address: string;
  origin: string;
  cell: number;
}

type AddressParts = Partial<Record<AddressImportField, string[]>>;

/** What one row or card says, before any checking. Scalars: '' = present but empty. */
export interface CollectedContact {
  scalars: Partial<Record<ScalarImportField, string>>;
  summary: string[];
  tags: string[];
  phones: RawPhone[];
  emails: RawEmail[];
  /** By group: per row the lowest group with a value is the contact's address. */
  addresses: Map<number, AddressParts>;
  custom: Map<string, { value: string; origin: string }>;
}

export function emptyCollected(): CollectedContact {
  return { scalars: {}, summary: [], tags: [], phones: [], emails: [], addresses: new Map(), custom: new Map() };
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

/** Fields an update may change: those the file gave a value for. */
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
  | 'customFields';

export interface BuildContext {
  /** Region for numbers written without a country code. */
  region: string;
  defaults: { contactType: string; owner: string; currency: string };
  customFields: ReadonlyMap<string, CustomFieldDef>;
  /** A lone comma in an amount is a decimal comma (files delimited by `;`). */
  decimalComma: boolean;
  /** E.164 by number as written, for this import: parsing a number is the dearest step of a row. */
  phoneCache: Map<string, string | null>;
  /** Google marks its own groups "* myContacts", "* starred": drop the first, unstar the others. */
  googleLabels: boolean;
}

export type BuildResult =
  | { ok: true; contact: ImportedContact; present: Set<MergeField> }
  | { ok: false; reason: string };

const idPattern = /^[A-Za-z0-9_.-]{1,64}$/;
const fieldLabels: Record<string, string> = {
  name: 'Name',
  company: 'Company',
  jobTitle: 'Job title',
  contactType: 'Contact type',
  owner: 'Owner',
  source: 'Source',
  tags: 'Tags',
  summary: 'Summary',
  address: 'Address',
  emails: 'E-mails',
};

class RowRejected extends Error {}
const reject = (reason: string): never => {
  throw new RowRejected(reason);
};

export function buildContact(collected: CollectedContact, context: BuildContext): BuildResult {
  try {
    return buildOrThrow(collected, context);
  } catch (error) {
    if (error instanceof RowRejected) return { ok: false, reason: error.message };
    throw error;
  }
}

function buildOrThrow(collected: CollectedContact, context: BuildContext): BuildResult {
  const s = collected.scalars;
  const present = new Set<MergeField>();
  const text = (field: ScalarImportField) => (s[field] ?? '').trim();

  const id = text('id');
  if (id && !idPattern.test(id)) reject(`Id "${id}" is not a Fieldbook id (letters, digits, - _ . up to 64).`);

  const phones = normalisePhones(collected.phones, context);
  const emails = checkEmails(collected.emails);
  if (collected.phones.length > 0) present.add('phones');
  if (collected.emails.length > 0) present.add('emails');

  let kind: ContactKind | undefined;
  if (text('kind')) {
    kind = parseKind(text('kind')) ?? reject(`Kind "${text('kind')}" is not person or company.`);
    present.add('kind');
  }
  const company = text('company');
  if (company) present.add('company');
  let name = text('name') || [text('namePrefix'), text('firstName'), text('middleName'), text('lastName'), text('nameSuffix')].filter(Boolean).join(' ');
  if (name) present.add('name');
  if (!name && company) {
    name = company;
    kind ??= 'company';
  }
  if (!name) name = emails[0]?.address ?? (phones[0] ? formatPhone(phones[0].e164) : '');
  if (!name) reject('The row has no name, company, e-mail or phone.');

  let status: ContactStatus = 'active';
  if (text('status')) {
    const wanted = text('status').toLowerCase();
    status = contactStatuses.find((known) => known === wanted) ?? reject(`Status "${text('status')}" is not one of ${contactStatuses.join(', ')}.`);
    present.add('status');
  }

  const currency = (text('currency') || context.defaults.currency).toUpperCase();
  let potentialValue: ImportedContact['potentialValue'] = null;
  if (text('potentialValue')) {
    if (!/^[A-Z]{3}$/.test(currency)) reject(`Currency "${currency}" is not a three-letter code such as EUR.`);
    const amountMinor = parseAmount(text('potentialValue'), currency, context.decimalComma);
    if (amountMinor === null || amountMinor < 0) reject(`Potential value "${text('potentialValue')}" is not an amount such as 1234.50.`);
    potentialValue = { amountMinor: amountMinor!, currency };
    present.add('potentialValue');
  }

  const moment = (field: ScalarImportField, label: string): number | null => {
    const raw = text(field);
    if (!raw) return null;
    return parseIsoMoment(raw) ?? reject(`${label} "${raw}" is not a date such as 2026-01-31 or 2026-01-31T09:30:00Z.`);
  };
  const createdAt = moment('createdAt', 'Created');
  const updatedAt = moment('updatedAt', 'Updated');

  let doNotContact = false;
  if (text('doNotContact')) {
    doNotContact = parseYesNo(text('doNotContact')) ?? reject(`Do not contact "${text('doNotContact')}" is not yes or no.`);
    present.add('doNotContact');
  }

  const tags = tagsOf(collected.tags, context.googleLabels);
  if (tags.length > 0) present.add('tags');
  const summary = collected.summary.filter((part) => part.trim() !== '').join('\n\n');
  if (summary) present.add('summary');
  const address = pickAddress(collected.addresses, present);
  const customFields = checkCustomFields(collected.custom, context.customFields);
  if (Object.keys(customFields).length > 0) present.add('customFields');

  const owner = s.owner !== undefined ? s.owner.trim() : context.defaults.owner;
  if (s.owner !== undefined && s.owner.trim()) present.add('owner');
  const contactType = text('contactType') || context.defaults.contactType;
  if (text('contactType')) present.add('contactType');
  if (text('source')) present.add('source');
  if (text('jobTitle')) present.add('jobTitle');

  const draft = ContactDraftSchema.safeParse({
    kind: kind ?? 'person',
    name,
    company,
    jobTitle: text('jobTitle'),
    emails,
    address,
    contactType,
    status,
    owner,
    source: text('source'),
    tags,
    potentialValue,
    summary,
    doNotContact,
  });
  if (!draft.success) {
    const issue = draft.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    reject(`${fieldLabels[field] ?? field}: ${issue.message}`);
  }
  if (phones.length > 20) reject(`The row has ${phones.length} phone numbers; a contact keeps at most 20.`);
  const parsed = draft.data!;
  return {
    ok: true,
    present,
    contact: {
      id: id || null,
      kind: parsed.kind,
      name: parsed.name,
      company: parsed.company,
      jobTitle: parsed.jobTitle,
      phones,
      emails: parsed.emails,
      address: parsed.address,
      contactType: parsed.contactType ?? contactType,
      status: parsed.status,
      owner: parsed.owner ?? owner,
      source: parsed.source,
      tags: parsed.tags,
      potentialValue: parsed.potentialValue,
      summary: parsed.summary,
      doNotContact: parsed.doNotContact,
      customFields,
      createdAt,
      updatedAt,
    },
  };
}

function parseKind(raw: string): ContactKind | undefined {
  const text = raw.toLowerCase();
  if ((contactKinds as readonly string[]).includes(text)) return text as ContactKind;
  if (/^(org|organi[sz]ation|business|firma|unternehmen|entreprise|empresa)$/.test(text)) return 'company';
  if (/^(individual|people|personne|persona)$/.test(text)) return 'person';
  return undefined;
}

function normalisePhones(raw: RawPhone[], context: BuildContext): Phone[] {
  const phones: Phone[] = [];
  const seenIn = new Map<string, number>();
  for (const entry of raw) {
    let e164 = context.phoneCache.get(entry.number);
    if (e164 === undefined) {
      e164 = normalisePhone(entry.number, context.region);
      context.phoneCache.set(entry.number, e164);
    }
    if (!e164) reject(`Phone "${entry.number}" (${entry.origin}) is not a number Fieldbook can read (region ${context.region}).`);
    const cell = seenIn.get(e164!);
    // Outlook's "Primary Phone" often repeats "Mobile Phone": one number, stored once.
    if (cell !== undefined && cell !== entry.cell) continue;
    seenIn.set(e164!, entry.cell);
    phones.push({ type: entry.type, e164: e164! });
  }
  return phones;
}

function checkEmails(raw: RawEmail[]): Email[] {
  const emails: Email[] = [];
  const seenIn = new Map<string, number>();
  for (const entry of raw) {
    const parsed = EmailSchema.safeParse({ type: entry.type, address: entry.address });
    if (!parsed.success) reject(`E-mail "${entry.address}" (${entry.origin}) is not a valid address.`);
    const key = parsed.data!.address.toLowerCase();
    const cell = seenIn.get(key);
    if (cell !== undefined && cell !== entry.cell) continue;
    seenIn.set(key, entry.cell);
    emails.push(parsed.data!);
  }
  if (emails.length > 20) reject(`The row has ${emails.length} e-mail addresses; a contact keeps at most 20.`);
  return emails;
}

function tagsOf(raw: string[], googleLabels: boolean): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    for (let tag of splitValues(value)) {
      if (googleLabels) {
        // Everyone is in Google's "* myContacts", which says nothing about a contact.
        if (/^\*\s*mycontacts$/i.test(tag)) continue;
        tag = tag.replace(/^\*\s+/, '');
      }
      const key = tag.toLocaleLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

function pickAddress(addresses: Map<number, AddressParts>, present: Set<MergeField>) {
  const empty = { street: '', city: '', region: '', postcode: '', country: '' };
  const groups = [...addresses.keys()].sort((a, b) => a - b);
  const chosen = groups.map((group) => addresses.get(group)!).find((parts) => Object.values(parts).some((values) => values.length > 0));
  if (!chosen) return empty;
  const join = (field: AddressImportField) => joinStreet(chosen[field] ?? []);
  const address = { street: join('street'), city: join('city'), region: join('region'), postcode: join('postcode'), country: join('country') };
  for (const field of Object.keys(address) as AddressImportField[]) if (address[field]) present.add(field);
  return address;
}

/** "12" + "High Street" -> "12 High Street"; "Unit 4" + "High Street" -> "Unit 4, High Street". */
function joinStreet(parts: string[]): string {
  return parts.reduce((joined, part) => (!joined ? part : /^\d+[a-z]?$/i.test(joined) ? `${joined} ${part}` : `${joined}, ${part}`), '');
}

function checkCustomFields(raw: Map<string, { value: string; origin: string }>, defs: ReadonlyMap<string, CustomFieldDef>): CustomFieldValues {
  const values: CustomFieldValues = {};
  for (const [id, { value, origin }] of raw) {
    const def = defs.get(id);
    if (!def || value.trim() === '') continue;
    const trimmed = value.trim();
    switch (def.kind) {
      case 'number': {
        const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed.replace(',', '.')) ? Number(trimmed.replace(',', '.')) : NaN;
        if (!Number.isFinite(number)) reject(`${def.label} "${trimmed}" (${origin}) is not a number.`);
        values[id] = number;
        break;
      }
      case 'date': {
        const moment = parseIsoMoment(trimmed);
        if (moment === null) reject(`${def.label} "${trimmed}" (${origin}) is not a date such as 2026-01-31.`);
        values[id] = new Date(moment!).toISOString().slice(0, 10);
        break;
      }
      case 'choice': {
        const choice = def.choices.find((known) => known.toLowerCase() === trimmed.toLowerCase());
        if (!choice) reject(`${def.label} "${trimmed}" (${origin}) is not one of: ${def.choices.join(', ')}.`);
        values[id] = choice!;
        break;
      }
      case 'text':
        if (value.length > 2000) reject(`${def.label} (${origin}) is longer than 2000 characters.`);
        values[id] = value;
        break;
    }
  }
  return values;
}

/** Entries of our own phone list form "mobile +447700900123; work 020 7946 0958". */
export function parsePhoneList(cell: string, origin: string, cellIndex: number): RawPhone[] {
  return splitValues(cell).map((entry) => {
    const match = /^([a-z]+)\s+(.+)$/i.exec(entry);
    const type = match && (phoneTypes as readonly string[]).includes(match[1]!.toLowerCase()) ? (match[1]!.toLowerCase() as PhoneType) : null;
    return { type: type ?? 'other', number: type ? match![2]! : entry, origin, cell: cellIndex };
  });
}

/** Entries of our own e-mail list form "work ann@example.com; personal ann@home.example". */
export function parseEmailList(cell: string, origin: string, cellIndex: number): RawEmail[] {
  return splitValues(cell, true).map((entry) => {
    const match = /^(work|personal|other)\s+(\S+)$/i.exec(entry);
    return match
      ? { type: match[1]!.toLowerCase() as EmailType, address: match[2]!, origin, cell: cellIndex }
      : { type: 'other' as const, address: entry, origin, cell: cellIndex };
  });
}
