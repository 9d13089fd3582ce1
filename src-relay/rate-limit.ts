// A token bucket per key (a device id, or the address for sign-up and join): `burst` requests at
// once, refilled at `perSecond`. In memory, per process: behind a load balancer each relay
// process limits on its own, which is enough to stop a runaway client.

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export const defaultRateLimit: RateLimitOptions = { perSecond: 20, burst: 100 };

/**
 * Unknown or revoked tokens per address: a device that lost access retries with backoff and
 * stays far below this; a script guessing tokens is answered 429 after the burst.
 */
export const defaultFailedAuthLimit: RateLimitOptions = { perSecond: 1, burst: 30 };

// Past this many keys, full buckets (idle clients) are dropped; they would start full anyway.
const pruneAbove = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    // Monotonic by default: a wall clock set back must not drain or refill buckets.
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token; returns 0 when allowed, otherwise the seconds to wait before retrying. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > pruneAbove) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond));
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.options.perSecond >= this.options.burst) this.buckets.delete(key);
    }
  }
}
