import { decodeWindows1252, encodeWindows1252 } from '../text-decode';

// Reading vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) as real phones and mail programs write
// them, into cards of properties; what the properties mean is to-collected.ts. Tolerated, because
// exporters in the wild write them: CR CR LF and bare CR line ends, folding with a space or a tab,
// base64 lines that are not indented (older Outlook and Nokia 2.1), quoted-printable with soft
// line breaks, CHARSET= on quoted-printable and 8-bit values, bare 2.1 parameters (TEL;WORK;FAX),
// Apple's item1. groups, a card whose END:VCARD is missing before the next BEGIN:VCARD.
//
// No npm reader handles these: ical.js (maintained) throws on the first 2.1 parameter without a
// name, so one such card fails the whole file, and keeps the stray CR of CR CR LF in every value;
// vcf (2.1.2) decodes neither quoted-printable nor CHARSET and reports no line numbers, which the
// import report needs for every warning.

export interface VCardProperty {
  /** The physical line the property starts on (1-based), for messages. */
  line: number;
  group: string | null;
  /** Upper case: TEL, EMAIL … */
  name: string;
  /** Upper-case parameter names; TYPE values lower case, split at commas. */
  params: Map<string, string[]>;
  /** The value after transfer decoding (quoted-printable, charset), still with vCard escapes. */
  value: string;
}

export interface CardNotice {
  line: number;
  reason: string;
}

export interface VCard {
  /** Line of its BEGIN:VCARD. */
  line: number;
  version: string;
  properties: VCardProperty[];
  /** What was read around, but not into, a property of this card. */
  notices: CardNotice[];
}

export interface ParsedVCards {
  cards: VCard[];
  /** Cards that cannot be read at all (cut short), by the line they start on. */
  problems: CardNotice[];
}

export interface ReadOptions {
  /** How the file's bytes were decoded (text-decode.ts): 8-bit values with CHARSET=UTF-8 are re-read when it was Windows-1252. */
  fileEncoding?: string;
}

/** Whether a text looks like vCards (its first non-blank line opens one). */
export function looksLikeVCard(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r*\n|\r/).find((line) => line.trim() !== '') ?? '';
  return /^\s*BEGIN:VCARD\s*$/i.test(first);
}

export function parseVCards(text: string, options: ReadOptions = {}): ParsedVCards {
  const cards: VCard[] = [];
  const problems: CardNotice[] = [];
  let current: VCard | null = null;
  let nested = 0;
  let previousName = '';
  const reread = options.fileEncoding === 'windows-1252';
  for (const logical of logicalLines(text.replace(/^\uFEFF/, ''))) {
    const property = parseProperty(logical.text, logical.line, reread);
    if (!property) {
      if (current && nested === 0) {
        current.notices.push({ line: logical.line, reason: `Line ${logical.line} is not a vCard property ("NAME:value"); left out.` });
      }
      continue;
    }
    const marker = property.name === 'BEGIN' || property.name === 'END' ? property.value.trim().toUpperCase() : '';
    if (property.name === 'BEGIN' && marker === 'VCARD') {
      // vCard 2.1 nests a card in AGENT; any other BEGIN inside a card means its END is missing.
      if (current && previousName === 'AGENT') nested += 1;
      else {
        if (current) {
          current.notices.push({ line: logical.line, reason: `The card has no END:VCARD; read up to the next card at line ${logical.line}.` });
          cards.push(current);
        }
        current = { line: logical.line, version: '', properties: [], notices: [] };
      }
      previousName = 'BEGIN';
      continue;
    }
    previousName = property.name;
    if (property.name === 'END' && marker === 'VCARD') {
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

interface LogicalLine {
  line: number;
  text: string;
  /** Base64 data whose continuation lines some writers do not indent. */
  base64: boolean;
}

/**
 * Physical lines joined back into properties: folding (a line starting with a space or tab),
 * quoted-printable soft breaks ("=" at the end), and unindented base64 continuation lines.
 * CR CR LF counts as one line end: iPhone exports write it, and reading it as two would cut every
 * folded value (a photo) into hundreds of broken lines.
 */
function* logicalLines(text: string): Generator<LogicalLine> {
  const physical = text.split(/\r*\n|\r/);
  let current: LogicalLine | null = null;
  for (let index = 0; index < physical.length; index += 1) {
    const raw = physical[index]!;
    if (current && current.text.endsWith('=') && isQuotedPrintable(current.text)) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
      continue;
    }
    if (current?.base64 && /^[A-Za-z0-9+/]+={0,2}$/.test(raw)) {
      current.text += raw;
      continue;
    }
    if (current) yield current;
    current = raw.trim() === '' ? null : { line: index + 1, text: raw, base64: isBase64(raw) };
  }
  if (current) yield current;
}

function headerOf(line: string): string {
  const colon = unquotedIndexOf(line, ':');
  return colon === -1 ? '' : line.slice(0, colon);
}

function isQuotedPrintable(line: string): boolean {
  return /;(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(headerOf(line));
}

function isBase64(line: string): boolean {
  return /;(ENCODING=)?(BASE64|B)(;|$)/i.test(headerOf(line)) || /^[^:]*:data:[^,]*;base64,/i.test(line);
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

const bareEncodings = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
/** Shared by every property without parameters (most of them); never written to. */
const noParams: Map<string, string[]> = new Map();

function parseProperty(text: string, line: number, rereadUtf8: boolean): VCardProperty | null {
  const colon = unquotedIndexOf(text, ':');
  if (colon <= 0) return null;
  const [nameToken = '', ...paramTokens] = splitUnquoted(text.slice(0, colon), ';');
  const dot = nameToken.lastIndexOf('.');
  const name = nameToken.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9_-]+$/.test(name)) return null;
  const params = paramTokens.length === 0 ? noParams : new Map<string, string[]>();
  const add = (key: string, values: string[]) => {
    const known = params.get(key);
    if (known) known.push(...values);
    else params.set(key, values);
  };
  for (const token of paramTokens) {
    const equals = token.indexOf('=');
    if (equals === -1) {
      // vCard 2.1 writes types and the encoding bare: TEL;WORK;VOICE, PHOTO;JPEG;ENCODING=BASE64, ;QUOTED-PRINTABLE.
      const bare = token.trim().toUpperCase();
      if (bare === '') continue;
      if (bareEncodings.has(bare)) add('ENCODING', [bare]);
      else add('TYPE', [bare.toLowerCase()]);
      continue;
    }
    const key = token.slice(0, equals).trim().toUpperCase();
    const values = splitUnquoted(token.slice(equals + 1), ',').map((value) => value.trim().replace(/^"|"$/g, ''));
    add(key, key === 'TYPE' ? values.flatMap((value) => value.split(',')).map((value) => value.toLowerCase()) : values);
  }
  let value = text.slice(colon + 1);
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const charset = params.get('CHARSET')?.[0] ?? '';
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset || 'utf-8');
  else if (rereadUtf8 && /^utf-?8$/i.test(charset) && /[\u0080-\uffff]/.test(value)) value = rereadAsUtf8(value);
  return { line, group: dot === -1 ? null : nameToken.slice(0, dot), name, params, value };
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      for (const byte of encoder.encode(char)) bytes.push(byte);
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  // Latin-1 is read as its superset Windows-1252, which Node's TextDecoder gets wrong (text-decode.ts).
  if (/^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(charset)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A UTF-8 value in a file that was read as Windows-1252 because another card's bytes were not UTF-8. */
function rereadAsUtf8(value: string): string {
  const bytes = encodeWindows1252(value);
  if (!bytes) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}
