// Which pictures Fieldbook shows as a contact's photo, told by their first bytes, never by a
// name or a claimed type. Only formats a browser shows; never SVG (it can carry script).

const signatures: { mimeType: string; test: (bytes: Uint8Array) => boolean }[] = [
  { mimeType: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mimeType: 'image/png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => b[index] === byte) },
  { mimeType: 'image/gif', test: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a' },
  { mimeType: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { mimeType: 'image/bmp', test: (b) => ascii(b, 0, 2) === 'BM' && b.length > 26 },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The image type of these bytes (the first 16 are enough), or null when they are no picture Fieldbook shows. */
export function sniffImage(bytes: Uint8Array): string | null {
  return signatures.find((signature) => signature.test(bytes))?.mimeType ?? null;
}

export const imageExtensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/** Pictures larger than this are no contact photo (phones write 10–200 KB). */
export const maxPhotoBytes = 10 * 1024 * 1024;
