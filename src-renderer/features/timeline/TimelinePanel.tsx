import { useState } from 'react';
import { timelineKinds, type TimelineKind } from '../../../src-shared/domain/timeline';
import { Button } from '../../ui/Button';
import { ChipButton } from '../../ui/ChipButton';
import { EmptyState } from '../../ui/EmptyState';
import { LiveContent } from '../../ui/LiveContent';
import { useNow } from '../../ui/use-now';
import { useTimeline } from './hooks';
import { kindLabels, TimelineEntry } from './TimelineEntry';
import './timeline.css';

/** Everything that happened with a contact, newest first, filterable by kind, older pages on request. */
export function TimelinePanel({ contactId }: { contactId: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [pageCount, setPageCount] = useState(1);
  const timeline = useTimeline(contactId, kinds, pageCount);
  const now = useNow();

  const show = (next: TimelineKind[]) => {
    setPageCount(1);
    setKinds(next);
  };
  const toggle = (kind: TimelineKind) =>
    show(kinds.includes(kind) ? kinds.filter((other) => other !== kind) : timelineKinds.filter((other) => other === kind || kinds.includes(other)));

  return (
    <div className="timeline">
      <div className="timeline__filters" role="group" aria-label="Show on the timeline">
        <ChipButton pressed={kinds.length === 0} onClick={() => show([])}>
          Everything
        </ChipButton>
        {timelineKinds.map((kind) => (
          <ChipButton key={kind} pressed={kinds.includes(kind)} onClick={() => toggle(kind)}>
            {kindLabels[kind]}
          </ChipButton>
        ))}
      </div>
      <LiveContent live={timeline} loading="Loading the timeline…" failed="The timeline could not be loaded." keepLatest>
        {(data) => (
          <>
            {data.items.length === 0 ? (
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
            {data.hasMore ? (
              <div className="timeline__more">
                <Button size="sm" onClick={() => setPageCount((count) => count + 1)}>
                  Load older activity
                </Button>
              </div>
            ) : null}
          </>
        )}
      </LiveContent>
    </div>
  );
}
