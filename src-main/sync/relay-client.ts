import type { z } from 'zod';
import WebSocket from 'ws';
import {
  CarryingPokeSchema,
  livePath,
  PokeSchema,
  RelayErrorSchema,
  relayRoutes,
  routePath,
  type RelayRouteSpec,
  type SequencedChange,
  type WireChange,
} from '../../src-shared/sync/protocol';
import type { WorkspaceRole } from '../../src-shared/sync/roles';

/** A relay answer that is not a success, in words for the user, with the relay's code. */
export class RelayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export type Fetch = typeof fetch;

/** Talks to one relay over HTTP, validating every answer against the protocol's schemas. */
export class RelayClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    /** Replaceable so fault tests can drop, repeat or reorder what crosses the network. */
    readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 60_000,
  ) {}

  createWorkspace(body: { workspaceName: string; memberName: string; deviceName: string }) {
    return this.call(relayRoutes.createWorkspace, { body });
  }

  join(body: { inviteCode: string; memberName: string; deviceName: string }) {
    return this.call(relayRoutes.join, { body });
  }

  invite(role: WorkspaceRole = 'member') {
    return this.call(relayRoutes.invite, { body: { role } });
  }

  workspace() {
    return this.call(relayRoutes.workspace);
  }

  revokeDevice(deviceId: string) {
    return this.call(relayRoutes.revokeDevice, { params: { id: deviceId }, body: {} });
  }

  setMemberRole(memberId: string, role: WorkspaceRole) {
    return this.call(relayRoutes.setMemberRole, { params: { id: memberId }, body: { role } });
  }

  removeMember(memberId: string) {
    return this.call(relayRoutes.removeMember, { params: { id: memberId }, body: {} });
  }

  push(changes: WireChange[]) {
    return this.call(relayRoutes.push, { body: { changes } });
  }

  pull(after: number, limit: number) {
    return this.call(relayRoutes.pull, { query: { after, limit } });
  }

  snapshot(after: string | null, limit: number) {
    return this.call(relayRoutes.snapshot, { query: after === null ? { limit } : { after, limit } });
  }

  /** The workspace's key epochs and the key rings sealed to this device (or to `invite`): src-main/sync/keys/. */
  keys(invite?: string) {
    return this.call(relayRoutes.keys, { query: invite ? { invite } : {} });
  }

  registerDeviceKey(publicKey: string) {
    return this.call(relayRoutes.registerDeviceKey, { body: { publicKey } });
  }

  addEpoch(body: z.infer<typeof relayRoutes.addEpoch.body>) {
    return this.call(relayRoutes.addEpoch, { body });
  }

  addEnvelopes(envelopes: z.infer<typeof relayRoutes.addEnvelopes.body>['envelopes']) {
    return this.call(relayRoutes.addEnvelopes, { body: { envelopes } });
  }

  /**
   * Opens the live channel; `onPoke` gets the newest sequence after each push to the workspace,
   * with the push's changes when the poke carried them (checked as a pull page is), `onMessage`
   * every other message (a ringing call: src-shared/sync/telephony.ts), unchecked.
   */
  live(
    onPoke: (newestSeq: number, carried?: SequencedChange[]) => void,
    onClose: () => void,
    onOpen: () => void = () => {},
    onMessage: (message: unknown) => void = () => {},
  ): { close(): void } {
    const url = new URL(livePath, this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, [`fieldbook.${this.token ?? ''}`]);
    socket.on('message', (data) => {
      try {
        const message: unknown = JSON.parse(String(data));
        const poke = PokeSchema.safeParse(message);
        if (!poke.success) return onMessage(message);
        // Changes that fail the pull's own schema are not applied from here: the pull fetches them.
        const carrying = CarryingPokeSchema.safeParse(message);
        onPoke(poke.data.newestSeq, carrying.success ? carrying.data.changes : undefined);
      } catch {
        // A malformed message from the relay is ignored; the next pull is the truth anyway.
      }
    });
    socket.on('error', () => {});
    socket.on('open', onOpen);
    socket.on('close', onClose);
    return { close: () => socket.terminate() };
  }

  /** The header that authenticates this device; sent to its relay only, never to a file store. */
  authorization(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** Sends a request of one of the protocol's routes and checks the answer against its schema. */
  call<R extends RelayRouteSpec>(
    route: R,
    options: { params?: Record<string, string>; query?: Record<string, string | number>; body?: unknown } = {},
  ): Promise<z.output<R['response']>> {
    const query = options.query ? `?${new URLSearchParams(Object.entries(options.query).map(([name, value]) => [name, String(value)] as [string, string]))}` : '';
    return this.request<R['response']>(route.method, routePath(route, options.params) + query, route.response, options.body, route.readResponse);
  }

  /** The response to a request with this device's token, for bodies that are not JSON (a recording). */
  async fetchRaw(path: string): Promise<Response> {
    try {
      return await this.fetchOnce(
        new URL(path, this.baseUrl),
        () => ({ headers: this.authorization(), signal: AbortSignal.timeout(this.timeoutMs) }),
        'GET',
      );
    } catch (error) {
      throw new RelayError('offline', `Cannot reach the relay at ${this.baseUrl} (${describeNetworkError(error)}).`, 0);
    }
  }

  /** One fetch; a GET whose reused connection turned out closed is sent once more (closedConnection). */
  private async fetchOnce(url: URL, init: () => RequestInit, method: string): Promise<Response> {
    try {
      return await this.fetchImpl(url, init());
    } catch (error) {
      const code = networkErrorCode(error);
      if (method !== 'GET' || code === undefined || !closedConnection.has(code)) throw error;
      return this.fetchImpl(url, init());
    }
  }

  /** A JSON request answered in the protocol's error form; also used by the phone line's routes. */
  async request<S extends z.ZodType>(
    method: RelayRouteSpec['method'],
    path: string,
    schema: S | undefined,
    body?: unknown,
    /** RelayRouteSpec.readResponse: a faster check that leaves to `schema` what it does not accept. */
    readResponse?: (value: unknown) => z.output<S> | undefined,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchOnce(
        new URL(path, this.baseUrl),
        () => ({ method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(this.timeoutMs) }),
        method,
      );
    } catch (error) {
      throw new RelayError(
        'offline',
        `Cannot reach the relay at ${this.baseUrl} (${describeNetworkError(error)}). Check the address, and that the relay is running and this laptop is online.`,
        0,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new RelayError('bad_response', `The relay answered something that is not JSON (HTTP ${response.status}).`, response.status);
    }
    if (!response.ok) {
      const parsed = RelayErrorSchema.safeParse(json);
      if (parsed.success) throw new RelayError(parsed.data.error.code, parsed.data.error.message, response.status);
      throw new RelayError('bad_response', `The relay refused the request (HTTP ${response.status}).`, response.status);
    }
    if (!schema) return undefined as z.output<S>;
    const read = readResponse?.(json);
    if (read !== undefined) return read;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new RelayError('bad_response', 'The relay answered in a form this version does not understand.', response.status);
    }
    return parsed.data;
  }
}

/**
 * Failures of a kept-alive connection that the relay (or a proxy) closed as it was reused: the
 * request never reached the relay, so a read is asked again, once, on a fresh connection, instead
 * of the laptop showing "offline" until the next sync.
 */
const closedConnection = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function networkErrorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as Error & { cause?: { code?: string } }).cause?.code : undefined;
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    if (cause?.code) return cause.code;
    if (error.name === 'TimeoutError') return 'timed out';
    return error.message;
  }
  return 'network error';
}
