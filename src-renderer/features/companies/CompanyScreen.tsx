import { useState } from 'react';
import type { CompanyRollup } from '../../../src-shared/domain/company';
import { routeHash, type Route } from '../../routes';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { DetailList } from '../../ui/DetailList';
import { EmptyState } from '../../ui/EmptyState';
import { formatBytes, formatCount, formatDate, formatMoney } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { ListRow } from '../../ui/ListRow';
import { LiveContent } from '../../ui/LiveContent';
import { PageHeader } from '../../ui/PageHeader';
import { RowList } from '../../ui/RowList';
import { Screen } from '../../ui/Screen';
import { Stack } from '../../ui/Stack';
import { Stat } from '../../ui/Stat';
import { Table } from '../../ui/Table';
import { deleteWithUndo } from '../../ui/undoable';
import { useNow } from '../../ui/use-now';
import { TimelineEntry } from '../timeline/TimelineEntry';
import { MembershipDialog } from './MembershipDialog';
import { CompanyDialog } from './CompanyDialog';
import { CompanyMergeDialog } from './CompanyMergeDialog';
import { useCompanyRollup } from './hooks';
import '../timeline/timeline.css';
import './companies.css';
import { WhenAllowed } from '../access/WhenAllowed';

/** A company's page: its people, and their timeline, deals, jobs, files and revenue rolled up. */
export function CompanyScreen({ id }: { id: string }) {
  const rollup = useCompanyRollup(id);
  return (
    <LiveContent live={rollup} loading="Loading the company…" failed="The company could not be loaded." missing="This company was deleted or merged into another." size="page">
      {(data) => <CompanyPage data={data} />}
    </LiveContent>
  );
}

function LinkTo({ route, children }: { route: Route; children: string }) {
  const navigate = useUi((state) => state.navigate);
  return (
    <a
      href={routeHash(route)}
      onClick={(event) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      {children}
    </a>
  );
}

const totals = (amounts: readonly { currency: string; amountMinor: number }[]) =>
  amounts.length === 0 ? formatMoney({ amountMinor: 0, currency: 'GBP' }) : amounts.map((amount) => formatMoney(amount)).join(' · ');

function CompanyPage({ data }: { data: CompanyRollup }) {
  const { company, people } = data;
  const navigate = useUi((state) => state.navigate);
  const now = useNow();
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'addPerson' | null>(null);
  const remove = async () => {
    if (await deleteWithUndo('companies', company.id, { deleted: `Deleted ${company.name}`, restored: `Restored ${company.name}` })) navigate({ name: 'companies' }, { replace: true });
  };

  return (
    <Screen width="wide">
      <PageHeader
        back={<BackLink to={{ name: 'companies' }}>All companies</BackLink>}
        title={company.name}
        meta={[formatCount(people.length, 'person', 'people'), ...company.domains].join(' · ')}
        actions={
          <WhenAllowed>
            <Button icon="plus" onClick={() => setDialog('addPerson')}>
              Add person
            </Button>
            <Button icon="edit" onClick={() => setDialog('edit')}>
              Edit
            </Button>
            <Button icon="layers" onClick={() => setDialog('merge')}>
              Merge…
            </Button>
            <Button variant="danger" icon="trash" onClick={() => void remove()}>
              Delete
            </Button>
          </WhenAllowed>
        }
      />
      <Stack gap="lg">
        <Grid as="ul" min={220} gap="md" className="plain-list" aria-label="Revenue">
          <li>
            <Stat label="Paid jobs" value={totals(data.revenue.paidJobs)} detail={`${formatCount(data.jobs.length, 'job')} in all`} icon="calendar" tone="success" />
          </li>
          <li>
            <Stat label="Won deals" value={totals(data.revenue.wonDeals)} detail={`${formatCount(data.deals.length, 'deal')} in all`} icon="pipeline" tone="success" />
          </li>
        </Grid>
        <div className="company-layout">
          <Card title="Timeline" help="Everything with each of its people, newest first.">
            {data.timeline.length === 0 ? (
              <EmptyState compact title="Notes, calls and jobs of the company’s people appear here." />
            ) : (
              <ol className="timeline__list" aria-label="Company timeline">
                {data.timeline.map((item) => (
                  <TimelineEntry key={item.key} item={{ ...item, title: `${item.contactName} · ${item.title}` }} now={now} />
                ))}
              </ol>
            )}
          </Card>
          <Stack>
            <Card title="People">
              {people.length === 0 ? (
                <EmptyState compact title="No one yet: add a person, or link existing contacts from the companies list." />
              ) : (
                <RowList label="People">
                  {people.map((person) => (
                    <li key={person.id}>
                      <ListRow
                        title={<LinkTo route={{ name: 'contact', id: person.id }}>{person.name}</LinkTo>}
                        meta={[person.jobTitle, person.email].filter(Boolean).join(' · ') || undefined}
                      >
                        {person.primary || person.decisionMaker ? (
                          <Cluster gap="xs">
                            {person.primary ? <Badge tone="accent">Primary contact</Badge> : null}
                            {person.decisionMaker ? <Badge tone="success">Decision maker</Badge> : null}
                          </Cluster>
                        ) : null}
                      </ListRow>
                    </li>
                  ))}
                </RowList>
              )}
            </Card>
            <Card title="Details">
              <DetailList
                items={[
                  { term: 'Phone', value: company.phone || '—' },
                  { term: 'Address', value: company.address || '—' },
                  { term: 'E-mail domains', value: company.domains.join(', ') || '—' },
                  { term: 'Notes', value: company.notes || '—' },
                ]}
              />
            </Card>
            <Card title="Deals">
              <Table
                caption="Deals"
                density="compact"
                frame="plain"
                rows={data.deals}
                rowKey={(deal) => deal.id}
                empty="No deals."
                columns={[
                  { id: 'title', header: 'Deal', rowHeader: true, cell: (deal) => deal.title },
                  { id: 'who', header: 'Person', muted: true, cell: (deal) => deal.contactName },
                  { id: 'stage', header: 'Stage', cell: (deal) => deal.stageName },
                  { id: 'value', header: 'Value', align: 'end', numeric: true, cell: (deal) => formatMoney({ amountMinor: deal.valueMinor, currency: deal.currency }) },
                ]}
              />
            </Card>
            <Card title="Jobs">
              <Table
                caption="Jobs"
                density="compact"
                frame="plain"
                rows={data.jobs}
                rowKey={(job) => job.id}
                empty="No jobs."
                columns={[
                  { id: 'title', header: 'Job', rowHeader: true, cell: (job) => job.title },
                  { id: 'who', header: 'Person', muted: true, cell: (job) => job.contactName },
                  { id: 'paid', header: 'Paid', align: 'end', numeric: true, cell: (job) => (job.paidAt !== null && job.invoicedMinor !== null ? formatMoney({ amountMinor: job.invoicedMinor, currency: job.currency }) : '—') },
                ]}
              />
            </Card>
            <Card title="Files">
              {data.files.length === 0 ? (
                <EmptyState compact title="No files." />
              ) : (
                <RowList label="Files">
                  {data.files.map((file) => (
                    <li key={file.id}>
                      <ListRow title={file.name} meta={`${file.contactName} · ${formatBytes(file.sizeBytes)} · ${formatDate(file.createdAt)}`} />
                    </li>
                  ))}
                </RowList>
              )}
            </Card>
          </Stack>
        </div>
      </Stack>
      {dialog === 'edit' ? <CompanyDialog company={company} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <CompanyMergeDialog company={company} onClose={() => setDialog(null)} /> : null}
      {dialog === 'addPerson' ? <MembershipDialog company={company} onClose={() => setDialog(null)} /> : null}
    </Screen>
  );
}
