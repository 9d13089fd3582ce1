import type { ContactsService } from '../contacts/service';
import type { Sqlite } from '../db/open';
import type { SettingsService } from '../settings/service';
import type { MutationEngine } from '../writes/mutation-engine';
import type { UnlockedKeys } from '../security/key-source';

/**
 * What import, export and backup need of the core. A Core (src-main/core/create-core.ts)
 * satisfies it, so the CLI and tests pass the core itself; createCore passes its parts.
 */
export interface ExchangeDeps {
  readonly dataDir: string;
  readonly sqlite: Sqlite;
  readonly engine: MutationEngine;
  readonly settings: SettingsService;
  readonly contacts: ContactsService;
  readonly now?: () => number;
  /** The data folder's keys: backups are sealed with them (none: backups are refused). */
  readonly keys?: UnlockedKeys;
  /** The database driver's native module when the shell loads its own (Electron), for the backup's snapshot worker. */
  readonly nativeBinding?: string;
}

/** Long work yields between chunks, so the app stays responsive and a cancel can arrive. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How a caller follows and stops long work. */
export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (phase: string, done: number, total: number) => void;
}
