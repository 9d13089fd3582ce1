import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../auth';
import type { RelayDb } from '../db/open';
import type { RelayRouteSpec } from '../../src-shared/sync/protocol';
import type { RelayMetrics } from '../metrics';

// What a route handler gets and declares. The server (src-relay/server.ts) matches the route,
// authenticates when `access` asks for it, applies the rate limit, and sends the returned body
// as JSON with status 200; a handler refuses by throwing a RelayHttpError.

export interface RouteContext {
  db: RelayDb;
  now: () => number;
  metrics: RelayMetrics;
  request: IncomingMessage;
  /** For a route that answers with bytes rather than JSON; it then returns `responseSent`. */
  response: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Reads the JSON body within the size limit; `{}` when empty. */
  body(): Promise<unknown>;
  /** Tells every relay process that devices of the workspace lost access (closes their sockets). */
  accessChanged(workspaceId: string): Promise<void>;
}

export interface AuthedContext extends RouteContext {
  caller: Caller;
}

/** Returned by a handler that wrote its own response (a stream of bytes). */
export const responseSent = Symbol('response sent');

/**
 * Method, path (`/v1/devices/:id/revoke`, also the `route` label of logs and metrics) and schemas
 * of the route, spread from its declaration in src-shared/sync/protocol.ts.
 */
type RouteBase = RelayRouteSpec;

export type Route =
  | (RouteBase & { access: 'public'; rateLimited: boolean; handle(context: RouteContext): Promise<unknown> })
  /**
   * `device`: any device of the workspace; `writer`: a device whose member may change the
   * workspace's data (not a read-only member's: 403); `admin`: an admin's device.
   */
  | (RouteBase & { access: 'device' | 'writer' | 'admin'; handle(context: AuthedContext): Promise<unknown> });
