import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** E.164 for a number typed by a person, read in `defaultRegion` unless it has a country code. */
export function normalisePhone(raw: string, defaultRegion: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const withPlus = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  const parsed = parsePhoneNumberFromString(withPlus, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** A readable international form of a stored E.164 number, for display. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** The digits a person might type to find this number: E.164 and the national form. */
export function phoneSearchDigits(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const international = e164.replace(/\D/g, '');
  if (!parsed) return [international];
  const national = parsed.formatNational().replace(/\D/g, '');
  return national === international ? [international] : [international, national];
}

export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
