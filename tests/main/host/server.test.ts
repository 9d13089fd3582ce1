import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let core: TempCore;
let host: RunningHost;
let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-host-'));
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(rendererDir);
  // Beside the renderer folder, where a path traversal would find it.
  fs.writeFileSync(path.join(workDir, 'outside.txt'), 'secret');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-D9BCEkNe.js'), 'console.log("hashed");');
  core = createTempCore({ shell: 'browser' });
  host = await startHost({ core, port: 0, rendererDir });
});

afterAll(async () => {
  await host?.close();
  core?.dispose();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** node:http rather than fetch, because fetch may not set Host and always sends its own headers. */
function send(options: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const bearer = () => ({ authorization: `Bearer ${host.token}` });
const cookie = () => ({ cookie: `fieldbook_token_${host.port}=${host.token}` });

function rpc(channel: string, input: unknown, headers: http.OutgoingHttpHeaders = bearer()): Promise<Answer> {
  return send({
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

describe('browser host access control', () => {
  it('refuses a static file without the token', async () => {
    const answer = await send({ path: '/' });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('<title>');
  });

  it('refuses an rpc call without the token with a forbidden result', async () => {
    const answer = await rpc('app.info', {}, {});
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a wrong token in the query, the cookie or the Authorization header', async () => {
    const wrong = 'A'.repeat(host.token.length);
    expect((await send({ path: `/?token=${wrong}` })).status).toBe(403);
    expect((await send({ path: '/', headers: { cookie: `fieldbook_token_${host.port}=${wrong}` } })).status).toBe(403);
    expect((await rpc('app.info', {}, { authorization: `Bearer ${wrong}` })).status).toBe(403);
  });

  it('refuses a request whose Host header names another host, even with the token (DNS rebinding)', async () => {
    const answer = await send({ path: '/', headers: { host: `evil.example:${host.port}`, ...bearer() } });
    expect(answer.status).toBe(403);
    const otherPort = await send({ path: '/', headers: { host: `127.0.0.1:${host.port + 1}`, ...bearer() } });
    expect(otherPort.status).toBe(403);
  });

  it('accepts localhost as the Host name', async () => {
    const answer = await send({ path: '/', headers: { host: `localhost:${host.port}`, ...bearer() } });
    expect(answer.status).toBe(200);
  });

  it('refuses a request from a foreign Origin, even with the token', async () => {
    const answer = await rpc('app.info', {}, { origin: 'http://evil.example', ...cookie() });
    expect(answer.status).toBe(403);
    const opaque = await rpc('app.info', {}, { origin: 'null', ...cookie() });
    expect(opaque.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const answer = await rpc('app.info', {}, { origin: host.origin, ...cookie() });
    expect(answer.status).toBe(200);
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and redirects to a clean URL', async () => {
    const answer = await send({ path: `/?token=${host.token}` });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/');
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`fieldbook_token_${host.port}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('never redirects to another site after taking the token', async () => {
    const answer = await send({ path: `//evil.example/?token=${host.token}` });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/');
  });

  it('answers /health without the token', async () => {
    const answer = await send({ path: '/health' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('ok');
  });

  it('refuses methods other than GET and POST', async () => {
    const answer = await send({ method: 'PUT', path: '/', headers: bearer() });
    expect(answer.status).toBe(405);
  });
});

describe('browser host static files', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    const answer = await send({ path: '/', headers: cookie() });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type', async () => {
    const answer = await send({ path: '/assets/app.js', headers: cookie() });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.body).toBe('console.log("app");');
  });

  it('lets the browser keep content-hashed assets for good, and asks again for index.html and unhashed files', async () => {
    const hashed = await send({ path: '/assets/index-D9BCEkNe.js', headers: cookie() });
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const page = await send({ path: '/', headers: cookie() });
    expect(page.headers['cache-control']).toBe('no-cache, private');
    const plain = await send({ path: '/assets/app.js', headers: cookie() });
    expect(plain.headers['cache-control']).toBe('no-cache, private');
  });

  it('falls back to index.html for an unknown route but not for a missing file', async () => {
    const route = await send({ path: '/contacts/123', headers: cookie() });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Fieldbook</title>');
    expect((await send({ path: '/assets/missing.js', headers: cookie() })).status).toBe(404);
  });

  it('serves nothing outside the renderer folder', async () => {
    const traversals = ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/%00'];
    for (const traversal of traversals) {
      const answer = await send({ path: traversal, headers: cookie() });
      expect(answer.body).not.toContain('secret');
      expect(answer.status).not.toBe(500);
    }
  });
});

describe('browser host rpc', () => {
  it('answers app.info for a caller holding the cookie', async () => {
    const answer = await rpc('app.info', {}, cookie());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, data: { shell: 'browser', dataDir: core.dataDir } });
  });

  it('refuses invalid input naming the field, and stores nothing', async () => {
    const answer = await rpc('contacts.create', { draft: { name: '' } });
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'draft.name' } });
    const list = JSON.parse((await rpc('contacts.list', {})).body);
    expect(list).toMatchObject({ ok: true, data: { total: 0, items: [] } });
  });

  it('answers an unknown channel with unknown_channel', async () => {
    const answer = await rpc('contacts.explode', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('answers malformed JSON with 400 and invalid_input', async () => {
    const answer = await send({ method: 'POST', path: '/rpc/app.info', headers: bearer(), body: '{"draft":' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats an empty body as no input', async () => {
    const answer = await send({ method: 'POST', path: '/rpc/app.info', headers: bearer() });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });

  it('refuses a body over 5 MB with 413', async () => {
    const answer = await send({ method: 'POST', path: '/rpc/app.info', headers: bearer(), body: `"${'x'.repeat(5 * 1024 * 1024)}"` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses GET on an rpc path', async () => {
    expect((await send({ path: '/rpc/app.info', headers: bearer() })).status).toBe(405);
  });
});

describe('browser host events', () => {
  it('streams contacts.changed as a server-sent event after a contact is created', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: host.port, path: '/events', headers: { host: `127.0.0.1:${host.port}`, ...cookie() } },
        (response) => {
          expect(response.statusCode).toBe(200);
          expect(response.headers['content-type']).toContain('text/event-stream');
          let text = '';
          let created = false;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            if (!created && text.includes(': connected')) {
              created = true;
              void rpc('contacts.create', { draft: { name: 'Ada Lovelace' } });
            }
            const event = /event: contacts\.changed\ndata: (.*)\n\n/.exec(text);
            if (event) {
              request.destroy();
              resolve(event[1]!);
            }
          });
        },
      );
      request.on('error', reject);
    });
    const payload = JSON.parse(await received) as { ids: string[] };
    expect(payload.ids).toHaveLength(1);
    const list = JSON.parse((await rpc('contacts.list', {})).body);
    expect(list.data.items.map((item: { id: string }) => item.id)).toEqual(payload.ids);
  });

  it('refuses the event stream without the token', async () => {
    expect((await send({ path: '/events' })).status).toBe(403);
  });
});
