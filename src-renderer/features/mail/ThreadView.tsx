import { useState } from 'react';
import type { MailMessage } from '../../../src-shared/domain/mail';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Composer } from './Composer';
import { useThread } from './hooks';
import { formatAddress, replySubject } from './mail-format';
import { MessageBody } from './MessageBody';
import { OutboxState } from './OutboxState';
import { WhenAllowed } from '../access/WhenAllowed';

/** One conversation, oldest first, with what of it waits in the outbox, and a reply. */
export function ThreadView({ threadId, onBack }: { threadId: string; onBack: () => void }) {
  const thread = useThread(threadId);
  const [replyTo, setReplyTo] = useState<MailMessage | null>(null);
  return (
    <div className="mail-panel">
      <div className="mail-panel__toolbar">
        <Button icon="back" variant="ghost" onClick={onBack}>
          All conversations
        </Button>
      </div>
      <LiveContent live={thread} loading="Loading the conversation…" failed="The conversation could not be loaded." missing="This conversation is no longer here.">
        {({ messages, outbox }) => {
          const last = messages[messages.length - 1];
          return (
            <>
              <h3 className="mail-thread__subject">{messages[0]?.subject || '(no subject)'}</h3>
              <ol className="mail-thread" aria-label="Messages">
                {messages.map((message) => (
                  <Message key={message.id} message={message} onReply={() => setReplyTo(message)} />
                ))}
              </ol>
              {outbox.length > 0 ? (
                <ul className="mail-outbox" aria-label="Outbox">
                  {outbox.map((item) => (
                    <OutboxState key={item.id} item={item} />
                  ))}
                </ul>
              ) : null}
              {replyTo ? (
                <Composer
                  key={replyTo.id}
                  to={replyTo.direction === 'sent' ? (replyTo.to[0]?.address ?? '') : replyTo.from.address}
                  subject={replySubject(replyTo.subject)}
                  inReplyToId={replyTo.id}
                  onDone={() => setReplyTo(null)}
                />
              ) : last ? (
                <WhenAllowed>
                  <div className="mail-panel__toolbar">
                    <Button variant="primary" icon="mail" onClick={() => setReplyTo(last)}>
                      Reply
                    </Button>
                  </div>
                </WhenAllowed>
              ) : null}
            </>
          );
        }}
      </LiveContent>
    </div>
  );
}

function Message({ message, onReply }: { message: MailMessage; onReply: () => void }) {
  const [expanded, setExpanded] = useState(true);
  return (
    <li className="mail-message" aria-label={`${message.direction === 'sent' ? 'Sent' : 'From'} ${formatAddress(message.from)}, ${formatDateTime(message.sentAt)}`}>
      <div className="mail-message__header">
        <button type="button" className="mail-message__toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          <strong>{formatAddress(message.from)}</strong>
        </button>
        {message.direction === 'sent' ? <Badge tone="accent">Sent</Badge> : null}
        {message.private ? <Badge>Only on this computer</Badge> : null}
        <span className="mail-message__date">{formatDateTime(message.sentAt)}</span>
        <WhenAllowed>
          <Button size="sm" variant="ghost" onClick={onReply} aria-label={`Reply to ${formatAddress(message.from)}`}>
            Reply
          </Button>
        </WhenAllowed>
      </div>
      <p className="mail-message__to">to {message.to.map(formatAddress).join(', ') || '—'}{message.cc.length > 0 ? `, cc ${message.cc.map(formatAddress).join(', ')}` : ''}</p>
      {expanded ? (
        <>
          <MessageBody subject={message.subject} html={message.bodyHtml} text={message.bodyText} />
          {message.attachments.length > 0 ? (
            <ul className="mail-message__attachments" aria-label="Attachments">
              {message.attachments.map((attachment, index) => (
                <li key={index}>
                  📎 {attachment.name}
                  {attachment.fileId ? '' : ' (too large to keep)'}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="mail-message__snippet">{message.snippet}</p>
      )}
    </li>
  );
}
