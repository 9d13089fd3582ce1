import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../../src-renderer/ui/use-fixed-rows';

// The rows in view worked out arithmetically, against the plain definition: every row whose box
// overlaps the viewport (or, with no height measured yet, the row under its top edge).

function overlapping(scrollTop: number, viewport: number, count: number, rowHeight: number, offsetTop: number) {
  const shown: number[] = [];
  for (let index = 0; index < count; index++) {
    const top = offsetTop + index * rowHeight;
    if (top + rowHeight > scrollTop && top < scrollTop + viewport) shown.push(index);
  }
  return shown;
}

describe('visibleRows', () => {
  it('is every row the viewport overlaps, when the viewport is within the rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, rowHeight, offsetTop, viewport, at) => {
          // The browser keeps the offset between 0 and the end of the rows less the viewport.
          const scrollTop = Math.floor(at * Math.max(0, offsetTop + count * rowHeight - viewport));
          const expected = overlapping(scrollTop, viewport, count, rowHeight, offsetTop);
          const range = visibleRows(scrollTop, viewport, count, rowHeight, offsetTop);
          // Only the header in view: the first row stands in for the rows about to come.
          if (expected.length === 0) expect(range).toEqual({ first: 0, last: 0 });
          else expect(range).toEqual({ first: expected[0], last: expected[expected.length - 1] });
        },
      ),
    );
  });

  it('is the row under the top edge before the viewport is measured, and nothing for no rows', () => {
    expect(visibleRows(40 + 56 * 7 + 10, 0, 100, 56, 40)).toEqual({ first: 7, last: 7 });
    expect(visibleRows(0, 600, 0, 56, 40)).toBeNull();
  });

  it('stays on the last rows for an offset past the end (a list that just got shorter)', () => {
    expect(visibleRows(5_600_000, 600, 5, 56, 40)).toEqual({ first: 4, last: 4 });
  });
});
