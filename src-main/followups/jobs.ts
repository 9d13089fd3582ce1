import type { FollowUpsService } from './service';

/** The longest the job sleeps: a laptop that slept or had its clock set looks again at least this often. */
export const longestWaitMs = 5 * 60 * 1000;

export interface ReminderJobOptions {
  now?: () => number;
  /** Wait for the shells to subscribe to events before the first announcement. */
  firstCheckAfterMs?: number;
}

/**
 * Tells the UI when follow-ups fall due (it shows the reminder, then acknowledges it). Not a poll:
 * the job sleeps until the next follow-up's due time and wakes at that minute; `reschedule` is
 * called after every write to follow-ups (here or pulled from a teammate), so a new, moved or
 * finished follow-up moves the wake-up. A follow-up is announced once per run of the app; one
 * that is never acknowledged is announced again at the next start.
 */
export function startReminderJob(followUps: Pick<FollowUpsService, 'dueReminders' | 'nextReminderAt'>, announce: (count: number) => void, options: ReminderJobOptions = {}) {
  const now = options.now ?? Date.now;
  const announced = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const check = () => {
    const fresh = followUps.dueReminders().filter((followUp) => !announced.has(followUp.id));
    for (const followUp of fresh) announced.add(followUp.id);
    if (fresh.length > 0) announce(fresh.length);
  };

  const wakeAt = (at: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(wake, Math.min(Math.max(0, at - now()), longestWaitMs));
    timer.unref?.();
  };

  function wake() {
    check();
    schedule();
  }

  /** Sleeps until the next due time after now (or the longest wait). */
  function schedule() {
    const next = followUps.nextReminderAt(now());
    wakeAt(next ?? now() + longestWaitMs);
  }

  wakeAt(now() + (options.firstCheckAfterMs ?? 1000));
  return {
    checkNow: check,
    /** A follow-up was written: announce what is due now and wake for the next one. */
    reschedule: wake,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
