import type { FileTransfer } from '../../src-shared/domain/file';

// Progress of the transfers under way, in memory (the queue itself is in the database). Screens
// get a `files.transfer` event when one starts, fails or ends, and at most every `intervalMs`
// while bytes move, so a 200 MB upload does not flood the renderer.

export class TransferProgress {
  private readonly active = new Map<string, FileTransfer>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly publish: (transfer: FileTransfer) => void,
    private readonly intervalMs = 150,
  ) {}

  private static key(direction: FileTransfer['direction'], sha256: string): string {
    return `${direction}:${sha256}`;
  }

  start(direction: FileTransfer['direction'], sha256: string, totalBytes: number, bytesDone = 0): void {
    this.set({ sha256, direction, state: 'active', bytesDone, totalBytes, message: null, retryAt: null }, true);
  }

  advance(direction: FileTransfer['direction'], sha256: string, bytes: number): void {
    const current = this.active.get(TransferProgress.key(direction, sha256));
    if (!current) return;
    this.set({ ...current, bytesDone: Math.min(current.totalBytes, current.bytesDone + bytes) }, false);
  }

  /** The transfer stopped and waits for a retry (offline, or an error): shown with its reason. */
  fail(direction: FileTransfer['direction'], sha256: string, message: string, retryAt: number | null): void {
    const key = TransferProgress.key(direction, sha256);
    const current = this.active.get(key);
    this.active.delete(key);
    this.lastSent.delete(key);
    this.publish({ sha256, direction, state: 'failed', bytesDone: current?.bytesDone ?? 0, totalBytes: current?.totalBytes ?? 0, message, retryAt });
  }

  finish(direction: FileTransfer['direction'], sha256: string): void {
    const key = TransferProgress.key(direction, sha256);
    const current = this.active.get(key);
    this.active.delete(key);
    this.lastSent.delete(key);
    const total = current?.totalBytes ?? 0;
    this.publish({ sha256, direction, state: 'done', bytesDone: total, totalBytes: total, message: null, retryAt: null });
  }

  get(direction: FileTransfer['direction'], sha256: string): FileTransfer | undefined {
    return this.active.get(TransferProgress.key(direction, sha256));
  }

  list(): FileTransfer[] {
    return [...this.active.values()];
  }

  private set(transfer: FileTransfer, always: boolean): void {
    const key = TransferProgress.key(transfer.direction, transfer.sha256);
    this.active.set(key, transfer);
    const now = Date.now();
    if (!always && now - (this.lastSent.get(key) ?? 0) < this.intervalMs) return;
    this.lastSent.set(key, now);
    this.publish(transfer);
  }
}
