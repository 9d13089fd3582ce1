import { describe, expect, it } from 'vitest';
import { matchRoute, routeHandlers } from '../../src-relay/routes';
import { relayRoutes, routePath } from '../../src-shared/sync/protocol';

describe("the relay's routes", () => {
  it('serves every route the protocol declares, and no other', () => {
    const served = routeHandlers.map((route) => `${route.method} ${route.path}`).sort();
    const declared = Object.values(relayRoutes).map((route) => `${route.method} ${route.path}`).sort();
    expect(served).toEqual(declared);
  });

  it('finds the handler of a path the client builds, parameters included', () => {
    const path = routePath(relayRoutes.revokeDevice, { id: 'device/7 ä' });
    expect(path).toBe('/v1/devices/device%2F7%20%C3%A4/revoke');
    expect(matchRoute('POST', path)).toMatchObject({ route: { path: '/v1/devices/:id/revoke' }, params: { id: 'device%2F7%20%C3%A4' } });
    expect(matchRoute('GET', path)).toBeUndefined();
  });
});
