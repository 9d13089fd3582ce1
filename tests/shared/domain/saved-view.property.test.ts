import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnLayoutSchema, normaliseLayout, ViewStateSchema, viewStateDiffers, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';

const columnIds = ['name', 'company', 'phone', 'type', 'status', 'owner', 'followUp', 'value'] as const;
const columnId = fc.constantFrom(...columnIds);

const layoutArbitrary: fc.Arbitrary<ColumnLayout> = fc.record({
  order: fc.uniqueArray(columnId, { maxLength: columnIds.length }),
  hidden: fc.uniqueArray(columnId, { maxLength: 4 }),
  widths: fc.dictionary(columnId, fc.integer({ min: 48, max: 800 }), { maxKeys: 4 }),
  density: fc.constantFrom('comfortable' as const, 'compact' as const),
});

const filtersArbitrary = fc.record(
  { status: fc.constantFrom('lead', 'customer'), tag: fc.string({ maxLength: 12 }), followUpDue: fc.boolean(), owner: fc.constantFrom('team', 'mine') },
  { requiredKeys: [] },
);

const stateArbitrary: fc.Arbitrary<ViewState> = fc.record({
  filters: filtersArbitrary,
  sort: fc.option(fc.record({ field: fc.constantFrom('name', 'company'), direction: fc.constantFrom('asc' as const, 'desc' as const) }), { nil: null }),
  columns: layoutArbitrary,
});

/** The same object with its keys written in the reverse order. */
function reversedKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([key, inner]) => [key, reversedKeys(inner)])) as T;
}

describe('the column layout value', () => {
  it('survives a round trip through JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(layoutArbitrary, (layout) => {
        expect(ColumnLayoutSchema.parse(JSON.parse(JSON.stringify(layout)))).toEqual(layout);
      }),
    );
  });

  it('refuses a width no one could drag a column to', () => {
    expect(ColumnLayoutSchema.safeParse({ widths: { name: 5 } }).success).toBe(false);
    expect(ColumnLayoutSchema.safeParse({ widths: { name: 5000 } }).success).toBe(false);
    expect(ColumnLayoutSchema.safeParse({ density: 'cosy' }).success).toBe(false);
  });

  it('reads a stored layout with missing parts as the default for those parts', () => {
    expect(ColumnLayoutSchema.parse({ hidden: ['phone'] })).toEqual({ order: [], hidden: ['phone'], widths: {}, density: 'comfortable' });
  });

  it('normalises to a fixed point that forgets columns the list no longer has', () => {
    fc.assert(
      fc.property(layoutArbitrary, fc.subarray([...columnIds]), (layout, known) => {
        const once = normaliseLayout(layout, known);
        expect(normaliseLayout(once, known)).toEqual(once);
        for (const id of [...once.order, ...once.hidden, ...Object.keys(once.widths)]) expect(known).toContain(id);
      }),
    );
  });
});

describe('whether the screen differs from its saved view', () => {
  it('says a state equals itself, however its keys were ordered and once through JSON', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        expect(viewStateDiffers(state, reversedKeys(state))).toBe(false);
        expect(viewStateDiffers(state, ViewStateSchema.parse(JSON.parse(JSON.stringify(state))))).toBe(false);
      }),
    );
  });

  it('sees a hidden column, a moved column, a new width, the density, the sort and a filter', () => {
    fc.assert(
      fc.property(stateArbitrary, columnId, (state, id) => {
        const hiddenToggled = state.columns.hidden.includes(id) ? state.columns.hidden.filter((other) => other !== id) : [...state.columns.hidden, id];
        expect(viewStateDiffers(state, { ...state, columns: { ...state.columns, hidden: hiddenToggled } })).toBe(true);
        const width = state.columns.widths[id] === 300 ? 301 : 300;
        expect(viewStateDiffers(state, { ...state, columns: { ...state.columns, widths: { ...state.columns.widths, [id]: width } } })).toBe(true);
        const density = state.columns.density === 'compact' ? 'comfortable' : 'compact';
        expect(viewStateDiffers(state, { ...state, columns: { ...state.columns, density } })).toBe(true);
        const sort = state.sort?.direction === 'asc' ? { ...state.sort, direction: 'desc' as const } : { field: 'name', direction: 'asc' as const };
        expect(viewStateDiffers(state, { ...state, sort })).toBe(true);
        const status = state.filters.status === 'lead' ? 'customer' : 'lead';
        expect(viewStateDiffers(state, { ...state, filters: { ...state.filters, status } })).toBe(true);
      }),
    );
    const base: ViewState = { filters: {}, sort: null, columns: { order: ['name', 'phone', 'company'], hidden: [], widths: {}, density: 'comfortable' } };
    expect(viewStateDiffers(base, { ...base, columns: { ...base.columns, order: ['name', 'company', 'phone'] } })).toBe(true);
  });

  it('does not count a filter set to its empty value, the order of hidden columns, or columns the list no longer has', () => {
    const base: ViewState = { filters: { status: 'lead' }, sort: null, columns: { order: [], hidden: ['phone', 'owner'], widths: {}, density: 'comfortable' } };
    expect(viewStateDiffers(base, { ...base, filters: { status: 'lead', tag: '', followUpDue: false } })).toBe(false);
    expect(viewStateDiffers(base, { ...base, columns: { ...base.columns, hidden: ['owner', 'phone'] } })).toBe(false);
    const withRetired = { ...base, columns: { ...base.columns, hidden: ['owner', 'phone', 'retired'], widths: { retired: 200 } } };
    expect(viewStateDiffers(base, withRetired, columnIds)).toBe(false);
    expect(viewStateDiffers(base, withRetired)).toBe(true);
  });
});
