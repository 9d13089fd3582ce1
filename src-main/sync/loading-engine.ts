import type { HybridLogicalClock } from '../../src-shared/hlc';
import type { Sqlite } from '../db/open';
import { MutationEngine, type CommittedListener, type RowsWrittenHook, type TouchedRows } from '../writes/mutation-engine';

/**
 * The mutation engine, able also to load rows written directly (a new laptop's snapshot,
 * snapshot-load.ts) where there is nothing to merge with: the rows go in as given, and the
 * derived data the write path keeps (search indexes, lists, figures) is then rebuilt by the very
 * hooks the services registered, once for the whole page rather than once per change.
 */
export class LoadingMutationEngine extends MutationEngine {
  private readonly derivedData: RowsWrittenHook[] = [];
  private readonly committedListeners = new Set<CommittedListener>();
  private readonly sqliteForLoads: Sqlite;
  private readonly clockForLoads: HybridLogicalClock;

  constructor(deps: { sqlite: Sqlite; clock: HybridLogicalClock; author: () => string }) {
    super(deps);
    this.sqliteForLoads = deps.sqlite;
    this.clockForLoads = deps.clock;
  }

  override onRowsWritten(hook: RowsWrittenHook): void {
    this.derivedData.push(hook);
    super.onRowsWritten(hook);
  }

  override onCommitted(listener: CommittedListener): () => void {
    this.committedListeners.add(listener);
    const unsubscribe = super.onCommitted(listener);
    return () => {
      this.committedListeners.delete(listener);
      unsubscribe();
    };
  }

  /**
   * Runs `load` in one SQLite transaction; it writes rows, clocks and change records itself and
   * returns the rows it wrote and the newest clock it saw. Derived data is rebuilt for them and
   * this laptop's clock moved past that one before the commit; listeners are told after it.
   */
  loadDirectly(load: () => { touched: TouchedRows; newestHlc: string | null }): void {
    const touched = this.sqliteForLoads.transaction(() => {
      const loaded = load();
      if (loaded.touched.size > 0) for (const hook of this.derivedData) hook(loaded.touched);
      if (loaded.newestHlc !== null) {
        this.clockForLoads.receive(loaded.newestHlc);
        this.sqliteForLoads
          .prepare(`INSERT INTO local_settings (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
          .run(JSON.stringify(this.clockForLoads.current()));
      }
      return loaded.touched;
    })();
    if (touched.size > 0) for (const listener of this.committedListeners) listener(touched);
  }
}
