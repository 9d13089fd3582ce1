import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src-shared/hlc';
import { emptyRowState, foldChange, type RowChange } from '../../../src-shared/sync/merge';

const field = fc.constantFrom('name', 'company', 'status', 'cl');
const change = fc.record({
  wallMs: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }),
  counter: fc.integer({ min: 0, max: 3 }),
  device: fc.constantFrom('a', 'b'),
  fields: fc.dictionary(field, fc.oneof(fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 3 }), fc.constant(null)), { minKeys: 1 }),
});

// Distinct clocks, as real HLCs are; the author names the change so authors can be checked too.
const changes = fc.uniqueArray(change, { selector: (c) => `${c.wallMs}-${c.counter}-${c.device}`, maxLength: 12 }).map((list) =>
  list.map(
    (c, index): RowChange => ({
      hlc: formatHlc({ wallMs: c.wallMs, counter: c.counter, deviceId: c.device }),
      fields: c.fields,
      author: `change-${index}`,
    }),
  ),
);

describe('row state compaction', () => {
  it('gives the same state whatever order the changes arrive in', () => {
    fc.assert(
      fc.property(changes.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), ([list, shuffled]) => {
        expect(shuffled.reduce(foldChange, emptyRowState())).toEqual(list.reduce(foldChange, emptyRowState()));
      }),
    );
  });

  it('holds the value of the latest clock per field, and the largest causal length', () => {
    fc.assert(
      fc.property(changes, (list) => {
        const state = list.reduce(foldChange, emptyRowState());
        for (const name of ['name', 'company', 'status']) {
          const writers = list.filter((c) => name in c.fields).sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
          const latest = writers.at(-1);
          expect(state.fields[name]).toEqual(latest ? latest.fields[name] : undefined);
          expect(state.clocks[name]).toEqual(latest?.hlc);
          expect(state.authors[name]).toEqual(latest?.author);
        }
        const longest = list
          .filter((c) => typeof c.fields.cl === 'number')
          .sort((x, y) => (x.fields.cl as number) - (y.fields.cl as number) || (x.hlc < y.hlc ? -1 : 1))
          .at(-1);
        expect(state.fields.cl).toEqual(longest?.fields.cl);
        expect(state.authors.cl).toEqual(longest?.author);
      }),
    );
  });

  it('does not modify the state it is given', () => {
    const before = emptyRowState();
    foldChange(before, { hlc: formatHlc({ wallMs: 1, counter: 0, deviceId: 'a' }), fields: { name: 'x' }, author: 'Ann' });
    expect(before).toEqual(emptyRowState());
  });
});
