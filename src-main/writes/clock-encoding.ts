import type { FieldClocks } from '../../src-shared/sync/merge';
import { formatHlc, readHlc, type HlcParts } from '../../src-shared/hlc';

// How a row's field clocks are stored (the `clocks` table, clock-store.ts): one base HLC for the
// row, as integers, and a short text naming the fields that hold it and the few that hold another.
// Most rows were written by one change, or mostly by one, so most fields share one clock.
//
// `fields` is a comma-separated list, in field-code order, of:
//   `7`          field 7 has the base clock
//   `3-9`        fields 3 to 9 have the base clock
//   `5=W.C.D`    field 5 has its own clock: wall ms W, counter C, device code D
//   `5~TEXT`     field 5 has a clock that is not of the HLC form, kept as given (as a JSON string,
//                its % and , written %25 and %2C)
// Field and device codes come from per-database dictionaries (clock_fields, clock_devices).
// Decoding gives back exactly the FieldClocks that were encoded: a field without a clock has none.

/** The stored form of one row's clocks. The base is null when no clock of the row is of the HLC form. */
export interface StoredClocks {
  wallMs: number | null;
  counter: number | null;
  device: number | null;
  fields: string;
}

/** Dictionary codes of one table's field names and of device ids, given (and added) while encoding. */
export interface ClockCodes {
  field(name: string): number;
  device(deviceId: string): number;
}

/** The names behind the codes, for decoding. */
export interface ClockNames {
  field(code: number): string;
  device(code: number): string;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The parts of an HLC of the form, whose device id SQLite can store as text (no lone surrogate). */
function parseCanonical(hlc: string): HlcParts | null {
  return loneSurrogate.test(hlc) ? null : readHlc(hlc);
}

function formatCanonical(wallMs: number, counter: number, deviceId: string): string {
  return formatHlc({ wallMs, counter, deviceId });
}

// JSON keeps a lone surrogate (as \udXXX), which SQLite's UTF-8 text would not.
const escapeRaw = (text: string) => JSON.stringify(text).replaceAll('%', '%25').replaceAll(',', '%2C');
const unescapeRaw = (text: string) => JSON.parse(text.replace(/%(25|2C)/g, (_escape, code: string) => (code === '25' ? '%' : ','))) as string;

/** The clock most fields hold (the greatest among equals), of the HLC form; null when none is. */
function baseClock(clocks: FieldClocks): string | null {
  const counts = new Map<string, number>();
  for (const hlc of Object.values(clocks)) counts.set(hlc, (counts.get(hlc) ?? 0) + 1);
  let base: string | null = null;
  let most = 0;
  for (const [hlc, count] of counts) {
    if (parseCanonical(hlc) === null) continue;
    if (count > most || (count === most && base !== null && hlc > base)) {
      base = hlc;
      most = count;
    }
  }
  return base;
}

export function encodeClocks(clocks: FieldClocks, codes: ClockCodes): StoredClocks {
  const base = baseClock(clocks);
  const parsedBase = base === null ? null : parseCanonical(base)!;
  // Names get their codes in sorted order, so that a table's first rows number its fields alike.
  const coded = Object.keys(clocks)
    .sort()
    .map((name) => ({ code: codes.field(name), hlc: clocks[name]! }))
    .sort((a, b) => a.code - b.code);
  const items: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  const endRun = () => {
    if (runStart < 0) return;
    items.push(runStart === runEnd ? String(runStart) : `${runStart}-${runEnd}`);
    runStart = -1;
  };
  for (const { code, hlc } of coded) {
    if (hlc === base) {
      if (runStart >= 0 && code === runEnd + 1) runEnd = code;
      else {
        endRun();
        runStart = runEnd = code;
      }
      continue;
    }
    endRun();
    const own = parseCanonical(hlc);
    items.push(own ? `${code}=${own.wallMs}.${own.counter}.${codes.device(own.deviceId)}` : `${code}~${escapeRaw(hlc)}`);
  }
  endRun();
  return {
    wallMs: parsedBase?.wallMs ?? null,
    counter: parsedBase?.counter ?? null,
    device: parsedBase ? codes.device(parsedBase.deviceId) : null,
    fields: items.join(','),
  };
}

/**
 * The fields part of encodeClocks for rows whose every field (`names`) holds the same clock of
 * the HLC form: the list of their codes in runs ("0-9,12"), whatever that clock is. A new row's
 * clocks are all its change's HLC, so the bulk path encodes this once for a run of rows with the
 * same columns (sharedClockParts gives each row's base) instead of a map of clocks per row.
 * Codes are asked in sorted order of the names, as encodeClocks asks them.
 */
export function sharedClockFields(names: readonly string[], codes: ClockCodes): string {
  const sorted = [...names].sort().map((name) => codes.field(name)).sort((a, b) => a - b);
  const items: string[] = [];
  for (let at = 0; at < sorted.length; ) {
    let end = at;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    items.push(at === end ? String(sorted[at]) : `${sorted[at]}-${sorted[end]}`);
    at = end + 1;
  }
  return items.join(',');
}

/** The base of sharedClockFields' rows: what encodeClocks stores for `hlc`; null when it is not of the HLC form. */
export function sharedClockBase(hlc: string, codes: ClockCodes): Omit<StoredClocks, 'fields'> | null {
  const parsed = parseCanonical(hlc);
  return parsed ? { wallMs: parsed.wallMs, counter: parsed.counter, device: codes.device(parsed.deviceId) } : null;
}

const rangeItem = /^(\d+)-(\d+)$/;
const ownItem = /^(\d+)=(\d+)\.(\d+)\.(\d+)$/;
const rawItem = /^(\d+)~([\s\S]*)$/;
const baseItem = /^\d+$/;

export function decodeClocks(stored: StoredClocks, names: ClockNames): FieldClocks {
  const clocks: FieldClocks = {};
  if (stored.fields === '') return clocks;
  // As JSON.parse would: a field named __proto__ is a field like any other.
  const set = (code: number, hlc: string) => {
    const name = names.field(code);
    if (name === '__proto__') Object.defineProperty(clocks, name, { value: hlc, enumerable: true, writable: true, configurable: true });
    else clocks[name] = hlc;
  };
  const base = () => {
    if (stored.wallMs === null || stored.counter === null || stored.device === null) throw new Error(`Stored clocks name base fields but have no base clock: ${stored.fields}`);
    return formatCanonical(stored.wallMs, stored.counter, names.device(stored.device));
  };
  for (const item of stored.fields.split(',')) {
    let match: RegExpExecArray | null;
    if (baseItem.test(item)) set(Number(item), base());
    else if ((match = rangeItem.exec(item))) {
      const hlc = base();
      for (let code = Number(match[1]); code <= Number(match[2]); code += 1) set(code, hlc);
    } else if ((match = ownItem.exec(item))) set(Number(match[1]), formatCanonical(Number(match[2]), Number(match[3]), names.device(Number(match[4]))));
    else if ((match = rawItem.exec(item))) set(Number(match[1]), unescapeRaw(match[2]!));
    else throw new Error(`Stored clocks hold an item that is not a clock: ${item}`);
  }
  return clocks;
}
