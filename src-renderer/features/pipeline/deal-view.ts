import { z } from 'zod';
import { dealSortFields, type DealSortField } from '../../../src-shared/domain/pipeline';
import { defaultColumnLayout, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';
import { readViewFilters, readViewSort } from '../views/view-state';

// The deals list as a saved view's state and back (features/views/ViewsPanel.tsx): the stage it
// shows (of the pipeline on screen), the sort and the columns.

export interface DealSort {
  field: DealSortField;
  direction: 'asc' | 'desc';
}

export const plainDealSort: DealSort = { field: 'updatedAt', direction: 'desc' };

const DealViewFiltersSchema = z.object({ stageId: z.string().max(64).nullable().catch(null) });

export function dealViewState(stageId: string | null, sort: DealSort, columns: ColumnLayout): ViewState {
  return { filters: { stageId }, sort, columns };
}

export const plainDealView = dealViewState(null, plainDealSort, defaultColumnLayout);

export function dealListOfView(state: ViewState): { stageId: string | null; sort: DealSort } {
  return { stageId: readViewFilters(state, DealViewFiltersSchema, { stageId: null }).stageId, sort: readViewSort(state, dealSortFields, plainDealSort) };
}
