import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { useUi } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageTitle } from '../../ui/PageTitle';
import { CallFiltersBar } from './CallFiltersBar';
import { CallGrid } from './CallGrid';
import { CallPages, noCallFilters, type CallFilters, type CallRequest, type CallSortField } from './call-pages';
import './calls.css';

/** Every call across all contacts: filtered, sorted, and scrolled a page at a time. */
export function CallsScreen() {
  const navigate = useUi((state) => state.navigate);
  const openDialog = useUi((state) => state.openDialog);
  const showError = useUi((state) => state.showError);
  const [filters, setFilters] = useState<CallFilters>(noCallFilters);
  const [resetKey, setResetKey] = useState(0);
  const [sort, setSort] = useState<CallRequest['sort']>({ field: 'startedAt', direction: 'desc' });
  const [pages] = useState(() => new CallPages(showError));
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  const request = useMemo(() => ({ filters, sort }), [filters, sort]);
  useEffect(() => pages.setRequest(request), [pages, request]);
  useEffect(
    () =>
      api.on('activity.changed', (payload) => {
        const tables = (payload as { tables?: string[] }).tables;
        if (!tables || tables.length === 0 || tables.includes('calls')) pages.refresh();
      }),
    [pages],
  );
  useEffect(() => api.on('contacts.changed', () => pages.refresh()), [pages]);

  const narrowed = JSON.stringify(filters) !== JSON.stringify(noCallFilters);
  const total = snapshot.total;
  const clear = () => {
    setFilters(noCallFilters);
    setResetKey((key) => key + 1);
  };
  const toggleSort = (field: CallSortField) =>
    setSort((current) => ({ field, direction: current.field === field && current.direction === 'desc' ? 'asc' : 'desc' }));
  const open = (call: Call) =>
    navigate(call.contactId ? { name: 'contact', id: call.contactId, tab: 'calls' } : { name: 'contactNew', phone: call.number, callId: call.id });

  let body;
  if (total === null) body = <div className="list-loading" aria-hidden="true" />;
  else if (total === 0 && !narrowed && !snapshot.failed) {
    body = (
      <EmptyState
        icon="phone"
        title="No calls logged yet"
        action={
          <button type="button" className="button button--primary" onClick={() => openDialog({ kind: 'logCall' })}>
            <Icon name="plus" /> Log a call
          </button>
        }
      >
        <p>Log the calls you make and take, with how they went. A call from a number nobody has yet can become a new contact.</p>
      </EmptyState>
    );
  } else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState
        icon="filter"
        title="No calls match these filters"
        action={
          <button type="button" className="button" onClick={clear}>
            Clear filters
          </button>
        }
      >
        <p>Try a wider date range, or another outcome.</p>
      </EmptyState>
    );
  } else {
    body = <CallGrid pages={pages} snapshot={snapshot} sort={sort} onSort={toggleSort} onOpen={open} />;
  }

  return (
    <div className="screen screen--list">
      <header className="page-header">
        <div>
          <PageTitle>Calls</PageTitle>
          <p className="page-header__meta" aria-live="polite">
            {total === null ? 'Loading calls…' : formatCount(total, narrowed ? 'matching call' : 'call')}
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => openDialog({ kind: 'logCall' })}>
          <Icon name="plus" /> Log a call
        </button>
      </header>
      <CallFiltersBar filters={filters} onChange={setFilters} resetKey={resetKey} onClear={clear} />
      {body}
    </div>
  );
}
