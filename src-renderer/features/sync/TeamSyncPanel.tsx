import { Card } from '../../ui/Card';
import { LoadingState } from '../../ui/LoadingState';
import { useSyncStatus } from './hooks';
import { SyncSetupForm } from './SyncSetupForm';
import { WorkspaceDetails } from './WorkspaceDetails';
import './sync.css';

const panelId = 'team-sync';

/**
 * Brings the panel into view once the Settings screen has rendered it: the sidebar indicator's
 * "Details" link navigates to Settings, where the panel sits below the settings form.
 */
export function showTeamSyncPanel(triesLeft = 20): void {
  // A timer rather than requestAnimationFrame, which does not run in a window that is not shown.
  window.setTimeout(() => {
    const heading = document.getElementById(panelId)?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
    } else if (triesLeft > 0) {
      showTeamSyncPanel(triesLeft - 1);
    }
  }, 16);
}

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
