import { jobStatusLabels, type Job } from '../../../src-shared/domain/job';
import { formatMoney } from '../../../src-shared/money';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { activityChanged } from '../../ui/live-events';
import { LiveContent } from '../../ui/LiveContent';
import { RowList } from '../../ui/RowList';
import { Stack } from '../../ui/Stack';
import { runWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';
import { WhenAllowed } from '../access/WhenAllowed';
import { jobStatusTones } from './job-columns';

/** The jobs linked to a deal, each opening in the jobs screen; a new one made from the deal; unlinking one. */
export function DealJobs({ dealId }: { dealId: string }) {
  const navigate = useUi((state) => state.navigate);
  const jobs = useLiveData(`jobs-of-deal:${dealId}`, () => api.invoke('jobs.list', { dealId, limit: 100 }), { reloadOn: [activityChanged(['jobs'])] });

  const unlink = (job: Job) =>
    runWithUndo({
      run: () => api.invoke('jobs.update', { id: job.id, patch: { dealId: null } }),
      message: `Unlinked ${job.title}`,
      undo: () => api.invoke('jobs.update', { id: job.id, patch: { dealId } }),
    });

  return (
    <Stack as="section" gap="sm" aria-labelledby={`jobs-${dealId}`}>
      <Cluster justify="between">
        <h3 id={`jobs-${dealId}`} className="heading">
          Jobs
        </h3>
        <WhenAllowed>
          <Button size="sm" icon="plus" onClick={() => navigate({ name: 'jobs', newFrom: { kind: 'deal', id: dealId } })}>
            New job
          </Button>
        </WhenAllowed>
      </Cluster>
      <LiveContent live={jobs} loading="Loading jobs…" failed="The jobs could not be loaded." keepLatest>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState compact title="No jobs yet.">
              Book the work this deal wins as a job: it keeps its date, its invoice and its payment.
            </EmptyState>
          ) : (
            <RowList boxed>
              {page.items.map((job) => (
                <Cluster as="li" gap="md" key={job.id}>
                  <Button variant="link" onClick={() => navigate({ name: 'jobs', open: job.id })}>
                    {job.title}
                  </Button>
                  <Badge tone={jobStatusTones[job.status]}>{jobStatusLabels[job.status]}</Badge>
                  {job.invoicedMinor !== null ? <span className="muted numeric">{formatMoney(job.invoicedMinor, job.currency)}</span> : null}
                  <WhenAllowed>
                    <Button size="sm" variant="ghost" aria-label={`Unlink ${job.title} from this deal`} onClick={() => void unlink(job)}>
                      Unlink
                    </Button>
                  </WhenAllowed>
                </Cluster>
              ))}
            </RowList>
          )
        }
      </LiveContent>
    </Stack>
  );
}
