// A seeded random source, so the same seed always gives the same data set. Math.random is never
// used by the generator: one stray call would make two runs differ.

/** sfc32: small, fast, and good enough for test data; seeded through splitmix32. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A fixed-length string of decimal digits. */
  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i += 1) text += String(Math.floor(this.next() * 10));
    return text;
  }

  /** A child source whose sequence does not depend on how much of this one was used later. */
  fork(label: string): Random {
    return new Random(`${this.int(0, 2 ** 31)}:${label}`);
  }

  /** Log-normal around `median`, for amounts and durations (a few large, most modest). */
  logNormal(median: number, spread: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(normal * spread);
  }
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/**
 * Picks from a list with Zipf-like weights (the k-th item weighs 1/k^s): real CRMs have a few
 * very common first names, tags and owners and a long tail of rare ones.
 */
export class ZipfPicker<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly items: readonly T[],
    exponent = 1,
  ) {
    if (items.length === 0) throw new Error('ZipfPicker needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let k = 0; k < items.length; k += 1) {
      total += 1 / (k + 1) ** exponent;
      this.cumulative[k] = total;
    }
    for (let k = 0; k < items.length; k += 1) this.cumulative[k]! /= total;
  }

  pick(random: Random): T {
    return this.items[this.pickIndex(random)]!;
  }

  pickIndex(random: Random): number {
    const target = random.next();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Picks by explicit weights: `[['active', 55], ['won', 20], …]`. */
export class WeightedPicker<T> {
  private readonly picker: { cumulative: number[]; items: T[] };

  constructor(entries: readonly (readonly [T, number])[]) {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    this.picker = {
      items: entries.map(([item]) => item),
      cumulative: entries.map(([, weight]) => (running += weight / total)),
    };
  }

  pick(random: Random): T {
    const target = random.next();
    const index = this.picker.cumulative.findIndex((edge) => target < edge);
    return this.picker.items[index === -1 ? this.picker.items.length - 1 : index]!;
  }
}
