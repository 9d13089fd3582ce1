import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { settingsChannels } from '../../src-shared/ipc/settings';
import type { FilesService } from '../files/service';
import type { SettingsService } from './service';

export function settingsHandlers(settings: SettingsService, files: FilesService) {
  return {
    'settings.get': () => settings.get(),
    // The logo is a stored file (its bytes in the blob store), so the files service keeps it.
    'settings.setLogo': ({ uploadId }) => files.setOfficeLogo(uploadId),
    'settings.update': (patch) => settings.update(patch),
  } satisfies HandlerMap<typeof settingsChannels>;
}
