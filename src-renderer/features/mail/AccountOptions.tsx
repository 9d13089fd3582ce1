import { useState } from 'react';
import type { MailAccount } from '../../../src-shared/domain/mail';
import { api, describeError } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { LiveContent } from '../../ui/LiveContent';
import { FailureNotice } from './FailureNotice';
import { useLiveData } from '../../ui/use-live-data';

/**
 * Which of the server's folders are synced (INBOX and Sent always), and whether the account is
 * private. Each tick is saved at once; the next sync round picks it up.
 */
export function AccountOptions({ account }: { account: MailAccount }) {
  const folders = useLiveData(`mail:folders:${account.id}`, () => api.invoke('mail.folders', { accountId: account.id }));
  const [error, setError] = useState<string | null>(null);
  // What was ticked shows at once; a refusal puts it back.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [keptPrivate, setKeptPrivate] = useState<boolean | null>(null);
  const save = async (patch: { folders?: string[]; private?: boolean }) => {
    setError(null);
    try {
      await api.invoke('mail.updateAccount', { id: account.id, patch });
    } catch (failure) {
      setError(describeError(failure));
      setTicked({});
      setKeptPrivate(null);
    }
    folders.reload();
  };
  return (
    <details className="mail-account__options">
      <summary>Folders and privacy</summary>
      <Checkbox
        label="Keep this mailbox private"
        hint="Its e-mails stay on this computer and are never shared with the team."
        checked={keptPrivate ?? account.private}
        onChange={(value) => {
          setKeptPrivate(value);
          void save({ private: value });
        }}
      />
      <LiveContent live={folders} loading="Loading folders…" failed="The folders could not be loaded." keepLatest>
        {(list) => (
          <div role="group" aria-label={`Folders of ${account.email}`} className="mail-account__folders">
            {list.map((folder) => (
              <Checkbox
                key={folder.path}
                label={folder.name || folder.path}
                hint={folder.required ? 'Always synced' : undefined}
                disabled={folder.required}
                checked={ticked[folder.path] ?? folder.synced}
                onChange={(value) => {
                  const next = { ...ticked, [folder.path]: value };
                  setTicked(next);
                  void save({ folders: list.filter((entry) => !entry.required && (next[entry.path] ?? entry.synced)).map((entry) => entry.path) });
                }}
              />
            ))}
          </div>
        )}
      </LiveContent>
      <FailureNotice message={error} />
    </details>
  );
}
