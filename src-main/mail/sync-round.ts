import type { AccountSettings } from './accounts';
import { syncFolder, type FolderSyncContext, type FolderSyncResult } from './folder-sync';

/** A round runs each folder's sync with the same context. */
export type RoundContext = FolderSyncContext;

export const inboxPath = 'INBOX';

/** INBOX, the Sent folder (by SPECIAL-USE, else by its usual names), and the ticked folders that exist. */
export function foldersToSync(account: AccountSettings, listed: { path: string; specialUse: string | null }[]): string[] {
  const paths = new Set<string>();
  const exists = new Set(listed.map((folder) => folder.path));
  if (exists.has(inboxPath) || listed.length === 0) paths.add(inboxPath);
  const sent = listed.find((folder) => folder.specialUse === '\\Sent');
  if (sent) paths.add(sent.path);
  for (const path of account.folders) if (exists.has(path)) paths.add(path);
  return [...paths];
}

/** Lists the account's folders (kept for the settings screen) and syncs the chosen ones. */
export async function syncAccountRound(context: RoundContext): Promise<FolderSyncResult> {
  const { client, account, store } = context;
  const listed = (await client.list())
    .filter((entry) => !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent'))
    .map((entry) => ({ path: entry.path, name: entry.name, specialUse: entry.specialUse ?? null }));
  store.saveFolderList(account.id, listed);
  const total: FolderSyncResult = { kept: 0, skipped: 0, gone: 0 };
  for (const path of foldersToSync(account, listed)) {
    const result = await syncFolder(context, path);
    total.kept += result.kept;
    total.skipped += result.skipped;
    total.gone += result.gone;
  }
  return total;
}
