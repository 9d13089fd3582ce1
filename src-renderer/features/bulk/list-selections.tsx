import type { Call } from '../../../src-shared/domain/call';
import type { Job } from '../../../src-shared/domain/job';
import { useUi } from '../../store';
import type { PagedRows, PagedSnapshot } from '../../ui/paged-rows';
import { toQuery, type CallRequest } from '../calls/call-pages';
import type { JobRequest } from '../jobs/hooks';
import { CallBulkActions, JobBulkActions } from './ListBulkActions';
import { useBulkSelection } from './use-bulk-selection';

interface Paged<Item, Request> {
  rows: PagedRows<Item, Request>;
  snapshot: PagedSnapshot<Item>;
  request: Request;
}

/** The calls list's selection and bulk bar, for CallsScreen. */
export function useCallSelection<Request extends CallRequest>(list: Paged<Call, Request>) {
  // The list's request without paging: "all matching" is every page of it.
  const { offset: _offset, limit: _limit, ...query } = toQuery(list.request, 0, 1);
  return useBulkSelection({
    ...list,
    idOf: (call) => call.id,
    nameOf: (call) => `call from ${call.contactName ?? call.number}`,
    noun: 'calls',
    actions: (selecting, run) => <CallBulkActions selecting={selecting} request={query} run={run} />,
  });
}

/** The jobs list's selection and bulk bar, for JobsScreen. */
export function useJobSelection<Request extends JobRequest>(list: Paged<Job, Request>) {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const query = { sort: list.request.sort, ...(list.request.status === 'all' ? {} : { status: list.request.status }) };
  return useBulkSelection({
    ...list,
    idOf: (job) => job.id,
    nameOf: (job) => job.title,
    noun: 'jobs',
    actions: (selecting, run) => <JobBulkActions selecting={selecting} request={query} people={userName ? [userName] : []} run={run} />,
  });
}
