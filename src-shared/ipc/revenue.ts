import { z } from 'zod';
import { ContactRevenueSchema } from '../domain/revenue';
import { ById, channel, Id } from './channel';

// What contacts and referral partners brought, from paid jobs; the counterpart is
// src-main/revenue/handlers.ts.

export const revenueChannels = {
  'revenue.ofContact': channel({
    summary: 'A contact’s jobs and what its paid jobs brought, who referred it, and what the contacts it referred brought.',
    input: ById,
    output: ContactRevenueSchema,
  }),
  'revenue.setReferrer': channel({
    summary: 'Say which partner referred a contact (null: nobody).',
    input: z.object({ contactId: Id, partnerId: Id.nullable() }),
    output: ContactRevenueSchema,
  }),
};
