import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpTransport } from '../../../src-main/files/byte-transport';

// A file part sent on a kept-alive connection that the store closed as it was reused (its idle
// timeout ran out; on a busy machine the race is likelier) is sent again on a fresh connection,
// rather than the upload stopping as "offline".

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('the byte transport', () => {
  it('sends a part again on a fresh connection when the server drops the kept-alive one it reused', async () => {
    const seen = new Set<unknown>();
    const received: number[] = [];
    server = http.createServer((request, response) => {
      const fresh = !seen.has(request.socket);
      seen.add(request.socket);
      // Like a server whose idle timeout ended just as the connection was picked up again.
      if (!fresh) return request.socket.destroy();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(Buffer.concat(chunks).length);
        response.writeHead(200, { etag: `"part-${received.length}"`, connection: 'keep-alive' });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/part`);
    const body = Buffer.alloc(256 * 1024, 7);
    const first = await nodeHttpTransport(url, { method: 'PUT', headers: {}, body });
    await first.text();
    const second = await nodeHttpTransport(url, { method: 'PUT', headers: {}, body });
    await second.text();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.header('etag')).toBe('"part-2"');
    expect(received).toEqual([body.length, body.length]);
  });
});
