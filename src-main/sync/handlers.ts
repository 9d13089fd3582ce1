import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { syncChannels } from '../../src-shared/ipc/sync';
import type { SyncEngine } from './sync-engine';
import type { SyncService } from './service';
import type { SetAsideStore } from './set-aside';

export function syncHandlers(engine: SyncEngine, sync: SyncService, setAside: SetAsideStore) {
  return {
    'sync.status': () => engine.status(),
    'sync.createWorkspace': (input) => sync.createWorkspace(input),
    'sync.join': (input) => sync.join(input),
    'sync.invite': ({ role }) => sync.invite(role),
    'sync.workspace': () => sync.workspace(),
    'sync.revokeDevice': ({ deviceId }) => sync.revokeDevice(deviceId),
    'sync.removeMember': ({ memberId }) => sync.removeMember(memberId),
    'sync.setMemberRole': ({ memberId, role }) => sync.setMemberRole(memberId, role),
    'sync.leave': () => sync.leave(),
    'sync.now': () => engine.syncNow(),
    'sync.setAside': ({ limit }) => setAside.list(limit),
  } satisfies HandlerMap<typeof syncChannels>;
}
