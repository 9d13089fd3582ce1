import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { channel } from './channel';

export const settingsChannels = {
  'settings.get': channel({
    summary: 'The settings of this laptop.',
    input: z.object({}).default({}),
    output: SettingsSchema,
  }),
  'settings.setLogo': channel({
    summary: 'Make an uploaded PNG or JPEG the office logo on quotes (null removes it).',
    input: z.object({ uploadId: z.string().uuid().nullable() }),
    output: z.object({ officeLogoSha256: z.string().nullable() }),
  }),
  'settings.update': channel({
    summary: 'Change some settings; returns them all.',
    input: SettingsPatchSchema,
    output: SettingsSchema,
  }),
};
