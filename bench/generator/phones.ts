import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneInput, PhoneType } from '../../src-shared/domain/contact';
import type { Random } from './random';
import { ukAreaCodes } from './word-lists';

// Phone numbers as people type them into a CRM, in several formats, each one a number that
// libphonenumber's full metadata says is valid (not merely possible), so the core stores a real
// E.164 and the numbering plan is respected. The default region of the generated data set is GB:
// UK numbers are mostly typed nationally, US numbers always with +1 or 001.

export interface GeneratedPhone {
  input: PhoneInput;
  e164: string;
}

// Attempts before giving up; with the first digits of ukAreaCodes a try fails rarely (< 15%).
const maxAttempts = 200;

export function ukMobile(random: Random): GeneratedPhone {
  return validNumber(random, 'mobile', () => {
    const national = `07${random.int(4, 9)}${random.digits(8)}`;
    return { national, e164: `+44${national.slice(1)}` };
  }, formatUk);
}

export function ukLandline(random: Random, city: string, type: PhoneType = 'work'): GeneratedPhone {
  const { code: areaCode, firstDigits } = ukAreaCodes[city] ?? { code: '161', firstDigits: '23456789' };
  return validNumber(random, type, () => {
    const subscriberLength = 10 - areaCode.length;
    const subscriber = `${random.pick(firstDigits.split(''))}${random.digits(subscriberLength - 1)}`;
    const national = `0${areaCode}${subscriber}`;
    return { national, e164: `+44${areaCode}${subscriber}` };
  }, formatUk);
}

export function usNumber(random: Random, areaCode: string, type: PhoneType): GeneratedPhone {
  return validNumber(random, type, () => {
    // NXX: exchanges start with 2-9; 555 is mostly fictional and N11 codes are services.
    let exchange = `${random.int(2, 9)}${random.digits(2)}`;
    if (exchange === '555' || exchange.endsWith('11')) exchange = '234';
    const national = `${areaCode}${exchange}${random.digits(4)}`;
    return { national, e164: `+1${national}` };
  }, formatUs);
}

/** The same number typed differently: what a near-duplicate contact has. */
export function retype(random: Random, e164: string): string {
  if (e164.startsWith('+44')) return formatUk(random, `0${e164.slice(3)}`, e164);
  return formatUs(random, e164.slice(2), e164);
}

function validNumber(
  random: Random,
  type: PhoneType,
  make: () => { national: string; e164: string },
  format: (random: Random, national: string, e164: string) => string,
): GeneratedPhone {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const { national, e164 } = make();
    const parsed = parsePhoneNumberFromString(e164);
    if (parsed?.isValid() && parsed.number === e164) return { input: { type, number: format(random, national, e164) }, e164 };
  }
  throw new Error('Could not make a valid phone number; the numbering plan metadata may have changed');
}

function formatUk(random: Random, national: string, e164: string): string {
  const mobile = national.startsWith('07');
  const [head, tail] = mobile || national.length !== 11 ? [national.slice(0, 5), national.slice(5)] : splitUkGeographic(national);
  switch (random.int(0, 5)) {
    case 0:
      return `${head} ${tail}`;
    case 1:
      return national;
    case 2:
      return `+44 ${head.slice(1)} ${tail}`;
    case 3:
      return `(${head}) ${tail}`;
    case 4:
      return e164;
    default:
      return `${head} ${tail.slice(0, 3)} ${tail.slice(3)}`;
  }
}

function splitUkGeographic(national: string): [string, string] {
  // 020 xxxx xxxx, 01xx1 xxx xxxx, 01xxx xxxxxx
  if (national.startsWith('02')) return [national.slice(0, 3), national.slice(3)];
  if (national[3] === '1' || national[2] === '1') return [national.slice(0, 4), national.slice(4)];
  return [national.slice(0, 5), national.slice(5)];
}

function formatUs(random: Random, national: string, e164: string): string {
  const area = national.slice(0, 3);
  const exchange = national.slice(3, 6);
  const line = national.slice(6);
  switch (random.int(0, 4)) {
    case 0:
      return `+1 (${area}) ${exchange}-${line}`;
    case 1:
      return `+1 ${area}-${exchange}-${line}`;
    case 2:
      return e164;
    case 3:
      return `001 ${area} ${exchange} ${line}`;
    default:
      return `+1 ${area} ${exchange} ${line}`;
  }
}
