import { z } from 'zod';
import { callDirections } from '../../../src-shared/domain/call';
import { defaultColumnLayout, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';
import { readViewFilters, readViewSort } from '../views/view-state';
import { noCallFilters, type CallFilters, type CallRequest } from './call-pages';

// The call history as a saved view's state and back (features/views/ViewsPanel.tsx).

const callSortFields = ['startedAt', 'durationSeconds', 'disposition'] as const;
export const plainCallSort: CallRequest['sort'] = { field: 'startedAt', direction: 'desc' };

const day = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const CallViewFiltersSchema = z.object({
  from: day.catch(''),
  to: day.catch(''),
  direction: z.enum([...callDirections, '']).catch(''),
  disposition: z.string().max(100).catch(''),
  contact: z.object({ id: z.string().max(64), name: z.string().max(200) }).nullable().catch(null),
  unansweredOnly: z.boolean().catch(false),
  tag: z.string().max(40).catch(''),
}) satisfies z.ZodType<CallFilters>;

export function callViewState(filters: CallFilters, sort: CallRequest['sort'], columns: ColumnLayout): ViewState {
  return { filters: { ...filters }, sort, columns };
}

export const plainCallView = callViewState(noCallFilters, plainCallSort, defaultColumnLayout);

export function callListOfView(state: ViewState): CallRequest {
  return { filters: readViewFilters(state, CallViewFiltersSchema, noCallFilters), sort: readViewSort(state, callSortFields, plainCallSort) };
}
