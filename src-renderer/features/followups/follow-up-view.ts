import { z } from 'zod';
import { defaultColumnLayout, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';
import { followUpListKinds, followUpSortFields, type FollowUpListKind, type FollowUpSortField } from '../../../src-shared/domain/follow-up';
import { readViewFilters, readViewSort } from '../views/view-state';

// The follow-ups table as a saved view's state and back (features/views/ViewsPanel.tsx): which
// section (overdue, today, upcoming, done), whose, the sort and the columns.

export interface FollowUpTableFilters {
  view: FollowUpListKind;
  scope: 'mine' | 'team';
}
export interface FollowUpTableSort {
  field: FollowUpSortField;
  direction: 'asc' | 'desc';
}

export const plainFollowUpSort: FollowUpTableSort = { field: 'dueAt', direction: 'asc' };
const plainFilters: FollowUpTableFilters = { view: 'overdue', scope: 'team' };

const FollowUpViewFiltersSchema = z.object({
  view: z.enum(followUpListKinds).catch('overdue'),
  scope: z.enum(['mine', 'team']).catch('team'),
});

export function followUpViewState(filters: FollowUpTableFilters, sort: FollowUpTableSort, columns: ColumnLayout): ViewState {
  return { filters: { view: filters.view, scope: filters.scope }, sort, columns };
}

export const plainFollowUpView = followUpViewState(plainFilters, plainFollowUpSort, defaultColumnLayout);

export function followUpListOfView(state: ViewState): { filters: FollowUpTableFilters; sort: FollowUpTableSort } {
  return { filters: readViewFilters(state, FollowUpViewFiltersSchema, plainFilters), sort: readViewSort(state, followUpSortFields, plainFollowUpSort) };
}
