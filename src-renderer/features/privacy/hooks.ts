import type { UpgradeProgress } from '../../../src-shared/ipc/privacy';
import { api } from '../../api';
import { onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

const upgradeMoved = [onEvent('privacy.upgradeProgress')];

/** The upgrade's long steps under way (privacy.upgradeProgress), kept current by its events. */
export function useUpgradeProgress(): UpgradeProgress['steps'] {
  const progress = useLiveData('privacy.upgradeProgress', () => api.invoke('privacy.upgradeProgress', {}), { reloadOn: upgradeMoved, reportErrors: false });
  return progress.latest?.steps ?? [];
}
