import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { privacyChannels } from '../../src-shared/ipc/privacy';
import type { Retention } from './retention';
import type { PrivacyService } from './service';
import type { UpgradeProgressTracker } from './upgrade-progress';

export function privacyHandlers(privacy: PrivacyService, retention: Retention, upgrade: UpgradeProgressTracker) {
  return {
    'privacy.upgradeProgress': () => upgrade.status(),
    'privacy.retention': () => retention.rules(),
    'privacy.setRetention': (rules) => retention.setRules(rules),
    'privacy.forgetPreview': ({ contactId }) => privacy.preview(contactId),
    'privacy.forget': ({ contactId }) => privacy.forget(contactId),
  } satisfies HandlerMap<typeof privacyChannels>;
}
