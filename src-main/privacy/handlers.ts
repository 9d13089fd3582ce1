import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { privacyChannels } from '../../src-shared/ipc/privacy';
import type { Retention } from './retention';
import type { PrivacyService } from './service';

export function privacyHandlers(privacy: PrivacyService, retention: Retention) {
  return {
    'privacy.retention': () => retention.rules(),
    'privacy.setRetention': (rules) => retention.setRules(rules),
    'privacy.forgetPreview': ({ contactId }) => privacy.preview(contactId),
    'privacy.forget': ({ contactId }) => privacy.forget(contactId),
  } satisfies HandlerMap<typeof privacyChannels>;
}
