import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { jobsChannels } from '../../src-shared/ipc/jobs';
import type { JobsService } from './service';

export function jobsHandlers(jobs: JobsService) {
  return {
    'jobs.list': (query) => jobs.list(query),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.start': (origin) => jobs.start(origin),
    'jobs.create': (draft) => jobs.create(draft),
    'jobs.update': ({ id, patch }) => jobs.update(id, patch),
    'jobs.delete': ({ id }) => jobs.delete(id),
    'jobs.restore': ({ id }) => jobs.restore(id),
    'jobs.suggestContacts': (reach) => jobs.suggestContacts(reach),
    'jobs.figures': (input) => jobs.figures(input),
  } satisfies HandlerMap<typeof jobsChannels>;
}
