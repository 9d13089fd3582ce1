import { useState, type FormEvent } from 'react';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormGrid } from '../../ui/FormGrid';
import { Notice } from '../../ui/Notice';
import { FailureNotice } from './FailureNotice';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useMailAccounts } from './hooks';

const splitAddresses = (text: string) => text.split(/[,;\s]+/).map((part) => part.trim()).filter(Boolean);

/**
 * A new e-mail or a reply. Sending puts it in the outbox and returns at once: the outbox sends it
 * when the server can be reached, and its state shows in the thread.
 */
export function Composer({ to: initialTo, subject: initialSubject, inReplyToId, onDone }: { to: string; subject: string; inReplyToId?: string; onDone: () => void }) {
  const accounts = useMailAccounts();
  const list = accounts.latest ?? [];
  const [accountId, setAccountId] = useState('');
  const [to, setTo] = useState(initialTo);
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const from = accountId || list[0]?.id || '';

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSending(true);
    try {
      await api.invoke('mail.send', { accountId: from, to: splitAddresses(to), subject, bodyText: body, ...(inReplyToId ? { inReplyToId } : {}) });
      onDone();
    } catch (failure) {
      setError(describeError(failure));
      setSending(false);
    }
  };

  return (
    <Card title={inReplyToId ? 'Reply' : 'New e-mail'}>
      <form className="stack" onSubmit={(event) => void send(event)}>
        <FormGrid columns={2}>
          {list.length > 1 ? (
            <SelectField label="From" value={from} options={list.map((account) => ({ value: account.id, label: account.email }))} onChange={setAccountId} />
          ) : null}
          <TextField label="To" value={to} onChange={setTo} hint="Several addresses: separate them with commas." />
          <TextField label="Subject" value={subject} onChange={setSubject} wide />
          <TextAreaField label="Message" wide rows={8} value={body} onChange={setBody} autoFocus />
        </FormGrid>
        {list.length === 0 && accounts.status === 'ready' ? <Notice tone="warning">Connect a mailbox in Settings → Mail accounts to send e-mail.</Notice> : null}
        <FailureNotice message={error} />
        <div className="mail-composer__buttons">
          <Button submit variant="primary" icon="mail" busy={sending} busyLabel="Sending…" disabled={!from}>
            Send
          </Button>
          <Button variant="ghost" onClick={onDone}>
            Discard
          </Button>
        </div>
      </form>
    </Card>
  );
}
