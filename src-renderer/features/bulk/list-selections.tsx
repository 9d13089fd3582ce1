import type { Call } from '../../../src-shared/domain/call';
import type { FollowUp, FollowUpListQuery } from '../../../src-shared/domain/follow-up';
import type { Job } from '../../../src-shared/domain/job';
import type { Deal, DealListQuery, Stage } from '../../../src-shared/domain/pipeline';
import { useUi } from '../../store';
import type { PagedRows, PagedSnapshot } from '../../ui/paged-rows';
import { toQuery, type CallRequest } from '../calls/call-pages';
import type { JobRequest } from '../jobs/hooks';
import { DealBulkActions } from './DealBulkActions';
import { FollowUpBulkActions } from './FollowUpBulkActions';
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
    exporting: { list: 'calls', request: query },
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
    exporting: { list: 'jobs', request: query },
    actions: (selecting, run) => <JobBulkActions selecting={selecting} request={query} people={userName ? [userName] : []} run={run} />,
  });
}

/** Whom a list offers to give rows to: the user and the people of the rows on screen. */
function usePeopleOnScreen<Item>(snapshot: PagedSnapshot<Item>, personOf: (item: Item) => string): string[] {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const loaded = [...snapshot.pages.values()].flat().map(personOf);
  return [...new Set([userName, ...loaded].filter(Boolean))].sort();
}

/** The follow-ups table's selection and bulk bar, for FollowUpTable. */
export function useFollowUpSelection(list: Paged<FollowUp, FollowUpListQuery>) {
  const people = usePeopleOnScreen(list.snapshot, (followUp) => followUp.assignee);
  return useBulkSelection({
    ...list,
    idOf: (followUp) => followUp.id,
    nameOf: (followUp) => followUp.title,
    noun: 'follow-ups',
    exporting: { list: 'followups', request: list.request },
    actions: (selecting, run) => <FollowUpBulkActions selecting={selecting} request={list.request} people={people} run={run} />,
  });
}

/** The deals list's selection and bulk bar, for DealList. */
export function useDealSelection(list: Paged<Deal, DealListQuery>, stages: readonly Stage[]) {
  const people = usePeopleOnScreen(list.snapshot, (deal) => deal.owner);
  return useBulkSelection({
    ...list,
    idOf: (deal) => deal.id,
    nameOf: (deal) => deal.title,
    noun: 'deals',
    exporting: { list: 'deals', request: list.request },
    actions: (selecting, run) => <DealBulkActions selecting={selecting} request={list.request} stages={stages} people={people} run={run} />,
  });
}
