import { useEffect, useId, useState } from 'react';
import type { SetAsideChange } from '../../../src-shared/domain/sync';
import type { WorkspaceInfo } from '../../../src-shared/sync/protocol';
import { api, describeError } from '../../api';
import { formatWhen } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { RowList } from '../../ui/RowList';
import { Stack } from '../../ui/Stack';

const tableNames: Record<string, string> = {
  contacts: 'a contact',
  contact_tags: 'a tag of a contact',
  notes: 'a note',
  follow_ups: 'a follow-up',
  calls: 'a call',
  files: 'a file',
  pipelines: 'a pipeline',
  stages: 'a stage',
  deals: 'a deal',
  deal_stage_events: 'a deal’s stage move',
  quotes: 'a quote',
};

/**
 * For admins: the changes from other devices this laptop kept aside instead of applying, each
 * with the device (and member) that sent it and why, so the admin can update or revoke that
 * device. Reloaded whenever the count in the sync status moves.
 */
export function SetAsideChanges({ count, info }: { count: number; info: WorkspaceInfo | undefined }) {
  const titleId = useId();
  const now = useNow();
  const [changes, setChanges] = useState<SetAsideChange[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (count === 0) return;
    let live = true;
    api.invoke('sync.setAside', { limit: 50 }).then(
      (answer) => live && (setChanges(answer), setProblem(null)),
      (error: unknown) => live && setProblem(describeError(error)),
    );
    return () => {
      live = false;
    };
  }, [count]);

  if (count === 0) return null;
  const sender = (deviceId: string) => {
    const device = info?.devices.find((candidate) => candidate.id === deviceId);
    const member = device ? info?.members.find((candidate) => candidate.id === device.memberId) : undefined;
    if (!device) return 'a device this laptop does not know';
    return member ? `${device.name} (${member.name})` : device.name;
  };

  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        Changes set aside
      </h3>
      <p className="muted">
        {count === 1 ? 'One change' : `${count} changes`} from other devices could not be applied on this laptop and {count === 1 ? 'was' : 'were'} kept
        aside; everything else syncs as usual. Update the app on the device that sent {count === 1 ? 'it' : 'them'}, or revoke that device if
        you do not know it.
      </p>
      {problem ? <p role="alert">Couldn’t list them. {problem}</p> : null}
      {changes ? (
        <RowList boxed label="Changes set aside">
          {changes.map((change) => (
            <li key={change.changeId}>
              <strong>
                A change to {tableNames[change.tableName] ?? `“${change.tableName}”`} ({change.fields.join(', ')})
              </strong>{' '}
              sent by <span className="strong">{sender(change.deviceId)}</span>, {formatWhen(change.setAsideAt, now)}.
              <span className="sync-details__detail">Why: {change.reason}</span>
            </li>
          ))}
        </RowList>
      ) : null}
    </Stack>
  );
}
