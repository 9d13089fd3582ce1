import type { ErrorPayload } from '../src-shared/errors';
import { maxRpcBodyBytes } from '../src-shared/ipc/bridge';
import type { RpcResult } from '../src-shared/ipc/contract';

// The page side of the browser host's call socket (src-main/host/rpc-socket.ts): calls go over
// one WebSocket while it is open, and over `POST /rpc/<channel>` (api.ts) while it is not (before
// it opens, after it closed, or where the host refuses it). The answers are the host's own, as
// they are over HTTP: not validated again here. The host's events come down the same socket
// (`{ event, payload }`) and are handed to `hooks.event` with the name unchecked: api.ts keeps
// only the names it knows, as it does for the event stream's.

/** What the socket tells its owner besides answers (api.ts: the socket is its event stream). */
export interface SocketHooks {
  /** The socket opened: events come over it from now on. */
  opened?(): void;
  /** The socket closed, or could not be made: no events come over it until it opens again. */
  closed?(): void;
  event?(name: string, payload: unknown): void;
}

/** The part of a browser WebSocket used here, so tests can hand in their own. */
export interface CallSocket {
  readonly readyState: number;
  send(text: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const socketOpen = 1;
/** After a socket closed, how long calls stay on HTTP before another socket is tried. */
export const reconnectDelayMs = 2_000;

export class RpcSocketClient {
  private socket: CallSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: RpcResult<unknown>) => void>();
  private retryAt = 0;

  constructor(
    private readonly openSocket: () => CallSocket,
    /** What a call gets when the socket closes before its answer came. */
    private readonly lostAnswer: ErrorPayload,
    private readonly now: () => number = () => performance.now(),
    private readonly hooks: SocketHooks = {},
  ) {}

  /** Whether calls (and events) go over the socket now. */
  get isOpen(): boolean {
    return this.socket?.readyState === socketOpen;
  }

  /** Opens the socket unless one is open or opening, or the last one closed moments ago. */
  connect(): void {
    if (this.socket || this.now() < this.retryAt) return;
    let socket: CallSocket;
    try {
      socket = this.openSocket();
    } catch {
      this.retryAt = this.now() + reconnectDelayMs;
      this.hooks.closed?.();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.hooks.opened?.();
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => this.closed(socket));
  }

  /**
   * Sends the call over the socket and resolves with its answer; undefined when the socket is not
   * open, and the caller uses HTTP. A call already sent is never sent again: if the socket closes
   * before the answer, the call may or may not have run, so it gets `lostAnswer`, as a dropped
   * HTTP request does.
   */
  call(channel: string, input: unknown): Promise<RpcResult<unknown>> | undefined {
    const socket = this.socket;
    if (!socket || socket.readyState !== socketOpen) {
      this.connect();
      return undefined;
    }
    const id = this.nextId;
    const text = JSON.stringify({ id, channel, input: input ?? {} });
    // The host closes the socket on a message over its limit; over HTTP the same call is answered
    // with the clear "larger than …" error instead, and the socket stays open for the others.
    if (text.length > maxRpcBodyBytes / 3 && new TextEncoder().encode(text).length > maxRpcBodyBytes) return undefined;
    this.nextId += 1;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(text);
    });
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, result, event, payload } = message as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
    if (typeof event === 'string') {
      this.hooks.event?.(event, payload);
      return;
    }
    if (typeof id !== 'number' || typeof result !== 'object' || result === null) return;
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(result as RpcResult<unknown>);
  }

  private closed(socket: CallSocket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.retryAt = this.now() + reconnectDelayMs;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error: this.lostAnswer });
    this.hooks.closed?.();
  }
}
