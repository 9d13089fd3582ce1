import type { TimelineItem, TimelineKind } from '../../../src-shared/domain/timeline';
import { ClampedText } from '../../ui/ClampedText';
import { formatDateTime, formatWhen } from '../../ui/format';
import type { IconName } from '../../ui/Icon';
import { IconCircle, type IconTone } from '../../ui/IconCircle';

export const kindLabels: Record<TimelineKind, string> = {
  note: 'Notes',
  call: 'Calls',
  follow_up: 'Follow-ups',
  file: 'Files',
  deal: 'Deals',
  change: 'Changes',
  email: 'E-mails',
  job: 'Jobs',
};

const kindTones: Record<TimelineKind, IconTone> = { note: 'info', call: 'success', follow_up: 'warning', file: 'accent', deal: 'neutral', change: 'neutral', email: 'info', job: 'accent' };

const kindIcons: Record<TimelineKind, IconName> = {
  note: 'note',
  call: 'phone',
  follow_up: 'bell',
  file: 'paperclip',
  deal: 'layers',
  change: 'edit',
  email: 'mail',
  job: 'calendar',
};

// The core writes moments inside a detail as ISO strings (it does not know the user's locale).
const isoMoment = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

function readableDetail(item: TimelineItem, now: number): string {
  const detail = item.detail.replace(isoMoment, (iso) => formatWhen(Date.parse(iso), now));
  return item.kind === 'file' && detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : detail;
}

/** One event on the timeline: what happened, by whom, when. */
export function TimelineEntry({ item, now }: { item: TimelineItem; now: number }) {
  const detail = readableDetail(item, now);
  return (
    <li className="timeline-entry">
      <IconCircle icon={kindIcons[item.kind]} tone={kindTones[item.kind]} />
      <div className="timeline-entry__body">
        <p className="timeline-entry__title">{item.title}</p>
        {detail ? <ClampedText className="timeline-entry__detail" text={detail} lines={4} /> : null}
        <p className="meta">
          {item.actor ? `${item.actor} · ` : ''}
          <time dateTime={new Date(item.at).toISOString()} title={formatDateTime(item.at)}>
            {formatWhen(item.at, now)}
          </time>
        </p>
      </div>
    </li>
  );
}
