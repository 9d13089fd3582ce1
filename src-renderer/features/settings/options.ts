import { getCountries } from 'libphonenumber-js/min';

// Choices for the settings selects, named in the user's language by the browser itself.

export interface Option {
  value: string;
  label: string;
}

function displayNames(type: 'region' | 'currency'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(undefined, { type });
  } catch {
    return undefined;
  }
}

export function countryOptions(): Option[] {
  const names = displayNames('region');
  return getCountries()
    .map((code) => ({ value: code, label: names?.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function currencyOptions(current: string): Option[] {
  const names = displayNames('currency');
  const codes = new Set(Intl.supportedValuesOf('currency'));
  codes.add(current);
  return [...codes]
    .map((code) => ({ value: code, label: `${code} · ${names?.of(code) ?? code}` }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** A stable field id from its first label: lower-case letters, digits and _, unique among `taken`. */
export function fieldIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'field';
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}_${suffix}`;
  return id;
}

/** Every IANA time zone the browser knows, with "this computer's" first (stored as ''). */
export function timeZoneOptions(): Option[] {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [
    { value: '', label: `This computer’s (${here})` },
    ...Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })),
  ];
}
