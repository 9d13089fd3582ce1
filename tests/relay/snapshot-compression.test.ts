import http from 'node:http';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RelayClient } from '../../src-main/sync/relay-client';
import { useRelayInMemory } from '../helpers/relay-in-memory';
import { call, createWorkspace, wireChange } from './helpers/relay-harness';

// A snapshot page is megabytes of JSON whose clocks and authors repeat: the relay compresses a
// large answer for a client that accepts it (src-relay/http.ts sendJson), and sends it as it is to
// one that does not, as laptops and tools of earlier versions may be.

const relay = useRelayInMemory();

/** The raw answer to GET `path`: its headers and its body's bytes as they crossed the wire. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, relay.url), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('a large snapshot page', () => {
  it('comes compressed to a client that accepts Brotli or gzip, and as plain JSON to one that does not', async () => {
    const admin = await createWorkspace(relay.url);
    const changes = Array.from({ length: 600 }, (_, index) => wireChange({ fields: { name: `Contact number ${index}`, summary: 'Met at the trade fair; wants a quote for the boiler.', cl: 1 } }));
    expect((await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes } })).status).toBe(200);
    const authorization = `Bearer ${admin.deviceToken}`;
    const path = '/v1/snapshot?limit=1000';

    const plain = await rawGet(path, { authorization });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = JSON.parse(plain.bytes.toString('utf8')) as { rows: unknown[] };
    expect(page.rows).toHaveLength(600);
    expect(plain.bytes.length).toBeGreaterThan(64 * 1024);

    const brotli = await rawGet(path, { authorization, 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.bytes.length).toBeLessThan(plain.bytes.length / 5);
    expect(JSON.parse(zlib.brotliDecompressSync(brotli.bytes).toString('utf8'))).toEqual(page);

    const gzip = await rawGet(path, { authorization, 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.bytes).toString('utf8'))).toEqual(page);

    expect(await new RelayClient(relay.url, admin.deviceToken).snapshot(null, 1000)).toEqual(page);
  });

  it('small answers (an error, a short page) stay plain JSON', async () => {
    const admin = await createWorkspace(relay.url);
    const error = await rawGet('/v1/snapshot?after=garbage', { authorization: `Bearer ${admin.deviceToken}`, 'accept-encoding': 'br, gzip' });
    expect(error.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(error.bytes.toString('utf8'))).toMatchObject({ error: { code: 'invalid_input' } });
  });
});
