import { useEffect, useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { formatWhen } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { SelectField } from '../../ui/SelectField';
import { toOptions } from '../../ui/Select';
import { roleLabels, type WorkspaceRole } from '../../../src-shared/sync/roles';

type Invite = ChannelOutput<'sync.invite'>;

const inviteRoleOptions = toOptions(['member', 'read_only', 'admin'] as const, roleLabels);
export const roleHints: Record<WorkspaceRole, string> = {
  admin: 'Sees and changes everything, and manages members, invites, the phone line and storage.',
  member: 'Sees and changes the contacts, calls, deals and jobs.',
  read_only: 'Sees the team’s data but cannot change it: for a temp or an accountant.',
};

/** Admins make a one-time code here and pass it on with the relay address. */
export function InviteTeammate({ relayUrl, workspaceName }: { relayUrl: string; workspaceName: string }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const now = useNow();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [role, setRole] = useState<WorkspaceRole>('member');
  const [busy, setBusy] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const helpId = useId();

  // The code is what the admin came for: once shown, it has the focus, selected, ready to copy.
  useEffect(() => {
    if (invite) codeRef.current?.focus();
  }, [invite]);

  const create = () => {
    if (busy) return;
    setBusy(true);
    api.invoke('sync.invite', { role }).then(
      (created) => {
        setBusy(false);
        setCopyFailed(false);
        setInvite(created);
      },
      (error: unknown) => {
        setBusy(false);
        showError(error);
      },
    );
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.inviteCode);
      setCopyFailed(false);
      pushToast({ message: 'Invite code copied' });
    } catch {
      // No clipboard permission (some browsers, some shells): leave it selected for Ctrl+C.
      setCopyFailed(true);
      codeRef.current?.focus();
      codeRef.current?.select();
    }
  };

  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        Invite a teammate
      </h3>
      <p id={helpId} className="muted">
        Each code lets one person join “{workspaceName}”. They choose <em>Join a workspace</em> under Team sync in their Settings and enter the
        relay address <span className="sync-code">{relayUrl}</span> and the code.
      </p>
      <SelectField
        label="Role of the new teammate"
        value={role}
        options={inviteRoleOptions}
        hint={roleHints[role]}
        onChange={(next) => {
          setRole(next);
          setInvite(null);
        }}
      />
      {invite ? (
        <Stack gap="xs" align="start">
          <Cluster>
            <input
              ref={codeRef}
              className="input sync-invite__code"
              aria-label="Invite code"
              aria-describedby={helpId}
              readOnly
              value={invite.inviteCode}
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button onClick={() => void copy()}>Copy code</Button>
          </Cluster>
          <p className="meta">
            Works once, until {formatWhen(invite.expiresAt, now)}, for a {roleLabels[invite.role].toLowerCase()}.
            {copyFailed ? ' Copying did not work here: the code is selected, press Ctrl+C (⌘C on a Mac).' : ''}
          </p>
          <Button variant="link" size="sm" aria-disabled={busy || undefined} onClick={create}>
            Make another code
          </Button>
        </Stack>
      ) : (
        <Button aria-disabled={busy || undefined} onClick={create}>
          {busy ? 'Making a code…' : 'Make an invite code'}
        </Button>
      )}
    </Stack>
  );
}
