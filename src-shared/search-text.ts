// How typed words are found again in a hit's text, for the highlighted matches and the snippet
// around them. Matching follows the full-text indexes: case and accents do not count, and a word
// matches the start of a word in the text ("cot" finds "Cotham").

/** Lower case without accents, one character at a time, with where each folded character came from. */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i += 1) origins.push(index);
    folded += plain;
    index += char.length;
  }
  origins.push(text.length);
  return { folded, origins };
}

/** Lower case without accents: how two texts are compared for a search. */
export function foldForSearch(text: string): string {
  return foldWithOrigins(text).folded;
}

/** The words of what was typed, folded; quotes and FTS syntax are only text here. */
export function searchWords(typed: string): string[] {
  return [...new Set(foldForSearch(typed).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

export interface TextRange {
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{N}]/u;

/**
 * Where the words appear in `text` at the start of one of its words, as ranges of the original
 * text, sorted and never overlapping (overlaps are joined).
 */
export function matchRanges(text: string, words: string[]): TextRange[] {
  if (words.length === 0 || !text) return [];
  const { folded, origins } = foldWithOrigins(text);
  const found: TextRange[] = [];
  for (const word of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(word, from);
      if (at < 0) break;
      from = at + 1;
      if (at > 0 && wordChar.test(folded[at - 1]!)) continue;
      found.push({ start: origins[at]!, end: origins[at + word.length]! });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const joined: TextRange[] = [];
  for (const range of found) {
    const last = joined[joined.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else joined.push({ ...range });
  }
  return joined;
}

/** About `length` characters of `text` on one line, around the first match, with … where cut. */
export function snippetAround(text: string, words: string[], length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const first = matchRanges(flat, words)[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  // Start on a word boundary so the snippet does not open mid-word.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  const end = Math.min(flat.length, start + length);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trimEnd()}${end < flat.length ? '…' : ''}`;
}
