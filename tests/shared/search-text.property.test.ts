import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchRanges, searchWords, snippetAround } from '../../src-shared/search-text';

// The highlighted matches of the search page: whatever the text and the words, a highlight starts
// a word of the text, reads as one of the words once case and accents are set aside, and
// highlights never overlap; a word placed in a text is always found there.

const letters = fc.constantFrom(...'abcdeéèçøÅÉZß İ-,.'.split(''));
const text = fc.array(letters, { maxLength: 60 }).map((chars) => chars.join(''));
const word = fc.array(fc.constantFrom(...'abcdeéçz'.split('')), { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));

describe('search text', () => {
  it('highlights only the starts of words that read as a typed word, in order and without overlaps', () => {
    fc.assert(
      fc.property(text, fc.array(word, { minLength: 1, maxLength: 3 }), (body, typed) => {
        const words = typed.map(foldForSearch);
        const ranges = matchRanges(body, words);
        for (const [index, range] of ranges.entries()) {
          expect(range.start).toBeLessThan(range.end);
          if (index > 0) expect(range.start).toBeGreaterThan(ranges[index - 1]!.end - 1);
          const before = body.slice(0, range.start);
          expect(/[\p{L}\p{N}]$/u.test(foldForSearch(before))).toBe(false);
          expect(words.some((candidate) => foldForSearch(body.slice(range.start)).startsWith(candidate))).toBe(true);
        }
      }),
    );
  });

  it('finds a word put anywhere in a text at a word start, whatever its case and accents', () => {
    fc.assert(
      fc.property(text, word, text, (before, inserted, after) => {
        const body = `${before} ${inserted.toUpperCase()} ${after}`;
        const start = before.length + 1;
        const ranges = matchRanges(body, searchWords(inserted));
        expect(ranges.some((range) => range.start <= start && range.end >= start + inserted.length)).toBe(true);
      }),
    );
  });

  it('cuts a snippet that keeps the first match', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('damp', 'wall', 'roof', 'flat', 'the', 'in'), { minLength: 60, maxLength: 120 }), (filler) => {
        const body = [...filler, 'Cotham', ...filler].join(' ');
        const snippet = snippetAround(body, ['cotham']);
        expect(snippet).toContain('Cotham');
        expect(snippet.length).toBeLessThanOrEqual(162);
      }),
    );
  });
});
