import { z } from 'zod';
import { EpochMsSchema } from '../domain/contact';
import { DashboardSchema } from '../domain/timeline';
import { channel } from './channel';

// The figures of the home screen; the counterpart is src-main/dashboard/handlers.ts.

export const dashboardChannels = {
  'dashboard.get': channel({
    summary: 'The figures of the dashboard.',
    input: z.object({ endOfToday: EpochMsSchema, startOfWeek: EpochMsSchema }),
    output: DashboardSchema,
  }),
};
