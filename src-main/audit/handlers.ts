import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { auditChannels } from '../../src-shared/ipc/audit';
import type { AuditService } from './service';

export function auditHandlers(audit: AuditService) {
  return {
    'audit.list': (query) => audit.list(query),
    'audit.page': (query) => audit.page(query),
    'audit.count': (filters) => audit.count(filters),
    'audit.members': () => audit.members(),
    'audit.csv': (query) => audit.csv(query),
  } satisfies HandlerMap<typeof auditChannels>;
}
