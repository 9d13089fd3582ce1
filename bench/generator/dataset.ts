import type { Core } from '../../src-main/core/create-core';
import { createEntityGenerators, emptyCounts, type GeneratedCounts } from './entities';
import { ContactLedger, type PlannedEvent, type SimulatedClock } from './plan';
import { Random } from './random';
import * as words from './word-lists';

export interface DataSetOptions {
  /** How many contacts (people and companies). */
  contacts: number;
  seed: number;
  /** Average notes + calls + follow-ups per contact (the targets assume 10: 1M for 100k contacts). */
  timelinePerContact?: number;
  /** When the simulated history ends (epoch ms); it starts `spanDays` earlier. */
  endAt?: number;
  spanDays?: number;
  /** Contacts per slice of simulated time; each slice is one transaction. */
  sliceContacts?: number;
  onProgress?: (progress: { contacts: number; of: number }) => void;
}

export interface DataSetSummary {
  contacts: number;
  seed: number;
  timelinePerContact: number;
  startAt: number;
  endAt: number;
  /** The settings' user name: "My contacts" and the default owner. */
  userName: string;
  counts: GeneratedCounts;
  /** Rows of the change log after generation. */
  changes: number;
  seconds: number;
}

/** A fixed end for benchmark data, so that the same seed gives the same timestamps too. */
export const benchmarkEndAt = Date.UTC(2026, 0, 15, 17, 0, 0);
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Writes a data set into `core` through its services. `clock` must be the clock the core was
 * created with (`createCore({ now: () => clock.now })`): the generator moves it through the
 * simulated history so that created/updated times, call times and HLCs spread over it.
 */
export function writeDataSet(core: Core, clock: SimulatedClock, options: DataSetOptions): DataSetSummary {
  const started = performance.now();
  const timelinePerContact = options.timelinePerContact ?? 10;
  const endAt = options.endAt ?? benchmarkEndAt;
  const startAt = endAt - (options.spanDays ?? 3 * 365) * dayMs;
  const sliceContacts = options.sliceContacts ?? 1000;
  const random = new Random(options.seed);
  const counts = emptyCounts();
  const generators = createEntityGenerators(random, options.contacts, counts);
  const ledger = new ContactLedger();
  const userName = words.owners[0];

  clock.now = Math.max(clock.now, startAt);
  core.settings.update({ userName, defaultRegion: 'GB', currency: 'GBP', contactTypes: [...words.contactTypes] });

  const sliceCount = Math.max(1, Math.ceil(options.contacts / sliceContacts));
  const span = endAt - startAt;
  for (let index = 0; index < sliceCount; index += 1) {
    const slice = {
      core,
      random,
      clock,
      ledger,
      index,
      count: sliceCount,
      from: startAt + Math.floor((index * span) / sliceCount),
      to: startAt + Math.floor(((index + 1) * span) / sliceCount),
      contacts: Math.min(sliceContacts, options.contacts - index * sliceContacts),
      timelinePerContact,
    };
    const events: (PlannedEvent & { order: number })[] = [];
    for (const generator of generators) for (const event of generator.plan(slice)) events.push({ ...event, order: events.length });
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    core.engine.transaction(() => {
      for (const event of events) {
        // The clock never goes back: an HLC counter, not the wall, would absorb it.
        clock.now = Math.max(clock.now, event.at);
        event.run();
      }
    });
    options.onProgress?.({ contacts: counts.contacts, of: options.contacts });
  }
  const changes = (core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
  return {
    contacts: options.contacts,
    seed: options.seed,
    timelinePerContact,
    startAt,
    endAt,
    userName,
    counts,
    changes,
    seconds: (performance.now() - started) / 1000,
  };
}
