import { getCountries, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { regionName } from './region-name';

export { regionName };

// Phones are stored as E.164 and matched on that. A number typed without its country code is
// read in a country: the contact's, the row's, or the office's default — a choice made where
// the number is typed (the contact form, the import), never guessed silently afterwards.
// The full ("max") metadata is used so that validity, not just length, is known: "(212)
// 555-0187" read in GB has a plausible length but is no UK number, and is a valid US one.

/** E.164 for a number typed by a person, read in `defaultRegion` unless it has a country code. */
export function normalisePhone(raw: string, defaultRegion: string): string | null {
  return readPhone(raw, defaultRegion, { elsewhere: false }).e164;
}

/** A number read in one country, when it is no number there but a valid one elsewhere. */
export interface PhoneElsewhere {
  /** The number as read in `region`: of a possible length there, but no valid number. */
  asTyped: string;
  /** Where it is a valid number, most likely first. */
  region: string;
  e164: string;
  /** "Is this a US number?" */
  question: string;
}

/**
 * Questions a number typed without a country code that is not a valid number in `region` but is
 * a valid one in another country ("(212) 555-0187" typed in the UK is a New York number). Null
 * when there is nothing to ask: the number is valid in `region`, has its own country code, or is
 * valid nowhere (that is said by normalisePhone's refusal, or left as it is).
 */
export function phoneElsewhere(raw: string, region: string): PhoneElsewhere | null {
  return readPhone(raw, region).elsewhere;
}

/** What reading a number in a country tells: its E.164 (null: not a number) and the question to ask. */
export interface PhoneReading {
  /** As normalisePhone says. */
  e164: string | null;
  /** As phoneElsewhere says. */
  elsewhere: PhoneElsewhere | null;
  /**
   * phoneSearchDigits(e164), when asked for and this parse is the one phoneSearchDigits would
   * make: the text was written with its country code and exactly the E.164's digits.
   */
  searchDigits?: string[];
}

/**
 * Both answers about a number from one parse: libphonenumber-js's parse with the full metadata
 * is the dearest step of an imported row, and normalisePhone then phoneElsewhere parsed it twice.
 * `elsewhere: false` skips the validity checks when only the E.164 is wanted.
 */
export function readPhone(raw: string, region: string, want: { elsewhere: boolean; searchDigits?: boolean } = { elsewhere: true }): PhoneReading {
  const text = withPlus(raw);
  if (!text) return { e164: null, elsewhere: null };
  const here = parsePhoneNumberFromString(text, region as CountryCode);
  const possible = here?.isPossible() ?? false;
  const e164 = possible ? here!.number : null;
  // A text of a plus and exactly the E.164's digits parses as the E.164 itself does (the region
  // is not consulted after a plus), so the search digits come from this parse, not a second one.
  const sameAsE164 = want.searchDigits === true && e164 !== null && text.startsWith('+') && text.replace(/\D/g, '') === e164.slice(1);
  const searchDigits = sameAsE164 ? { searchDigits: searchDigitsOf(e164, here) } : {};
  // Only a number of the right length for `region`, typed without a country code, is questioned;
  // a short or long one is simply not a number there, and is refused as such.
  if (!want.elsewhere || !possible || text.startsWith('+')) return { e164, elsewhere: null, ...searchDigits };
  // "07700 900461" typed in the UK is a UK number, even one libphonenumber does not know (the
  // 07700 900 range is set aside for drama): whoever starts with the trunk 0 writes a national
  // number of their own country, and is not asked about Germany, where the same digits are valid.
  // (Checked first: it also spares the validity check for most numbers of a large import.)
  if (/^\(?0/.test(text) || here!.isValid()) return { e164, elsewhere: null };
  const found = validElsewhere(text, region);
  if (!found) return { e164, elsewhere: null };
  return {
    e164,
    elsewhere: {
      asTyped: here!.number,
      region: found.region,
      e164: found.e164,
      question: `Is this ${withArticle(countryAdjective(found.region))} number?`,
    },
  };
}

/** Reads a number in a country: readPhone itself, or one made by createPhoneReader. */
export type PhoneReader = (raw: string, region: string) => PhoneReading;

/**
 * readPhone with a memory: each distinct text in each country is read once. One per import (a
 * file's numbers repeat: the same switchboard on every row of a company), dropped with it. Its
 * readings carry the search digits where the parse gives them (the import's contacts are indexed
 * without parsing those numbers again).
 */
export function createPhoneReader(): PhoneReader {
  const known = new Map<string, PhoneReading>();
  return (raw, region) => {
    const key = `${region}\n${raw}`;
    let reading = known.get(key);
    if (!reading) known.set(key, (reading = readPhone(raw, region, { elsewhere: true, searchDigits: true })));
    return reading;
  };
}

/**
 * Why a number typed without its country code must not be stored as `region`'s, with what to
 * send instead; null when it may. The core refuses such a number whoever calls: the contact
 * form asks the person first and sends the number with its country code.
 */
export function wrongCountryMessage(raw: string, region: string): string | null {
  const elsewhere = phoneElsewhere(raw, region);
  if (!elsewhere) return null;
  return `"${raw}" is not a valid ${countryAdjective(region)} number. ${elsewhere.question} Then enter it as ${formatPhone(elsewhere.e164)}.`;
}

/** Whether `raw`, read in `region`, is a valid number (not only one of a plausible length). */
export function isValidPhone(raw: string, region: string): boolean {
  return parse(raw, region)?.isValid() ?? false;
}

/** The country a stored E.164 number belongs to (GB for +44…), if known. */
export function phoneRegion(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** A readable international form of a stored E.164 number, for display. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/**
 * How a person in `officeRegion` writes the number: nationally ("07400 123456") when it is from
 * that country, internationally ("+1 212 555 0187") otherwise. For exports people read.
 */
export function formatPhoneForPeople(e164: string, officeRegion: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === officeRegion ? parsed.formatNational() : parsed.formatInternational();
}

/** The digits a person might type to find this number: E.164 and the national form. */
export function phoneSearchDigits(e164: string): string[] {
  return searchDigitsOf(e164, parsePhoneNumberFromString(e164));
}

/** phoneSearchDigits of `e164` from a parse of it. */
function searchDigitsOf(e164: string, parsed: PhoneNumber | undefined): string[] {
  const international = e164.replace(/\D/g, '');
  if (!parsed) return [international];
  const national = parsed.formatNational().replace(/\D/g, '');
  return national === international ? [international] : [international, national];
}

export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** Every country code libphonenumber knows, for a country picker. */
export const phoneRegions: readonly string[] = getCountries();
const knownRegions = new Set<string>(phoneRegions);

/**
 * The phone region of an address's country as people write it ("United States", "USA", "UK",
 * "Deutschland", "IE"), or null. Used so a contact's numbers follow the country of its address.
 */
export function regionOfCountryName(country: string): string | null {
  const text = country.trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (upper.length === 2 && knownRegions.has(upper)) return upper === 'UK' ? 'GB' : upper;
  const alias = countryAliases[upper.replace(/[^A-Z ]/g, '').replace(/\s+/g, ' ')];
  if (alias) return alias;
  return regionsByName().get(upper) ?? null;
}

let namedRegions: Map<string, string> | undefined;

/**
 * Every region by its English name in capitals, made once: an imported row with an address
 * asked Intl for the names of all 240-odd regions, which cost more than reading its phones.
 * The first region of a name wins, as the search through phoneRegions in order did.
 */
function regionsByName(): Map<string, string> {
  if (!namedRegions) {
    namedRegions = new Map();
    for (const region of phoneRegions) {
      const name = regionName(region).toUpperCase();
      if (!namedRegions.has(name)) namedRegions.set(name, region);
    }
  }
  return namedRegions;
}


const countryAliases: Record<string, string> = {
  UK: 'GB',
  'GREAT BRITAIN': 'GB',
  BRITAIN: 'GB',
  ENGLAND: 'GB',
  SCOTLAND: 'GB',
  WALES: 'GB',
  'NORTHERN IRELAND': 'GB',
  USA: 'US',
  'U S A': 'US',
  'U S': 'US',
  AMERICA: 'US',
  'UNITED STATES OF AMERICA': 'US',
  EIRE: 'IE',
  'REPUBLIC OF IRELAND': 'IE',
  DEUTSCHLAND: 'DE',
  ESPANA: 'ES',
  ESPAÑA: 'ES',
  HOLLAND: 'NL',
  'THE NETHERLANDS': 'NL',
  POLSKA: 'PL',
};

/** Countries tried first when a number is valid in several ("0612…" is Dutch and French). */
const likelyRegions = ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'IN', 'ZA'];

function validElsewhere(text: string, region: string): { region: string; e164: string } | null {
  const candidates = [...likelyRegions, ...phoneRegions.filter((candidate) => !likelyRegions.includes(candidate))];
  for (const candidate of candidates) {
    if (candidate === region) continue;
    const parsed = parse(text, candidate);
    // A number valid in a country that shares its calling code (CA for a US number) is said
    // to belong where its metadata puts it.
    if (parsed?.isValid()) return { region: parsed.country ?? candidate, e164: parsed.number };
  }
  return null;
}

function parse(raw: string, region: string) {
  const text = withPlus(raw);
  if (!text) return undefined;
  return parsePhoneNumberFromString(text, region as CountryCode);
}

/** "0044 20…" is how many people type "+44 20…". */
function withPlus(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
}

const adjectives: Record<string, string> = {
  US: 'US',
  GB: 'UK',
  IE: 'Irish',
  CA: 'Canadian',
  AU: 'Australian',
  NZ: 'New Zealand',
  DE: 'German',
  FR: 'French',
  ES: 'Spanish',
  IT: 'Italian',
  NL: 'Dutch',
  PL: 'Polish',
  IN: 'Indian',
  ZA: 'South African',
};

/** "US", "UK", "Irish"; "Brazil" for the rest (read as "a Brazil number"). */
export function countryAdjective(region: string): string {
  return adjectives[region] ?? regionName(region);
}

function withArticle(word: string): string {
  // "a US", "a UK", "an Irish", "an Indian"; initialisms read by their letters ("an FR…" is rare).
  return /^[AEIOU]/.test(word) && !/^U[KS]$/.test(word) ? `an ${word}` : `a ${word}`;
}
