import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../src-shared/domain/sync';
import type { WorkspaceInfo } from '../../../src-shared/sync/protocol';
import { api, describeError } from '../../api';
import { useUi } from '../../store';

// The schema loads with the first event, not with the first screen: its module builds zod schemas
// when it loads (docs/renderer.md, "How the app opens").
const loadSyncStatusSchema = () => import('../../../src-shared/domain/sync').then((module) => module.SyncStatusSchema);

/**
 * How sync stands, kept current by the core's `sync.status` event. Fetched on mount and again
 * when the event stream reconnects: src-renderer/api.ts then calls every listener with
 * `{ ids: [] }` ("anything may have changed"), which is not a status, so we ask for one.
 */
export function useSyncStatus(): { status: SyncStatus | null; adopt: (status: SyncStatus) => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Bumped by every answer and event, so a slow sync.status answer never overwrites a newer event.
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    const load = () => {
      const ticket = ++latest.current;
      api.invoke('sync.status', {}).then(
        (answer) => {
          if (live && ticket === latest.current) setStatus(answer);
        },
        // The indicator keeps what it last knew; screens report an unreachable core themselves.
        () => undefined,
      );
    };
    load();
    const stop = api.on('sync.status', (payload) => {
      // Taken now, so that an answer asked before this event but in after it is still dropped.
      const ticket = ++latest.current;
      void loadSyncStatusSchema().then((schema) => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return load();
        if (live && ticket === latest.current) setStatus(parsed.data);
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const adopt = useCallback((next: SyncStatus) => {
    latest.current += 1;
    setStatus(next);
  }, []);
  return { status, adopt };
}

/**
 * The status as a person should see it. A background cycle after a local edit goes
 * "1 change waiting" → "Syncing…" → "Synced" within a few milliseconds; showing that would make
 * the indicator (and the screen reader reading its live region) chatter on every save. Coming
 * from a settled state, those passing states are shown only once they have lasted `settleMs`.
 */
export function useSteadySyncStatus(status: SyncStatus | null, settleMs = 700): SyncStatus | null {
  const [seen, setSeen] = useState(status);
  const [shown, setShown] = useState(status);
  if (status !== seen) {
    // Adjusting state to a new prop during render, as React recommends over an effect.
    setSeen(status);
    if (!holdsBack(shown, status)) setShown(status);
  }
  const waiting = holdsBack(shown, status);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setShown(status), settleMs);
    return () => window.clearTimeout(timer);
  }, [waiting, status, settleMs]);
  return shown;
}

function holdsBack(shown: SyncStatus | null, next: SyncStatus | null): boolean {
  const passing = (candidate: SyncStatus) => candidate.state === 'syncing' || candidate.state === 'pending';
  return next !== null && passing(next) && shown !== null && !passing(shown) && shown.state !== 'not_configured';
}

/** "Sync now": runs a cycle and reports the outcome through the status event. */
export function useSyncNow(onDone?: (status: SyncStatus) => void): { syncing: boolean; syncNow: () => void } {
  const showError = useUi((state) => state.showError);
  const [syncing, setSyncing] = useState(false);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });
  const syncNow = useCallback(() => {
    setSyncing(true);
    api.invoke('sync.now', {}).then(
      (status) => {
        setSyncing(false);
        onDoneRef.current?.(status);
      },
      (error: unknown) => {
        setSyncing(false);
        showError(error);
      },
    );
  }, [showError]);
  return { syncing, syncNow };
}

export type WorkspaceState =
  | { status: 'loading' }
  | { status: 'ready'; info: WorkspaceInfo }
  | { status: 'failed'; message: string; info?: WorkspaceInfo };

/**
 * Members and devices, from the relay. Reloaded after each completed sync (`syncedAt`) and every
 * `everyMs` while shown: a teammate joining pushes nothing, so no sync would bring them here.
 * A failure keeps the last list and says why.
 */
export function useWorkspaceInfo(syncedAt: number | null, everyMs = 15_000) {
  const [state, setState] = useState<WorkspaceState>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api.invoke('sync.workspace', {}).then(
      (info) => {
        if (live) setState({ status: 'ready', info });
      },
      (error: unknown) => {
        if (!live) return;
        setState((current) => ({
          status: 'failed',
          message: describeError(error),
          ...(current.status !== 'loading' && current.info ? { info: current.info } : {}),
        }));
      },
    );
    return () => {
      live = false;
    };
  }, [syncedAt, version]);

  useEffect(() => {
    const timer = window.setInterval(() => setVersion((current) => current + 1), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const replace = useCallback((info: WorkspaceInfo) => setState({ status: 'ready', info }), []);
  return { state, reload, replace };
}
