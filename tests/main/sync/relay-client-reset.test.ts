import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { relayRoutes } from '../../../src-shared/sync/protocol';
import { RelayClient } from '../../../src-main/sync/relay-client';

// A kept-alive connection that the relay (or a proxy in front of it) closes just as the laptop
// reuses it: the request never reaches the relay. A read is asked again once on a fresh
// connection, so the laptop does not show "offline" until its next sync; a write is not repeated.

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A relay that drops the connection of the first `drops` requests without answering. */
async function droppingRelay(drops: number): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (seen.length <= drops) {
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

describe('a connection closed under a request', () => {
  it('asks a read again once, and answers it', async () => {
    const relay = await droppingRelay(1);
    const client = new RelayClient(relay.url, 'device-token');
    await expect(client.call(relayRoutes.health)).resolves.toEqual({ ok: true });
    expect(relay.seen).toEqual(['GET /health', 'GET /health']);
  });

  it('says the relay cannot be reached when the read fails again', async () => {
    const relay = await droppingRelay(2);
    const client = new RelayClient(relay.url, 'device-token');
    await expect(client.call(relayRoutes.health)).rejects.toMatchObject({ code: 'offline' });
    expect(relay.seen).toHaveLength(2);
  });

  it('never sends a write twice', async () => {
    const relay = await droppingRelay(1);
    const client = new RelayClient(relay.url, 'device-token');
    await expect(client.call(relayRoutes.revokeDevice, { params: { id: 'laptop-2' }, body: {} })).rejects.toMatchObject({ code: 'offline' });
    expect(relay.seen).toEqual(['POST /v1/devices/laptop-2/revoke']);
  });
});
