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

/**
 * Work an upgrade does once, on data made by an earlier version, while the person may be waiting:
 * encrypting the files stored before encryption at rest, and re-keying the ids of tags and list
 * items at the first sync with a workspace key. `done` and `total` count files or rows.
 */
export const UpgradeStepSchema = z.object({
  step: z.enum(['encrypting-files', 'rekeying-rows']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type UpgradeStep = z.infer<typeof UpgradeStepSchema>;
/** The steps under way now; none once they are finished. */
export const UpgradeProgressSchema = z.object({ steps: z.array(UpgradeStepSchema) });
export type UpgradeProgress = z.infer<typeof UpgradeProgressSchema>;

export const privacyChannels = {
  'privacy.upgradeProgress': channel({
    summary: 'The upgrade steps under way (files being encrypted, row ids being re-keyed), with how far each is.',
    input: z.object({}).default({}),
    output: UpgradeProgressSchema,
  }),
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

export const privacyEvents = {
  /** An upgrade step started, moved on or finished (privacy.upgradeProgress). */
  'privacy.upgradeProgress': UpgradeProgressSchema,
};
