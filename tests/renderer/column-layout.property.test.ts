import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultColumnLayout, type ColumnLayout } from '../../src-shared/domain/saved-view';
import { arrangeColumns, clearColumnWidth, moveColumn, orderedColumns, setColumnShown, setColumnWidth } from '../../src-renderer/ui/column-layout';

const columns = ['name', 'company', 'phone', 'type', 'status', 'owner'].map((id) => ({ id, label: id.toUpperCase(), width: `minmax(80px, 1fr)` }));
const ids = columns.map((column) => column.id);
const id = fc.constantFrom(...ids);

/** A layout reached by a user's clicks in the column chooser and drags on the headers. */
const layoutByClicks: fc.Arbitrary<ColumnLayout> = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('move' as const), id, by: fc.constantFrom(-1, 1) }),
      fc.record({ kind: fc.constant('show' as const), id, shown: fc.boolean() }),
      fc.record({ kind: fc.constant('width' as const), id, width: fc.integer({ min: -100, max: 2000 }) }),
      fc.record({ kind: fc.constant('clear' as const), id }),
    ),
    { maxLength: 30 },
  )
  .map((steps) =>
    steps.reduce<ColumnLayout>((layout, step) => {
      if (step.kind === 'move') return moveColumn(columns, layout, step.id, step.by);
      if (step.kind === 'show') return setColumnShown(columns, layout, step.id, step.shown);
      if (step.kind === 'width') return setColumnWidth(layout, step.id, step.width);
      return clearColumnWidth(layout, step.id);
    }, defaultColumnLayout),
  );

describe('a grid’s column layout', () => {
  it('draws the list’s own columns, in their order, when the user chose nothing', () => {
    expect(arrangeColumns(columns, defaultColumnLayout).map(({ column, track }) => [column.id, track])).toEqual(columns.map((column) => [column.id, column.width]));
  });

  it('keeps every column exactly once in its order, and always shows at least one, whatever the user clicks', () => {
    fc.assert(
      fc.property(layoutByClicks, (layout) => {
        expect(orderedColumns(columns, layout).map((column) => column.id).sort()).toEqual([...ids].sort());
        const drawn = arrangeColumns(columns, layout);
        expect(drawn.length).toBeGreaterThan(0);
        for (const { column } of drawn) expect(layout.hidden).not.toContain(column.id);
        for (const width of Object.values(layout.widths)) expect(width).toBeGreaterThanOrEqual(48);
      }),
    );
  });

  it('moves a column one place and back to where it was', () => {
    fc.assert(
      fc.property(layoutByClicks, id, fc.constantFrom(-1, 1), (layout, moved, by) => {
        const before = orderedColumns(columns, layout).map((column) => column.id);
        const index = before.indexOf(moved);
        fc.pre(index + by >= 0 && index + by < before.length);
        const after = orderedColumns(columns, moveColumn(columns, layout, moved, by)).map((column) => column.id);
        expect(after.indexOf(moved)).toBe(index + by);
        const back = moveColumn(columns, moveColumn(columns, layout, moved, by), moved, -by);
        expect(orderedColumns(columns, back).map((column) => column.id)).toEqual(before);
      }),
    );
  });

  it('draws a column the user resized at that width and hides what they hid', () => {
    const layout = setColumnWidth(setColumnShown(columns, defaultColumnLayout, 'phone', false), 'company', 240);
    const drawn = arrangeColumns(columns, layout);
    expect(drawn.map(({ column }) => column.id)).not.toContain('phone');
    expect(drawn.find(({ column }) => column.id === 'company')?.track).toBe('240px');
  });

  it('keeps the last column shown when asked to hide it', () => {
    const onlyName = ids.slice(1).reduce((layout, hidden) => setColumnShown(columns, layout, hidden, false), defaultColumnLayout);
    expect(setColumnShown(columns, onlyName, 'name', false)).toBe(onlyName);
  });

  it('places a column the list gained after the ones the user ordered', () => {
    const layout: ColumnLayout = { ...defaultColumnLayout, order: ['phone', 'name'] };
    expect(orderedColumns(columns, layout).map((column) => column.id)).toEqual(['phone', 'name', 'company', 'type', 'status', 'owner']);
  });
});
