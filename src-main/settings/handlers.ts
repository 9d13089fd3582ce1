import type { Handlers } from '../../src-shared/ipc/contract';
import type { SettingsService } from './service';

export function settingsHandlers(settings: SettingsService) {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  } satisfies Pick<Handlers, 'settings.get' | 'settings.update'>;
}
