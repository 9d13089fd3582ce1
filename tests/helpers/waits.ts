import type { TempCore } from './temp-core';

// Waits that tests of background work share: a condition polled until it holds, and a core's
// `contacts.changed` event for one contact. Each fails with what it waited for.

/** Polls `condition` every `stepMs` until it holds; throws naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000, stepMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

/** Resolves when `core` tells its renderer that contact `id` changed; rejects after `timeoutMs`. */
export function contactChanged(core: TempCore, id: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no contacts.changed for ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.on('contacts.changed', (payload) => {
      if (!payload.ids.includes(id)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
