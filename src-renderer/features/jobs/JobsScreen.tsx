import { useEffect, useMemo, useState } from 'react';
import type { Job, JobStart } from '../../../src-shared/domain/job';
import { api } from '../../api';
import type { JobOrigin } from '../../routes';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/use-now';
import { usePagedRows } from '../../ui/use-paged-rows';
import { VirtualGrid } from '../../ui/VirtualGrid';
import { useJobSelection } from '../bulk/list-selections';
import { fetchJobPage, type JobRequest, type JobSortField } from './hooks';
import { jobColumns } from './job-columns';
import { JobDialog } from './JobDialog';
import { jobListOfView, jobViewState, plainJobView, statusFilters } from './job-view';
import { useListGrid } from '../views/use-list-grid';
import { WhenAllowed } from '../access/WhenAllowed';

const reloadOn = [activityChanged(['jobs']), contactsChanged()];
const statusFilterLabels = { open: 'Open', done: 'Done', invoiced: 'Invoiced', paid: 'Paid', cancelled: 'Cancelled', all: 'All' };

type Editing = { job: Job } | { start: JobStart | null } | null;

/** Every job, filtered by status: what is booked, what is done and waiting for its invoice, what is paid. */
export function JobsScreen({ newFrom, open }: { newFrom?: JobOrigin | undefined; open?: string | undefined }) {
  const navigate = useUi((state) => state.navigate);
  const showError = useUi((state) => state.showError);
  const [status, setStatus] = useState<(typeof statusFilters)[number]>('open');
  const [sort, setSort] = useState<JobRequest['sort']>({ field: 'scheduledAt', direction: 'asc' });
  const [editing, setEditing] = useState<Editing>(null);
  const request = useMemo(() => ({ status, sort }), [status, sort]);
  const { rows, snapshot } = usePagedRows(fetchJobPage, request, { reloadOn });
  const now = useNow();
  const columns = useMemo(() => jobColumns(now), [now]);
  const bulk = useJobSelection({ rows, snapshot, request });
  const list = useListGrid({
    listId: 'jobs',
    label: 'Jobs',
    columns,
    bulk,
    plainLabel: 'All jobs',
    plain: plainJobView,
    viewState: (layout) => jobViewState(request, layout),
    onApplyView: (state) => {
      const fromView = jobListOfView(state);
      setStatus(fromView.status);
      setSort(fromView.sort);
    },
  });

  // Opened as "new job from this call / contact / deal": the dialog starts with what it says.
  const originKey = newFrom ? `${newFrom.kind}:${newFrom.id}` : null;
  useEffect(() => {
    if (!newFrom) return;
    const origin = newFrom.kind === 'call' ? { callId: newFrom.id } : newFrom.kind === 'deal' ? { dealId: newFrom.id } : { contactId: newFrom.id };
    let current = true;
    api.invoke('jobs.start', origin).then(
      (start) => current && setEditing({ start }),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the origin is named by its key
  }, [originKey]);

  // Opened on one job (from the search page): its dialog shows over the list.
  useEffect(() => {
    if (!open) return;
    let current = true;
    api.invoke('jobs.get', { id: open }).then(
      (job) => current && setEditing({ job }),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reopened only when the job changes
  }, [open]);

  const closeDialog = () => {
    setEditing(null);
    if (newFrom || open) navigate({ name: 'jobs' }, { replace: true });
  };
  const toggleSort = (field: JobSortField) =>
    setSort((current) => ({ field, direction: current.field === field && current.direction === 'asc' ? 'desc' : 'asc' }));
  const newJob = () => setEditing({ start: null });

  const total = snapshot.total;
  let body;
  if (total === null) body = <LoadingState label="Loading jobs…" size="block" />;
  else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState
        icon="calendar"
        title={status === 'all' ? 'No jobs yet' : `No ${statusFilterLabels[status].toLowerCase()} jobs`}
        action={
          <WhenAllowed>
            <Button variant="primary" icon="plus" onClick={newJob}>
              New job
            </Button>
          </WhenAllowed>
        }
      >
        <p>Book the work a call, a contact or a deal asks for: who, where, when, and later what it was invoiced and when it was paid.</p>
      </EmptyState>
    );
  } else {
    body = (
      <VirtualGrid
        {...list.grid}
        rows={rows}
        snapshot={snapshot}
        rowHeight={48}
        sort={sort}
        onSort={toggleSort}
        onOpen={(job) => setEditing({ job })}
      />
    );
  }

  return (
    <Screen width="wide" fill>
      <PageHeader
        title="Jobs"
        meta={total === null ? 'Loading jobs…' : formatCount(total, status === 'all' ? 'job' : `${statusFilterLabels[status].toLowerCase()} job`)}
        metaLive
        actions={
          <>
            <Segmented label="Status" options={statusFilters} labels={statusFilterLabels} value={status} onChange={setStatus} />
            {list.chooser}
            <WhenAllowed>
              <Button variant="primary" icon="plus" onClick={newJob}>
                New job
              </Button>
            </WhenAllowed>
          </>
        }
      />
      {list.frame(null, body)}
      {editing ? 'job' in editing ? <JobDialog job={editing.job} onClose={closeDialog} /> : <JobDialog start={editing.start} onClose={closeDialog} /> : null}
    </Screen>
  );
}
