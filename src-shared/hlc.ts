// Hybrid logical clock: wall-clock milliseconds + a counter + the device id, written as a
// fixed-width string so that comparing strings compares clocks (ties broken by device id).
// The core persists the last value in the same transaction as the change that used it.

const wallWidth = 15;
const counterWidth = 5;
const maxCounter = 10 ** counterWidth - 1;

export interface HlcParts {
  wallMs: number;
  counter: number;
  deviceId: string;
}

export function formatHlc({ wallMs, counter, deviceId }: HlcParts): string {
  return `${String(wallMs).padStart(wallWidth, '0')}-${String(counter).padStart(counterWidth, '0')}-${deviceId}`;
}

/** The parts of `value` when it has the form formatHlc writes (which formats back to it), else null. */
export function readHlc(value: string): HlcParts | null {
  const match = /^(\d{15})-(\d{5})-(.+)$/.exec(value);
  return match ? { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! } : null;
}

export function parseHlc(value: string): HlcParts {
  const parts = readHlc(value);
  if (!parts) throw new Error(`Not a hybrid logical clock value: ${value}`);
  return parts;
}

export class HybridLogicalClock {
  private wallMs: number;
  private counter: number;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (last) {
      const parts = parseHlc(last);
      this.wallMs = parts.wallMs;
      this.counter = parts.counter;
    } else {
      this.wallMs = 0;
      this.counter = 0;
    }
  }

  /** The clock for a new local event: never behind anything this device has seen or issued. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.counter = 0;
    } else {
      this.advanceCounter();
    }
    return this.current();
  }

  /** Moves the clock past a remote one, so later local events sort after it. */
  receive(remote: string): void {
    const parts = parseHlc(remote);
    const physical = this.now();
    const wall = Math.max(this.wallMs, parts.wallMs, physical);
    if (wall === this.wallMs && wall === parts.wallMs) {
      this.counter = Math.max(this.counter, parts.counter);
      this.advanceCounter();
    } else if (wall === this.wallMs) {
      this.advanceCounter();
    } else if (wall === parts.wallMs) {
      this.wallMs = wall;
      this.counter = parts.counter;
      this.advanceCounter();
    } else {
      this.wallMs = wall;
      this.counter = 0;
    }
  }

  current(): string {
    return formatHlc({ wallMs: this.wallMs, counter: this.counter, deviceId: this.deviceId });
  }

  private advanceCounter(): void {
    if (this.counter >= maxCounter) {
      // A burst of more than 100k events in one millisecond: borrow the next millisecond.
      this.wallMs += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
