import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The browser host's transport asks the app's opening calls side by side (api.prefetch, main.tsx)
// instead of one after another. What a person would notice if it were wrong: a screen showing
// data older than a change already announced, or a call made twice. The browser's fetch and
// EventSource are replaced at their boundary; api.ts runs as it does in the page.

type Listener = (message: { data: string }) => void;

class FakeEventSource {
  static last: FakeEventSource | undefined;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, data: unknown = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) });
  }
}

let answered: { channel: string; answer: number }[];
let answers = 0;
/** While set, the core refuses every call as it does while the app is locked. */
let locked = false;

beforeEach(() => {
  vi.resetModules();
  answered = [];
  answers = 0;
  locked = false;
  vi.stubGlobal('window', {});
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string) => {
    const channel = url.replace('/rpc/', '');
    const answer = (answers += 1);
    answered.push({ channel, answer });
    const body = locked ? { ok: false, error: { code: 'locked', message: 'Fieldbook is locked.' } } : { ok: true, data: { answer } };
    return { status: 200, json: async () => body };
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function openApi() {
  const { api } = await import('../../src-renderer/api');
  api.listen();
  return { api, stream: FakeEventSource.last! };
}

describe('the opening calls asked early', () => {
  it('waits for the event stream, then serves one call with one request', async () => {
    const { api, stream } = await openApi();
    api.prefetch('settings.get', {});
    expect(answered).toEqual([]);
    stream.fire('open');
    expect(answered.map((call) => call.channel)).toEqual(['settings.get']);

    expect(await api.invoke('settings.get', {})).toEqual({ answer: 1 });
    expect(answered).toHaveLength(1);
    // The answer serves once: the next call asks the core again.
    expect(await api.invoke('settings.get', {})).toEqual({ answer: 2 });
  });

  it('asks again when a change was announced after the early answer was read', async () => {
    const { api, stream } = await openApi();
    api.prefetch('dashboard.get', { endOfToday: 1, startOfWeek: 0 });
    stream.fire('open');
    stream.fire('contacts.changed', { ids: ['c1'] });
    expect(await api.invoke('dashboard.get', { endOfToday: 1, startOfWeek: 0 })).toEqual({ answer: 2 });
  });

  it('asks again after the stream reconnected, and for a different input', async () => {
    const { api, stream } = await openApi();
    api.prefetch('dashboard.get', { endOfToday: 1, startOfWeek: 0 });
    stream.fire('open');
    expect(await api.invoke('dashboard.get', { endOfToday: 2, startOfWeek: 0 })).toEqual({ answer: 2 });
    stream.fire('open');
    expect(await api.invoke('dashboard.get', { endOfToday: 1, startOfWeek: 0 })).toEqual({ answer: 3 });
  });

  it('asks again rather than serve a refusal that may no longer hold (asked while locked)', async () => {
    const { api, stream } = await openApi();
    locked = true;
    api.prefetch('settings.get', {});
    stream.fire('open');
    locked = false;
    expect(await api.invoke('settings.get', {})).toEqual({ answer: 2 });
  });

  it('does not serve an early answer that waited too long to be taken', async () => {
    const { api, stream } = await openApi();
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1_000);
    api.prefetch('followups.counts', { endOfToday: 5 });
    stream.fire('open');
    now.mockReturnValue(1_000 + 60_000);
    expect(await api.invoke('followups.counts', { endOfToday: 5 })).toEqual({ answer: 2 });
    now.mockRestore();
  });
});
