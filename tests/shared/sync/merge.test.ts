import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src-shared/hlc';
import { emptyRowState, foldChange, mergeChange, type RowChange } from '../../../src-shared/sync/merge';

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

const at = (wallMs: number, deviceId = 'a') => formatHlc({ wallMs, counter: 0, deviceId });

describe('merging one change into a row', () => {
  it('lets the later clock take a field and leaves the field to a later write already there', () => {
    const row = { fields: { name: 'Ann' }, clocks: { name: at(20) } };
    expect(mergeChange(row, { hlc: at(30), fields: { name: 'Anne' } })).toEqual({ values: { name: 'Anne' }, clocks: { name: at(30) } });
    expect(mergeChange(row, { hlc: at(10), fields: { name: 'Annie' } })).toEqual({ values: {}, clocks: {} });
  });

  it('decides each field on its own clock', () => {
    const row = { fields: {}, clocks: { name: at(20), company: at(5) } };
    const outcome = mergeChange(row, { hlc: at(10), fields: { name: 'Bob', company: 'Acme', status: 'won' } });
    expect(outcome.values).toEqual({ company: 'Acme', status: 'won' });
  });

  it('keeps a delete made elsewhere over a later edit, and lets only a restore bring the row back', () => {
    const deleted = { fields: { cl: 2 }, clocks: { cl: at(10) } };
    expect(mergeChange(deleted, { hlc: at(50), fields: { cl: 1 } }).values).toEqual({});
    expect(mergeChange(deleted, { hlc: at(5), fields: { cl: 3 } }).values).toEqual({ cl: 3 });
  });

  it('takes only the clock of a causal length equal to the stored one, when that clock is later', () => {
    const row = { fields: { cl: 2 }, clocks: { cl: at(10) } };
    expect(mergeChange(row, { hlc: at(20, 'b'), fields: { cl: 2 } })).toEqual({ values: {}, clocks: { cl: at(20, 'b') } });
    expect(mergeChange(row, { hlc: at(5, 'b'), fields: { cl: 2 } })).toEqual({ values: {}, clocks: {} });
  });

  it('ignores a causal length that is not a number', () => {
    expect(mergeChange({ fields: {}, clocks: {} }, { hlc: at(1), fields: { cl: 'x' } })).toEqual({ values: {}, clocks: {} });
  });

  it('gives the same state for any order and any repeats of the same changes', () => {
    fc.assert(
      fc.property(
        changes.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray([...list, ...list], { minLength: list.length * 2 }))),
        ([list, repeated]) => {
          expect(repeated.reduce(foldChange, emptyRowState())).toEqual(list.reduce(foldChange, emptyRowState()));
        },
      ),
    );
  });

  it('never lowers a causal length', () => {
    fc.assert(
      fc.property(changes, (list) => {
        let state = emptyRowState();
        for (const next of list) {
          const before = state.fields.cl;
          state = foldChange(state, next);
          if (typeof before === 'number') expect(state.fields.cl).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });
});
