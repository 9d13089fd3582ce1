import { Card } from '../../ui/Card';
import { LoadingState } from '../../ui/LoadingState';
import { useSyncStatus } from './hooks';
import { SyncSetupForm } from './SyncSetupForm';
import { WorkspaceDetails } from './WorkspaceDetails';
import './sync.css';
import { teamSyncPanelId as panelId } from './show-team-sync-panel';

/**
 * "Team sync" in Settings: start or join a workspace on a relay, and once in one, see who is in
 * it, invite teammates and manage their devices. Sits beside the settings form, not inside it:
 * it has forms of its own and saves nothing through settings.update.
 */
export function TeamSyncPanel() {
  const { status, adopt } = useSyncStatus();
  return (
    <Card id={panelId} title="Team sync">
      {status === null ? (
        <LoadingState label="Checking how sync stands…" />
      ) : status.state === 'not_configured' ? (
        <SyncSetupForm onConfigured={adopt} />
      ) : (
        <WorkspaceDetails status={status} onStatus={adopt} />
      )}
    </Card>
  );
}
