import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { timelineChannels } from '../../src-shared/ipc/timeline';
import type { TimelineService } from './service';

export function timelineHandlers(timeline: TimelineService) {
  return {
    'timeline.list': (input) => timeline.forContact(input),
  } satisfies HandlerMap<typeof timelineChannels>;
}
