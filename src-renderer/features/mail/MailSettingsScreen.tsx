import { useState } from 'react';
import type { MailAccount } from '../../../src-shared/domain/mail';
import { api, describeError } from '../../api';
import { BackLink } from '../../ui/BackLink';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Notice } from '../../ui/Notice';
import { FailureNotice } from './FailureNotice';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { Screen } from '../../ui/Screen';
import { AccountOptions } from './AccountOptions';
import { AddAccountForm } from './AddAccountForm';
import { useMailAccounts } from './hooks';
import { UnlinkedSenders } from './UnlinkedSenders';
import './mail.css';

const stateTones: Record<MailAccount['status']['state'], BadgeTone> = {
  stopped: 'neutral',
  connecting: 'info',
  syncing: 'info',
  watching: 'success',
  waiting: 'warning',
  error: 'danger',
};
const stateLabels: Record<MailAccount['status']['state'], string> = {
  stopped: 'Stopped',
  connecting: 'Connecting',
  syncing: 'Syncing',
  watching: 'Connected',
  waiting: 'Waiting',
  error: 'Problem',
};

/** Settings → Mail accounts: the mailboxes of this computer, their sync, and adding one. */
export function MailSettingsScreen() {
  const accounts = useMailAccounts();
  const [adding, setAdding] = useState(false);
  const none = accounts.status === 'ready' && accounts.data.length === 0;
  return (
    <Screen width="form">
      <PageHeader
        back={<BackLink to={{ name: 'settings' }}>Settings</BackLink>}
        title="Mail accounts"
        meta="E-mails with your contacts show on their timeline. Passwords stay sealed on this computer."
      />
      <div className="stack">
        <LiveContent live={accounts} loading="Loading mail accounts…" failed="The mail accounts could not be loaded." keepLatest>
          {(list) =>
            list.length === 0 ? (
              <EmptyState icon="mail" title="No mailbox connected yet">
                <p>Connect the office’s mailbox and every e-mail to or from a contact is kept with them, also offline.</p>
              </EmptyState>
            ) : (
              <ul className="mail-accounts" aria-label="Mail accounts">
                {list.map((account) => (
                  <AccountRow key={account.id} account={account} />
                ))}
              </ul>
            )
          }
        </LiveContent>
        {adding || none ? (
          <AddAccountForm onAdded={() => setAdding(false)} onCancel={none ? undefined : () => setAdding(false)} />
        ) : (
          <div>
            <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
              Add a mail account
            </Button>
          </div>
        )}
        {none ? null : <UnlinkedSenders />}
      </div>
    </Screen>
  );
}

function AccountRow({ account }: { account: MailAccount }) {
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { status } = account;
  const running = status.state === 'syncing' || status.state === 'connecting';
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return (
    <li>
      <Card
        title={account.email}
        aside={`${account.private ? 'Private: only on this computer' : 'Shared with the team'} · ${account.lastSyncAt ? `last synced ${formatDateTime(account.lastSyncAt)}` : 'not synced yet'}`}
        actions={
          <>
            {running ? (
              <Button size="sm" onClick={() => void act(() => api.invoke('mail.cancelSync', { accountId: account.id }))}>
                Cancel sync
              </Button>
            ) : (
              <Button size="sm" onClick={() => void act(() => api.invoke('mail.syncNow', { accountId: account.id }))}>
                Sync now
              </Button>
            )}
            <Button size="sm" variant="danger" icon="trash" onClick={() => setRemoving(true)}>
              Remove
            </Button>
          </>
        }
      >
        <div className="mail-account__status" role="status">
          <Badge tone={stateTones[status.state]}>{stateLabels[status.state]}</Badge> <span>{status.message}</span>
        </div>
        {status.state === 'syncing' ? (
          <ProgressBar label={`Sync of ${account.email}`} phase={status.folder ? `Syncing ${status.folder}…` : 'Syncing…'} done={status.done} total={status.total} counts={status.total > 0 ? `${status.done} of ${status.total}` : null} />
        ) : null}
        <AccountOptions account={account} />
        {!account.hasPassword ? <Notice tone="warning">The password cannot be read on this computer: remove the account and add it again.</Notice> : null}
        <FailureNotice message={error} />
      </Card>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${account.email}?`}
          description="Its password is deleted from this computer and sync stops. The e-mails already kept stay with your contacts."
          confirmLabel="Remove account"
          danger
          busy={busy}
          busyLabel="Removing…"
          onClose={() => setRemoving(false)}
          onConfirm={() => {
            setBusy(true);
            void act(() => api.invoke('mail.removeAccount', { id: account.id })).finally(() => {
              setBusy(false);
              setRemoving(false);
            });
          }}
        />
      ) : null}
    </li>
  );
}
