import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useUi } from '../store';

/** Which core events mean the data may have changed. */
export interface ReloadOn {
  /** activity.changed for these tables ('notes', 'follow_ups', 'calls', 'files'); all when absent. */
  activity?: readonly string[];
  /** contacts.changed (names, statuses and next follow-ups shown beside the data). */
  contacts?: boolean;
  /** Only changes to this contact count, when given. */
  contactId?: string;
  /** Follow-ups fell due (their standing and the overdue counts move). */
  reminders?: boolean;
  /** Pipelines, deals or quotes changed (the dashboard's pending quotes). */
  pipelines?: boolean;
  /** Reload this often as well, for figures that move with the clock. */
  everyMs?: number;
}

export interface LiveQuery<T> {
  /** The last answer, kept while a reload is under way; undefined until the first one. */
  data: T | undefined;
  /** The last load failed (the error went to the error banner). */
  failed: boolean;
  reload: () => void;
}

function touches(ids: readonly string[] | undefined, contactId: string | undefined): boolean {
  // A reconnecting event stream sends an empty list, meaning "anything may have changed".
  return contactId === undefined || ids === undefined || ids.length === 0 || ids.includes(contactId);
}

/**
 * Data from the core kept current: loaded when `key` changes and again on the events in `on`.
 * `key` stands for the request (its JSON, say); answers to older requests are dropped.
 */
export function useLiveQuery<T>(key: string, load: () => Promise<T>, on: ReloadOn): LiveQuery<T> {
  const showError = useUi((state) => state.showError);
  const [state, setState] = useState<{ key: string; data: T | undefined; failed: boolean }>({ key, data: undefined, failed: false });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  const onRef = useRef(on);
  useEffect(() => {
    loadRef.current = load;
    onRef.current = on;
  });

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setState({ key, data, failed: false });
      },
      (error: unknown) => {
        if (!live) return;
        setState((current) => ({ ...current, failed: true }));
        showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [key, version, showError]);

  const everyMs = on.everyMs;
  useEffect(() => {
    const reload = () => setVersion((current) => current + 1);
    const stops = [
      api.on('activity.changed', (payload) => {
        const { activity, contactId } = onRef.current;
        const tables = (payload as { tables?: string[] }).tables;
        const tableMatch = !activity || !tables || tables.length === 0 || tables.some((table) => activity.includes(table));
        if (tableMatch && touches((payload as { contactIds?: string[] }).contactIds, contactId)) reload();
      }),
      api.on('contacts.changed', (payload) => {
        const { contacts, contactId } = onRef.current;
        if (contacts && touches((payload as { ids?: string[] }).ids, contactId)) reload();
      }),
      api.on('followups.reminderDue', () => {
        if (onRef.current.reminders) reload();
      }),
      api.on('pipelines.changed', () => {
        if (onRef.current.pipelines) reload();
      }),
    ];
    const timer = everyMs ? window.setInterval(reload, everyMs) : undefined;
    return () => {
      for (const stop of stops) stop();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [everyMs]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  // Until the new key's answer arrives, the previous answer stays on screen (no flicker while filtering).
  return { data: state.data, failed: state.failed, reload };
}
