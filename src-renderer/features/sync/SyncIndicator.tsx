import { useUi } from '../../store';
import { useNow } from '../../ui/use-now';
import { useSteadySyncStatus, useSyncNow, useSyncStatus } from './hooks';
import { describeSyncStatus, lastSyncedText } from './status-text';
import { SyncMark } from './SyncMark';
import { showTeamSyncPanel } from './show-team-sync-panel';
import { Stack } from '../../ui/Stack';
import { Cluster } from '../../ui/Cluster';
import './sync.css';
import { ReadOnlyBadge } from '../access/WhenAllowed';

/**
 * The always-visible answer to "are my changes with the team?", for the sidebar: a polite live
 * region with the state in plain words, "Sync now", and a way to the Team sync settings.
 */
export function SyncIndicator() {
  const { status: liveStatus, adopt } = useSyncStatus();
  const status = useSteadySyncStatus(liveStatus);
  const now = useNow();
  const navigate = useUi((state) => state.navigate);
  const { syncing, syncNow } = useSyncNow(adopt);
  const text = status ? describeSyncStatus(status, now) : null;
  const configured = status !== null && status.state !== 'not_configured';
  const lastSynced = status && status.state === 'synced' ? lastSyncedText(status, now) : null;

  return (
    <div className={`sync-indicator sync-indicator--${text?.tone ?? 'quiet'}`} role="group" aria-label="Team sync status">
      {/* Stays mounted while empty, so that screen readers announce each new state. */}
      <div role="status" aria-atomic="true" className="sync-indicator__status">
        {text ? (
          <>
            <SyncMark tone={text.tone} />
            <Stack as="span" gap="2xs">
              <span className="sync-indicator__headline">{text.headline}</span>
              {text.detail && configured ? <span className="sync-indicator__detail">{text.detail}</span> : null}
            </Stack>
          </>
        ) : null}
      </div>
      {lastSynced ? <p className="sync-indicator__meta">{lastSynced}</p> : null}
      <ReadOnlyBadge />
      {status ? (
        <Cluster className="sync-indicator__actions">
          {configured ? (
            <button
              type="button"
              className="sync-indicator__button"
              aria-disabled={syncing || undefined}
              onClick={() => {
                if (!syncing) syncNow();
              }}
            >
              {syncing ? 'Syncing…' : 'Sync now'}
            </button>
          ) : null}
          <a
            href="#/settings"
            className="sync-indicator__link"
            aria-label={configured ? 'Team sync details' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate({ name: 'settings' });
              showTeamSyncPanel();
            }}
          >
            {configured ? 'Details' : 'Set up team sync'}
          </a>
        </Cluster>
      ) : null}
    </div>
  );
}
