import { phoneSearchDigits } from '../../src-shared/phone';

// The digits a contact's numbers are found by (contact_digits_fts and the phones column of
// contacts_fts), remembered per process. Parsing a number is the costliest part of indexing a
// contact, so an import hands over the digits of the numbers it has just parsed itself
// (PhoneReading.searchDigits, the same as phoneSearchDigits gives), and a number met again (the
// same switchboard on many contacts) is parsed once. What is remembered depends on the number
// alone, so one memory serves every database of the process.

/**
 * Numbers remembered: this many at least, twice as many at most. Two generations, dropped a whole
 * one at a time: forgetting the oldest single entry of a Map each time (Map iteration skips the
 * holes left at its start) cost 1.6 s of CPU over the 137k numbers of a 100k import.
 */
const rememberedNumbers = 50_000;
let digitsOf = new Map<string, readonly string[]>();
let earlier = new Map<string, readonly string[]>();

function remember(e164: string, digits: readonly string[]): void {
  if (digitsOf.size >= rememberedNumbers) {
    earlier = digitsOf;
    digitsOf = new Map();
  }
  digitsOf.set(e164, digits);
}

function remembered(e164: string): readonly string[] | undefined {
  return digitsOf.get(e164) ?? earlier.get(e164);
}

/** phoneSearchDigits(e164), parsed only when not remembered. */
export function searchDigits(e164: string): readonly string[] {
  let digits = remembered(e164);
  if (!digits) remember(e164, (digits = phoneSearchDigits(e164)));
  return digits;
}

/** Remembers what phoneSearchDigits(e164) gives, found by a parse made for another purpose. */
export function rememberSearchDigits(e164: string, digits: readonly string[]): void {
  if (!digitsOf.has(e164)) remember(e164, digits);
}
