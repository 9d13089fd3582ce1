import { useState } from 'react';
import type { UnlinkedMessage } from '../../../src-shared/domain/mail';
import { api, describeError } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { formatDateTime } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { FailureNotice } from './FailureNotice';
import { useLiveData } from '../../ui/use-live-data';
import { mailChanged } from './hooks';
import { formatAddress } from './mail-format';
import { WhenAllowed } from '../access/WhenAllowed';

/**
 * Recent mail from people who are not contacts (only their headers are kept, on this computer).
 * Making one a contact keeps their e-mails from then on, earlier ones included.
 */
export function UnlinkedSenders() {
  const unlinked = useLiveData('mail:unlinked', () => api.invoke('mail.unlinked', { limit: 20 }), { reloadOn: [mailChanged()] });
  const navigate = useUi((state) => state.navigate);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const create = async (message: UnlinkedMessage) => {
    setBusy(message.id);
    setError(null);
    try {
      const { contactId } = await api.invoke('mail.createContactFromSender', { id: message.id });
      navigate({ name: 'contact', id: contactId, tab: 'mail' });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(null);
    }
  };
  return (
    <Card title="Mail from people who are not contacts" help="Only the sender, subject and date are kept, on this computer. Create a contact to keep their e-mails.">
      <LiveContent live={unlinked} loading="Loading…" failed="The list could not be loaded." keepLatest>
        {(list) =>
          list.length === 0 ? (
            <p className="mail-unlinked__empty">Nothing here: every recent sender is a contact.</p>
          ) : (
            <ul className="mail-unlinked" aria-label="Senders who are not contacts">
              {list.map((message) => (
                <li key={message.id} className="mail-unlinked__row">
                  <div>
                    <strong>{formatAddress(message.from)}</strong>
                    <div className="mail-unlinked__meta">
                      {message.subject || '(no subject)'} · {formatDateTime(message.sentAt)}
                    </div>
                  </div>
                  <WhenAllowed>
                    <Button size="sm" icon="plus" busy={busy === message.id} busyLabel="Creating…" aria-label={`Create contact from ${formatAddress(message.from)}`} onClick={() => void create(message)}>
                      Create contact
                    </Button>
                  </WhenAllowed>
                </li>
              ))}
            </ul>
          )
        }
      </LiveContent>
      <FailureNotice message={error} />
    </Card>
  );
}
