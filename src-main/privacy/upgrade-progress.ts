import type { UpgradeProgress, UpgradeStep } from '../../src-shared/ipc/privacy';

// How far the upgrade's long steps are (files encrypted at rest, row ids re-keyed), for the screen
// the person waits on (src-renderer/features/privacy/UpgradeProgress.tsx). Told of each file or
// batch; it publishes when a step starts or ends, and at most every `intervalMs` in between, so
// 100,000 rows do not flood the renderer.

export class UpgradeProgressTracker {
  private readonly steps = new Map<UpgradeStep['step'], UpgradeStep>();
  private lastPublished = 0;

  constructor(
    private readonly publish: (progress: UpgradeProgress) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 200,
  ) {}

  status(): UpgradeProgress {
    return { steps: [...this.steps.values()] };
  }

  /**
   * The step is at `done` of `total` (a total of 0: still counting). The first report of a step, a
   * new total and the last (done = total) always go out.
   */
  report(step: UpgradeStep['step'], done: number, total: number): void {
    const before = this.steps.get(step);
    this.steps.set(step, { step, done: Math.min(done, total), total });
    const now = this.now();
    const news = before === undefined || before.total !== total || done >= total;
    if (!news && now - this.lastPublished < this.intervalMs) return;
    this.lastPublished = now;
    this.publish(this.status());
  }

  /** The step is over (finished, or stopped to resume at the next start). */
  finish(step: UpgradeStep['step']): void {
    if (!this.steps.delete(step)) return;
    this.lastPublished = this.now();
    this.publish(this.status());
  }
}
