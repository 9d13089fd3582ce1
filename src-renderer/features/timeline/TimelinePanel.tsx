import { useState } from 'react';
import { timelineKinds, type TimelineKind } from '../../../src-shared/domain/timeline';
import { EmptyState } from '../../ui/EmptyState';
import { useNow } from '../../ui/use-now';
import { useTimeline } from './hooks';
import { kindLabels, TimelineEntry } from './TimelineEntry';
import './timeline.css';

/** Everything that happened with a contact, newest first, filterable by kind, older pages on request. */
export function TimelinePanel({ contactId }: { contactId: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [pageCount, setPageCount] = useState(1);
  const { data } = useTimeline(contactId, kinds, pageCount);
  const now = useNow();

  const toggle = (kind: TimelineKind) => {
    setPageCount(1);
    setKinds((current) => (current.includes(kind) ? current.filter((other) => other !== kind) : timelineKinds.filter((other) => other === kind || current.includes(other))));
  };

  return (
    <div className="timeline">
      <div className="chip-row" role="group" aria-label="Show on the timeline">
        <button type="button" className="chip-button" aria-pressed={kinds.length === 0} onClick={() => {
            setKinds([]);
            setPageCount(1);
          }}>
          Everything
        </button>
        {timelineKinds.map((kind) => (
          <button key={kind} type="button" className="chip-button" aria-pressed={kinds.includes(kind)} onClick={() => toggle(kind)}>
            {kindLabels[kind]}
          </button>
        ))}
      </div>
      {!data ? (
        <p className="muted panel-loading">Loading the timeline…</p>
      ) : data.items.length === 0 ? (
        <EmptyState icon="activity" title={kinds.length === 0 ? 'Nothing has happened yet' : 'Nothing of this kind yet'}>
          <p>Notes, calls, follow-ups, files and changes to this contact appear here as they happen, newest first.</p>
        </EmptyState>
      ) : (
        <ol className="timeline__list" aria-label="Timeline">
          {data.items.map((item) => (
            <TimelineEntry key={item.key} item={item} now={now} />
          ))}
        </ol>
      )}
      {data?.hasMore ? (
        <div className="load-more">
          <button type="button" className="button button--small" onClick={() => setPageCount((count) => count + 1)}>
            Load older activity
          </button>
        </div>
      ) : null}
    </div>
  );
}
