import { z } from 'zod';

// How a list looks (which columns, in what order, how wide, how dense) and a saved view of it
// (that layout with the list's filters and sort, under a name). The layout is kept per list on
// this computer (src-renderer/ui/use-column-layout.ts); a saved view is a synced row
// (src-main/views/), checked again by the change contract when it arrives from another device.

/** The lists that share one table and can save views; each screen names itself with one. */
export const viewListIds = ['contacts', 'calls', 'followups', 'deals', 'jobs'] as const;
export type ViewListId = (typeof viewListIds)[number];

export const densities = ['comfortable', 'compact'] as const;
export type Density = (typeof densities)[number];

const ColumnId = z.string().min(1).max(64);

/** The narrowest and widest a column may be dragged or keyed to, in px. */
export const minColumnWidth = 48;
export const maxColumnWidth = 800;

export const ColumnLayoutSchema = z.object({
  /** Column ids in the order shown; a column the list has that is missing here keeps its own place after them. */
  order: z.array(ColumnId).max(60).default([]),
  /** Column ids the user hid. */
  hidden: z.array(ColumnId).max(60).default([]),
  /** Widths (px) the user gave columns; the others keep the list's own track. */
  widths: z.record(ColumnId, z.number().int().min(minColumnWidth).max(maxColumnWidth)).default({}),
  density: z.enum(densities).default('comfortable'),
});
export type ColumnLayout = z.output<typeof ColumnLayoutSchema>;

export const defaultColumnLayout: ColumnLayout = { order: [], hidden: [], widths: {}, density: 'comfortable' };

export const ViewSortSchema = z.object({ field: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) });
export type ViewSort = z.output<typeof ViewSortSchema>;

/** A plain JSON value: each screen reads its own filters back with its own schema. */
const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(JsonValue).max(200), z.record(z.string().max(64), JsonValue)]),
);

/** What a view holds: the screen's filters, its sort and its columns. */
export const ViewStateSchema = z.object({
  filters: z.record(z.string().max(64), JsonValue).default({}),
  sort: ViewSortSchema.nullable().default(null),
  columns: ColumnLayoutSchema.default(defaultColumnLayout),
});
export type ViewState = z.output<typeof ViewStateSchema>;

export const SavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  listId: z.enum(viewListIds),
  state: ViewStateSchema,
  /** A shared view is on every teammate's list; a personal one only on its owner's. */
  shared: z.boolean(),
  owner: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type SavedView = z.output<typeof SavedViewSchema>;

export const ViewNameSchema = z.string().trim().min(1, 'Give the view a name.').max(80, 'A view’s name is at most 80 characters.');

export const SavedViewDraftSchema = z.object({
  /** Absent to create a view; present to change one. */
  id: z.string().min(1).max(64).optional(),
  name: ViewNameSchema,
  listId: z.enum(viewListIds),
  state: ViewStateSchema,
  shared: z.boolean().default(false),
});
export type SavedViewDraft = z.input<typeof SavedViewDraftSchema>;

/**
 * The layout with what does not change how it looks taken out: ids of columns the list does not
 * have, duplicates, widths of unknown columns; hidden ids sorted (their order means nothing).
 */
export function normaliseLayout(layout: ColumnLayout, knownIds?: readonly string[]): ColumnLayout {
  const known = knownIds ? new Set(knownIds) : null;
  const keep = (id: string) => known === null || known.has(id);
  const order = [...new Set(layout.order.filter(keep))];
  const hidden = [...new Set(layout.hidden.filter(keep))].sort();
  const widths = Object.fromEntries(Object.entries(layout.widths).filter(([id]) => keep(id)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { order, hidden, widths, density: layout.density };
}

/** JSON with object keys sorted, so two equal values read the same whatever order their keys were set in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Whether the screen still shows what the view saved: the "Unsaved changes" mark. Filters compare
 * by value (a key set to its empty value counts as absent), the layout once normalised.
 */
export function viewStateDiffers(saved: ViewState, current: ViewState, knownColumnIds?: readonly string[]): boolean {
  const comparable = (state: ViewState) =>
    canonicalJson({
      filters: dropEmpty(state.filters),
      sort: state.sort,
      columns: normaliseLayout(state.columns, knownColumnIds),
    });
  return comparable(saved) !== comparable(current);
}

function dropEmpty(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false));
}
