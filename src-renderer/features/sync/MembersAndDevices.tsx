import { useId, useState } from 'react';
import type { WorkspaceInfo } from '../../../src-shared/sync/protocol';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LoadingState } from '../../ui/LoadingState';
import { Notice } from '../../ui/Notice';
import { formatWhen } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import type { WorkspaceState } from './hooks';
import { Stack } from '../../ui/Stack';
import { RowList } from '../../ui/RowList';
import { Cluster } from '../../ui/Cluster';
import { Select, toOptions } from '../../ui/Select';
import { roleLabels, workspaceRoles, type WorkspaceRole } from '../../../src-shared/sync/roles';

type Member = WorkspaceInfo['members'][number];
type Device = WorkspaceInfo['devices'][number];
type Pending = { kind: 'removeMember'; member: Member } | { kind: 'revokeDevice'; device: Device; owner: Member | undefined };

interface MembersAndDevicesProps {
  state: WorkspaceState;
  isAdmin: boolean;
  onChanged: (info: WorkspaceInfo) => void;
  onRetry: () => void;
}

/** Who is in the workspace and on which devices; admins can revoke a device or remove a member. */
export function MembersAndDevices({ state, isAdmin, onChanged, onRetry }: MembersAndDevicesProps) {
  const titleId = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const info = state.status === 'loading' ? undefined : state.info;

  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        Members and devices
      </h3>
      {state.status === 'failed' ? (
        <Notice tone="danger" role="alert">
          Couldn’t load the members from the relay. {state.message}{' '}
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        </Notice>
      ) : null}
      {state.status === 'loading' ? <LoadingState label="Loading members…" /> : null}
      {info ? <MemberList info={info} isAdmin={isAdmin} onAsk={setPending} onChanged={onChanged} /> : null}
      {pending && info ? (
        <ConfirmAccessChange pending={pending} workspaceName={info.workspace.name} onDone={onChanged} onClose={() => setPending(null)} />
      ) : null}
    </Stack>
  );
}

function MemberList({
  info,
  isAdmin,
  onAsk,
  onChanged,
}: {
  info: WorkspaceInfo;
  isAdmin: boolean;
  onAsk: (pending: Pending) => void;
  onChanged: (info: WorkspaceInfo) => void;
}) {
  const now = useNow();
  // Current members first; those removed stay listed (greyed) so the admin sees what was done.
  const members = [...info.members].sort((a, b) => Number(a.removed) - Number(b.removed));
  return (
    <RowList boxed label="Members">
      {members.map((member) => {
        const isYou = member.id === info.you.memberId;
        const devices = info.devices.filter((device) => device.memberId === member.id);
        return (
          <li key={member.id} className={member.removed ? 'sync-member--removed' : undefined} aria-label={member.name}>
            <Cluster className="sync-member__head">
              <span className="sync-member__name strong">{member.name}</span>
              {isYou ? <Badge>You</Badge> : null}
              {member.removed ? <Badge tone="danger">Removed</Badge> : null}
              {isAdmin && !isYou && !member.removed ? (
                <MemberRole member={member} onChanged={onChanged} />
              ) : member.role !== 'member' ? (
                <Badge tone={member.role === 'admin' ? 'info' : 'warning'}>{roleLabels[member.role]}</Badge>
              ) : null}
              {isAdmin && !isYou && !member.removed ? (
                <span className="sync-member__action">
                  <Button variant="danger" size="sm" aria-label={`Remove ${member.name}`} onClick={() => onAsk({ kind: 'removeMember', member })}>
                    Remove
                  </Button>
                </span>
              ) : null}
            </Cluster>
            {devices.length > 0 ? (
              <Stack as="ul" gap="2xs" className="sync-devices" aria-label={`Devices of ${member.name}`}>
                {devices.map((device) => {
                  const isThis = device.id === info.you.deviceId;
                  return (
                    <Cluster as="li" key={device.id} className={device.revoked ? 'sync-device sync-device--revoked' : 'sync-device'}>
                      <span className="sync-device__name">{device.name}</span>
                      {isThis ? <Badge>This laptop</Badge> : null}
                      {device.revoked ? <Badge tone="danger">Revoked</Badge> : null}
                      <span className="meta">
                        {device.lastSeenAt === null ? 'Not seen yet' : `Last seen ${formatWhen(device.lastSeenAt, now)}`}
                      </span>
                      {isAdmin && !isThis && !device.revoked && !member.removed ? (
                        <span className="sync-member__action">
                          <Button
                            variant="danger"
                            size="sm"
                            aria-label={`Revoke ${device.name} of ${member.name}`}
                            onClick={() => onAsk({ kind: 'revokeDevice', device, owner: member })}
                          >
                            Revoke
                          </Button>
                        </span>
                      ) : null}
                    </Cluster>
                  );
                })}
              </Stack>
            ) : null}
          </li>
        );
      })}
    </RowList>
  );
}

const roleOptions = toOptions(workspaceRoles, roleLabels);

/** An admin changes a teammate's role in place; their laptops follow at their next sync. */
function MemberRole({ member, onChanged }: { member: Member; onChanged: (info: WorkspaceInfo) => void }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [saving, setSaving] = useState(false);
  const change = (role: WorkspaceRole) => {
    setSaving(true);
    api.invoke('sync.setMemberRole', { memberId: member.id, role }).then(
      (info) => {
        setSaving(false);
        onChanged(info);
        pushToast({ message: `${member.name} is now ${role === 'admin' ? 'an admin' : role === 'member' ? 'a member' : 'read-only'}` });
      },
      (error: unknown) => {
        setSaving(false);
        showError(error);
      },
    );
  };
  return (
    <Select size="sm" aria-label={`Role of ${member.name}`} value={member.role} options={roleOptions} disabled={saving} onChange={change} />
  );
}

function ConfirmAccessChange({
  pending,
  workspaceName,
  onDone,
  onClose,
}: {
  pending: Pending;
  workspaceName: string;
  onDone: (info: WorkspaceInfo) => void;
  onClose: () => void;
}) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [busy, setBusy] = useState(false);
  const removing = pending.kind === 'removeMember';
  const who = removing ? pending.member.name : `${pending.owner?.name ?? 'A teammate'}’s ${pending.device.name}`;

  const confirm = () => {
    setBusy(true);
    const done = removing
      ? api.invoke('sync.removeMember', { memberId: pending.member.id })
      : api.invoke('sync.revokeDevice', { deviceId: pending.device.id });
    done.then(
      (info) => {
        onDone(info);
        onClose();
        pushToast({ message: removing ? `${pending.member.name} was removed` : `${who} was revoked` });
      },
      (error: unknown) => {
        setBusy(false);
        onClose();
        showError(error);
      },
    );
  };

  return (
    <ConfirmDialog
      title={removing ? `Remove ${pending.member.name} from “${workspaceName}”?` : `Revoke ${who}?`}
      description={
        removing
          ? 'All their devices stop syncing at once and cannot rejoin with their current sign-in. The contacts, notes and calls they added stay with the team.'
          : 'It stops syncing at once. What is already on it stays there; nothing it changes from now on reaches the team. Do this for a lost or replaced laptop.'
      }
      danger
      busy={busy}
      confirmLabel={removing ? `Remove ${pending.member.name}` : 'Revoke device'}
      busyLabel={removing ? 'Removing…' : 'Revoking…'}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
