import type { EmailType, PhoneType } from '../../../src-shared/domain/contact';
import { collectAddress, collectScalar, emptyCollected, type CollectedContact } from '../import/contact-builder';
import { decodeWindows1252 } from './text-decode';

// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) as phones and mail programs export them: folded
// lines, quoted-printable with soft line breaks (2.1 and some 3.0 writers), escaped \\ \; \, \n,
// TYPE parameters in all their spellings, Apple's item1.X-ABLabel groups. Only the properties a
// contact has are read: N FN ORG TITLE TEL EMAIL ADR NOTE CATEGORIES KIND.

export interface VCardProperty {
  group: string | null;
  /** Upper case: TEL, EMAIL … */
  name: string;
  /** Upper-case parameter names; TYPE values lower case, split at commas. */
  params: Map<string, string[]>;
  /** The value after transfer decoding (quoted-printable), still with vCard escapes. */
  value: string;
}

export interface VCard {
  /** Line of its BEGIN:VCARD. */
  line: number;
  version: string;
  properties: VCardProperty[];
}

export interface ParsedVCards {
  cards: VCard[];
  problems: { line: number; reason: string }[];
}

/** Whether a text looks like vCards (its first non-blank line opens one). */
export function looksLikeVCard(text: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '');
}

export function parseVCards(text: string): ParsedVCards {
  const cards: VCard[] = [];
  const problems: ParsedVCards['problems'] = [];
  let current: VCard | null = null;
  let nested = 0;
  for (const { line, text: content } of logicalLines(text.replace(/^\uFEFF/, ''))) {
    const property = parseProperty(content);
    if (!property) {
      if (current && nested === 0) problems.push({ line, reason: `Line ${line} is not a vCard property ("NAME:value").` });
      continue;
    }
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (current) nested += 1;
      else current = { line, version: '', properties: [] };
      continue;
    }
    if (property.name === 'END' && value === 'VCARD') {
      if (nested > 0) nested -= 1;
      else if (current) {
        cards.push(current);
        current = null;
      }
      continue;
    }
    if (!current || nested > 0) continue;
    if (property.name === 'VERSION') current.version = property.value.trim();
    else current.properties.push(property);
  }
  if (current) problems.push({ line: current.line, reason: 'The card starting here has no END:VCARD (is the file cut short?).' });
  return { cards, problems };
}

/** Physical lines joined back: folding (a line starting with space or tab) and quoted-printable soft breaks. */
function* logicalLines(text: string): Generator<{ line: number; text: string }> {
  const physical = text.split(/\r\n|\r|\n/);
  let current: { line: number; text: string } | null = null;
  for (let index = 0; index < physical.length; index += 1) {
    const raw = physical[index]!;
    // A quoted-printable soft break ("=" at the end) comes first: the next line is content as it is.
    if (current && current.text.endsWith('=') && isQuotedPrintable(current.text)) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
      continue;
    }
    if (current) yield current;
    current = raw.trim() === '' ? null : { line: index + 1, text: raw };
  }
  if (current) yield current;
}

function isQuotedPrintable(line: string): boolean {
  const colon = unquotedIndexOf(line, ':');
  return colon !== -1 && /;(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(line.slice(0, colon));
}

function unquotedIndexOf(text: string, wanted: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === wanted && !quoted) return index;
  }
  return -1;
}

function splitUnquoted(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const bareTypes = new Set(['HOME', 'WORK', 'CELL', 'VOICE', 'FAX', 'PREF', 'INTERNET', 'MSG', 'PAGER', 'BBS', 'MODEM', 'CAR', 'ISDN', 'VIDEO', 'DOM', 'INTL', 'POSTAL', 'PARCEL', 'X400', 'MAIN']);

function parseProperty(line: string): VCardProperty | null {
  const colon = unquotedIndexOf(line, ':');
  if (colon <= 0) return null;
  const [nameToken = '', ...paramTokens] = splitUnquoted(line.slice(0, colon), ';');
  const dot = nameToken.lastIndexOf('.');
  const name = nameToken.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const token of paramTokens) {
    const equals = token.indexOf('=');
    if (equals === -1) {
      // vCard 2.1 writes TYPE values and the encoding bare: TEL;WORK;VOICE / ;QUOTED-PRINTABLE.
      const bare = token.trim().toUpperCase();
      if (bare === 'QUOTED-PRINTABLE' || bare === 'BASE64' || bare === 'B') add('ENCODING', [bare]);
      else if (bareTypes.has(bare) || bare.startsWith('X-')) add('TYPE', [bare.toLowerCase()]);
      continue;
    }
    const key = token.slice(0, equals).trim().toUpperCase();
    const values = splitUnquoted(token.slice(equals + 1), ',').map((value) => value.trim().replace(/^"|"$/g, ''));
    add(key, key === 'TYPE' ? values.flatMap((value) => value.split(',')).map((value) => value.toLowerCase()) : values);
  }
  let value = line.slice(colon + 1);
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { group: dot === -1 ? null : nameToken.slice(0, dot), name, params, value };
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      for (const byte of new TextEncoder().encode(char)) bytes.push(byte);
    }
  }
  // Latin-1 is read as its superset Windows-1252, which Node's TextDecoder gets wrong (text-decode.ts).
  if (/^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(charset)) return decodeWindows1252(new Uint8Array(bytes));
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Splits at unescaped `separator` and resolves the escapes of each part. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === '\\' && index + 1 < value.length) {
      const next = value[index + 1]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

export function unescapeText(value: string): string {
  return splitEscaped(value, ';').join(';');
}

function phoneType(types: string[], label: string | undefined): PhoneType {
  const all = [...types, ...(label ? [label.toLowerCase()] : [])].join(' ');
  if (/fax/.test(all)) return 'fax';
  if (/cell|mobile|iphone/.test(all)) return 'mobile';
  if (/main/.test(all)) return 'main';
  if (/work/.test(all)) return 'work';
  if (/home/.test(all)) return 'home';
  return 'other';
}

function emailType(types: string[], label: string | undefined): EmailType {
  const all = [...types, ...(label ? [label.toLowerCase()] : [])].join(' ');
  if (/work/.test(all)) return 'work';
  if (/home|personal/.test(all)) return 'personal';
  return 'other';
}

/** A card's properties as the raw values of a contact (contact-builder.ts checks them). */
export function vcardToCollected(card: VCard): CollectedContact {
  const collected = emptyCollected();
  // Apple groups a property with its label: item1.TEL:… and item1.X-ABLabel:_$!<Mobile>!$_
  const labels = new Map<string, string>();
  for (const property of card.properties) {
    if (property.group && property.name === 'X-ABLABEL') {
      labels.set(property.group.toLowerCase(), unescapeText(property.value).replace(/^_\$!<|>!\$_$/g, ''));
    }
  }
  let addressGroup = 0;
  for (const property of card.properties) {
    const types = property.params.get('TYPE') ?? [];
    const label = property.group ? labels.get(property.group.toLowerCase()) : undefined;
    const origin = `${property.name} of the card at line ${card.line}`;
    switch (property.name) {
      case 'FN':
        collectScalar(collected, 'name', unescapeText(property.value).trim());
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitEscaped(property.value, ';').map((part) =>
          part.split(',').map((piece) => piece.trim()).filter(Boolean).join(' '),
        );
        collectScalar(collected, 'lastName', family);
        collectScalar(collected, 'firstName', given);
        collectScalar(collected, 'middleName', additional);
        collectScalar(collected, 'namePrefix', prefix);
        collectScalar(collected, 'nameSuffix', suffix);
        break;
      }
      case 'ORG':
        collectScalar(collected, 'company', (splitEscaped(property.value, ';')[0] ?? '').trim());
        break;
      case 'TITLE':
        collectScalar(collected, 'jobTitle', unescapeText(property.value).trim());
        break;
      case 'KIND':
        if (/^(org|organization)$/i.test(property.value.trim())) collectScalar(collected, 'kind', 'company');
        break;
      case 'X-ABSHOWAS':
        if (/^company$/i.test(property.value.trim())) collectScalar(collected, 'kind', 'company');
        break;
      case 'TEL': {
        const number = unescapeText(property.value).trim().replace(/^tel:/i, '');
        if (number) collected.phones.push({ type: phoneType(types, label), number, origin, cell: collected.phones.length });
        break;
      }
      case 'EMAIL': {
        const address = unescapeText(property.value).trim().replace(/^mailto:/i, '');
        if (address) collected.emails.push({ type: emailType(types, label), address, origin, cell: collected.emails.length });
        break;
      }
      case 'ADR': {
        const [, extended = '', street = '', city = '', region = '', postcode = '', country = ''] = splitEscaped(property.value, ';');
        const parts = [street, extended, city, region, postcode, country];
        if (parts.every((part) => part.trim() === '')) break;
        const group = Math.min(addressGroup, 9);
        addressGroup += 1;
        collectAddress(collected, group, 'street', street.trim());
        collectAddress(collected, group, 'street', extended.trim());
        collectAddress(collected, group, 'city', city.trim());
        collectAddress(collected, group, 'region', region.trim());
        collectAddress(collected, group, 'postcode', postcode.trim());
        collectAddress(collected, group, 'country', country.trim());
        break;
      }
      case 'NOTE':
        collected.summary.push(unescapeText(property.value).replace(/\r\n?/g, '\n'));
        break;
      case 'CATEGORIES':
        for (const category of splitEscaped(property.value, ',')) if (category.trim()) collected.tags.push(category.trim());
        break;
    }
  }
  return collected;
}

/** The card's name for lists and the error file. */
export function vcardDisplayName(card: VCard): string {
  const fn = card.properties.find((property) => property.name === 'FN');
  if (fn) return unescapeText(fn.value).trim();
  const n = card.properties.find((property) => property.name === 'N');
  if (n) {
    const [family = '', given = ''] = splitEscaped(n.value, ';');
    return [given, family].filter(Boolean).join(' ');
  }
  return '';
}
