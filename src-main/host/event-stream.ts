import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostCore } from './host-core';

export const keepAliveMs = 15_000;

/**
 * `GET /events`: every core event as a server-sent event (`event: <name>`, `data: <json>`). The
 * renderer's EventSource reconnects by itself; events missed while disconnected are not replayed,
 * which is fine because they only tell the renderer to refetch. The page opens it only while its
 * call socket, which carries the same events (rpc-socket.ts), cannot open. Returns a function
 * that ends the stream, for shutting the host down.
 */
export function openEventStream(core: HostCore, request: IncomingMessage, response: ServerResponse): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // Sent at once so the client sees the stream open before the first event.
  response.write('retry: 2000\n: connected\n\n');
  request.socket.setTimeout(0);
  request.socket.setNoDelay(true);

  const unsubscribe = core.onAny((event, payload) => {
    // JSON.stringify never emits a raw newline, so one `data:` line always holds the whole payload.
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Comments keep idle proxies and the socket from timing the stream out.
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(keepAlive);
    unsubscribe();
    response.end();
  };
  request.on('close', end);
  response.on('error', end);
  return end;
}
