import { z } from 'zod';
import { WebFormSettingsRequestSchema, WebFormStateSchema } from '../domain/web-form';
import { OkResponseSchema } from '../sync/protocol';
import { channel } from './channel';

export const webFormChannels = {
  'webForm.get': channel({
    summary: 'The workspace’s website enquiry form (its address and the HTML to paste), or null while it is off.',
    input: z.object({}).default({}),
    output: WebFormStateSchema,
  }),
  'webForm.setUp': channel({
    summary:
      'Turns the website form on, or gives it a new address (the old one stops working). The relay address and this laptop’s default country are used unless given. Admins only.',
    input: WebFormSettingsRequestSchema.partial({ publicUrl: true, region: true }).extend({
      source: WebFormSettingsRequestSchema.shape.source.default('Website form'),
    }),
    output: WebFormStateSchema,
  }),
  'webForm.turnOff': channel({
    summary: 'Turns the website form off: its address answers that the form is no longer in use. Admins only.',
    input: z.object({}).default({}),
    output: OkResponseSchema,
  }),
};
