import { describe, expect, it } from 'vitest';
import { createBlobRoutes } from '../../../src-relay/blobs/routes';
import type { BlobService } from '../../../src-relay/blobs/service';
import { matchRoute } from '../../../src-relay/routes';
import { blobRoutes } from '../../../src-shared/sync/blob-protocol';
import { routePath } from '../../../src-shared/sync/protocol';

describe("the relay's blob routes", () => {
  // Only the routes' declarations are read here; no request reaches the service.
  const served = createBlobRoutes({} as BlobService);

  it('serves every blob route the protocol declares, and no other', () => {
    const servedNames = served.map((route) => `${route.method} ${route.path}`).sort();
    const declared = Object.values(blobRoutes).map((route) => `${route.method} ${route.path}`).sort();
    expect(servedNames).toEqual(declared);
  });

  it('lets only admins see the storage use, and every device of the workspace do the rest', () => {
    const access = Object.fromEntries(served.map((route) => [`${route.method} ${route.path}`, route.access]));
    expect(access[`GET ${blobRoutes.usage.path}`]).toBe('admin');
    expect(served.filter((route) => route.access === 'public')).toEqual([]);
  });

  it('tells a part sent to the relay from the request for where to send it, by method', () => {
    const path = routePath(blobRoutes.partBytes, { id: 'upload-1', part: '3' });
    expect(matchRoute('PUT', path, served)).toMatchObject({ route: { method: 'PUT', path: blobRoutes.partBytes.path }, params: { id: 'upload-1', part: '3' } });
    expect(matchRoute('POST', path, served)).toMatchObject({ route: { method: 'POST', path: blobRoutes.partTarget.path } });
  });
});
