import { AppError } from '../../../src-shared/errors';

/** How the bytes of an imported file were read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Text from the bytes of a file whose encoding nobody told us. A byte order mark decides;
 * otherwise bytes that are valid UTF-8 are read as UTF-8 and anything else as Windows-1252 (what
 * Excel on Windows and older Outlook write; a superset of Latin-1 for the printable range).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (bytes.subarray(0, sniffBytes).includes(0)) {
    throw new AppError('invalid_input', 'This is not a text file (it holds NUL bytes); export the contacts as CSV or vCard and choose that file.', 'uploadId');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

const sniffBytes = 64 * 1024;

/**
 * UTF-16 written without a byte order mark (some Windows tools do): the ASCII of a CSV file
 * (delimiters, digits, e-mail addresses, line ends) puts a zero byte in every other position,
 * on one side only. Text in any 8-bit encoding has no zero bytes at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, sniffBytes) / 2);
  if (pairs < 2) return null;
  let zerosHigh = 0;
  let zerosLow = 0;
  for (let index = 0; index < pairs; index += 1) {
    if (bytes[2 * index] === 0) zerosLow += 1;
    if (bytes[2 * index + 1] === 0) zerosHigh += 1;
  }
  const side = (zeros: number, other: number) => zeros >= pairs * 0.1 && other <= pairs * 0.02;
  const encoding = side(zerosHigh, zerosLow) ? 'utf-16le' : side(zerosLow, zerosHigh) ? 'utf-16be' : null;
  if (!encoding || bytes.length % 2 !== 0) return null;
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return encoding;
  } catch {
    return null;
  }
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1: 0x80-0x9F come out as control
// characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ. Those bytes are
// mapped here (the five undefined ones stay as they are, as browsers do).
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => String.fromCharCode(windows1252High[char.charCodeAt(0) - 0x80]!));
}

/** The inverse of decodeWindows1252; null when a character has no Windows-1252 byte. */
export function encodeWindows1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const high = windows1252High.indexOf(code);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[index] = code;
    else if (high !== -1) bytes[index] = 0x80 + high;
    else return null;
  }
  return bytes;
}
