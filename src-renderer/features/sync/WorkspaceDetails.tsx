import { RetentionPanel } from '../privacy/RetentionPanel';
import { roleLabels } from '../../../src-shared/sync/roles';
import type { SyncStatus } from '../../../src-shared/domain/sync';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DetailList } from '../../ui/DetailList';
import { Notice } from '../../ui/Notice';
import { StorageUse } from '../files/StorageUse';
import { ApiKeysPanel } from '../intake/ApiKeysPanel';
import { WebFormPanel } from '../intake/WebFormPanel';
import { useNow } from '../../ui/use-now';
import { Stack } from '../../ui/Stack';
import { useSyncNow, useWorkspaceInfo, type WorkspaceState } from './hooks';
import { InviteTeammate } from './InviteTeammate';
import { MembersAndDevices } from './MembersAndDevices';
import { SetAsideChanges } from './SetAsideChanges';
import { describeSyncStatus, lastSyncedText, readOnlyOutboxText } from './status-text';
import { EncryptionStatus } from './EncryptionStatus';
import { SyncMark } from './SyncMark';

/** Team sync once this laptop is in a workspace: where it syncs, how it stands, and who is in it. */
export function WorkspaceDetails({ status, onStatus }: { status: SyncStatus; onStatus: (status: SyncStatus) => void }) {
  const now = useNow();
  const { syncing, syncNow } = useSyncNow(onStatus);
  const workspace = useWorkspaceInfo(status.lastSyncedAt);
  const text = describeSyncStatus(status, now);
  const lastSynced = lastSyncedText(status, now);
  const isAdmin = status.role === 'admin';
  // Offline, the relay's own words ("Cannot reach the relay at … (ECONNREFUSED)") help whoever runs it.
  const relayProblem = status.state === 'offline' ? status.message : null;
  const heldBack = readOnlyOutboxText(status);

  return (
    <Stack>
      <DetailList
        items={[
          { term: 'Workspace', value: <span className="heading">{status.workspaceName}</span> },
          {
            term: 'You',
            value: (
              <>
                {status.memberName} <Badge>{roleLabels[status.role ?? 'member']}</Badge>
              </>
            ),
          },
          { term: 'Relay', value: <span className="sync-code">{status.relayUrl}</span> },
          { term: 'Encryption', value: <EncryptionStatus keyEpoch={status.keyEpoch} /> },
          {
            term: 'Sync',
            value: (
              <>
                <span className={`sync-details__state sync-details__state--${text.tone}`}>
                  <SyncMark tone={text.tone} />
                  {text.headline}
                </span>
                {[text.detail, relayProblem, lastSynced].filter(Boolean).map((line) => (
                  <span key={line} className="sync-details__detail">
                    {line}
                  </span>
                ))}
                <Button
                  size="sm"
                  className="sync-details__sync-now"
                  aria-disabled={syncing || undefined}
                  onClick={() => {
                    if (!syncing) syncNow();
                  }}
                >
                  {syncing ? 'Syncing…' : 'Sync now'}
                </Button>
              </>
            ),
          },
        ]}
      />

      {heldBack ? (
        <Notice tone="warning" icon="alert" role="status">
          {heldBack}
        </Notice>
      ) : null}

      {status.secretProtection === 'file-key' ? (
        <Notice tone="warning">
          <strong>Kept in a key file, not the keychain:</strong> the token that lets this laptop sync is sealed with a key file in Fieldbook’s data
          folder, because the system keychain is not available to Fieldbook here. Anyone who copies that folder can sync as this laptop: keep it
          private (an encrypted disk helps), and if the laptop is lost, have an admin revoke it.
        </Notice>
      ) : null}

      {isAdmin ? (
        <InviteTeammate relayUrl={status.relayUrl ?? ''} workspaceName={status.workspaceName ?? ''} />
      ) : (
        <Stack gap="sm" align="start" className="sync-section">
          <h3 className="sync-section__title">Invite a teammate</h3>
          <p className="muted">Only an admin of the workspace can invite teammates. {askAnAdmin(workspace.state)}</p>
        </Stack>
      )}

      {isAdmin ? <WebFormPanel /> : null}
      {isAdmin ? <ApiKeysPanel relayUrl={status.relayUrl ?? ''} /> : null}
      {isAdmin ? <StorageUse /> : null}
      {isAdmin ? <RetentionPanel /> : null}
      {isAdmin ? <SetAsideChanges count={status.setAsideChanges} info={workspace.state.status === 'loading' ? undefined : workspace.state.info} /> : null}

      <MembersAndDevices state={workspace.state} isAdmin={isAdmin} onChanged={workspace.replace} onRetry={workspace.reload} />
    </Stack>
  );
}

/** "Ask Alice Admin for an invite code.", naming the admins once the member list is in. */
function askAnAdmin(state: WorkspaceState): string {
  const admins = state.status === 'loading' ? [] : (state.info?.members ?? []).filter((member) => member.role === 'admin' && !member.removed);
  const names = admins.map((member) => member.name);
  if (names.length === 0) return 'Ask one of them for an invite code.';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `Ask ${list} for an invite code.`;
}
