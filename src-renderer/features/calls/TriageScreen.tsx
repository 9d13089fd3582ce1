import { useEffect, useState } from 'react';
import { formatPhone } from '../../../src-shared/phone';
import { api } from '../../api';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatWhen } from '../../ui/format';
import { activityChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { Cluster } from '../../ui/Cluster';
import { useLiveData } from '../../ui/use-live-data';
import { useNow } from '../../ui/use-now';
import { isTyping, matches } from '../shortcuts/shortcuts';
import { CallDrawer } from './CallDrawer';
import { SlaTimer } from './SlaTimer';
import { CallMarkers } from './CallMarkers';
import { currentItem, isCleared, markHandled, next, outcomeForKey, previous, progressText, startSession, type TriageSession } from './triage-session';
import './calls.css';

const orderLabels = { oldest: 'Oldest first', urgency: 'Most urgent' };
type Order = keyof typeof orderLabels;

/** The triage desk: every call without an outcome (and every call-back due), one at a time, from the keyboard. */
export function TriageScreen() {
  const settings = useUi((state) => state.settings);
  const showError = useUi((state) => state.showError);
  const [order, setOrder] = useState<Order>('oldest');
  const [loaded, setLoaded] = useState<{ order: Order; session: TriageSession } | null>(null);
  const session = loaded?.order === order ? loaded.session : null;
  const setSession = (next: TriageSession) => setLoaded({ order, session: next });
  const [blocked, setBlocked] = useState<string | null>(null);
  const now = useNow();
  const outcomes = settings?.callDispositions ?? [];

  // The queue is read once per sitting (and per order), so calls keep their places as they are dealt with.
  useEffect(() => {
    let current = true;
    api.invoke('calls.triageQueue', { order }).then(
      (queue) => current && setLoaded({ order, session: startSession(queue) }),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [order, showError]);

  const item = session ? currentItem(session) : undefined;
  const call = useLiveData(item ? `call:${item.id}` : null, () => api.invoke('calls.get', { id: item!.id }), { reloadOn: [activityChanged(['calls'])] });
  const shown = call.data ?? (call.latest?.id === item?.id ? call.latest : undefined);

  const choose = (outcome: string) => {
    if (!item || !session) return;
    setBlocked(null);
    setSession(markHandled(session, item.id));
    api.invoke('calls.update', { id: item.id, patch: { disposition: outcome } }).then(() => call.reload(), showError);
  };
  const goNext = () => {
    if (!session) return;
    const moved = next(session, shown?.disposition ?? '');
    if (moved.ok) {
      setBlocked(null);
      setSession(moved.session);
    } else {
      setBlocked(moved.reason);
    }
  };
  const goPrevious = () => {
    if (!session) return;
    setBlocked(null);
    setSession(previous(session));
  };

  // The keys act on the call on screen: the listener is set again with each render's handlers.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (matches('triageNext', event)) goNext();
      else if (matches('triagePrevious', event)) goPrevious();
      else if (!isTyping(event.target)) {
        const outcome = outcomeForKey(event.key, outcomes);
        if (!outcome) return;
        choose(outcome);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  let body;
  if (!session) body = <LoadingState label="Loading the queue…" size="block" />;
  else if (session.items.length === 0) {
    body = (
      <EmptyState icon="check" title="Nothing to triage">
        <p>Every call has an outcome and no call-back is due. New calls without an outcome wait here.</p>
      </EmptyState>
    );
  } else if (isCleared(session)) {
    body = (
      <EmptyState icon="check" title="Queue cleared" action={<Button onClick={() => setSession({ ...session, index: 0, finished: false })}>Back to the first call</Button>}>
        <p>Every call of this sitting has its outcome. Previous (P) goes back over them.</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="triage">
        <ol className="triage__queue plain-list" aria-label="Queue">
          {session.items.map((entry, index) => (
            <li key={entry.id}>
              <button
                type="button"
                className="triage__entry"
                aria-current={index === session.index ? 'true' : undefined}
                onClick={() => setSession({ ...session, index })}
              >
                <span className="strong truncate">{entry.contactName ?? formatPhone(entry.number)}</span>
                <span className="meta numeric">{formatWhen(entry.startedAt, now)}</span>
                <CallMarkers call={{ ...entry, emergency: entry.emergency && !entry.emergencyKeyword }} />
                {entry.reason === 'call_back_due' ? <Badge tone="warning">Call-back due</Badge> : null}
                {entry.callBack && entry.callBack.doneAt === null ? <SlaTimer callBack={entry.callBack} /> : null}
                {session.handled.has(entry.id) ? <Badge tone="success">Done</Badge> : null}
              </button>
            </li>
          ))}
        </ol>
        <div className="triage__drawer">
          {blocked ? (
            <Notice tone="warning" icon="alert" role="alert">
              {blocked}
            </Notice>
          ) : null}
          {shown ? (
            <CallDrawer call={shown} outcomes={outcomes} currency={settings?.currency ?? 'GBP'} now={now} onOutcome={choose} />
          ) : (
            <LoadingState label="Loading the call…" size="block" />
          )}
          <Cluster justify="between">
            <Button icon="back" onClick={goPrevious} disabled={session.index === 0} aria-keyshortcuts="p">
              Previous
            </Button>
            <Button variant="primary" onClick={goNext} aria-keyshortcuts="n">
              Next call
            </Button>
          </Cluster>
        </div>
      </div>
    );
  }

  return (
    <Screen width="wide">
      <PageHeader
        back={<BackLink to={{ name: 'calls' }}>Calls</BackLink>}
        title="Triage"
        meta={session && session.items.length > 0 ? `${progressText(session)}${shown ? ` · ${shown.contactName ?? formatPhone(shown.number)}` : ''}` : 'Calls without an outcome, and call-backs due'}
        metaLive
        actions={<Segmented label="Order" options={['oldest', 'urgency'] as const} labels={orderLabels} value={order} onChange={setOrder} />}
      />
      {body}
    </Screen>
  );
}
