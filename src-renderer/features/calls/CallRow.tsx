import type { CSSProperties, KeyboardEvent } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { formatDateTime, formatDuration, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { callIcon, describeCall, isUnanswered } from './call-format';

interface CallRowProps {
  index: number;
  call: Call | undefined;
  active: boolean;
  now: number;
  style: CSSProperties;
  onOpen: (call: Call) => void;
  onActivate: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
}

/** One row of the call history; a placeholder while its page loads. */
export function CallRow({ index, call, active, now, style, onOpen, onActivate, onKeyDown }: CallRowProps) {
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    tabIndex: active ? 0 : -1,
    style,
    'data-row': index,
    onFocus: () => onActivate(index),
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => onKeyDown(event, index),
  } as const;

  if (!call) {
    return (
      <div {...common} className="call-row call-row--loading" aria-busy="true">
        <div role="gridcell" className="call-col-when">
          <span className="skeleton skeleton--text" />
          <span className="visually-hidden">Loading…</span>
        </div>
      </div>
    );
  }

  const missed = isUnanswered(call);
  return (
    <div {...common} className={active ? 'call-row call-row--active' : 'call-row'} onClick={() => onOpen(call)}>
      <div role="gridcell" className="call-col-when">
        <time dateTime={new Date(call.startedAt).toISOString()} title={formatDateTime(call.startedAt)}>
          {formatWhen(call.startedAt, now)}
        </time>
      </div>
      <div role="gridcell" className={missed ? 'call-col-direction call-col-direction--missed' : 'call-col-direction'}>
        <Icon name={callIcon(call)} size={16} /> {describeCall(call)}
      </div>
      <div role="gridcell" className="call-col-number">
        {formatPhone(call.number)}
      </div>
      <div role="gridcell" className="call-col-contact">
        {call.contactId ? (
          <span className="call-row__contact">{call.contactName}</span>
        ) : (
          <span className="call-row__unknown">
            Unknown · <span className="call-row__create">Create contact</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="call-col-duration">
        {call.durationSeconds > 0 ? formatDuration(call.durationSeconds) : '—'}
      </div>
      <div role="gridcell" className="call-col-outcome">
        <span className="badge">{call.disposition}</span>
      </div>
      <div role="gridcell" className="call-col-notes" title={call.notes || undefined}>
        {call.notes}
      </div>
      <div role="gridcell" className="call-col-by">
        {call.loggedBy}
      </div>
    </div>
  );
}
