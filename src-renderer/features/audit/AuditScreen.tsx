import { useMemo, useState } from 'react';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatNumber } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { ShowMore } from '../../ui/ShowMore';
import { Table } from '../../ui/Table';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { auditColumns, type OpenRecord } from './audit-columns';
import { isFiltered, noAuditFilters, toAuditQuery, type AuditScreenFilters } from './audit-filters';
import { AuditExportStatus } from './AuditExportStatus';
import { AuditFiltersBar } from './AuditFiltersBar';
import { useAuditCount, useAuditMembers, useAuditPages } from './hooks';
import { useAuditExport } from './use-audit-export';
import { AllowedScreen } from '../access/AllowedScreen';
import './audit.css';

/** The audit trail: who changed what and when, for admins. Anyone else is told why they see nothing. */
export function AuditScreen() {
  return (
    <AllowedScreen
      to="admin"
      title="Audit trail"
      why="The audit trail shows every change by every member of the workspace, so only its admins can read it. Ask an admin if you need to know who changed something."
    >
      <AuditTrail />
    </AllowedScreen>
  );
}

function AuditTrail() {
  const navigate = useUi((state) => state.navigate);
  const openDialog = useUi((state) => state.openDialog);
  const [filters, setFilters] = useState<AuditScreenFilters>(noAuditFilters);
  const typedRecord = useDebouncedValue(filters.record, 250);
  const query = useMemo(() => toAuditQuery({ ...filters, record: typedRecord }), [filters, typedRecord]);
  const pages = useAuditPages(query);
  const count = useAuditCount(query);
  const members = useAuditMembers();
  const exporter = useAuditExport();
  const open: OpenRecord = (target) => ('route' in target ? navigate(target.route) : openDialog(target.dialog));
  const columns = useMemo(() => auditColumns(open, 'This laptop'), [navigate, openDialog]); // eslint-disable-line react-hooks/exhaustive-deps

  const narrowed = isFiltered(filters);
  const total = count.latest?.total ?? null;
  const exporting = exporter.progress.state === 'running';

  let body;
  if (!pages.loaded && pages.rows.length === 0) body = <LoadingState label="Loading the audit trail…" size="block" />;
  else if (pages.loaded && pages.rows.length === 0) {
    body = narrowed ? (
      <EmptyState icon="filter" title="No changes match these filters" action={<Button onClick={() => setFilters(noAuditFilters)}>Clear filters</Button>}>
        <p>Try another member, a wider date range, or fewer words of the record’s name.</p>
      </EmptyState>
    ) : (
      <EmptyState icon="activity" title="No changes yet">
        <p>Every change made on this laptop or synced from a teammate’s shows here, with who made it and when.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <Table caption="Changes, newest first" columns={columns} rows={pages.rows} rowKey={(row) => row.changeId} virtualRowHeight={52} />
        <Cluster justify="between">
          <p className="meta" aria-live="polite">
            {total !== null && pages.hasMore ? `Showing the newest ${formatNumber(pages.rows.length)} of ${formatNumber(total)}` : `All ${formatCount(pages.rows.length, 'change')} shown`}
          </p>
          {pages.hasMore ? <ShowMore onClick={pages.loadMore}>{pages.loadingMore ? 'Loading…' : 'Load older changes'}</ShowMore> : null}
        </Cluster>
      </>
    );
  }

  return (
    <Screen width="wide" fill busy={!pages.loaded}>
      <PageHeader
        title="Audit trail"
        meta={total === null ? 'Who changed what, and when' : formatCount(total, narrowed ? 'matching change' : 'change')}
        metaLive
        actions={
          <Button variant="primary" icon="download" onClick={() => void exporter.start(query)} disabled={exporting || total === 0} busy={exporting} busyLabel="Exporting…">
            Export CSV
          </Button>
        }
      />
      <AuditFiltersBar filters={filters} members={members.latest ?? []} onChange={setFilters} onClear={() => setFilters(noAuditFilters)} />
      <AuditExportStatus progress={exporter.progress} onCancel={exporter.cancel} />
      {body}
    </Screen>
  );
}
