import { z } from 'zod';
import { channel } from './channel';

export const appChannels = {
  'app.info': channel({
    summary: 'Version, data folder and which shell the app runs in.',
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      deviceId: z.string(),
      shell: z.enum(['electron', 'browser', 'cli', 'test']),
    }),
  }),
};
