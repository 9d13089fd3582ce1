import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { useUi } from '../../store';
import { formatDateTime, formatDuration, formatNumber, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useNow } from '../../ui/use-now';
import { callIcon, describeCall, isUnanswered } from './call-format';
import { deleteCallWithUndo, useContactCalls } from './hooks';
import './calls.css';

const pageSize = 20;

/** The calls with one contact, newest first, and logging another. */
export function ContactCallsPanel({ contact }: { contact: Contact }) {
  const openDialog = useUi((state) => state.openDialog);
  const now = useNow();
  const [limit, setLimit] = useState(pageSize);
  const { data } = useContactCalls(contact.id, limit);
  const logCall = () => openDialog({ kind: 'logCall', contact: { id: contact.id, name: contact.name }, ...(contact.phones[0] ? { number: contact.phones[0].e164 } : {}) });

  return (
    <div className="calls-panel">
      <div className="panel-toolbar">
        <p className="muted">{data ? (data.total === 0 ? 'No calls yet.' : `${formatNumber(data.total)} ${data.total === 1 ? 'call' : 'calls'}`) : 'Loading calls…'}</p>
        <button type="button" className="button button--small" onClick={logCall}>
          <Icon name="phone" size={14} /> Log a call
        </button>
      </div>
      {data && data.items.length > 0 ? (
        <ul className="call-list" aria-label={`Calls with ${contact.name}`}>
          {data.items.map((call) => (
            <li key={call.id} className="call-item">
              <span className={isUnanswered(call) ? 'call-item__icon call-item__icon--missed' : 'call-item__icon'} aria-hidden="true">
                <Icon name={callIcon(call)} size={16} />
              </span>
              <div className="call-item__text">
                <p className="call-item__title">
                  {describeCall(call)} <span className="badge">{call.disposition}</span>
                </p>
                <p className="call-item__meta">
                  <time title={formatDateTime(call.startedAt)}>{formatWhen(call.startedAt, now)}</time>
                  {call.durationSeconds > 0 ? ` · ${formatDuration(call.durationSeconds)}` : ''} · {formatPhone(call.number)}
                  {call.loggedBy ? ` · logged by ${call.loggedBy}` : ''}
                </p>
                {call.notes ? <p className="call-item__notes">{call.notes}</p> : null}
              </div>
              <div className="call-item__actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Add a follow-up for the call of ${formatDateTime(call.startedAt)}`}
                  onClick={() => openDialog({ kind: 'followUp', contact: { id: contact.id, name: contact.name }, callId: call.id })}
                >
                  <Icon name="bell" size={16} />
                </button>
                <button type="button" className="icon-button" aria-label={`Delete the call of ${formatDateTime(call.startedAt)}`} onClick={() => void deleteCallWithUndo(call)}>
                  <Icon name="trash" size={16} />
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.items.length < data.total && limit < 500 ? (
        <div className="load-more">
          <button type="button" className="button button--small" onClick={() => setLimit((current) => Math.min(500, current + pageSize))}>
            Show older calls
          </button>
        </div>
      ) : null}
    </div>
  );
}
