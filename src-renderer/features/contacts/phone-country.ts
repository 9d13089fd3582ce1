import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { normalisePhone, phoneElsewhere, phoneRegion, phoneRegions, regionOfCountryName, type PhoneElsewhere } from '../../../src-shared/phone';
import type { SelectOption } from '../../ui/Select';
import type { PhoneRow } from './form-model';

// A number's country is part of typing it. Each phone row is read in its own country: the one
// the person chose for it, else the country of the contact's address, else the office's.

/** The country a row's number is read in. */
export function rowRegion(row: PhoneRow, addressCountry: string, officeRegion: string): string {
  return row.region ?? regionOfCountryName(addressCountry) ?? officeRegion;
}

/** What to send for a row: E.164 when it reads in its country, so the core cannot read it in another. */
export function numberToSend(row: PhoneRow, region: string): string {
  return normalisePhone(row.value, region) ?? row.value;
}

/** The question to ask about a row before saving, if any ("Is this a US number?"). */
export function questionFor(row: PhoneRow, region: string): PhoneElsewhere | null {
  return row.value.trim() === '' ? null : phoneElsewhere(row.value, region);
}

/** The country a stored number belongs to, for editing it. */
export function regionOfStored(e164: string): string | undefined {
  return phoneRegion(e164) ?? undefined;
}

let options: SelectOption[] | undefined;

/** "GB +44", "US +1", … sorted by code: compact enough to sit before the number. */
export function phoneCountryOptions(): SelectOption[] {
  options ??= [...phoneRegions]
    .sort()
    .map((region) => ({ value: region, label: `${region} +${getCountryCallingCode(region as CountryCode)}` }));
  return options;
}
