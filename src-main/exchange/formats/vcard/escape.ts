// vCard text escapes (RFC 6350 3.4): \\ \; \, and \n in values. The reader and the writer use
// these, so what Fieldbook writes it reads back unchanged.

/** Splits at unescaped `separator` and resolves the escapes of each part. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  // Most values have no escapes: split without walking them character by character.
  if (!value.includes('\\')) return value.split(separator);
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === '\\' && index + 1 < value.length) {
      const next = value[index + 1]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

export function unescapeText(value: string): string {
  return splitEscaped(value, ';').join(';');
}

/** A text value or one component of a structured value, escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}
