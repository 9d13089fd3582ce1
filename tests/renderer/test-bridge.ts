import type { ErrorPayload } from '../../src-shared/errors';
import { bridgeGlobalName, type FieldbookBridge } from '../../src-shared/ipc/bridge';
import type { EventName, EventPayload } from '../../src-shared/ipc/events';

// The renderer's transport for tests: the same interface the Electron preload and the browser
// host's HTTP transport implement (src-shared/ipc/bridge.ts), answering from handlers a test
// installs and emitting the events it asks for. api.ts reads it from window, as in Electron.

type Handler = (input: unknown) => Promise<unknown>;

export interface TestBridge {
  /** Answers `channel` with `handler` (a resolved value is ok, a thrown ErrorPayload an error answer). */
  answer(channel: string, handler: Handler): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Every call made, in order. */
  readonly calls: { channel: string; input: unknown }[];
  reset(): void;
}

/** A failure as the core sends it; throw it from a handler. */
export function coreError(code: ErrorPayload['code'], message: string): ErrorPayload {
  return { code, message };
}

export function installTestBridge(): TestBridge {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: string; input: unknown }[] = [];
  const bridge: FieldbookBridge = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'internal', message: `no answer for ${channel}` } };
      try {
        return { ok: true, data: (await handler(input)) as never };
      } catch (error) {
        return { ok: false, error: error as ErrorPayload };
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  (window as unknown as Record<string, unknown>)[bridgeGlobalName] = bridge;
  return {
    answer: (channel, handler) => handlers.set(channel, handler),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    calls,
    reset() {
      handlers.clear();
      calls.length = 0;
    },
  };
}

/** A promise resolved or rejected from outside, to hold an answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The transport over a real core (tests/helpers/temp-core.ts): what a test does through it, the core really does. */
export function bridgeOverCore(core: {
  invoke(channel: never, input: unknown): Promise<unknown>;
  on(event: never, listener: (payload: never) => void): () => void;
}): void {
  const bridge: FieldbookBridge = {
    invoke: (channel, input) => core.invoke(channel as never, input) as never,
    on: (event, listener) => core.on(event as never, listener as never),
  };
  (window as unknown as Record<string, unknown>)[bridgeGlobalName] = bridge;
}
