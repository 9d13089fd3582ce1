import { Notification, type BrowserWindow } from 'electron';
import type { FollowUp } from '../../src-shared/domain/follow-up';
import type { NavigationTarget } from '../../src-shared/ipc/bridge';
import type { Core } from '../core/create-core';
import { navigateIpcChannel } from './ipc-channels';

// Reminders as OS notifications: the core's reminder job (src-main/followups/jobs.ts) says when
// follow-ups fell due; each is shown once and acknowledged, so the window (which shows reminders
// itself only in the browser host, src-renderer/features/followups/ReminderCenter.tsx) and the
// next start do not show it again. A click brings the window forward on the contact.

export function startReminderNotifications(core: Pick<Core, 'invoke' | 'on'>, getWindow: () => BrowserWindow | undefined): () => void {
  // Kept referenced until clicked or closed: a garbage-collected Notification loses its click handler.
  const shown = new Set<Notification>();
  let checking = false;
  let checkAgain = false;

  const showDue = async () => {
    if (!Notification.isSupported()) return;
    // The job announces each follow-up once per run, so a poke during a check must not be dropped.
    if (checking) {
      checkAgain = true;
      return;
    }
    checking = true;
    try {
      do {
        checkAgain = false;
        const result = await core.invoke('followups.dueReminders', {});
        if (!result.ok) return;
        const due = result.data as FollowUp[];
        for (const followUp of due) show(followUp);
        for (let start = 0; start < due.length; start += 500) {
          await core.invoke('followups.acknowledgeReminders', { ids: due.slice(start, start + 500).map((followUp) => followUp.id) });
        }
      } while (checkAgain);
    } finally {
      checking = false;
    }
  };

  const show = (followUp: FollowUp) => {
    const notification = new Notification({
      title: `Follow-up due: ${followUp.title}`,
      body: followUp.contactName ? `${followUp.contactName} · for ${followUp.assignee || 'the team'}` : followUp.assignee,
      urgency: followUp.priority === 'high' ? 'critical' : 'normal',
    });
    notification.on('click', () => {
      shown.delete(notification);
      const window = getWindow();
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      const target: NavigationTarget = { kind: 'contact', contactId: followUp.contactId };
      window.webContents.send(navigateIpcChannel, target);
    });
    notification.on('close', () => shown.delete(notification));
    shown.add(notification);
    notification.show();
  };

  // Also at start: follow-ups that fell due while the app was closed.
  void showDue();
  const stop = core.on('followups.reminderDue', () => void showDue());
  return () => {
    stop();
    shown.clear();
  };
}
