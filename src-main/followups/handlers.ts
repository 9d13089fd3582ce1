import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { followUpsChannels } from '../../src-shared/ipc/followups';
import type { FollowUpsService } from './service';

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
    'followups.acknowledgeReminders': ({ ids }) => followUps.acknowledgeReminders(ids),
  } satisfies HandlerMap<typeof followUpsChannels>;
}
