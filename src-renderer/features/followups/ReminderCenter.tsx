import { useEffect } from 'react';
import type { FollowUp } from '../../../src-shared/domain/follow-up';
import { api } from '../../api';
import { useUi } from '../../store';
import { formatRelative } from '../../ui/format';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { tickNow, useNow } from '../../ui/use-now';
import { completeFollowUp } from './hooks';
import { Stack } from '../../ui/Stack';
import { Cluster } from '../../ui/Cluster';
import { CardDock } from '../../ui/CardDock';
import { CornerCard } from '../../ui/CornerCard';
import './followups.css';

/**
 * Reminders for follow-ups that fell due. In the browser host they are shown here, in the window;
 * in Electron the main process shows OS notifications (src-main/electron/reminders.ts) and only
 * asks this window to open a contact when one is clicked. Each reminder is acknowledged as soon as
 * it is on screen, so it is shown once on this laptop.
 */
export function ReminderCenter() {
  const shell = useUi((state) => state.appInfo?.shell);
  const reminders = useUi((state) => state.reminders);
  const navigate = useUi((state) => state.navigate);
  useReminderFeed(shell === 'browser' || shell === 'test');

  useEffect(() => api.onNavigate((target) => navigate({ name: 'contact', id: target.contactId })), [navigate]);

  return (
    <>
      <div className="visually-hidden" aria-live="assertive">
        {reminders.length > 0 ? `Follow-up due: ${reminders[reminders.length - 1]?.title ?? ''}` : ''}
      </div>
      {reminders.length > 0 ? (
        <CardDock label="Reminders" icon="bell" summary={`${reminders.length} follow-up${reminders.length === 1 ? '' : 's'} due`}>
          {reminders.slice(0, shownCards).map((reminder) => (
            <ReminderCard key={reminder.id} reminder={reminder} />
          ))}
          {reminders.length > shownCards ? <MoreReminders rest={reminders.slice(shownCards)} /> : null}
        </CardDock>
      ) : null}
    </>
  );
}

/** Cards shown one by one; after a long absence the rest are summed up in one card, not a wall. */
const shownCards = 3;

function MoreReminders({ rest }: { rest: FollowUp[] }) {
  const navigate = useUi((state) => state.navigate);
  const dismissReminder = useUi((state) => state.dismissReminder);
  const dismissAll = () => {
    for (const reminder of rest) dismissReminder(reminder.id);
  };
  return (
    <CornerCard tone="warning" className="reminder" aria-labelledby="reminders-more">
      <Stack gap="2xs">
        <h2 id="reminders-more" className="reminder__title heading">
          {rest.length} more follow-up{rest.length === 1 ? '' : 's'} due
        </h2>
        <Cluster className="reminder__actions">
          <Button
            variant="primary"
            size="sm"
            onClick={() => {
              dismissAll();
              navigate({ name: 'followUps', view: 'overdue' });
            }}
          >
            See follow-ups
          </Button>
          <Button size="sm" onClick={dismissAll}>
            Dismiss these
          </Button>
        </Cluster>
      </Stack>
    </CornerCard>
  );
}

function useReminderFeed(enabled: boolean) {
  const addReminders = useUi((state) => state.addReminders);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const fetchDue = async () => {
      try {
        const due = await api.invoke('followups.dueReminders', {});
        if (!live || due.length === 0) return;
        // The lists beside the card say "overdue" with it, not at the clock's next minute.
        tickNow();
        addReminders(due);
        for (let start = 0; start < due.length; start += 500) {
          await api.invoke('followups.acknowledgeReminders', { ids: due.slice(start, start + 500).map((followUp) => followUp.id) });
        }
      } catch {
        // A missed check is retried at the next poke; reminders are not worth an error banner.
      }
    };
    void fetchDue();
    const stops = [api.on('followups.reminderDue', () => void fetchDue()), api.onResync(() => void fetchDue())];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [enabled, addReminders]);
}

function ReminderCard({ reminder }: { reminder: FollowUp }) {
  const navigate = useUi((state) => state.navigate);
  const dismissReminder = useUi((state) => state.dismissReminder);
  const now = useNow();
  const titleId = `reminder-${reminder.id}`;
  return (
    <CornerCard tone="warning" className="reminder" aria-labelledby={titleId}>
      <Stack gap="2xs">
        <p className="reminder__kicker caps-label">Follow-up due {formatRelative(reminder.dueAt, now)}</p>
        <h2 id={titleId} className="reminder__title heading">
          {reminder.title}
        </h2>
        <p className="muted">
          {reminder.contactName || 'A contact'}
          {reminder.assignee ? ` · for ${reminder.assignee}` : ''}
        </p>
        <Cluster className="reminder__actions">
          <Button
            variant="primary"
            size="sm"
            onClick={() => {
              dismissReminder(reminder.id);
              navigate({ name: 'contact', id: reminder.contactId });
            }}
          >
            Open contact
          </Button>
          <Button
            size="sm"
            onClick={() => {
              dismissReminder(reminder.id);
              completeFollowUp(reminder);
            }}
          >
            Mark done
          </Button>
        </Cluster>
      </Stack>
      <IconButton icon="close" label={`Dismiss reminder “${reminder.title}”`} onClick={() => dismissReminder(reminder.id)} />
    </CornerCard>
  );
}
