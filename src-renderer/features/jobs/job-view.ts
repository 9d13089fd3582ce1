import { z } from 'zod';
import { defaultColumnLayout, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';
import { readViewFilters, readViewSort } from '../views/view-state';
import type { JobRequest, JobStatusFilter } from './hooks';

// The jobs list as a saved view's state and back (features/views/ViewsPanel.tsx).

/** The status filters the jobs list offers. */
export const statusFilters = ['open', 'done', 'invoiced', 'paid', 'cancelled', 'all'] as const satisfies readonly JobStatusFilter[];
type StatusFilter = (typeof statusFilters)[number];

const jobSortFields = ['scheduledAt', 'createdAt', 'title', 'status'] as const;
export const plainJobRequest = { status: 'open', sort: { field: 'scheduledAt', direction: 'asc' } } satisfies JobRequest & { status: StatusFilter };

const JobViewFiltersSchema = z.object({
  status: z.enum(statusFilters).catch('open'),
});

export function jobViewState(request: JobRequest, columns: ColumnLayout): ViewState {
  return { filters: { status: request.status }, sort: request.sort, columns };
}

export const plainJobView = jobViewState(plainJobRequest, defaultColumnLayout);

export function jobListOfView(state: ViewState): JobRequest & { status: StatusFilter } {
  return { status: readViewFilters(state, JobViewFiltersSchema, { status: 'open' }).status, sort: readViewSort(state, jobSortFields, plainJobRequest.sort) };
}
