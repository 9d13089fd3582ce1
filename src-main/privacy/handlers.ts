import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { privacyChannels } from '../../src-shared/ipc/privacy';
import type { PrivacyService } from './service';

export function privacyHandlers(privacy: PrivacyService) {
  return {
    'privacy.forgetPreview': ({ contactId }) => privacy.preview(contactId),
    'privacy.forget': ({ contactId }) => privacy.forget(contactId),
  } satisfies HandlerMap<typeof privacyChannels>;
}
