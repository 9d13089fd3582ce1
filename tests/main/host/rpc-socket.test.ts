import fs from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rpcSocketPath } from '../../../src-shared/ipc/bridge';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let core: TempCore;
let host: RunningHost;
let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-host-socket-'));
  fs.writeFileSync(path.join(workDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  core = createTempCore({ shell: 'browser' });
  host = await startHost({ core, port: 0, rendererDir: workDir });
});

afterAll(async () => {
  await host?.close();
  core?.dispose();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const cookie = () => `fieldbook_token_${host.port}=${host.token}`;

/** Opens the call socket as the page does (its cookie and Origin), or with the headers given. */
function openSocket(headers: Record<string, string> = { cookie: cookie(), origin: host.origin }, pathname = rpcSocketPath): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${pathname}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

type Answer = { id: number; result: { ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string } } };

/** The next answer the socket receives, parsed (events, which come down the same socket, are passed over). */
function nextAnswer(socket: WebSocket): Promise<Answer> {
  return new Promise((resolve) => {
    const take = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as Partial<Answer>;
      if (message.id === undefined) return;
      socket.off('message', take);
      resolve(message as Answer);
    };
    socket.on('message', take);
  });
}

/** Every message the socket receives from now on, parsed, in order. */
function messagesOf(socket: WebSocket): Record<string, unknown>[] {
  const messages: Record<string, unknown>[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  return messages;
}

const contactsChanged = (messages: Record<string, unknown>[]) =>
  messages.filter((message) => message.event === 'contacts.changed').map((message) => (message.payload as { ids: string[] }).ids);

async function call(socket: WebSocket, id: number, channel: string, input: unknown) {
  const answer = nextAnswer(socket);
  socket.send(JSON.stringify({ id, channel, input }));
  return answer;
}

describe('browser host call socket', () => {
  it('answers a call with its id and the same result as POST /rpc', async () => {
    const socket = await openSocket();
    const answer = await call(socket, 7, 'app.info', {});
    expect(answer).toMatchObject({ id: 7, result: { ok: true, data: { shell: 'browser', dataDir: core.dataDir } } });
    socket.close();
  });

  it('writes through the core: a contact created over the socket is listed', async () => {
    const socket = await openSocket();
    const created = await call(socket, 1, 'contacts.create', { draft: { name: 'Grace Hopper' } });
    expect(created.result.ok).toBe(true);
    const list = await call(socket, 2, 'contacts.list', { query: 'hopper' });
    expect(list.result).toMatchObject({ ok: true, data: { total: 1, items: [{ name: 'Grace Hopper' }] } });
    socket.close();
  });

  it('refuses invalid input naming the field, and stores nothing', async () => {
    const socket = await openSocket();
    const before = await call(socket, 1, 'contacts.list', {});
    const answer = await call(socket, 2, 'contacts.create', { draft: { name: '' } });
    expect(answer).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_input', field: 'draft.name' } } });
    const after = await call(socket, 3, 'contacts.list', {});
    expect((after.result.data as { total: number }).total).toBe((before.result.data as { total: number }).total);
    socket.close();
  });

  it('answers a message that is not a call, but carries an id, with invalid_input saying what is wrong', async () => {
    const socket = await openSocket();
    const answer = nextAnswer(socket);
    socket.send(JSON.stringify({ id: 4, channel: 42 }));
    expect(await answer).toMatchObject({ id: 4, result: { ok: false, error: { code: 'invalid_input', message: expect.stringContaining('channel') } } });
    // The socket is still usable after a refused message.
    expect((await call(socket, 5, 'app.info', {})).result.ok).toBe(true);
    socket.close();
  });

  it('closes the socket on a message it cannot read at all', async () => {
    const socket = await openSocket();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{"id":');
    expect(await closed).toBe(1003);
  });

  it('sends each answer as soon as its call is done, not after the slower calls that arrived with it', async () => {
    // The page's opening calls arrive together; the sync status (a count over every change not yet
    // sent) used to hold the first contacts page's answer until it was done.
    const events: string[] = [];
    const slowCore = {
      ...core,
      invoke: (channel: string, input: unknown) => {
        events.push(`${channel} started`);
        if (channel === 'sync.status') {
          const until = Date.now() + 100;
          while (Date.now() < until); // a slow synchronous read, as better-sqlite3's are
        }
        return core.invoke(channel, input);
      },
    };
    // Every answer the host writes, in the order it writes them (the host's sockets are ws's too).
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
      const id = /^\{"id":(\d+),"result"/.exec(String(data))?.[1];
      if (id !== undefined) events.push(`answer ${id} sent`);
      return (send as (...args: unknown[]) => void).call(this, data, ...rest);
    } as WebSocket['send'];
    const slowHost = await startHost({ core: slowCore, port: 0, rendererDir: workDir });
    try {
      const socket = await new Promise<WebSocket>((resolve, reject) => {
        const opened = new WebSocket(`ws://127.0.0.1:${slowHost.port}${rpcSocketPath}`, { headers: { cookie: `fieldbook_token_${slowHost.port}=${slowHost.token}`, origin: slowHost.origin } });
        opened.once('open', () => resolve(opened));
        opened.once('error', reject);
      });
      const answers: number[] = [];
      const both = new Promise<void>((resolve) =>
        socket.on('message', (data) => {
          answers.push((JSON.parse(String(data)) as { id: number }).id);
          if (answers.length === 2) resolve();
        }),
      );
      // Both calls in one write, so the host reads them together as it reads the page's.
      const tcp = (socket as unknown as { _socket: Socket })._socket;
      tcp.cork();
      socket.send(JSON.stringify({ id: 1, channel: 'contacts.list', input: {} }));
      socket.send(JSON.stringify({ id: 2, channel: 'sync.status', input: {} }));
      tcp.uncork();
      await both;
      expect(events).toEqual(['contacts.list started', 'answer 1 sent', 'sync.status started', 'answer 2 sent']);
      socket.close();
    } finally {
      WebSocket.prototype.send = send;
      await slowHost.close();
    }
  });

  it("sends the core's events down the socket, in order with the answers: a change made right after a call was answered arrives once, after it", async () => {
    const socket = await openSocket();
    const messages = messagesOf(socket);
    const listed = await call(socket, 1, 'contacts.list', {});
    expect(listed.result.ok).toBe(true);
    // Made by another window (over HTTP, say) the moment the page's call was answered.
    const made = await core.call('contacts.create', { draft: { name: 'Ada Lovelace' } });
    // A call sent after the change: its answer comes after the change's event.
    await call(socket, 2, 'app.info', {});
    const order = messages.map((message) => (message.event === undefined ? `answer ${String(message.id)}` : String(message.event)));
    expect(order.filter((entry) => entry.startsWith('answer') || entry === 'contacts.changed')).toEqual(['answer 1', 'contacts.changed', 'answer 2']);
    expect(contactsChanged(messages)).toEqual([[made.id]]);
    socket.close();
  });

  it('sends each socket its own events, and none once it closed', async () => {
    const first = await openSocket();
    const second = await openSocket();
    const firstMessages = messagesOf(first);
    const secondMessages = messagesOf(second);
    const closed = new Promise((resolve) => first.once('close', resolve));
    first.close();
    await closed;
    const made = await core.call('contacts.create', { draft: { name: 'Alan Turing' } });
    await call(second, 1, 'app.info', {});
    expect(contactsChanged(secondMessages)).toEqual([[made.id]]);
    expect(firstMessages).toEqual([]);
    second.close();
  });

  it('refuses the upgrade without the token, from a foreign Origin, for another Host, or on another path', async () => {
    await expect(openSocket({ origin: host.origin })).rejects.toThrow('refused with 403');
    await expect(openSocket({ cookie: `fieldbook_token_${host.port}=wrong`, origin: host.origin })).rejects.toThrow('refused with 403');
    await expect(openSocket({ cookie: cookie(), origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    await expect(openSocket({ cookie: cookie(), origin: host.origin, host: 'evil.example' })).rejects.toThrow('refused with 403');
    await expect(openSocket({ cookie: cookie(), origin: host.origin }, '/events')).rejects.toThrow('refused with 404');
  });
});
