import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { lockChannels } from '../../src-shared/ipc/lock';
import type { AppLock } from './app-lock';

export function lockHandlers(lock: AppLock) {
  return {
    'lock.status': () => lock.status(),
    'lock.unlock': (input) => lock.unlock(input),
    'lock.lockNow': () => lock.lockNow(),
    'lock.configure': ({ idleMinutes }) => lock.configure(idleMinutes),
    'lock.activity': () => {
      lock.activity();
      return {};
    },
  } satisfies HandlerMap<typeof lockChannels>;
}
