import { relayRoutes } from '../../src-shared/sync/protocol';
import { pingDatabase } from '../db/open';
import { keyRoutes } from '../keys/routes';
import { pullRoute, snapshotRoute } from './pull';
import { pushRoute } from './push';
import type { Route } from './types';
import { workspaceRoutes } from './workspaces';

// Every HTTP route of the relay (besides GET /metrics and the /v1/live upgrade, which the server
// handles itself). Each takes its method and path from relayRoutes in src-shared/sync/protocol.ts,
// as RelayClient in src-main/sync does.

const healthRoute: Route = {
  ...relayRoutes.health,
  access: 'public',
  rateLimited: false,
  async handle({ db }) {
    await pingDatabase(db);
    return { ok: true } as const;
  },
};

export const routeHandlers: readonly Route[] = [healthRoute, ...workspaceRoutes, pushRoute, pullRoute, snapshotRoute, ...keyRoutes];

export interface MatchedRoute {
  route: Route;
  /** Path parameters, still URL-encoded. */
  params: Record<string, string>;
}

/** Finds the route of `/v1/devices/abc/revoke` by its pattern `/v1/devices/:id/revoke`. */
export function matchRoute(method: string, pathname: string, routes: readonly Route[] = routeHandlers): MatchedRoute | undefined {
  const parts = pathname.split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (route.method !== method || pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, index) => {
      const part = parts[index]!;
      if (!segment.startsWith(':')) return segment === part;
      params[segment.slice(1)] = part;
      return part !== '';
    });
    if (matches) return { route, params };
  }
  return undefined;
}
