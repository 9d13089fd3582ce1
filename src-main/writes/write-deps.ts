import type { Sqlite } from '../db/open';
import type { SettingsService } from '../settings/service';
import type { MutationEngine } from './mutation-engine';
import type { RowLifecycle } from './row-lifecycle';

/**
 * What every service that writes synced rows is given, as one object (src-main/core/create-core.ts
 * builds it once). A service that needs more takes `WriteDeps & { … }`.
 */
export interface WriteDeps {
  sqlite: Sqlite;
  engine: MutationEngine;
  lifecycle: RowLifecycle;
  /** The user's name (stamped on what they write) and the office's choices. */
  settings: SettingsService;
  now: () => number;
}
