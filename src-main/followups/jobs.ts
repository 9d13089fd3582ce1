import type { FollowUpsService } from './service';

/**
 * Checks for follow-ups falling due and tells the UI (which shows the reminder and then
 * acknowledges it). Runs with no server. A follow-up is announced once per run of the app;
 * one that is never acknowledged is announced again at the next start.
 */
export function startReminderJob(followUps: FollowUpsService, announce: (count: number) => void, intervalMs = 15_000) {
  const announced = new Set<string>();
  const check = () => {
    const fresh = followUps.dueReminders().filter((followUp) => !announced.has(followUp.id));
    for (const followUp of fresh) announced.add(followUp.id);
    if (fresh.length > 0) announce(fresh.length);
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  // The first check waits for the shells to subscribe to events.
  const first = setTimeout(check, 1000);
  first.unref();
  return {
    checkNow: check,
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
