import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { MailThread } from '../../../src-shared/domain/mail';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Composer } from './Composer';
import { useMailAccounts, useOutbox, useThreads } from './hooks';
import { formatAddress } from './mail-format';
import { OutboxState } from './OutboxState';
import { ThreadView } from './ThreadView';
import './mail.css';
import { WhenAllowed } from '../access/WhenAllowed';

/** The contact's Mail tab: their conversations, one opened, and a new e-mail to them. */
export function ContactMailPanel({ contact }: { contact: Contact }) {
  const [open, setOpen] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const threads = useThreads(contact.id);
  const accounts = useMailAccounts();
  const outbox = useOutbox();
  const navigate = useUi((state) => state.navigate);
  const addresses = contact.emails.map((email) => email.address.toLowerCase());
  // New e-mails to this contact that are not yet a kept message of a thread.
  const pending = (outbox.latest ?? []).filter((item) => !item.threadId && item.state !== 'sent' && item.to.some((to) => addresses.includes(to.address.toLowerCase())));

  if (open) return <ThreadView threadId={open} onBack={() => setOpen(null)} />;
  const noAccount = accounts.status === 'ready' && accounts.data.length === 0;
  return (
    <div className="mail-panel">
      <div className="mail-panel__toolbar">
        {noAccount ? (
          <Button icon="settings" onClick={() => navigate({ name: 'mailSettings' })}>
            Connect a mailbox
          </Button>
        ) : (
          <WhenAllowed>
            <Button icon="mail" disabled={composing || addresses.length === 0} onClick={() => setComposing(true)}>
              New e-mail
            </Button>
          </WhenAllowed>
        )}
      </div>
      {composing ? <Composer to={contact.emails[0]?.address ?? ''} subject="" onDone={() => setComposing(false)} /> : null}
      {pending.length > 0 ? (
        <ul className="mail-outbox" aria-label="Outbox">
          {pending.map((item) => (
            <OutboxState key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      <LiveContent live={threads} loading="Loading e-mails…" failed="The e-mails could not be loaded.">
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact title={noAccount ? 'No mailbox is connected on this computer yet.' : `No e-mails with ${contact.name} yet.`} />
          ) : (
            <ul className="mail-threads" aria-label="Conversations">
              {list.map((thread) => (
                <ThreadRow key={thread.threadId} thread={thread} onOpen={() => setOpen(thread.threadId)} />
              ))}
            </ul>
          )
        }
      </LiveContent>
    </div>
  );
}

function ThreadRow({ thread, onOpen }: { thread: MailThread; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="mail-threads__row" onClick={onOpen}>
        <span className="mail-threads__subject">
          {thread.subject || '(no subject)'}
          {thread.messageCount > 1 ? <span className="mail-threads__count"> ({thread.messageCount})</span> : null}
        </span>
        <span className="mail-threads__date">{formatDateTime(thread.lastAt)}</span>
        <span className="mail-threads__snippet">
          {formatAddress(thread.lastFrom)} — {thread.lastSnippet}
        </span>
      </button>
    </li>
  );
}
