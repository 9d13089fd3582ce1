import type { Job, JobListQuery, JobStatus } from '../../../src-shared/domain/job';
import { api } from '../../api';
import { activityChanged } from '../../ui/live-events';
import { deleteWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';

export type JobSortField = 'scheduledAt' | 'createdAt' | 'title' | 'status';
export type JobStatusFilter = JobStatus | 'open' | 'all';

export interface JobRequest {
  status: JobStatusFilter;
  sort: { field: JobSortField; direction: 'asc' | 'desc' };
}

/** A page of jobs, for usePagedRows. */
export function fetchJobPage(request: JobRequest, offset: number, limit: number): Promise<{ total: number; items: Job[] }> {
  const query: JobListQuery = { sort: request.sort, offset, limit, ...(request.status === 'all' ? {} : { status: request.status }) };
  return api.invoke('jobs.list', query);
}

/** The jobs made from a call (usually one). */
export function useJobsOfCall(callId: string | null) {
  return useLiveData(callId ? `jobs-of-call:${callId}` : null, () => api.invoke('jobs.list', { callId: callId ?? '' }), {
    reloadOn: [activityChanged(['jobs'])],
  });
}

export function deleteJobWithUndo(job: Job): Promise<boolean> {
  return deleteWithUndo('jobs', job.id, { deleted: 'Job deleted', restored: 'Job restored' });
}
