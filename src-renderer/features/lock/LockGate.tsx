import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { LoadingState } from '../../ui/LoadingState';
import { matches } from '../shortcuts/shortcuts';
import { UpgradeProgress } from '../privacy/UpgradeProgress';
import { LockScreen } from './LockScreen';
import { lockNow, useLock } from './lock-state';

/** Input that counts as the person being there. Pointer moves alone do not: a cat on the trackpad is not a person. */
const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** At most one activity report per this share of the idle time, and never more than every 15 s. */
const reportsPerIdleTime = 4;
const maxReportGapMs = 15_000;

/**
 * Draws the app, or the lock screen instead of it while the core is locked: the app is unmounted,
 * so nothing of the screen before stays in the page. The upgrade's progress shows on either. Reports the person's input to the core,
 * which measures the idle time and locks.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const status = useLock((state) => state.status);
  const setStatus = useLock((state) => state.setStatus);
  const showError = useUi((state) => state.showError);
  // The core could not be asked: the app draws and says why (the core refuses it if locked).
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    const load = () =>
      api.invoke('lock.status', {}).then(setStatus, (error: unknown) => {
        setUnreachable(true);
        showError(error);
      });
    void load();
    const stops = [api.on('lock.changed', setStatus), api.onResync(() => void load())];
    return () => {
      for (const stop of stops) stop();
    };
  }, [setStatus, showError]);

  const locked = status?.locked ?? false;
  const idleAfterMs = status?.idleAfterMs ?? null;
  useActivityReports(locked ? null : idleAfterMs);
  useLockShortcut(status !== null && !locked && (status.passphrase || status.osUnlock !== null));

  if (!status && unreachable) return children;
  if (!status) return <LoadingState label="Opening Fieldbook…" size="page" />;
  if (status.locked) return <LockScreen status={status} />;
  return (
    <>
      {children}
      <UpgradeProgress placement="app" />
    </>
  );
}

function useActivityReports(idleAfterMs: number | null) {
  const lastReport = useRef(0);
  useEffect(() => {
    if (idleAfterMs === null) return;
    const gapMs = Math.min(maxReportGapMs, idleAfterMs / reportsPerIdleTime);
    const onInput = () => {
      const now = Date.now();
      if (now - lastReport.current < gapMs) return;
      lastReport.current = now;
      api.invoke('lock.activity', {}).catch((error: unknown) => {
        // Locked meanwhile: lock.changed brings the lock screen; nothing else to say.
        if (!(error instanceof ApiError && error.code === 'locked')) console.warn('Could not report activity to the app lock', error);
      });
    };
    for (const name of activityEvents) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [idleAfterMs]);
}

function useLockShortcut(enabled: boolean) {
  const showError = useUi((state) => state.showError);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matches('lock', event)) return;
      event.preventDefault();
      lockNow().catch(showError);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, showError]);
}
