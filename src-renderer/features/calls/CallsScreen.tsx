import { useMemo, useState } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { useNow } from '../../ui/use-now';
import { usePagedRows } from '../../ui/use-paged-rows';
import { VirtualGrid } from '../../ui/VirtualGrid';
import { useCallSelection } from '../bulk/list-selections';
import { callColumns } from './call-columns';
import { fetchCallPage, isFiltered, noCallFilters, type CallFilters, type CallRequest, type CallSortField } from './call-pages';
import { CallFiltersBar } from './CallFiltersBar';
import { callListOfView, callViewState, plainCallView } from './call-view';
import { useListGrid } from '../views/use-list-grid';
import './calls.css';
import { useCallExports } from './use-call-exports';
import { WhenAllowed } from '../access/WhenAllowed';

// Calls change the list; contacts change the names shown in it.
const reloadOn = [activityChanged(['calls']), contactsChanged()];

/** Every call across all contacts: filtered, sorted, and scrolled a page at a time. */
export function CallsScreen() {
  const navigate = useUi((state) => state.navigate);
  const openDialog = useUi((state) => state.openDialog);
  const [filters, setFilters] = useState<CallFilters>(noCallFilters);
  const [resetKey, setResetKey] = useState(0);
  const [sort, setSort] = useState<CallRequest['sort']>({ field: 'startedAt', direction: 'desc' });
  const request = useMemo(() => ({ filters, sort }), [filters, sort]);
  const { rows, snapshot } = usePagedRows(fetchCallPage, request, { reloadOn });
  const now = useNow();
  const columns = useMemo(() => callColumns(now), [now]);
  const bulk = useCallSelection({ rows, snapshot, request });
  const list = useListGrid({
    listId: 'calls',
    label: 'Call history',
    columns,
    bulk,
    plainLabel: 'All calls',
    plain: plainCallView,
    viewState: (layout) => callViewState(filters, sort, layout),
    onApplyView: (state) => {
      const fromView = callListOfView(state);
      setFilters(fromView.filters);
      setSort(fromView.sort);
      // The contact box shows the view's contact, not what was typed in it.
      setResetKey((key) => key + 1);
    },
  });
  const exports = useCallExports(request);

  const narrowed = isFiltered(filters);
  const total = snapshot.total;
  const clear = () => {
    setFilters(noCallFilters);
    setResetKey((key) => key + 1);
  };
  const toggleSort = (field: CallSortField) =>
    setSort((current) => ({ field, direction: current.field === field && current.direction === 'desc' ? 'asc' : 'desc' }));
  const open = (call: Call) =>
    navigate(call.contactId ? { name: 'contact', id: call.contactId, tab: 'calls' } : { name: 'contactNew', phone: call.number, callId: call.id });
  const logCall = () => openDialog({ kind: 'logCall' });

  let body;
  if (total === null) body = <LoadingState label="Loading calls…" size="block" />;
  else if (total === 0 && !narrowed && !snapshot.failed) {
    body = (
      <EmptyState
        icon="phone"
        title="No calls logged yet"
        action={
          <WhenAllowed>
            <Button variant="primary" icon="plus" onClick={logCall}>
              Log a call
            </Button>
          </WhenAllowed>
        }
      >
        <p>Log the calls you make and take, with how they went. A call from a number nobody has yet can become a new contact.</p>
      </EmptyState>
    );
  } else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState icon="filter" title="No calls match these filters" action={<Button onClick={clear}>Clear filters</Button>}>
        <p>Try a wider date range, or another outcome.</p>
      </EmptyState>
    );
  } else {
    body = (
      <VirtualGrid
        {...list.grid}
        rows={rows}
        snapshot={snapshot}
        rowHeight={52}
        sort={sort}
        onSort={toggleSort}
        onOpen={open}
      />
    );
  }

  return (
    <Screen width="wide" fill>
      <PageHeader
        title="Calls"
        meta={total === null ? 'Loading calls…' : formatCount(total, narrowed ? 'matching call' : 'call')}
        metaLive
        actions={
          <>
            <Button icon="chart" onClick={() => navigate({ name: 'slaReport' })}>
              Call-back promises
            </Button>
            {exports.buttons}
            {list.chooser}
            <WhenAllowed>
              <Button icon="check" onClick={() => navigate({ name: 'callTriage' })}>
                Triage
              </Button>
              <Button variant="primary" icon="phone" onClick={logCall}>
                Log a call
              </Button>
            </WhenAllowed>
          </>
        }
      />
      {list.frame(
        <CallFiltersBar filters={filters} onChange={setFilters} resetKey={resetKey} onClear={clear} />,
        <>
          {exports.outcome}
          {body}
        </>,
      )}
    </Screen>
  );
}
