import { checkChange } from '../../src-shared/sync/change-contract';
import type { Sqlite } from '../db/open';
import type { ChangeRecord } from '../writes/change-log';
import type { MutationEngine, RemoteGuard } from '../writes/mutation-engine';
import { SetAsideStore } from './set-aside';

// Every change from another device is untrusted input. Before the mutation engine applies one,
// it is checked against the contract (src-shared/sync/change-contract.ts); one that fails, or
// that SQLite still refuses, is set aside with its reason and sending device (set-aside.ts)
// instead of failing its page: the rest of the page applies and the cursor moves on. Changes
// for tables or columns of a newer version go to pending_changes as before.

export interface RemoteValidation {
  readonly setAside: SetAsideStore;
  /** After an upgrade: applies what was set aside by another version and now passes. */
  retryAfterUpgrade(): number;
}

export function installRemoteValidation(
  engine: MutationEngine,
  sqlite: Sqlite,
  options: { appVersion: string; now: () => number; log: (message: string) => void },
): RemoteValidation {
  const setAside = new SetAsideStore(sqlite, options.appVersion, options.now);
  const guard: RemoteGuard = {
    check(change) {
      const verdict = checkChange(change);
      return verdict.kind === 'invalid' ? verdict.reason : null;
    },
    isSetAside: (changeId) => setAside.has(changeId),
    setAside(change, reason) {
      setAside.add(change, reason);
      // Enough to find the change and the device that sent it; never the values themselves.
      options.log(`sync: set aside change ${change.changeId} (${change.tableName} ${change.rowId}, fields ${Object.keys(change.fields).join(', ')}) from device ${change.deviceId}: ${reason}`);
    },
  };
  engine.guardRemote(guard);
  return {
    setAside,
    retryAfterUpgrade() {
      const candidates = setAside.fromOtherVersions().filter((change: ChangeRecord) => checkChange(change).kind !== 'invalid');
      if (candidates.length === 0) return 0;
      // Out of the table first, or the engine would take them for changes already set aside.
      return sqlite.transaction(() => {
        for (const change of candidates) setAside.remove(change.changeId);
        return engine.applyRemoteChanges(candidates).applied;
      })();
    },
  };
}
