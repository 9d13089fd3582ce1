import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatCount, formatDateTime, formatDuration, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { LiveContent } from '../../ui/LiveContent';
import { useNow } from '../../ui/use-now';
import { callIcon, describeCall, isUnanswered } from './call-format';
import { deleteCallWithUndo, useContactCalls } from './hooks';
import './calls.css';

const pageSize = 20;
/** The most one list request may ask for. */
const maxLimit = 500;

/** The calls with one contact, newest first, and logging another. */
export function ContactCallsPanel({ contact }: { contact: Contact }) {
  const openDialog = useUi((state) => state.openDialog);
  const now = useNow();
  const [limit, setLimit] = useState(pageSize);
  const calls = useContactCalls(contact.id, limit);
  const named = { id: contact.id, name: contact.name };
  const logCall = () => openDialog({ kind: 'logCall', contact: named, ...(contact.phones[0] ? { number: contact.phones[0].e164 } : {}) });

  return (
    <div className="calls-panel">
      <div className="calls-panel__toolbar">
        <p className="muted">{calls.latest ? (calls.latest.total === 0 ? 'No calls yet.' : formatCount(calls.latest.total, 'call')) : 'Loading calls…'}</p>
        <Button size="sm" icon="phone" onClick={logCall}>
          Log a call
        </Button>
      </div>
      <LiveContent live={calls} loading="Loading calls…" failed="The calls could not be loaded." keepLatest>
        {(data) => (
          <>
            {data.items.length > 0 ? (
              <ul className="call-list" aria-label={`Calls with ${contact.name}`}>
                {data.items.map((call) => (
                  <li key={call.id} className="call-item">
                    <span className={isUnanswered(call) ? 'call-item__icon call-item__icon--missed' : 'call-item__icon'} aria-hidden="true">
                      <Icon name={callIcon(call)} size={16} />
                    </span>
                    <div>
                      <p className="call-item__title">
                        {describeCall(call)} <Badge>{call.disposition}</Badge>
                      </p>
                      <p className="call-item__meta">
                        <time title={formatDateTime(call.startedAt)}>{formatWhen(call.startedAt, now)}</time>
                        {call.durationSeconds > 0 ? ` · ${formatDuration(call.durationSeconds)}` : ''} · {formatPhone(call.number)}
                        {call.loggedBy ? ` · logged by ${call.loggedBy}` : ''}
                      </p>
                      {call.notes ? <p className="call-item__notes">{call.notes}</p> : null}
                    </div>
                    <div className="call-item__actions">
                      <IconButton
                        icon="bell"
                        label={`Add a follow-up for the call of ${formatDateTime(call.startedAt)}`}
                        onClick={() => openDialog({ kind: 'followUp', contact: named, callId: call.id })}
                      />
                      <IconButton icon="trash" label={`Delete the call of ${formatDateTime(call.startedAt)}`} onClick={() => void deleteCallWithUndo(call)} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
            {data.items.length < data.total && limit < maxLimit ? (
              <div className="calls-panel__more">
                <Button size="sm" onClick={() => setLimit((current) => Math.min(maxLimit, current + pageSize))}>
                  Show older calls
                </Button>
              </div>
            ) : null}
          </>
        )}
      </LiveContent>
    </div>
  );
}
