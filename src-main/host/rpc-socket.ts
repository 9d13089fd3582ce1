import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { rpcSocketCallSchema, type RpcSocketAnswer, type RpcSocketHostMessage } from '../../src-shared/ipc/rpc-socket';
import type { HostCore } from './host-core';
import { failure, maxRpcBodyBytes } from './rpc-route';

/**
 * `GET /rpc-socket` upgraded to a WebSocket: each text message is one call
 * (`{ id, channel, input }`), answered by one message (`{ id, result }`) as soon as its call is
 * done, so answers may come in another order than their calls. The core validates the input and
 * maps errors exactly as for `POST /rpc/<channel>` (rpc-route.ts). A message that is not a call
 * is answered with invalid_input when its id can be read, and the socket is closed when it cannot.
 * Every core event goes down the same socket as `{ event, payload }`, from the moment it connects
 * (before its first call is read) until it closes: in order with the answers, so an event made
 * after a call was read reaches the page after that call's answer, never before it nor not at all.
 * Who may upgrade is checked by server.ts before `upgrade` is called. The page side is
 * src-renderer/rpc-socket-client.ts.
 */
export function createRpcSocket(core: HostCore) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxRpcBodyBytes, perMessageDeflate: false, clientTracking: true });

  const serve = (socket: WebSocket) => {
    const unsubscribe = core.onAny((event, payload) => send(socket, { event, payload }));
    socket.once('close', unsubscribe);
    // Each call starts in a task of its own. The calls that arrive together (the page's opening
    // calls: lock status, settings, the first contacts page, app info, the sync status) would
    // otherwise all run in the one task that read them, and every answer wait for the slowest:
    // the first contacts page for the count of changes not yet sent. A task each lets an answer
    // go out as soon as its call is done, and lets the page's file requests in between calls.
    socket.on('message', (data: RawData, isBinary: boolean) => {
      setImmediate(() => void answer(socket, data, isBinary));
    });
  };

  async function answer(socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const call = isBinary ? undefined : readCall(data);
    if (call === undefined) {
      socket.close(1003, 'Each message must be a JSON call: { id, channel, input }');
      return;
    }
    if (!call.ok) {
      send(socket, { id: call.id, result: failure('invalid_input', call.reason) });
      return;
    }
    let result: RpcSocketAnswer['result'];
    try {
      result = await core.invoke(call.channel, call.input);
    } catch {
      // core.invoke answers errors as results; landing here means the core itself is broken.
      result = failure('internal', 'Something went wrong inside Fieldbook. The details are in its log.');
    }
    send(socket, { id: call.id, result });
  }

  return {
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      sockets.handleUpgrade(request, socket, head, serve);
    },
    close(): void {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
    },
  };
}

type ReadCall = { ok: true; id: number; channel: string; input: unknown } | { ok: false; id: number; reason: string } | undefined;

function readCall(data: RawData): ReadCall {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawText(data));
  } catch {
    return undefined;
  }
  const call = rpcSocketCallSchema.safeParse(parsed);
  if (call.success) return { ok: true, id: call.data.id, channel: call.data.channel, input: call.data.input };
  const id = (parsed as { id?: unknown } | null)?.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined;
  const issue = call.error.issues[0];
  return { ok: false, id, reason: `The call is not { id, channel, input }: ${issue ? `${issue.path.join('.') || 'call'}: ${issue.message}` : 'unreadable'}` };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

function send(socket: WebSocket, message: RpcSocketHostMessage): void {
  // The page may have gone while the core worked; its answer then has nowhere to go.
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
