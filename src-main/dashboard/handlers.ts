import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { dashboardChannels } from '../../src-shared/ipc/dashboard';
import type { DashboardService } from './service';

export function dashboardHandlers(dashboard: DashboardService) {
  return {
    'dashboard.get': (input) => dashboard.get(input),
  } satisfies HandlerMap<typeof dashboardChannels>;
}
