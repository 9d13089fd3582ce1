import { useState } from 'react';
import { followUpListKinds, type FollowUp, type FollowUpListKind } from '../../../src-shared/domain/follow-up';
import { useUi } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatNumber } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageTitle } from '../../ui/PageTitle';
import { Tabs } from '../../ui/Tabs';
import { viewLabels } from './follow-up-format';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpList } from './FollowUpList';
import { useFollowUpCounts, useFollowUpList } from './hooks';

const pageSize = 50;
/** The most one list request may ask for (src-shared/ipc/followups.ts). */
const maxLimit = 500;

const emptyText: Record<FollowUpListKind, { title: string; body: string }> = {
  overdue: { title: 'Nothing overdue', body: 'Every promise is on time. Follow-ups that pass their due time show up here.' },
  today: { title: 'Nothing due today', body: 'Follow-ups due before midnight show up here.' },
  upcoming: { title: 'Nothing planned', body: 'Add a follow-up from a contact, or with “New follow-up”, so nobody is forgotten.' },
  done: { title: 'Nothing done yet', body: 'Follow-ups you tick off show up here, newest first.' },
};

/** Overdue, due today, upcoming and done follow-ups, mine or the team’s. */
export function FollowUpsScreen({ view: routeView }: { view: FollowUpListKind | undefined }) {
  const navigate = useUi((state) => state.navigate);
  const scope = useUi((state) => state.followUpScope);
  const setScope = useUi((state) => state.setFollowUpScope);
  const openDialog = useUi((state) => state.openDialog);
  const { data: counts } = useFollowUpCounts(scope);
  const view = routeView ?? (counts && counts.overdue === 0 ? 'today' : 'overdue');
  const total = counts ? counts.overdue + counts.today + counts.upcoming : null;

  return (
    <div className="screen">
      <header className="page-header">
        <div>
          <PageTitle>Follow-ups</PageTitle>
          <p className="page-header__meta" aria-live="polite">
            {total === null ? 'Loading…' : total === 0 ? 'Nothing open' : `${formatCount(total, 'open follow-up')}`}
          </p>
        </div>
        <div className="page-header__actions">
          <fieldset className="segmented">
            <legend className="visually-hidden">Whose follow-ups</legend>
            {(
              [
                ['mine', 'Mine'],
                ['team', 'Team'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="segmented__option">
                <input type="radio" name="follow-up-scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
          <button type="button" className="button button--primary" onClick={() => openDialog({ kind: 'followUp' })}>
            <Icon name="plus" /> New follow-up
          </button>
        </div>
      </header>
      <Tabs
        label="Follow-up lists"
        tabs={followUpListKinds.map((kind) => ({ id: kind, label: viewLabels[kind], count: kind === 'done' ? undefined : counts?.[kind] }))}
        selected={view}
        onSelect={(next) => navigate({ name: 'followUps', view: next }, { replace: true })}
        className={counts && counts.overdue > 0 ? 'tabs--has-overdue' : undefined}
      >
        <FollowUpView key={`${view}:${scope}`} view={view} scope={scope} />
      </Tabs>
    </div>
  );
}

function FollowUpView({ view, scope }: { view: FollowUpListKind; scope: 'mine' | 'team' }) {
  const [limit, setLimit] = useState(pageSize);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const { data } = useFollowUpList(view, scope, limit);
  if (!data) return <p className="muted panel-loading">Loading follow-ups…</p>;
  if (data.total === 0) {
    return (
      <EmptyState icon={view === 'done' ? 'check' : 'bell'} title={emptyText[view].title}>
        <p>{emptyText[view].body}</p>
      </EmptyState>
    );
  }
  return (
    <div className="card card--flush">
      <FollowUpList label={`${viewLabels[view]} follow-ups`} items={data.items} showContact onEdit={setEditing} />
      {data.items.length < data.total ? (
        <div className="load-more">
          {limit < maxLimit ? (
            <button type="button" className="button button--small" onClick={() => setLimit((current) => Math.min(maxLimit, current + pageSize))}>
              Show {formatNumber(Math.min(pageSize, data.total - data.items.length))} more
            </button>
          ) : (
            <p className="muted">Showing the first {formatNumber(maxLimit)} of {formatNumber(data.total)}.</p>
          )}
        </div>
      ) : null}
      {editing ? <FollowUpDialog followUp={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
