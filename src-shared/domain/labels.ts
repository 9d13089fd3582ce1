// How stored values read on screen, shared by the renderer and by exports for people (the
// accountant preset), so both say "Customer" and "No answer" rather than `customer`, `no-answer`.

/** `quote_sent` → "Quote sent", `no-answer` → "No answer", `customer` → "Customer". */
export function valueLabel(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function yesNoLabel(value: boolean): string {
  return value ? 'Yes' : 'No';
}
