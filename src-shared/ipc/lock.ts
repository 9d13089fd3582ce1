import { z } from 'zod';
import { channel } from './channel';

// The app lock: off by default; when on, the app locks after this many idle minutes and at start.
// While locked the core answers every channel but these two-way ones (status, unlock) with the
// `locked` error, and sends no event but `lock.changed` (src-main/lock/).

export const idleMinuteChoices = [1, 5, 15, 60] as const;
export const IdleMinutesSchema = z.union([z.literal(1), z.literal(5), z.literal(15), z.literal(60)]);
export type IdleMinutes = z.infer<typeof IdleMinutesSchema>;

export const LockStatusSchema = z.object({
  locked: z.boolean(),
  /** null: the lock is off. */
  idleMinutes: IdleMinutesSchema.nullable(),
  /** How long without input locks the app (minutes as the core counts them), for the renderer's activity reports. */
  idleAfterMs: z.number().int().positive().nullable(),
  /** Whether the data folder's passphrase can unlock (it has a passphrase seal). */
  passphrase: z.boolean(),
  /** The operating system's own unlock, by its name ("Touch ID"), where this computer offers one. */
  osUnlock: z.string().nullable(),
  /** After too many wrong tries: how long until the next try is taken. */
  retryInMs: z.number().int().min(0),
});
export type LockStatus = z.infer<typeof LockStatusSchema>;

/** The channels a locked app still answers. */
export const channelsWhileLocked: readonly string[] = ['lock.status', 'lock.unlock', 'privacy.upgradeProgress'];

export const lockChannels = {
  'lock.status': channel({
    summary: 'Whether the app is locked, and how the lock is set.',
    input: z.object({}).default({}),
    output: LockStatusSchema,
  }),
  'lock.unlock': channel({
    summary: "Unlock with the data folder's passphrase, or with the operating system's own unlock.",
    input: z.union([
      z.object({ passphrase: z.string().min(1, 'Type the passphrase.').max(1024) }),
      z.object({ useOs: z.literal(true) }),
    ]),
    output: LockStatusSchema,
  }),
  'lock.lockNow': channel({
    summary: 'Lock the app now (the lock must be able to unlock again).',
    input: z.object({}).default({}),
    output: LockStatusSchema,
  }),
  'lock.configure': channel({
    summary: 'Turn the lock on with an idle time, or off (null).',
    input: z.object({ idleMinutes: IdleMinutesSchema.nullable() }),
    output: LockStatusSchema,
  }),
  'lock.activity': channel({
    summary: 'The person used the app: the idle time starts again.',
    input: z.object({}).default({}),
    output: z.object({}),
  }),
};

export const lockEvents = {
  /** Locked, unlocked, or its setting changed. */
  'lock.changed': LockStatusSchema,
};
