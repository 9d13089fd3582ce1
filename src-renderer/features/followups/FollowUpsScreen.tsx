import { useState } from 'react';
import { followUpListKinds, type FollowUp, type FollowUpListKind } from '../../../src-shared/domain/follow-up';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ShowMore } from '../../ui/ShowMore';
import { formatCount, formatNumber } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { Tabs } from '../../ui/Tabs';
import { viewLabels } from './follow-up-format';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpList } from './FollowUpList';
import { useFollowUpCounts, useFollowUpList } from './hooks';
import { WhenAllowed } from '../access/WhenAllowed';

const pageSize = 50;
/** The most one list request may ask for (src-shared/ipc/followups.ts). */
const maxLimit = 500;
const scopeLabels = { mine: 'Mine', team: 'Team' };

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
  const { latest: counts } = useFollowUpCounts(scope);
  const view = routeView ?? (counts && counts.overdue === 0 ? 'today' : 'overdue');
  const total = counts ? counts.overdue + counts.today + counts.upcoming : null;

  return (
    <Screen>
      <PageHeader
        title="Follow-ups"
        meta={total === null ? 'Loading…' : total === 0 ? 'Nothing open' : formatCount(total, 'open follow-up')}
        metaLive
        actions={
          <>
            <Segmented label="Whose follow-ups" options={['mine', 'team'] as const} labels={scopeLabels} value={scope} onChange={setScope} />
            <WhenAllowed>
              <Button variant="primary" icon="plus" onClick={() => openDialog({ kind: 'followUp' })}>
                New follow-up
              </Button>
            </WhenAllowed>
          </>
        }
      />
      <Tabs
        label="Follow-up lists"
        tabs={followUpListKinds.map((kind) => ({ id: kind, label: viewLabels[kind], count: kind === 'done' ? undefined : counts?.[kind] }))}
        selected={view}
        onSelect={(next) => navigate({ name: 'followUps', view: next }, { replace: true })}
        className={counts && counts.overdue > 0 ? 'follow-up-tabs follow-up-tabs--overdue' : 'follow-up-tabs'}
      >
        <FollowUpView key={`${view}:${scope}`} view={view} scope={scope} />
      </Tabs>
    </Screen>
  );
}

function FollowUpView({ view, scope }: { view: FollowUpListKind; scope: 'mine' | 'team' }) {
  const [limit, setLimit] = useState(pageSize);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const list = useFollowUpList(view, scope, limit);
  return (
    <LiveContent live={list} loading="Loading follow-ups…" failed="The follow-ups could not be loaded." keepLatest>
      {(data) =>
        data.total === 0 ? (
          <EmptyState icon={view === 'done' ? 'check' : 'bell'} title={emptyText[view].title}>
            <p>{emptyText[view].body}</p>
          </EmptyState>
        ) : (
          <Card flush className="follow-up-card">
            <FollowUpList label={`${viewLabels[view]} follow-ups`} items={data.items} showContact onEdit={setEditing} />
            {data.items.length >= data.total ? null : limit < maxLimit ? (
              <ShowMore className="follow-up-more" onClick={() => setLimit((current) => Math.min(maxLimit, current + pageSize))}>
                Show {formatNumber(Math.min(pageSize, data.total - data.items.length))} more
              </ShowMore>
            ) : (
              <p className="muted follow-up-more">
                Showing the first {formatNumber(maxLimit)} of {formatNumber(data.total)}.
              </p>
            )}
            {editing ? <FollowUpDialog followUp={editing} onClose={() => setEditing(null)} /> : null}
          </Card>
        )
      }
    </LiveContent>
  );
}
