import type { z } from 'zod';
import type { ViewState } from '../../../src-shared/domain/saved-view';

// A screen reads a saved view back with its own rules: a view is plain JSON that may come from
// another device, saved by an older or newer version of the screen.

/** The view's filters as the screen's schema reads them (give each field a `.catch`), or the plain filters if they do not read at all. */
export function readViewFilters<Schema extends z.ZodType>(state: ViewState, schema: Schema, plain: z.output<Schema>): z.output<Schema> {
  const parsed = schema.safeParse(state.filters);
  return parsed.success ? parsed.data : plain;
}

/** The view's sort if the screen can sort by its field, else the screen's own. */
export function readViewSort<Field extends string>(state: ViewState, fields: readonly Field[], plain: { field: Field; direction: 'asc' | 'desc' }) {
  const field = fields.find((known) => known === state.sort?.field);
  return field && state.sort ? { field, direction: state.sort.direction } : plain;
}
