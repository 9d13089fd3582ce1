import type { Core } from '../../src-main/core/create-core';
import type { Random } from './random';

// The generator walks simulated time from the data set's start to its end in slices. In each
// slice every entity generator plans its events (a contact created, a note written, a call
// logged…); the events of all generators run in time order, each with the core's clock set to
// its moment, in one transaction per slice. To add an entity in a later issue (e-mail
// messages, deals, quotes): write an EntityGenerator and add it to `entityGenerators` in
// dataset.ts; it can pick contacts from the ledger as they exist at its moment.

export interface SimulatedClock {
  now: number;
}

/** What exists so far, for events that refer to earlier rows. */
export class ContactLedger {
  readonly ids: string[] = [];
  readonly e164s: string[][] = [];
  readonly deleted = new Set<number>();

  add(id: string, e164s: string[]): void {
    this.ids.push(id);
    this.e164s.push(e164s);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * A live contact, favouring the recently added (new enquiries get most of the attention) and
   * a long-lived hot set (the first contacts are the busiest accounts). Undefined when none.
   */
  pickActive(random: Random): number | undefined {
    if (this.ids.length === 0) return undefined;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const index = random.chance(0.55)
        ? this.ids.length - 1 - Math.floor(random.next() * Math.min(this.ids.length, 2000))
        : Math.floor(this.ids.length * random.next() ** 3);
      if (!this.deleted.has(index)) return index;
    }
    return undefined;
  }
}

export interface Slice {
  core: Core;
  random: Random;
  clock: SimulatedClock;
  ledger: ContactLedger;
  /** Index of this slice and how many there are. */
  index: number;
  count: number;
  /** Simulated time range [from, to) in epoch ms. */
  from: number;
  to: number;
  /** Contacts to create in this slice. */
  contacts: number;
  /** Average timeline rows (notes, calls, follow-ups) per contact over the whole data set. */
  timelinePerContact: number;
}

export interface PlannedEvent {
  at: number;
  run(): void;
}

export interface EntityGenerator {
  readonly name: string;
  plan(slice: Slice): PlannedEvent[];
}

/** `count` moments spread at random over [from, to), sorted. */
export function moments(random: Random, count: number, from: number, to: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push(from + Math.floor(random.next() * (to - from)));
  return times.sort((a, b) => a - b);
}

/** A whole number of events whose average is `mean` (the fraction is drawn at random). */
export function roundRandomly(random: Random, mean: number): number {
  const whole = Math.floor(mean);
  return whole + (random.chance(mean - whole) ? 1 : 0);
}
