import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KeysChanged, LiveHello } from '../src-shared/sync/protocol';
import { authenticate } from './auth';
import type { RelayDb } from './db/open';
import { devices, members } from './db/schema';
import type { RelayMetrics } from './metrics';

// GET /v1/live: a WebSocket per device that receives `{type:'poke', newestSeq}` after each push
// (the client then pulls) or, for a small push, the same poke carrying its changes (the client
// applies them at once when they follow its cursor: src-shared/sync/protocol.ts, CarryingPoke),
// and the phone line's live messages. A socket is greeted with a hello naming the announcements
// this relay makes (LiveHelloSchema): `keys`, a message after every change to the workspace's keys
// (KeysChangedSchema), so laptops skip GET /v1/keys before a push while nothing changed. The token travels as the subprotocol `fieldbook.<token>` (the client side
// is RelayClient.live in src-main/sync/relay-client.ts), never in the URL, where proxies and
// logs would keep it. The relay answers with the same subprotocol, as browsers and ws require.

const subprotocolPrefix = 'fieldbook.';
const hello: LiveHello = { type: 'hello', announces: ['keys'] };
const heartbeatMs = 30_000;

type Caller = { workspaceId: string; deviceId: string };
/** Called once per upgrade attempt with its HTTP status, for the request log. */
type Report = (status: number, caller?: Caller) => void;

interface LiveSocket {
  socket: WebSocket;
  deviceId: string;
  alive: boolean;
}

export interface LiveOptions {
  db: RelayDb;
  now: () => number;
  metrics: RelayMetrics;
  /** Origins a browser may connect from besides the relay's own; requests without Origin pass. */
  allowedOrigins: readonly string[];
  /** 0 to proceed, otherwise seconds to wait (the device's rate limit). */
  takeToken: (deviceId: string) => number;
  /** Counts an unknown token from this address: 0 to answer 401, otherwise 429 (see server.ts). */
  unknownToken: (address: string | undefined) => number;
}

export class LiveHub {
  private readonly byWorkspace = new Map<string, Set<LiveSocket>>();
  /** Per workspace, the newest seq whose poke went out carrying its changes; one entry at most. */
  private readonly carried = new Map<string, number>();
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    handleProtocols: (offered) => [...offered].find((protocol) => protocol.startsWith(subprotocolPrefix)) ?? false,
  });
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: LiveOptions) {
    // A laptop that sleeps or loses its network never says goodbye: ping, and drop the silent.
    this.heartbeat = setInterval(() => {
      for (const sockets of this.byWorkspace.values()) {
        for (const live of sockets) {
          if (!live.alive) {
            live.socket.terminate();
            continue;
          }
          live.alive = false;
          live.socket.ping();
        }
      }
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, report: Report): Promise<void> {
    const origin = request.headers.origin;
    if (origin && !this.originAllowed(origin, request.headers.host)) return refuse(socket, report, 403, 'Forbidden');
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((value) => value.trim());
    const token = offered.find((protocol) => protocol.startsWith(subprotocolPrefix))?.slice(subprotocolPrefix.length);
    const caller = await authenticate(this.options.db, token, this.options.now());
    if (!caller) {
      if (this.options.unknownToken(request.socket.remoteAddress) > 0) return refuse(socket, report, 429, 'Too Many Requests');
      return refuse(socket, report, 401, 'Unauthorized');
    }
    if (this.options.takeToken(caller.deviceId) > 0) return refuse(socket, report, 429, 'Too Many Requests', caller);
    this.server.handleUpgrade(request, socket, head, (webSocket) => {
      report(101, caller);
      this.register(caller.workspaceId, caller.deviceId, webSocket);
    });
  }

  /**
   * Sends a poke carrying a push's changes (src-relay/routes/push.ts) to every socket of the
   * workspace held by this process; the plain poke of the same push, notified right after it,
   * is then not sent.
   */
  carry(workspaceId: string, newestSeq: number, message: string): void {
    this.carried.set(workspaceId, newestSeq);
    for (const live of this.byWorkspace.get(workspaceId) ?? []) {
      live.socket.send(message);
      this.options.metrics.pokes.add();
    }
  }

  /** Sends the poke to every socket of the workspace held by this process. */
  poke(workspaceId: string, newestSeq: number): void {
    if (this.carried.get(workspaceId) === newestSeq) {
      this.carried.delete(workspaceId);
      return;
    }
    const message = JSON.stringify({ type: 'poke', newestSeq });
    for (const live of this.byWorkspace.get(workspaceId) ?? []) {
      live.socket.send(message);
      this.options.metrics.pokes.add();
    }
  }

  /** Tells every socket of the workspace held by this process that its keys changed (src-relay/keys/routes.ts). */
  announceKeys(workspaceId: string, newestEpoch: number): void {
    const message = JSON.stringify({ type: 'keys', newestEpoch } satisfies KeysChanged);
    for (const live of this.byWorkspace.get(workspaceId) ?? []) live.socket.send(message);
  }

  /** Sends a live message (a ringing call) to every socket of the workspace held by this process. */
  send(workspaceId: string, message: string): void {
    for (const live of this.byWorkspace.get(workspaceId) ?? []) live.socket.send(message);
  }

  /** After a revoke or removal: closes the sockets of devices that no longer have access. */
  async recheckAccess(workspaceId: string): Promise<void> {
    const sockets = this.byWorkspace.get(workspaceId);
    if (!sockets?.size) return;
    const active = await this.options.db
      .select({ id: devices.id })
      .from(devices)
      .innerJoin(members, eq(members.id, devices.memberId))
      .where(and(eq(devices.workspaceId, workspaceId), isNull(devices.revokedAt), isNull(members.removedAt)));
    const allowed = new Set(active.map((device) => device.id));
    for (const live of sockets) {
      if (!allowed.has(live.deviceId)) live.socket.close(4401, 'This device no longer has access.');
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const sockets of this.byWorkspace.values()) {
      for (const live of sockets) live.socket.close(1001, 'The relay is shutting down.');
    }
    this.server.close();
  }

  private register(workspaceId: string, deviceId: string, socket: WebSocket): void {
    const live: LiveSocket = { socket, deviceId, alive: true };
    let sockets = this.byWorkspace.get(workspaceId);
    if (!sockets) this.byWorkspace.set(workspaceId, (sockets = new Set()));
    sockets.add(live);
    this.options.metrics.openSockets.add(1);
    // Registered before the hello is sent: no announcement made after the hello can miss this socket.
    socket.send(JSON.stringify(hello));
    socket.on('pong', () => (live.alive = true));
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      sockets.delete(live);
      if (sockets.size === 0 && this.byWorkspace.get(workspaceId) === sockets) this.byWorkspace.delete(workspaceId);
      this.options.metrics.openSockets.add(-1);
    });
  }

  private originAllowed(origin: string, host: string | undefined): boolean {
    if (this.options.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
}

function refuse(socket: Duplex, report: Report, status: number, reason: string, caller?: Caller): void {
  report(status, caller);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
