import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The browser host's transport asks the app's opening calls side by side (api.prefetch, main.tsx)
// instead of one after another. What a person would notice if it were wrong: a screen showing
// data older than a change already announced, or a call made twice. The browser's fetch and
// EventSource are replaced at their boundary; api.ts runs as it does in the page.

type Listener = (message: { data: string }) => void;

class FakeEventSource {
  static last: FakeEventSource | undefined;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, data: unknown = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) });
  }
}

/** The page's call socket (rpc-socket-client.ts): connecting until the test opens it. */
class FakeWebSocket {
  static last: FakeWebSocket | undefined;
  readyState = 0;
  readonly sent: { id: number; channel: string }[] = [];
  private readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  constructor(readonly url: string) {
    FakeWebSocket.last = this;
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(text: string) {
    const call = JSON.parse(text) as { id: number; channel: string };
    this.sent.push(call);
    const answer = (answers += 1);
    answered.push({ channel: call.channel, answer });
    queueMicrotask(() => this.emit('message', JSON.stringify({ id: call.id, result: { ok: true, data: { answer } } })));
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
  open() {
    this.readyState = 1;
    this.emit('open');
  }
  /** The host refuses the upgrade (or it fails): the browser's socket closes without opening. */
  refuse() {
    this.readyState = 3;
    this.emit('error');
    this.emit('close');
  }
  /** A core event, sent down the socket as the host sends it. */
  event(name: string, payload: unknown) {
    this.emit('message', JSON.stringify({ event: name, payload }));
  }
  private emit(type: string, data?: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

/** Lets the promise chains the api runs between a stream event and its requests settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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
  vi.stubGlobal('location', { href: 'http://127.0.0.1:1/' });
  FakeWebSocket.last = undefined;
  FakeEventSource.last = undefined;
  vi.stubGlobal('WebSocket', FakeWebSocket);
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

/** The page where the host refuses the call socket: events come over the event stream, calls over HTTP. */
async function openApi() {
  const { api } = await import('../../src-renderer/api');
  api.listen();
  FakeWebSocket.last!.refuse();
  return { api, stream: FakeEventSource.last! };
}

/** The page as it opens against the browser host: its call socket connecting. */
async function openApiOverSocket() {
  const { api } = await import('../../src-renderer/api');
  api.listen();
  return { api, socket: FakeWebSocket.last! };
}

describe('events over the call socket', () => {
  it('sends the opening calls as soon as the socket opens, without the event stream, and hands its events to the screens once', async () => {
    const { api, socket } = await openApiOverSocket();
    api.prefetch('lock.status', {});
    api.prefetch('dashboard.get', { endOfToday: 1, startOfWeek: 0 });
    await settle();
    expect(socket.sent).toEqual([]);
    socket.open();
    await settle();
    expect(socket.sent.map((call) => call.channel)).toEqual(['lock.status', 'dashboard.get']);
    expect(FakeEventSource.last).toBeUndefined();

    const changes = vi.fn();
    api.on('contacts.changed', changes);
    expect(await api.invoke('dashboard.get', { endOfToday: 1, startOfWeek: 0 })).toEqual({ answer: 2 });
    // A change made right after the answer was read comes down the same socket.
    socket.event('contacts.changed', { ids: ['c1'] });
    expect(changes.mock.calls).toEqual([[{ ids: ['c1'] }]]);
    // Nothing went over HTTP, and the event stream was never opened.
    expect(answered).toHaveLength(2);
    expect(FakeEventSource.last).toBeUndefined();
  });

  it('asks again when a change came down the socket after the early answer was read, and ignores unknown events', async () => {
    const { api, socket } = await openApiOverSocket();
    const changes = vi.fn();
    api.on('contacts.changed', changes);
    api.prefetch('contacts.list', { offset: 0, limit: 50 });
    socket.open();
    await settle();
    socket.event('no.such.event', {});
    socket.event('contacts.changed', { ids: ['c1'] });
    expect(await api.invoke('contacts.list', { offset: 0, limit: 50 })).toEqual({ answer: 2 });
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('when the socket closes, takes events from the event stream and resyncs; when it opens again, closes the stream: no event twice', async () => {
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1_000);
    const { api, socket } = await openApiOverSocket();
    const changes = vi.fn();
    api.on('contacts.changed', changes);
    const resyncs = vi.fn();
    api.onResync(resyncs);
    socket.open();
    expect(resyncs).not.toHaveBeenCalled();

    socket.close();
    const stream = FakeEventSource.last!;
    expect(stream).toBeDefined();
    stream.fire('open');
    expect(resyncs).toHaveBeenCalledTimes(1);
    stream.fire('contacts.changed', { ids: ['a'] });
    expect(changes).toHaveBeenCalledTimes(1);

    // The next call after a while tries the socket again; once it is open the stream is closed.
    now.mockReturnValue(1_000 + 60_000);
    await api.invoke('app.info', {});
    const reopened = FakeWebSocket.last!;
    expect(reopened).not.toBe(socket);
    reopened.open();
    expect(stream.closed).toBe(true);
    expect(resyncs).toHaveBeenCalledTimes(2);
    // The same change, were it to come both ways, reaches the screens once.
    stream.fire('contacts.changed', { ids: ['b'] });
    reopened.event('contacts.changed', { ids: ['b'] });
    expect(changes.mock.calls).toEqual([[{ ids: ['a'] }], [{ ids: ['b'] }]]);
    now.mockRestore();
  });
});

describe('events over the event stream, where the call socket cannot open', () => {
  it('opens the stream when the host refuses the socket, hands its events to the screens, and sends the calls over HTTP', async () => {
    const { api, socket } = await openApiOverSocket();
    const changes = vi.fn();
    api.on('contacts.changed', changes);
    api.prefetch('settings.get', {});
    expect(FakeEventSource.last).toBeUndefined();
    socket.refuse();
    const stream = FakeEventSource.last!;
    expect(stream.url).toBe('/events');
    await settle();
    expect(answered).toEqual([]);
    stream.fire('open');
    await settle();
    expect(answered.map((call) => call.channel)).toEqual(['settings.get']);
    expect(socket.sent).toEqual([]);
    stream.fire('contacts.changed', { ids: ['c1'] });
    expect(changes.mock.calls).toEqual([[{ ids: ['c1'] }]]);
  });

  it('opens the stream beside a socket whose handshake hangs, and sends the calls over HTTP once the stream is open', async () => {
    vi.useFakeTimers();
    const { api, socket } = await openApiOverSocket();
    const changes = vi.fn();
    api.on('contacts.changed', changes);
    api.prefetch('lock.status', {});
    await vi.advanceTimersByTimeAsync(900);
    expect(FakeEventSource.last).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    const stream = FakeEventSource.last!;
    expect(stream).toBeDefined();
    stream.fire('open');
    await vi.advanceTimersByTimeAsync(0);
    expect(answered.map((call) => call.channel)).toEqual(['lock.status']);
    expect(socket.sent).toEqual([]);
    stream.fire('contacts.changed', { ids: ['c1'] });
    expect(changes).toHaveBeenCalledTimes(1);
  });
});

describe('the opening calls asked early', () => {
  it('waits for the event stream, then serves one call with one request', async () => {
    const { api, stream } = await openApi();
    api.prefetch('settings.get', {});
    await settle();
    expect(answered).toEqual([]);
    stream.fire('open');
    await settle();
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
    await settle();
    stream.fire('contacts.changed', { ids: ['c1'] });
    expect(await api.invoke('dashboard.get', { endOfToday: 1, startOfWeek: 0 })).toEqual({ answer: 2 });
  });

  it('asks again after the stream reconnected, and for a different input', async () => {
    const { api, stream } = await openApi();
    api.prefetch('dashboard.get', { endOfToday: 1, startOfWeek: 0 });
    stream.fire('open');
    await settle();
    expect(await api.invoke('dashboard.get', { endOfToday: 2, startOfWeek: 0 })).toEqual({ answer: 2 });
    stream.fire('open');
    expect(await api.invoke('dashboard.get', { endOfToday: 1, startOfWeek: 0 })).toEqual({ answer: 3 });
  });

  it('asks again rather than serve a refusal that may no longer hold (asked while locked)', async () => {
    const { api, stream } = await openApi();
    locked = true;
    api.prefetch('settings.get', {});
    stream.fire('open');
    await settle();
    locked = false;
    expect(await api.invoke('settings.get', {})).toEqual({ answer: 2 });
  });

  it('does not serve an early answer that waited too long to be taken', async () => {
    const { api, stream } = await openApi();
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1_000);
    api.prefetch('followups.counts', { endOfToday: 5 });
    stream.fire('open');
    await settle();
    now.mockReturnValue(1_000 + 60_000);
    expect(await api.invoke('followups.counts', { endOfToday: 5 })).toEqual({ answer: 2 });
    now.mockRestore();
  });

  it('serves a screen that asks before the stream opened with the early call, asking once', async () => {
    const { api, stream } = await openApi();
    api.prefetch('lock.status', {});
    // The lock gate mounts while the stream is still opening.
    const gate = api.invoke('lock.status', {});
    await settle();
    expect(answered).toEqual([]);
    stream.fire('open');
    expect(await gate).toEqual({ answer: 1 });
    await settle();
    expect(answered.map((call) => call.channel)).toEqual(['lock.status']);
  });

  it('reloads the screens at the first opening only if something was read before it', async () => {
    const { api, stream } = await openApi();
    const resyncs = vi.fn();
    api.onResync(resyncs);
    api.prefetch('settings.get', {});
    stream.fire('open');
    await settle();
    expect(resyncs).not.toHaveBeenCalled();
    // A reconnection may have missed changes: every screen reloads.
    stream.fire('open');
    expect(resyncs).toHaveBeenCalledTimes(1);
  });

  it('reloads the screens at the first opening when a call was read before it', async () => {
    const { api, stream } = await openApi();
    const resyncs = vi.fn();
    api.onResync(resyncs);
    await api.invoke('followups.counts', { endOfToday: 5 });
    stream.fire('open');
    expect(resyncs).toHaveBeenCalledTimes(1);
  });

  it('sends the opening calls anyway when the stream does not open', async () => {
    vi.useFakeTimers();
    const { api } = await openApi();
    api.prefetch('lock.status', {});
    const gate = api.invoke('lock.status', {});
    await vi.advanceTimersByTimeAsync(2_000);
    expect(answered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await gate).toEqual({ answer: 1 });
  });
});
