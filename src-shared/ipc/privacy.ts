import { z } from 'zod';
import { channel } from './channel';

const ContactId = z.object({ contactId: z.string().min(1).max(64) });

/** What forgetting a person erases, counted by kind ("notes": 3), for the confirmation. */
export const ForgetPreviewSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type ForgetPreview = z.infer<typeof ForgetPreviewSchema>;

export const RetentionRulesSchema = z.object({
  /** Calls' recordings and transcripts are erased this many days after the call; null keeps them. */
  callRecordingDays: z.number().int().min(1).max(36_500).nullable(),
});
export type RetentionRules = z.infer<typeof RetentionRulesSchema>;

export const privacyChannels = {
  'privacy.retention': channel({ summary: 'The retention rules this laptop applies.', input: z.object({}).default({}), output: RetentionRulesSchema }),
  'privacy.setRetention': channel({
    summary: 'Set the retention rules (admins) and apply them now; answers how many calls were cleared.',
    input: RetentionRulesSchema,
    output: z.object({ rules: RetentionRulesSchema, cleared: z.number().int().min(0) }),
  }),
  'privacy.forgetPreview': channel({
    summary: 'What forgetting this person would erase: their contact and everything that is theirs, counted by kind.',
    input: ContactId,
    output: ForgetPreviewSchema,
  }),
  'privacy.forget': channel({
    summary: 'Forget a person (an erasure request): erase their contact, notes, calls, mail, files, follow-ups, deals and jobs, and every past value of them, here and on every laptop (admins).',
    input: ContactId,
    output: z.object({ erasedRows: z.number().int().min(0) }),
  }),
};
