import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createPhoneReader, phoneRegions, phoneSearchDigits, readPhone } from '../../../src-shared/phone';

// An import hands the contact indexer the search digits of the numbers it has just read
// (PhoneReading.searchDigits, remembered by src-main/contacts/search-digits.ts), so that the
// indexer does not parse them again. A contact is then found by the same digits whether it was
// imported or typed in: what the reading gives must be what phoneSearchDigits gives for its E.164.

const mobileExamples = Object.entries(examples as Record<string, string>);

/** A number as a file may hold it: a real example written several ways, or digits around a plus. */
const writtenNumber = fc.oneof(
  fc
    .record({
      example: fc.constantFrom(...mobileExamples),
      form: fc.constantFrom('e164', 'international', 'national', 'zeros', 'uri'),
      separator: fc.constantFrom(' ', '-', '.', ''),
      tail: fc.constantFrom('', '', ' ext. 7', ' (home)', '/2'),
    })
    .map(({ example: [country, national], form, separator, tail }) => {
      const parsed = parsePhoneNumberFromString(national, country as CountryCode)!;
      const text =
        form === 'e164'
          ? parsed.number
          : form === 'international'
            ? parsed.formatInternational()
            : form === 'national'
              ? parsed.formatNational()
              : form === 'zeros'
                ? `00${parsed.countryCallingCode} ${parsed.nationalNumber}`
                : parsed.getURI();
      return text.replace(/ /g, separator) + tail;
    }),
  fc.tuple(fc.constantFrom('+', '+1', '+44', '+7', '+262', '+599', '00', '+0'), fc.stringMatching(/^[0-9 ()-]{4,16}$/)).map(([start, rest]) => start + rest),
);

describe('search digits from the import’s own reading of a number', () => {
  it('are those phoneSearchDigits gives for the E.164, whenever the reading gives them', () => {
    fc.assert(
      fc.property(writtenNumber, fc.constantFrom(...phoneRegions), (text, region) => {
        const reading = readPhone(text, region, { elsewhere: true, searchDigits: true });
        if (reading.searchDigits === undefined) return;
        expect(reading.e164).not.toBeNull();
        expect(reading.searchDigits).toEqual(phoneSearchDigits(reading.e164!));
      }),
      { numRuns: 3000 },
    );
  });

  it('are given for numbers written with their country code, as our own export writes them', () => {
    const read = createPhoneReader();
    for (const [country, national] of mobileExamples.slice(0, 60)) {
      const e164 = parsePhoneNumberFromString(national, country as CountryCode)!.number;
      expect(read(e164, 'GB').searchDigits, e164).toEqual(phoneSearchDigits(e164));
    }
    // Written nationally, the country consulted may not be the one the E.164 alone gives: not given.
    expect(readPhone('020 7946 0018', 'GB', { elsewhere: true, searchDigits: true }).searchDigits).toBeUndefined();
  });

});
