import type { SimulatedClock } from '../plan';

// The demo's recent months are planned as moments, like the bench generator's slices, but run
// one by one and awaited: sending a quote renders its PDF, which is asynchronous.

export interface DemoEvent {
  at: number;
  run(): void | Promise<void>;
}

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/** Runs the events in time order with the core's clock at each one's moment (never going back). */
export async function runInOrder(events: DemoEvent[], clock: SimulatedClock): Promise<void> {
  const ordered = events.map((event, order) => ({ event, order })).sort((a, b) => a.event.at - b.event.at || a.order - b.order);
  for (const { event } of ordered) {
    clock.now = Math.max(clock.now, event.at);
    await event.run();
  }
}

/** Midnight UTC of the day holding `at`, plus `hours` (office hours are close enough to UTC for a demo). */
export function dayAt(at: number, hours: number): number {
  return Math.floor(at / dayMs) * dayMs + Math.round(hours * hourMs);
}
