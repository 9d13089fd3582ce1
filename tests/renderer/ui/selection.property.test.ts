import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extendTo,
  isSelected,
  noSelection,
  pageState,
  selectAllMatching,
  selectedCount,
  setRows,
  toBulkSelection,
  toggleRow,
  togglePage,
  type RowSelection,
} from '../../../src-renderer/ui/selection';

// The selection model against a plain model: a list of n rows and the set of those selected.

type Step = { kind: 'click'; index: number } | { kind: 'shift'; index: number } | { kind: 'page' } | { kind: 'all' } | { kind: 'clear' };

const listSize = 40;
const ids = Array.from({ length: listSize }, (_, index) => `row-${index}`);
/** The first 25 rows are loaded; the rest are not on screen. */
const loaded = 25;
const idAt = (index: number) => (index < loaded ? ids[index] : undefined);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('click' as const), index: fc.integer({ min: 0, max: loaded - 1 }) }),
  fc.record({ kind: fc.constant('shift' as const), index: fc.integer({ min: 0, max: loaded - 1 }) }),
  fc.constant({ kind: 'page' as const }),
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'clear' as const }),
);

function modelStep(model: { selected: Set<string>; anchor: number | null }, action: Step) {
  const selected = new Set(model.selected);
  switch (action.kind) {
    case 'click': {
      const id = ids[action.index]!;
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { selected, anchor: action.index };
    }
    case 'shift': {
      const id = ids[action.index]!;
      if (model.anchor === null) return modelStep(model, { kind: 'click', index: action.index });
      const on = !selected.has(id);
      const [from, to] = [Math.min(model.anchor, action.index), Math.max(model.anchor, action.index)];
      for (let at = from; at <= to; at++) {
        if (on) selected.add(ids[at]!);
        else selected.delete(ids[at]!);
      }
      return { selected, anchor: action.index };
    }
    case 'page': {
      const page = ids.slice(0, loaded);
      const all = page.every((id) => selected.has(id));
      for (const id of page) {
        if (all) selected.delete(id);
        else selected.add(id);
      }
      return { selected, anchor: model.anchor };
    }
    case 'all':
      return { selected: new Set(ids), anchor: null };
    case 'clear':
      return { selected: new Set<string>(), anchor: null };
  }
}

function realStep(selection: RowSelection, action: Step): RowSelection {
  switch (action.kind) {
    case 'click':
      return toggleRow(selection, ids[action.index]!, action.index);
    case 'shift':
      return extendTo(selection, action.index, idAt);
    case 'page':
      return togglePage(selection, ids.slice(0, loaded));
    case 'all':
      return selectAllMatching();
    case 'clear':
      return noSelection;
  }
}

/** What the core would act on: the ids, or every row of the list but the exceptions. */
function resolved(selection: RowSelection): string[] {
  const bulk = toBulkSelection(selection);
  return bulk.mode === 'ids' ? [...bulk.ids].sort() : ids.filter((id) => !bulk.except.includes(id)).sort();
}

describe('row selection', () => {
  it('clicks, shift-click ranges, the page checkbox and "all matching" with exceptions select what a plain set would', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let model = { selected: new Set<string>(), anchor: null as number | null };
        let selection = noSelection;
        for (const action of steps) {
          model = modelStep(model, action);
          selection = realStep(selection, action);
          expect(selectedCount(selection, listSize)).toBe(model.selected.size);
          expect(resolved(selection)).toEqual([...model.selected].sort());
          for (const id of ids) expect(isSelected(selection, id)).toBe(model.selected.has(id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a range across rows not loaded skips them rather than guessing', () => {
    const selection = extendTo(toggleRow(noSelection, 'row-20', 20), 30, (index) => (index < 25 ? `row-${index}` : undefined));
    // Row 30 is not loaded: the shift-click cannot say which row it is, so nothing changes.
    expect(resolved(selection)).toEqual(['row-20']);
    const within = extendTo(toggleRow(noSelection, 'row-2', 2), 5, idAt);
    expect(resolved(within)).toEqual(['row-2', 'row-3', 'row-4', 'row-5']);
  });

  it('"all matching" minus a few sends only the exceptions, and the header checkbox is mixed', () => {
    const selection = setRows(selectAllMatching(), ['row-3', 'row-30'], false);
    expect(toBulkSelection(selection)).toEqual({ mode: 'matching', except: ['row-3', 'row-30'] });
    expect(selectedCount(selection, 20_000)).toBe(19_998);
    expect(pageState(selection, ids.slice(0, loaded))).toBe('some');
  });
});
