import type { OutboxItem } from '../../../src-shared/domain/mail';
import { api } from '../../api';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';

const stateLabels: Record<OutboxItem['state'], { label: string; tone: BadgeTone }> = {
  waiting: { label: 'Waiting to send', tone: 'warning' },
  sending: { label: 'Sending', tone: 'info' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** One message of the outbox: where it stands, why, and cancel or try again. */
export function OutboxState({ item }: { item: OutboxItem }) {
  const state = stateLabels[item.state];
  const to = item.to.map((address) => address.address).join(', ');
  return (
    <li className="mail-outbox__item" aria-label={`Outbox: ${item.subject || '(no subject)'} to ${to}`}>
      <div className="mail-outbox__line">
        <Badge tone={state.tone}>{state.label}</Badge>
        <span className="mail-outbox__subject">{item.subject || '(no subject)'}</span>
        <span className="mail-outbox__meta">to {to} · {formatDateTime(item.sentAt ?? item.createdAt)}</span>
      </div>
      {item.reason ? <p className="mail-outbox__reason">{item.reason}</p> : null}
      {item.state === 'waiting' || item.state === 'failed' ? (
        <div className="mail-outbox__actions">
          {item.state === 'failed' ? (
            <Button size="sm" icon="undo" onClick={() => void api.invoke('mail.retryOutbox', { id: item.id })}>
              Try again
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => void api.invoke('mail.cancelOutbox', { id: item.id })}>
            Cancel sending
          </Button>
        </div>
      ) : null}
    </li>
  );
}
