import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { ApiError } from '../api';
import { useUi } from '../store';
import { eventNamesKey, subscribeLive, type LiveEvent } from './live-events';

// The one way screens read data from the core and keep it current.
//
//   const notes = useLiveData(`notes:${contactId}`, () => api.invoke('notes.list', { contactId }), {
//     reloadOn: [activityChanged(['notes'], contactId)],
//   });
//   if (notes.status === 'ready') … notes.data …
//
// A screen shows `data` once ready; `latest` keeps the previous answer on screen while a new key
// loads (typing in a filter), and <LiveContent> (ui/LiveContent.tsx) draws the other states.

/** Where the answer for the current key stands. */
export type LiveStatus = 'loading' | 'ready' | 'missing' | 'failed';

export type LiveData<T> = (
  | { status: 'loading'; data: undefined }
  | { status: 'ready'; data: T }
  /** The core answered not_found: the thing was deleted (here or on another device). */
  | { status: 'missing'; data: undefined }
  /** The load failed; the reason went to the error banner (unless reportErrors is false). */
  | { status: 'failed'; data: undefined }
) & {
  /** The newest answer, for this key or an earlier one: what to keep showing while a new key loads. */
  latest: T | undefined;
  /** Loads again now. */
  reload: () => void;
};

export interface LiveOptions {
  /** The events after which the data may have changed (ui/live-events.ts). */
  reloadOn?: readonly LiveEvent[];
  /** Also reload this often, for figures that move with the clock. */
  everyMs?: number;
  /** False for data that only enriches a screen (suggestions): a failure then stays quiet. */
  reportErrors?: boolean;
}

interface State<T> {
  key: string | null;
  status: LiveStatus;
  data: T | undefined;
  latest: T | undefined;
}

/**
 * Loads `load()` for `key`, again on every event of `reloadOn`, and drops answers to older keys.
 * A null key loads nothing (status stays 'loading'). `load` may close over anything; only a new
 * key starts afresh. A burst of events (a sync pull, a bulk import) costs at most one more load.
 */
export function useLiveData<T>(key: string | null, load: () => Promise<T>, options: LiveOptions = {}): LiveData<T> {
  const showError = useUi((state) => state.showError);
  const [state, setState] = useState<State<T>>({ key, status: 'loading', data: undefined, latest: undefined });
  const [version, setVersion] = useState(0);
  const loadNow = useEffectEvent(load);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const eventsKey = eventNamesKey(options.reloadOn ?? []);
  const { everyMs } = options;

  useEffect(() => {
    if (key === null) return;
    let alive = true;
    let loading = false;
    let again = false;
    const run = () => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      const settle = () => {
        loading = false;
        if (alive && again) {
          again = false;
          run();
        }
      };
      loadNow().then(
        (data) => {
          if (alive && !again) setState({ key, status: 'ready', data, latest: data });
          settle();
        },
        (error: unknown) => {
          if (alive && !again) {
            const missing = error instanceof ApiError && error.code === 'not_found';
            setState((current) => ({ key, status: missing ? 'missing' : 'failed', data: undefined, latest: current.latest }));
            if (!missing && optionsRef.current.reportErrors !== false) showError(error);
          }
          settle();
        },
      );
    };
    run();
    const stop = subscribeLive(() => optionsRef.current.reloadOn ?? [], run);
    const timer = everyMs ? window.setInterval(run, everyMs) : undefined;
    return () => {
      alive = false;
      stop();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [key, version, eventsKey, everyMs, showError]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const current = state.key === key ? state : { status: 'loading' as const, data: undefined };
  return { ...current, latest: state.latest, reload } as LiveData<T>;
}
