import { useState } from 'react';
import { WhenAllowed } from '../access/WhenAllowed';
import { formatPhone } from '../../../src-shared/phone';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { LiveContent } from '../../ui/LiveContent';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useConversations, useTemplates, useThread } from './hooks';
import { formatMoment } from './phone-format';
import { Stack } from '../../ui/Stack';
import './phone.css';

const statusWords = { queued: 'Waiting to send', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', undelivered: 'Not delivered', failed: 'Failed', received: 'Received' } as const;

/** Text conversations, one per customer number: both directions, delivery status, and a reply box with templates. */
export function TextConversations() {
  const conversations = useConversations();
  const [number, setNumber] = useState<string | null>(null);
  const [newNumber, setNewNumber] = useState('');
  return (
    <div className="texts">
      <Card title="Conversations" flush>
        <LiveContent live={conversations} loading="Loading texts…" failed="The texts could not be loaded." keepLatest>
          {(list) =>
            list.length === 0 ? (
              <EmptyState compact title="No texts yet" />
            ) : (
              <ul className="plain-list">
                {list.map((conversation) => (
                  <li key={conversation.number}>
                    <button
                      type="button"
                      className="texts__conversation"
                      aria-current={conversation.number === number ? 'true' : undefined}
                      onClick={() => setNumber(conversation.number)}
                    >
                      <span className="strong">{conversation.contactName ?? formatPhone(conversation.number)}</span>
                      <span className="texts__preview meta truncate">{conversation.lastText.body}</span>
                      <span className="texts__when">{formatMoment(conversation.lastText.createdAt)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </LiveContent>
        <form
          className="texts__new"
          onSubmit={(event) => {
            event.preventDefault();
            if (newNumber.trim()) setNumber(newNumber.trim());
          }}
        >
          <TextField label="Text a number" value={newNumber} onChange={setNewNumber} placeholder="+44 7700 900123" />
          <Button submit size="sm">
            Open
          </Button>
        </form>
      </Card>
      {number ? <Thread number={number} /> : <Card title="Conversation"><EmptyState compact title="Choose a conversation" /></Card>}
    </div>
  );
}

function Thread({ number }: { number: string }) {
  const thread = useThread(number);
  const templates = useTemplates();
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const contactId = thread.status === 'ready' ? thread.data.texts.find((text) => text.contactId)?.contactId ?? undefined : undefined;

  const applyTemplate = async (id: string) => {
    setTemplateId(id);
    if (!id) return;
    try {
      setBody((await api.invoke('texts.fill', { templateId: id, ...(contactId ? { contactId } : {}) })).body);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const send = async () => {
    setSending(true);
    setProblem(null);
    try {
      await api.invoke('texts.send', { number, body });
      setBody('');
      setTemplateId('');
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title={`Texts with ${formatPhone(number)}`}>
      <LiveContent live={thread} loading="Loading the conversation…" failed="The conversation could not be loaded.">
        {(found) => (
          <>
            {found.optedOut ? (
              <Notice tone="warning" role="status">
                This number texted STOP: no texts can be sent to it until it texts START.
              </Notice>
            ) : null}
            <Stack as="ol" gap="sm" className="texts__thread" aria-label="Messages">
              {found.texts.map((text) => (
                <li key={text.id} className={`texts__message texts__message--${text.direction}`}>
                  <p>{text.body}</p>
                  <span className="texts__meta">
                    {formatMoment(text.createdAt)} · {statusWords[text.status]}
                    {text.error ? ` · ${text.error}` : ''}
                  </span>
                </li>
              ))}
            </Stack>
            <WhenAllowed>
              <Stack
                as="form"
                gap="sm"
                align="start"
                className="texts__composer"
                onSubmit={(event) => {
                  event.preventDefault();
                  void send();
                }}
              >
                {templates.status === 'ready' && templates.data.length > 0 ? (
                  <SelectField
                    label="Template"
                    width="narrow"
                    emptyOption="No template"
                    value={templateId}
                    options={templates.data.map((template) => ({ value: template.id, label: template.name }))}
                    onChange={(id) => void applyTemplate(id)}
                  />
                ) : null}
                <TextAreaField label="Message" rows={3} value={body} onChange={setBody} maxLength={1600} disabled={found.optedOut} />
                {problem ? (
                  <Notice tone="danger" role="alert">
                    {problem}
                  </Notice>
                ) : null}
                <Button submit variant="primary" busy={sending} busyLabel="Sending…" disabled={!body.trim() || found.optedOut}>
                  Send text
                </Button>
              </Stack>
            </WhenAllowed>
          </>
        )}
      </LiveContent>
    </Card>
  );
}
