import { z } from 'zod';
import type { RpcResult } from './contract';
import type { EventName } from './events';

// The browser host's second way to call a channel, beside `POST /rpc/<channel>` (bridge.ts): one
// WebSocket per page, opened once, carrying calls and their answers as JSON text messages. A
// fetch costs the page a new request through Chromium's network stack every time (about 9 ms
// p50 and 35 ms p95 on a loaded machine for a 20 kB answer, against 3.5 and 18 ms for the same
// bytes as a message), which a search-as-you-type list pays at every keystroke.
// The same socket carries the core's events to the page, as messages beside the answers: the host
// subscribes the socket as soon as it connects, before it reads a call, and every message goes
// down the one connection in the order it was sent, so an event made after a call was read can
// never reach the page before that call's answer, nor be missed. The page then needs no second
// connection (`GET /events`) before its opening calls can go; that stays as the fallback while
// the socket cannot open.
// Its path is bridge.ts's rpcSocketPath (the page's first load takes nothing from here but types:
// zod stays out of it). The host side is src-main/host/rpc-socket.ts, the page side
// src-renderer/rpc-socket-client.ts.

/** Page → host: `input` is the channel's input, validated by the core like any other call. */
export const rpcSocketCallSchema = z.strictObject({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(200),
  input: z.unknown(),
});
export type RpcSocketCall = z.infer<typeof rpcSocketCallSchema>;

/** Host → page: the answer to the call with the same id, exactly what `POST /rpc/<channel>` answers. */
export interface RpcSocketAnswer {
  id: number;
  result: RpcResult<unknown>;
}

/** Host → page: one core event, as `GET /events` sends it (`event: <name>`, `data: <payload>`). */
export interface RpcSocketEvent {
  event: EventName;
  payload: unknown;
}

/**
 * Every message the host sends down the call socket. The page tells them apart by `id` (answers)
 * and `event` (events), checking the shape by hand rather than with zod: the page's first load
 * takes no zod (see above).
 */
export type RpcSocketHostMessage = RpcSocketAnswer | RpcSocketEvent;
