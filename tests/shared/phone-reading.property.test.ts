import fc from 'fast-check';
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { createPhoneReader, phoneRegions, readPhone, regionName, regionOfCountryName } from '../../src-shared/phone';

// readPhone answers from one parse what normalisePhone and phoneElsewhere answered from two.
// The reference below is those two functions as they were written before readPhone (each
// parsing the number itself), so the property holds readPhone to the old answers, not to itself.

function oldNormalisePhone(raw: string, region: string): string | null {
  const parsed = oldParse(raw, region);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

function oldPhoneElsewhere(raw: string, region: string): { asTyped: string; region: string; e164: string } | null {
  const text = withPlus(raw);
  if (!text || text.startsWith('+')) return null;
  const here = oldParse(text, region);
  if (!here?.isPossible()) return null;
  if (/^\(?0/.test(text)) return null;
  if (here.isValid()) return null;
  const likely = ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'IN', 'ZA'];
  for (const candidate of [...likely, ...getCountries().filter((country) => !likely.includes(country))]) {
    if (candidate === region) continue;
    const parsed = oldParse(text, candidate);
    if (parsed?.isValid()) return { asTyped: here.number, region: parsed.country ?? candidate, e164: parsed.number };
  }
  return null;
}

function oldParse(raw: string, region: string) {
  const text = withPlus(raw);
  if (!text) return undefined;
  return parsePhoneNumberFromString(text, region as CountryCode);
}

function withPlus(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
}

const exampleNumbers = Object.entries(examples as Record<string, string>);
const likelyRegions = ['GB', 'US', 'IE', 'DE', 'FR', 'NL', 'CA', 'AU', 'IN', 'BR'];

/** Numbers people type: a country's real mobile example written nationally or internationally, or any digits. */
const typedNumber = fc.oneof(
  fc.record({
    example: fc.constantFrom(...exampleNumbers),
    style: fc.constantFrom('national', 'international', 'zeros', 'bare'),
    spacing: fc.constantFrom('', ' ', '-', '.'),
  }).map(({ example: [country, national], style, spacing }) => {
    const parsed = parsePhoneNumberFromString(national, country as CountryCode)!;
    const formatted = style === 'national' ? parsed.formatNational() : style === 'international' ? parsed.formatInternational() : style === 'zeros' ? `00${parsed.countryCallingCode}${national}` : national;
    return spacing === ' ' ? formatted : formatted.replace(/ /g, spacing);
  }),
  fc.tuple(fc.constantFrom('', '+', '00', '0', '(0', '(', ' '), fc.stringMatching(/^[0-9 ()-]{0,16}$/), fc.constantFrom('', ' ext. 12', 'x', ' ')).map((parts) => parts.join('')),
  fc.string({ maxLength: 12 }),
);
const region = fc.oneof(fc.constantFrom(...likelyRegions), fc.constantFrom(...phoneRegions));

describe('reading a phone number once', () => {
  it('gives the E.164 and the question the two separate readings gave, for any typed number in any country', () => {
    fc.assert(
      fc.property(typedNumber, region, (raw, country) => {
        const reading = readPhone(raw, country);
        expect(reading.e164).toBe(oldNormalisePhone(raw, country));
        const elsewhere = oldPhoneElsewhere(raw, country);
        expect(reading.elsewhere === null ? null : { asTyped: reading.elsewhere.asTyped, region: reading.elsewhere.region, e164: reading.elsewhere.e164 }).toEqual(elsewhere);
      }),
      { numRuns: 400 },
    );
  });

  it('reads "(212) 555-0187" typed in the UK as a question about a US number, and remembers it per country', () => {
    const read = createPhoneReader();
    const inGb = read('(212) 555-0187', 'GB');
    expect(inGb.elsewhere).toMatchObject({ region: 'US', e164: '+12125550187', question: 'Is this a US number?' });
    expect(read('(212) 555-0187', 'GB')).toBe(inGb);
    const inUs = read('(212) 555-0187', 'US');
    expect(inUs).toEqual({ e164: '+12125550187', elsewhere: null });
  });
});

describe('reading a country name', () => {
  // The search it replaced: every region's English name compared, in phoneRegions' order.
  const oldLookup = (name: string) => phoneRegions.find((region) => regionName(region).toUpperCase() === name.trim().toUpperCase()) ?? null;

  it('finds every region by its English name, in any case, as the search through all regions did', () => {
    for (const region of phoneRegions) {
      const name = regionName(region);
      for (const written of [name, name.toUpperCase(), name.toLowerCase(), ` ${name} `]) {
        expect(regionOfCountryName(written), written).toBe(oldLookup(written));
      }
    }
  });

  it('gives the same answer as that search for any other text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...phoneRegions).map((region) => regionName(region).slice(0, 6))), (text) => {
        const upper = text.trim().toUpperCase();
        fc.pre(upper.length !== 2);
        const alias = regionOfCountryName(text);
        if (alias !== null && oldLookup(text) === null) return; // one of the aliases (USA, Deutschland)
        expect(alias).toBe(oldLookup(text));
      }),
    );
  });
});
