import { z } from 'zod';
import { WorkspaceRoleSchema } from '../sync/roles';

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
  role: WorkspaceRoleSchema.nullable(),
  /** How the device token is kept: the OS keychain, or sealed with a key file (weaker). */
  secretProtection: z.enum(['os-keychain', 'file-key']),
  /** Changes from other devices this laptop could not apply and kept aside (sync.setAside lists them). */
  setAsideChanges: z.number().int().min(0).default(0),
  /**
   * What the person can do about an `error` or `offline` state: join the workspace again, update
   * the app, ask an admin, or wait (sync retries by itself). Null when there is nothing to do.
   */
  action: z.enum(['rejoin', 'update_app', 'ask_admin', 'wait']).nullable().default(null),
  /**
   * The workspace key epoch this laptop seals what it sends with (docs/end-to-end-encryption.md);
   * null while the workspace has no key (a relay of an earlier version, or not synced yet).
   */
  keyEpoch: z.number().int().nullable().default(null),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A change from another device that this laptop kept aside instead of applying, and why. */
export const SetAsideChangeSchema = z.object({
  changeId: z.string(),
  tableName: z.string(),
  rowId: z.string(),
  /** The names of the fields it would have changed (their values stay on the laptop). */
  fields: z.array(z.string()),
  /** The relay's id of the device that sent it (sync.workspace names it). */
  deviceId: z.string(),
  author: z.string(),
  reason: z.string(),
  setAsideAt: z.number().int(),
});
export type SetAsideChange = z.infer<typeof SetAsideChangeSchema>;
