import {
  AddressSchema,
  EmailSchema,
  phoneTypes,
  type Address,
  type CustomFieldValues,
  type Email,
  type EmailType,
  type Phone,
  type PhoneType,
} from '../../../src-shared/domain/contact';
import type { AddressImportField } from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { countryAdjective, formatPhone, type PhoneElsewhere, type PhoneReader } from '../../../src-shared/phone';
import type { KeptValues } from './kept-values';
import { isPlaceholder, parseIsoMoment, phoneProblem, splitValues } from '../formats/values';
import { rememberSearchDigits } from '../../contacts/search-digits';

// The lists and groups of a contact checked value by value (contact-builder.ts has the flow):
// what cannot be used goes to the KeptValues of the row, and the rest is stored.

export interface RawPhone {
  type: PhoneType;
  number: string;
  /** Where it came from, for messages: a column header or a vCard property. */
  origin: string;
  /** Numbers from different places that are the same are stored once; within one list cell all are kept. */
  cell: number;
  /** The file line of a vCard property; the row's line when absent. */
  line?: number;
}

export interface RawEmail {
  type: EmailType;
  address: string;
  origin: string;
  cell: number;
  line?: number;
}

export type AddressParts = Partial<Record<AddressImportField, string[]>>;

/** A contact keeps at most this many phones and e-mails (ContactDraftSchema). */
const listLimit = 20;

export function checkPhones(raw: RawPhone[], region: string, readPhone: PhoneReader, kept: KeptValues): Phone[] {
  const phones: Phone[] = [];
  const seenIn = new Map<string, number>();
  for (const entry of raw) {
    const line = entry.line ?? null;
    if (isPlaceholder(entry.number, 'phone')) {
      kept.skip(`Phone "${entry.number}" (${entry.origin}) is a placeholder, not a number`, line);
      continue;
    }
    const { e164, elsewhere, searchDigits } = readPhone(entry.number, region);
    if (elsewhere) {
      // Not stored as the wrong country's number: kept as written, and the report asks.
      kept.keep('phone', entry.number, `Phone "${entry.number}" (${entry.origin}) ${elsewhereProblem(elsewhere, region)}`, line);
      continue;
    }
    if (!e164) {
      kept.keep('phone', entry.number, `Phone "${entry.number}" (${entry.origin}) ${phoneProblem(entry.number, region)}`, line);
      continue;
    }
    const cell = seenIn.get(e164);
    // Outlook's "Primary Phone" often repeats "Mobile Phone": one number, stored once.
    if (cell !== undefined && cell !== entry.cell) continue;
    seenIn.set(e164, entry.cell);
    if (phones.length === listLimit) {
      kept.keep('phone', entry.number, `Phone "${entry.number}" (${entry.origin}) is past the ${listLimit} numbers a contact keeps`, line);
      continue;
    }
    // The contact indexer finds them when the row is written, instead of parsing the number again.
    if (searchDigits) rememberSearchDigits(e164, searchDigits);
    phones.push({ type: entry.type, e164 });
  }
  return phones;
}

/** 'is not a valid UK number. Is this a US number? If so: +1 212 555 0187' — the contact form asks the same. */
function elsewhereProblem(elsewhere: PhoneElsewhere, region: string): string {
  return `is not a valid ${countryAdjective(region)} number. ${elsewhere.question} If so: ${formatPhone(elsewhere.e164)}`;
}

export function checkEmails(raw: RawEmail[], kept: KeptValues): Email[] {
  const emails: Email[] = [];
  const seenIn = new Map<string, number>();
  for (const entry of raw) {
    const line = entry.line ?? null;
    if (isPlaceholder(entry.address, 'email')) {
      kept.skip(`E-mail "${entry.address}" (${entry.origin}) is a placeholder, not an address`, line);
      continue;
    }
    const parsed = EmailSchema.safeParse({ type: entry.type, address: entry.address });
    if (!parsed.success) {
      kept.keep('e-mail', entry.address, `E-mail "${entry.address}" (${entry.origin}) is not a valid address`, line);
      continue;
    }
    const key = parsed.data.address.toLowerCase();
    const cell = seenIn.get(key);
    if (cell !== undefined && cell !== entry.cell) continue;
    seenIn.set(key, entry.cell);
    if (emails.length === listLimit) {
      kept.keep('e-mail', entry.address, `E-mail "${entry.address}" (${entry.origin}) is past the ${listLimit} addresses a contact keeps`, line);
      continue;
    }
    emails.push(parsed.data);
  }
  return emails;
}

const tagLimit = 50;
const tagLength = 40;

/** `exact`: tags already separated (vCard CATEGORIES), which may hold `;`. */
export function checkTags(raw: string[], exact: string[], googleLabels: boolean, kept: KeptValues): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  const candidates = [...raw.flatMap((value) => splitValues(value)), ...exact.map((tag) => tag.trim()).filter(Boolean)];
  for (let tag of candidates) {
    if (googleLabels) {
      // Everyone is in Google's "* myContacts", which says nothing about a contact.
      if (/^\*\s*mycontacts$/i.test(tag)) continue;
      tag = tag.replace(/^\*\s+/, '');
    }
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (tag.length > tagLength) kept.keep('tag', tag, `Tag "${tag}" is longer than ${tagLength} characters`);
    else if (tags.length === tagLimit) kept.keep('tag', tag, `Tag "${tag}" is past the ${tagLimit} tags a contact keeps`);
    else tags.push(tag);
  }
  return tags;
}

const addressLabels: Record<AddressImportField, string> = { street: 'street', city: 'city', region: 'region', postcode: 'postcode', country: 'country' };

/** Per row the lowest group with any value is the contact's address; a part too long for its field is kept as written. */
export function pickAddress(addresses: Map<number, AddressParts>, kept: KeptValues): Address {
  const address: Address = { street: '', city: '', region: '', postcode: '', country: '' };
  const groups = [...addresses.keys()].sort((a, b) => a - b);
  const chosen = groups.map((group) => addresses.get(group)!).find((parts) => Object.values(parts).some((values) => values.length > 0));
  if (!chosen) return address;
  for (const field of Object.keys(address) as AddressImportField[]) {
    const value = joinStreet(chosen[field] ?? []);
    if (!value) continue;
    if (AddressSchema.shape[field].safeParse(value).success) address[field] = value;
    else kept.keep(addressLabels[field], value, `The ${addressLabels[field]} "${value.slice(0, 40)}…" is longer than Fieldbook keeps`);
  }
  return address;
}

/** "12" + "High Street" -> "12 High Street"; "Unit 4" + "High Street" -> "Unit 4, High Street". */
function joinStreet(parts: string[]): string {
  return parts.reduce((joined, part) => (!joined ? part : /^\d+[a-z]?$/i.test(joined) ? `${joined} ${part}` : `${joined}, ${part}`), '');
}

export interface RawCustomValue {
  value: string;
  origin: string;
  line?: number;
}

export function checkCustomFields(raw: Map<string, RawCustomValue>, defs: ReadonlyMap<string, CustomFieldDef>, kept: KeptValues): CustomFieldValues {
  const values: CustomFieldValues = {};
  for (const [id, { value, origin, line }] of raw) {
    const def = defs.get(id);
    if (!def || value.trim() === '') continue;
    const trimmed = value.trim();
    const keep = (problem: string) => kept.keep(def.label, trimmed, `${def.label} "${trimmed}" (${origin}) ${problem}`, line ?? null);
    switch (def.kind) {
      case 'number': {
        const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed.replace(',', '.')) ? Number(trimmed.replace(',', '.')) : NaN;
        if (Number.isFinite(number)) values[id] = number;
        else keep('is not a number');
        break;
      }
      case 'date': {
        const moment = parseIsoMoment(trimmed);
        if (moment !== null) values[id] = new Date(moment).toISOString().slice(0, 10);
        else keep('is not a date such as 2026-01-31');
        break;
      }
      case 'choice': {
        const choice = def.choices.find((known) => known.toLowerCase() === trimmed.toLowerCase());
        if (choice) values[id] = choice;
        else keep(`is not one of: ${def.choices.join(', ')}`);
        break;
      }
      case 'text':
        if (value.length <= 2000) values[id] = value;
        else keep('is longer than 2000 characters');
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
