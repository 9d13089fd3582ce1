import { randomUUID } from 'node:crypto';

// Long work that leaves files behind while it runs (a backup's part file, an import's record)
// names the process doing it, so that another process can tell work still under way from work
// whose process was killed, and clean up or offer to finish only the latter.

/** Tells this process from an earlier one that had the same pid. */
export const processToken = randomUUID();

export interface ProcessMark {
  pid: number;
  processToken: string;
}

export const thisProcess: ProcessMark = { pid: process.pid, processToken };

/** Whether the process of `mark` (or of a bare pid) is still running. */
export function isProcessAlive(mark: ProcessMark | number): boolean {
  const pid = typeof mark === 'number' ? mark : mark.pid;
  if (pid === process.pid) return typeof mark === 'number' || mark.processToken === processToken;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process has that pid now, so ours is gone too.
    return false;
  }
}
