import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { revenueChannels } from '../../src-shared/ipc/revenue';
import type { RevenueService } from './service';

export function revenueHandlers(revenue: RevenueService) {
  return {
    'revenue.ofContact': ({ id }) => revenue.ofContact(id),
    'revenue.setReferrer': ({ contactId, partnerId }) => revenue.setReferrer(contactId, partnerId),
  } satisfies HandlerMap<typeof revenueChannels>;
}
