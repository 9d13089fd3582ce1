import type { Handlers } from '../../src-shared/ipc/contract';
import type { FollowUpsService } from './service';

type FollowUpChannels = Extract<keyof Handlers, `followups.${string}`>;

export function followUpsHandlers(followUps: FollowUpsService) {
  return {
    'followups.list': (input) => followUps.list(input),
    'followups.counts': (input) => followUps.counts(input),
    'followups.create': (draft) => followUps.create(draft),
    'followups.update': ({ id, patch }) => followUps.update(id, patch),
    'followups.complete': ({ id }) => followUps.complete(id),
    'followups.reopen': ({ id }) => followUps.reopen(id),
    'followups.snooze': ({ id, until }) => followUps.snooze(id, until),
    'followups.delete': ({ id }) => followUps.delete(id),
    'followups.restore': ({ id }) => followUps.restore(id),
    'followups.dueReminders': () => followUps.dueReminders(),
    'followups.acknowledgeReminder': ({ id }) => followUps.acknowledgeReminder(id),
  } satisfies Pick<Handlers, FollowUpChannels>;
}
