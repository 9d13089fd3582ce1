import { useState, type ReactNode } from 'react';
import { followUpListKinds, type FollowUp, type FollowUpListKind } from '../../../src-shared/domain/follow-up';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { cx } from '../../ui/class-names';
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
import { FollowUpTable } from './FollowUpTable';
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

const modeLabels = { list: 'List', table: 'Table' };
type Mode = keyof typeof modeLabels;
const modeKey = 'fieldbook.followups.mode';

/** List (grouped rows, for working through the day) or table (columns, views, bulk actions), remembered on this computer. */
function useMode(): [Mode, (mode: Mode) => void] {
  const [mode, setModeState] = useState<Mode>(() => (window.localStorage.getItem(modeKey) === 'table' ? 'table' : 'list'));
  const setMode = (next: Mode) => {
    setModeState(next);
    window.localStorage.setItem(modeKey, next);
  };
  return [mode, setMode];
}

/** Overdue, due today, upcoming and done follow-ups, mine or the team’s: as a list to work through, or as a table. */
export function FollowUpsScreen({ view: routeView }: { view: FollowUpListKind | undefined }) {
  const navigate = useUi((state) => state.navigate);
  const scope = useUi((state) => state.followUpScope);
  const setScope = useUi((state) => state.setFollowUpScope);
  const openDialog = useUi((state) => state.openDialog);
  const [mode, setMode] = useMode();
  const { latest: counts } = useFollowUpCounts(scope);
  const view = routeView ?? (counts && counts.overdue === 0 ? 'today' : 'overdue');
  const total = counts ? counts.overdue + counts.today + counts.upcoming : null;
  const chooseView = (next: FollowUpListKind) => navigate({ name: 'followUps', view: next }, { replace: true });

  const header = (chooser: ReactNode = null) => (
    <PageHeader
      title="Follow-ups"
      meta={total === null ? 'Loading…' : total === 0 ? 'Nothing open' : formatCount(total, 'open follow-up')}
      metaLive
      actions={
        <>
          <Segmented label="Show as" options={['list', 'table'] as const} labels={modeLabels} value={mode} onChange={setMode} />
          <Segmented label="Whose follow-ups" options={['mine', 'team'] as const} labels={scopeLabels} value={scope} onChange={setScope} />
          {chooser}
          <WhenAllowed>
            <Button variant="primary" icon="plus" onClick={() => openDialog({ kind: 'followUp' })}>
              New follow-up
            </Button>
          </WhenAllowed>
        </>
      }
    />
  );
  const sections = (panel: ReactNode) => (
    <Tabs
      label="Follow-up lists"
      tabs={followUpListKinds.map((kind) => ({ id: kind, label: viewLabels[kind], count: kind === 'done' ? undefined : counts?.[kind] }))}
      selected={view}
      onSelect={chooseView}
      className={cx('follow-up-tabs', counts && counts.overdue > 0 && 'follow-up-tabs--overdue', mode === 'table' && 'follow-up-tabs--table')}
    >
      {panel}
    </Tabs>
  );

  if (mode === 'table') {
    return (
      <Screen width="wide" fill>
        <FollowUpTable
          filters={{ view, scope }}
          onFiltersChange={(filters) => {
            setScope(filters.scope);
            chooseView(filters.view);
          }}
          header={header}
          sections={sections}
          emptyText={emptyText[view]}
        />
      </Screen>
    );
  }
  return (
    <Screen>
      {header()}
      {sections(<FollowUpView key={`${view}:${scope}`} view={view} scope={scope} />)}
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
