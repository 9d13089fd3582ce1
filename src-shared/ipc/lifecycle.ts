import { z } from 'zod';
import { ContactLifecycleSchema, ConversionFiguresSchema, ConversionQuerySchema, lifecycleStages } from '../domain/lifecycle';
import { channel } from './channel';

// A contact's lifecycle stage and its history, and the conversion figures; the counterpart is
// src-main/lifecycle/handlers.ts.

const Id = z.string().min(1).max(64);

export const lifecycleChannels = {
  'lifecycle.get': channel({ summary: "A contact's lifecycle stage and its history.", input: z.object({ contactId: Id }), output: ContactLifecycleSchema }),
  'lifecycle.set': channel({
    summary: 'Move a contact to a lifecycle stage ("Convert to customer"): recorded with when and by whom.',
    input: z.object({ contactId: Id, stage: z.enum(lifecycleStages) }),
    output: ContactLifecycleSchema,
  }),
  'lifecycle.conversion': channel({
    summary: 'Leads of a period and how many became customers, how fast, by source and by owner.',
    input: ConversionQuerySchema,
    output: ConversionFiguresSchema,
  }),
};
