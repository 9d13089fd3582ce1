import { describe, expect, it } from 'vitest';
import { maxRpcBodyBytes } from '../../src-shared/ipc/bridge';
import { RpcSocketClient, reconnectDelayMs, type CallSocket } from '../../src-renderer/rpc-socket-client';

const lost = { code: 'internal' as const, message: "Fieldbook couldn't reach its data." };

/** A socket the test opens, answers and closes by hand. */
class FakeSocket implements CallSocket {
  readyState = 0;
  readonly sent: { id: number; channel: string; input: unknown }[] = [];
  private readonly listeners = new Map<string, ((event: { data: unknown }) => void)[]>();
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  open() {
    this.readyState = 1;
    this.emit('open');
  }
  answer(id: number, result: unknown) {
    this.emit('message', JSON.stringify({ id, result }));
  }
  emit(type: string, data?: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

function client(refuse = false) {
  const sockets: FakeSocket[] = [];
  /** What the socket told its owner besides answers, in order. */
  const told: unknown[] = [];
  let now = 0;
  const rpc = new RpcSocketClient(
    () => {
      if (refuse) throw new Error('WebSocket is not available here');
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    lost,
    () => now,
    { opened: () => told.push('opened'), closed: () => told.push('closed'), event: (name, payload) => told.push({ name, payload }) },
  );
  return { rpc, sockets, told, advance: (ms: number) => (now += ms) };
}

describe('RpcSocketClient', () => {
  it('leaves calls to HTTP until the socket is open', () => {
    const { rpc, sockets } = client();
    rpc.connect();
    expect(rpc.call('app.info', {})).toBeUndefined();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.sent).toEqual([]);
  });

  it('sends calls over the open socket and gives each its own answer, whatever their order', async () => {
    const { rpc, sockets } = client();
    rpc.connect();
    sockets[0]!.open();
    const first = rpc.call('contacts.list', { query: 'an' });
    const second = rpc.call('contacts.list', { query: 'ann' });
    const [a, b] = sockets[0]!.sent;
    expect(a).toMatchObject({ channel: 'contacts.list', input: { query: 'an' } });
    sockets[0]!.answer(b!.id, { ok: true, data: 'ann' });
    sockets[0]!.answer(a!.id, { ok: true, data: 'an' });
    expect(await first).toEqual({ ok: true, data: 'an' });
    expect(await second).toEqual({ ok: true, data: 'ann' });
  });

  it('leaves a call over the host’s size limit to HTTP, which answers it with a clear error, and keeps the socket for the rest', async () => {
    const { rpc, sockets } = client();
    rpc.connect();
    sockets[0]!.open();
    // Multi-byte text: under the limit in characters, over it in bytes as the host counts them.
    const body = 'é'.repeat(Math.ceil(maxRpcBodyBytes / 2) + 10);
    expect(rpc.call('notes.create', { contactId: 'c1', body })).toBeUndefined();
    expect(sockets[0]!.sent).toEqual([]);
    expect(sockets[0]!.readyState).toBe(1);
    const next = rpc.call('contacts.list', { query: 'ann' });
    expect(sockets[0]!.sent).toEqual([{ id: 1, channel: 'contacts.list', input: { query: 'ann' } }]);
    sockets[0]!.answer(1, { ok: true, data: [] });
    expect(await next).toEqual({ ok: true, data: [] });
  });

  it('gives calls in flight the lost-answer error when the socket closes, and never sends them again', async () => {
    const { rpc, sockets } = client();
    rpc.connect();
    sockets[0]!.open();
    const pending = rpc.call('contacts.create', { draft: { name: 'Ada' } });
    sockets[0]!.close();
    expect(await pending).toEqual({ ok: false, error: lost });
    expect(sockets[0]!.sent).toHaveLength(1);
  });

  it('uses HTTP for a while after the socket closed, then opens another', () => {
    const { rpc, sockets, advance } = client();
    rpc.connect();
    sockets[0]!.open();
    sockets[0]!.close();
    expect(rpc.call('app.info', {})).toBeUndefined();
    expect(sockets).toHaveLength(1);
    advance(reconnectDelayMs);
    expect(rpc.call('app.info', {})).toBeUndefined();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(rpc.call('app.info', {})).toBeInstanceOf(Promise);
  });

  it('ignores messages that answer no call', async () => {
    const { rpc, sockets } = client();
    rpc.connect();
    sockets[0]!.open();
    const pending = rpc.call('app.info', {});
    sockets[0]!.emit('message', 'not json');
    sockets[0]!.answer(999, { ok: true, data: 'someone else' });
    sockets[0]!.answer(sockets[0]!.sent[0]!.id, { ok: true, data: 'mine' });
    expect(await pending).toEqual({ ok: true, data: 'mine' });
  });

  it('hands the events the host sends beside the answers to its owner, in order, without taking them for answers', async () => {
    const { rpc, sockets, told } = client();
    rpc.connect();
    sockets[0]!.open();
    const pending = rpc.call('contacts.list', {});
    sockets[0]!.answer(1, { ok: true, data: 'page' });
    sockets[0]!.emit('message', JSON.stringify({ event: 'contacts.changed', payload: { ids: ['c1'] } }));
    // Not an answer to call 1 either, though it carries no event name: passed over.
    sockets[0]!.emit('message', JSON.stringify({ id: 1 }));
    expect(await pending).toEqual({ ok: true, data: 'page' });
    expect(told).toEqual(['opened', { name: 'contacts.changed', payload: { ids: ['c1'] } }]);
  });

  it('tells its owner when the socket closes, and when none can be made, so events come another way', () => {
    const open = client();
    open.rpc.connect();
    open.sockets[0]!.open();
    open.sockets[0]!.close();
    expect(open.told).toEqual(['opened', 'closed']);

    const refused = client(true);
    refused.rpc.connect();
    expect(refused.told).toEqual(['closed']);
  });
});
