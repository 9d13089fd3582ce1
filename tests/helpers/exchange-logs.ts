import { readChangeLog } from '../../src-main/writes/change-log';
import type { TempCore } from './temp-core';

/** Gives each laptop what the others wrote since (as sync would; repeats are no-ops), in the order the laptops are named. */
export function exchange(...laptops: TempCore[]): void {
  const logs = laptops.map((core) => readChangeLog(core.sqlite, { localOnly: true }).map((entry) => entry.change));
  laptops.forEach((core, index) => {
    for (const [other, log] of logs.entries()) if (other !== index) core.engine.applyRemoteChanges(log);
  });
}
