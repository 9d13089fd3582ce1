import { z } from 'zod';

export const syncStates = ['not_configured', 'syncing', 'synced', 'pending', 'offline', 'error'] as const;
export type SyncState = (typeof syncStates)[number];

/** What the always-visible sync indicator shows. */
export const SyncStatusSchema = z.object({
  state: z.enum(syncStates),
  /** Local changes the relay has not acknowledged yet. */
  pendingChanges: z.number().int(),
  /** Files attached here whose bytes are not at the relay yet (their changes wait with them). */
  pendingUploads: z.number().int(),
  lastSyncedAt: z.number().int().nullable(),
  offlineSince: z.number().int().nullable(),
  /** For `error` and `offline`: what went wrong and what to do, in plain words. */
  message: z.string().nullable(),
  relayUrl: z.string().nullable(),
  workspaceName: z.string().nullable(),
  memberName: z.string().nullable(),
  role: z.enum(['admin', 'member']).nullable(),
  /** How the device token is kept: the OS keychain, or sealed with a key file (weaker). */
  secretProtection: z.enum(['os-keychain', 'file-key']),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
