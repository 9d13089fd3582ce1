import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ShowMore } from '../../ui/ShowMore';
import { formatCount, formatDateTime, formatDuration, formatWhen } from '../../ui/format';
import { Cluster } from '../../ui/Cluster';
import { IconButton } from '../../ui/IconButton';
import { IconCircle } from '../../ui/IconCircle';
import { ListRow } from '../../ui/ListRow';
import { LiveContent } from '../../ui/LiveContent';
import { RowList } from '../../ui/RowList';
import { Stack } from '../../ui/Stack';
import { useNow } from '../../ui/use-now';
import { callIcon, describeCall, isUnanswered } from './call-format';
import { deleteCallWithUndo, useContactCalls } from './hooks';
import './calls.css';
import { WhenAllowed } from '../access/WhenAllowed';

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
    <Stack gap="sm">
      <Cluster justify="between">
        <p className="muted">{calls.latest ? (calls.latest.total === 0 ? 'No calls yet.' : formatCount(calls.latest.total, 'call')) : 'Loading calls…'}</p>
        <WhenAllowed>
          <Button size="sm" icon="phone" onClick={logCall}>
            Log a call
          </Button>
        </WhenAllowed>
      </Cluster>
      <LiveContent live={calls} loading="Loading calls…" failed="The calls could not be loaded." keepLatest>
        {(data) => (
          <>
            {data.items.length > 0 ? (
              <RowList label={`Calls with ${contact.name}`}>
                {data.items.map((call) => (
                  <li key={call.id}>
                    <ListRow
                      leading={<IconCircle icon={callIcon(call)} tone={isUnanswered(call) ? 'danger' : 'success'} />}
                      title={
                        <>
                          {describeCall(call)} <Badge>{call.disposition}</Badge>
                        </>
                      }
                      meta={
                        // One run of text, so that it wraps between words rather than before a "·".
                        <span>
                          <time title={formatDateTime(call.startedAt)}>{formatWhen(call.startedAt, now)}</time>
                          {call.durationSeconds > 0 ? ` · ${formatDuration(call.durationSeconds)}` : ''} · {formatPhone(call.number)}
                          {call.loggedBy ? ` · logged by ${call.loggedBy}` : ''}
                        </span>
                      }
                      trailing={
                        <>
                          <IconButton
                            icon="bell"
                            label={`Add a follow-up for the call of ${formatDateTime(call.startedAt)}`}
                            onClick={() => openDialog({ kind: 'followUp', contact: named, callId: call.id })}
                          />
                          <IconButton icon="trash" label={`Delete the call of ${formatDateTime(call.startedAt)}`} onClick={() => void deleteCallWithUndo(call)} />
                        </>
                      }
                    >
                      {call.notes ? <p className="call-notes">{call.notes}</p> : null}
                    </ListRow>
                  </li>
                ))}
              </RowList>
            ) : null}
            {data.items.length < data.total && limit < maxLimit ? (
              <ShowMore onClick={() => setLimit((current) => Math.min(maxLimit, current + pageSize))}>Show older calls</ShowMore>
            ) : null}
          </>
        )}
      </LiveContent>
    </Stack>
  );
}
