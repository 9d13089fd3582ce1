import { validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/min';
import { fractionDigits, parseAmount as parseSharedAmount } from '../../../src-shared/money';
import type { EmailType, PhoneType } from '../../../src-shared/domain/contact';

// Reading and writing single cell values the same way in import and export, so that what
// Fieldbook writes it also reads back unchanged (the round trip of our own export).

/** Digits after the decimal point of a currency (2 for GBP, 0 for JPY, 3 for KWD). */
export { fractionDigits } from '../../../src-shared/money';

/** 123456 GBP -> "1234.56"; no grouping, a minus sign when negative. */
export function formatMinorUnits(amountMinor: number, currency: string, decimalComma = false): string {
  const digits = fractionDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}${decimalComma ? ',' : '.'}${text.slice(-digits)}`;
}

/**
 * A decimal amount as people write it ("1234.50", "1,234.50", "1.234,50", "€ 99") in integer
 * minor units of the currency: the app's one money parser (src-shared/money.ts), null for an
 * empty cell or one that is not an amount. `decimalComma` decides a lone comma ("1,5").
 */
export function parseAmount(raw: string, currency: string, decimalComma: boolean): number | null {
  const amount = parseSharedAmount(raw, currency, decimalComma);
  return amount === 'empty' ? null : amount;
}

/** ISO 8601 date or date-time; a time without a zone is read as UTC. Other forms are ambiguous (is 03/04 March or April?). */
export function parseIsoMoment(raw: string): number | null {
  const text = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const normalisedZone = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const milliseconds = fraction ? fraction.slice(1).padEnd(3, '0') : '000';
  const value = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${milliseconds}${normalisedZone}`);
  if (Number.isNaN(value) || value < 0) return null;
  // Date.parse accepts 2026-02-31; a date that does not exist is a typo, not March 3rd.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return null;
  return value;
}

export function formatIsoMoment(epochMs: number | null): string {
  return epochMs === null ? '' : new Date(epochMs).toISOString();
}

const truthy = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'si', 'sí', 'wahr', 'checked', 'on']);
const falsy = new Set(['false', 'no', 'n', '0', 'nein', 'non', 'falsch', 'off', '-']);

/** Yes/no as spreadsheets and CRMs write it; null when it is neither. */
export function parseYesNo(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return null;
}

/** Several values in one cell: `;` (Outlook, ours), ` ::: ` (Google), line breaks. */
export function splitValues(raw: string, alsoComma = false): string[] {
  return raw
    .split(alsoComma ? /\s*(?::::|[;,\n])\s*/ : /\s*(?::::|[;\n])\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const phoneLabels: [RegExp, PhoneType][] = [
  [/fax/, 'fax'],
  [/mobil|cell|handy|iphone|portable|móvil|movil|gsm/, 'mobile'],
  [/main|primary|pref|zentrale/, 'main'],
  [/work|business|office|company|gesch|büro|buro|travail|trabajo/, 'work'],
  [/home|private|privat|personal|domicile|casa/, 'home'],
];

/** A phone type from a label such as Google's "Mobile" or "* Work Fax"; `fallback` when unknown. */
export function phoneTypeFromLabel(label: string, fallback: PhoneType): PhoneType {
  const text = label.trim().toLowerCase();
  if (!text) return fallback;
  for (const [pattern, type] of phoneLabels) if (pattern.test(text)) return type;
  return 'other';
}

export function emailTypeFromLabel(label: string, fallback: EmailType): EmailType {
  const text = label.trim().toLowerCase();
  if (!text) return fallback;
  if (/work|business|office|gesch|travail|trabajo/.test(text)) return 'work';
  if (/home|personal|private|privat|perso/.test(text)) return 'personal';
  return 'other';
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula, so exports prefix it
 * with an apostrophe, which Excel hides. Imports take one such apostrophe off again; a value
 * that itself starts with apostrophes before such a character gets one more, so both
 * directions are exact inverses.
 */
export function protectFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// What a spreadsheet opening a CSV would turn into something else: a number (`0123` → 123,
// `1e5` → 100000, `1,234`, `12%`, `£5`, `(50)`), a date or time (`5/12`, `2026-12-05`, `9:30`) or a
// truth value. Names, postcodes and references typed by people can look like any of these.
const readAsNumber = /^\s*[$£€¥]?\s*[-+(]?\s*[$£€¥]?[\d.,\s]*\d[\d.,\s]*(?:[eE][-+]?\d+)?\)?\s*[%$£€¥]?\s*$/;
const readAsDate = /^\s*(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
const readAsTruth = /^\s*(?:true|false)\s*$/i;

/**
 * For files people open in a spreadsheet: besides a formula, text a spreadsheet would read as a
 * number, date or truth value gets the apostrophe too, so `0123` keeps its zero and `1e5` stays
 * `1e5`. The apostrophe is the mark spreadsheets use for "this is text"; a program that reads the
 * file instead sees it as the first character.
 */
export function protectLiteral(value: string): string {
  if (value === '') return value;
  return readAsNumber.test(value) || readAsDate.test(value) || readAsTruth.test(value) ? `'${value}` : protectFormula(value);
}

export function unprotectFormula(value: string): string {
  return /^''*[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

// Outlook writes the name of the field where the number should be ("BusinessPhone"), other
// programs a word for "nothing here". Such a value is no data to keep; anything else a person
// wrote is kept as written when it cannot be used.
const placeholderWords = new Set([
  'none', 'na', 'nil', 'null', 'unknown', 'tbd', 'tba', 'phone', 'telephone', 'tel', 'number', 'email', 'mail', 'noemail', 'nophone',
]);

/** Whether a phone or e-mail value is a placeholder rather than something a person wrote down. */
export function isPlaceholder(raw: string, kind: 'phone' | 'email'): boolean {
  const text = raw.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (placeholderWords.has(text.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  // BusinessPhone, HomeFax, MobilePhone2, PrimaryTelephoneNumber: a field name, one word, no digits of a number.
  return kind === 'phone' && /^[A-Za-z]*(phone|fax|tel|telephone|number|mobile|pager)\d?$/i.test(text) && !/\d{3}/.test(text);
}

/** Why a number cannot be read, in words: "is one digit too many for a number in US". */
export function phoneProblem(raw: string, region: string): string {
  const text = raw.trim().startsWith('00') ? `+${raw.trim().slice(2)}` : raw.trim();
  const where = text.startsWith('+') ? 'for its country code' : `for a number in ${region}`;
  switch (validatePhoneNumberLength(text, region as CountryCode)) {
    case 'TOO_SHORT':
      return `has too few digits ${where}`;
    case 'TOO_LONG':
      return `has too many digits ${where}`;
    case 'INVALID_COUNTRY':
      return text.startsWith('+') ? 'starts with a country code that does not exist' : `is not a number in ${region}`;
    case 'NOT_A_NUMBER':
      return 'is not a phone number';
    default:
      return `is not a number Fieldbook can read (region ${region})`;
  }
}
