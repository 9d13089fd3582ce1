import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../db/open';
import type { LocalState } from '../settings/local-state';
import { forgetWorkspaceForRejoin, hasUnreadableToken } from '../sync/sync-engine';
import type { SecretStore } from './secret-store';

// A data folder restored from a backup (or copied from another computer) is a copy of another
// laptop's data. It must not go on as that laptop: the relay's device token cannot be opened
// (its sealing key is not in the backup), and two laptops with one device id would stamp their
// changes with the same clock identity. So a restore marks the database it restored, and the core
// opening it gives it its own identity and asks, in plain words, to join the workspace again.

/** local_settings key a restore writes into the restored database. */
export const restoredCopyKey = 'restored_from_backup';

export interface RestoredCopyMark {
  /** When the backup was made (ISO-8601, from its manifest). */
  backupCreatedAt: string;
  restoredAt: number;
}

/** Marks a freshly restored database (called by the restore before the folder is put in place). */
export function markRestoredCopy(sqlite: Sqlite, mark: RestoredCopyMark): void {
  sqlite
    .prepare(`INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(restoredCopyKey, JSON.stringify(mark));
}

/**
 * Called when the core opens a data folder, before anything uses the device id: a restored or
 * copied folder gets a device id of its own and forgets the workspace it cannot sync with
 * (the sync status then asks to join it again). Answers why, or null for an ordinary folder.
 */
export function adoptCopiedData(state: LocalState, secrets: SecretStore): 'restored' | 'copied' | null {
  const mark = state.get<RestoredCopyMark>(restoredCopyKey);
  const reason = mark ? 'restored' : hasUnreadableToken(secrets) ? 'copied' : null;
  if (!reason) return null;
  state.set('device_id', uuidv7());
  forgetWorkspaceForRejoin(state, secrets, { reason, backupCreatedAt: mark?.backupCreatedAt ?? null });
  state.delete(restoredCopyKey);
  return reason;
}
