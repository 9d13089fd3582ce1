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
  /** The key of row ids derived from content, once the laptop holds one (src-main/privacy/row-id-keys.ts). */
  rowIdKey: () => Buffer | undefined;
}

/**
 * What every service that writes synced rows keeps of its deps. Such a service extends this and
 * passes its deps object on (`super(deps)`), so all of them are built, and read, the same way.
 */
export abstract class WritingService {
  protected readonly engine: MutationEngine;
  protected readonly lifecycle: RowLifecycle;
  protected readonly settings: SettingsService;
  protected readonly now: () => number;

  protected constructor(deps: WriteDeps) {
    this.engine = deps.engine;
    this.lifecycle = deps.lifecycle;
    this.settings = deps.settings;
    this.now = deps.now;
  }
}
