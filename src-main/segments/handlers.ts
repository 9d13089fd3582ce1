import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { segmentsChannels } from '../../src-shared/ipc/segments';
import type { SegmentsService } from './service';

export function segmentsHandlers(segments: SegmentsService) {
  return {
    'segments.list': () => segments.list(),
    'segments.get': ({ id }) => segments.get(id),
    'segments.save': (draft) => segments.save(draft),
    'segments.delete': ({ id }) => segments.delete(id),
    'segments.restore': ({ id }) => segments.restore(id),
    'segments.count': ({ definition }) => segments.count(definition),
    'segments.preview': ({ definition, limit, sort }) => segments.preview(definition, limit, sort),
    'segments.memberIds': ({ id }) => segments.memberIds(id),
    'segments.changeMembers': ({ id, add, remove }) => segments.changeMembers(id, { add, remove }),
    'segments.freeze': (input) => segments.freeze(input),
  } satisfies HandlerMap<typeof segmentsChannels>;
}
