import { useSyncExternalStore } from 'react';

// A shared clock that ticks at the start of every minute: "Today" / "overdue" labels roll over
// at midnight and at a due minute without every row keeping its own timer. tickNow() moves it at
// once, when something else (a reminder falling due) says the time matters now.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | undefined;

/** Reads the clock now and tells every label. */
export function tickNow(): void {
  now = Date.now();
  for (const notify of listeners) notify();
}

function tickEachMinute(): void {
  // At the next minute's start (plus a little, so the new minute has surely begun).
  timer = window.setTimeout(() => {
    tickNow();
    tickEachMinute();
  }, 60_000 - (Date.now() % 60_000) + 50);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    tickEachMinute();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearTimeout(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
