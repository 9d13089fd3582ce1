import type { Contact, EmailType, PhoneType } from '../../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../../src-shared/domain/settings';
import { formatMinorUnits } from '../values';
import { escapeText } from './escape';
import { customFieldProperty, fieldbookProdId, ownScalarProperties, potentialValueProperty } from './vocabulary';

// A contact as a vCard 3.0 (RFC 2426: what iPhone, Android and Outlook read best) or 4.0
// (RFC 6350), so contacts can go back to a phone. Phones and mail programs see the standard
// properties; what only Fieldbook has travels in X-FIELDBOOK-* properties (vocabulary.ts), so
// importing the file again restores every field. Lines end in CRLF and fold at 75 octets.

export const vcardVersions = ['3.0', '4.0'] as const;
export type VCardVersion = (typeof vcardVersions)[number];

export interface CardPhoto {
  bytes: Uint8Array;
  mimeType: string;
}

export interface WriteOptions {
  version: VCardVersion;
  customFields: readonly CustomFieldDef[];
  photo: CardPhoto | null;
}

/** TYPE values per phone type; to-collected.ts reads each back as the same type. */
const phoneTypes: Record<VCardVersion, Record<PhoneType, string>> = {
  '3.0': { mobile: 'CELL,VOICE', work: 'WORK,VOICE', home: 'HOME,VOICE', main: 'MAIN', fax: 'FAX', other: 'VOICE' },
  '4.0': { mobile: 'cell,voice', work: 'work,voice', home: 'home,voice', main: 'x-main', fax: 'fax', other: 'voice' },
};

const emailTypes: Record<VCardVersion, Record<EmailType, string>> = {
  '3.0': { work: 'INTERNET,WORK', personal: 'INTERNET,HOME', other: 'INTERNET' },
  '4.0': { work: 'work', personal: 'home', other: '' },
};

const isoStamp = (epochMs: number) => new Date(epochMs).toISOString();
/** RFC 6350 timestamps are in the basic form: 20260131T093000Z. */
const basicStamp = (epochMs: number) => isoStamp(epochMs).replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A parameter value: quoted when it holds a separator; a DQUOTE cannot be written in one (RFC 6350 3.3). */
function paramValue(value: string): string {
  const plain = value.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
  return /[;:,]/.test(plain) ? `"${plain}"` : plain;
}

/** N from a display name: the last word is the family name, as phones show a person. */
function structuredName(contact: Contact): string {
  if (contact.kind === 'company') return ';;;;';
  const words = contact.name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  return `${escapeText(family)};${escapeText(words.join(' '))};;;`;
}

export function writeVCard(contact: Contact, options: WriteOptions): string {
  const { version } = options;
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, `PRODID:${fieldbookProdId}//EN`, `UID:${escapeText(contact.id)}`];
  if (contact.kind === 'company') lines.push(version === '4.0' ? 'KIND:org' : 'X-ABShowAs:COMPANY');
  lines.push(`FN:${escapeText(contact.name)}`, `N:${structuredName(contact)}`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  for (const phone of contact.phones) {
    const type = phoneTypes[version][phone.type];
    lines.push(version === '4.0' ? `TEL;VALUE=uri;TYPE="${type}":tel:${phone.e164}` : `TEL;TYPE=${type}:${phone.e164}`);
  }
  for (const email of contact.emails) {
    const type = emailTypes[version][email.type];
    lines.push(`EMAIL${type ? `;TYPE=${type}` : ''}:${escapeText(email.address)}`);
  }
  const { street, city, region, postcode, country } = contact.address;
  if ([street, city, region, postcode, country].some(Boolean)) {
    lines.push(`ADR;TYPE=${version === '4.0' ? 'work' : 'WORK'}:;;${[street, city, region, postcode, country].map(escapeText).join(';')}`);
  }
  if (contact.summary) lines.push(`NOTE:${escapeText(contact.summary)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  if (options.photo) {
    const base64 = Buffer.from(options.photo.bytes).toString('base64');
    const subtype = options.photo.mimeType.replace(/^image\//, '').toUpperCase();
    lines.push(version === '4.0' ? `PHOTO:data:${options.photo.mimeType};base64,${base64}` : `PHOTO;ENCODING=b;TYPE=${subtype}:${base64}`);
  }
  lines.push(`REV:${version === '4.0' ? basicStamp(contact.updatedAt) : isoStamp(contact.updatedAt)}`);
  lines.push(...ownProperties(contact, options.customFields));
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function ownProperties(contact: Contact, customFields: readonly CustomFieldDef[]): string[] {
  const name = (field: (typeof ownScalarProperties)[keyof typeof ownScalarProperties]) =>
    Object.entries(ownScalarProperties).find(([, target]) => target === field)![0];
  const lines = [
    `${name('contactType')}:${escapeText(contact.contactType)}`,
    `${name('status')}:${contact.status}`,
    // Always written, even empty: an import without it would make the importer the owner.
    `${name('owner')}:${escapeText(contact.owner)}`,
  ];
  if (contact.source) lines.push(`${name('source')}:${escapeText(contact.source)}`);
  if (contact.doNotContact) lines.push(`${name('doNotContact')}:yes`);
  if (contact.potentialValue) {
    const { amountMinor, currency } = contact.potentialValue;
    lines.push(`${potentialValueProperty};X-CURRENCY=${currency}:${formatMinorUnits(amountMinor, currency)}`);
  }
  lines.push(`${name('createdAt')}:${isoStamp(contact.createdAt)}`, `${name('updatedAt')}:${isoStamp(contact.updatedAt)}`);
  const labels = new Map(customFields.map((def) => [def.id, def.label]));
  for (const [id, value] of Object.entries(contact.customFields)) {
    if (value === null || value === '') continue;
    const label = labels.get(id);
    lines.push(`${customFieldProperty};X-ID=${paramValue(id)}${label ? `;X-LABEL=${paramValue(label)}` : ''}:${escapeText(String(value))}`);
  }
  return lines;
}

/** UTF-8 octets of one code point, without encoding it. */
function octetsOf(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a line at 75 octets (RFC 6350 3.2), never inside a UTF-8 character. */
function fold(line: string): string {
  // Most lines are short ASCII: no need to walk them.
  if (line.length <= 75 && !/[^ -~]/.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let index = 0; index < line.length; ) {
    const codePoint = line.codePointAt(index)!;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = octetsOf(codePoint);
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(line.slice(start, index));
      start = index;
      octets = 0;
    }
    octets += size;
    index += units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}
