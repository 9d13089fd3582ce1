import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { channel } from './channel';

export const settingsChannels = {
  'settings.get': channel({
    summary: 'The settings of this laptop.',
    input: z.object({}).default({}),
    output: SettingsSchema,
  }),
  'settings.update': channel({
    summary: 'Change some settings; returns them all.',
    input: SettingsPatchSchema,
    output: SettingsSchema,
  }),
};
