// Background work that runs one pass at a time: a kick during a pass runs one more pass after it
// (never two at once, never a lost request), and a pass may ask to run again after a while
// (backoff, the next retry). Used by the uploader and the offline policy.

export class SerialJob {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /** `pass` answers how many ms until it should run again, or undefined when nothing is due. */
  constructor(private readonly pass: () => Promise<number | undefined>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs a pass after `delayMs` (now by default), or right after the one under way. */
  kick(delayMs = 0): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (delayMs > 0) this.schedule(delayMs);
    else this.start();
  }

  /** Resolves once no pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), Math.max(0, delayMs));
    this.timer.unref?.();
  }

  private start(): void {
    clearTimeout(this.timer);
    if (this.stopped || this.running) return;
    this.running = this.pass().then(
      (nextInMs) => this.finish(nextInMs),
      () => this.finish(undefined),
    );
  }

  private finish(nextInMs: number | undefined): void {
    this.running = undefined;
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.start();
    } else if (nextInMs !== undefined) {
      this.schedule(nextInMs);
    }
  }
}
