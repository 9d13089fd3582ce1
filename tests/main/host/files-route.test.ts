import crypto from 'node:crypto';
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
  body: Buffer;
}

let core: TempCore;
let host: RunningHost;
let workDir: string;
let contactId: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-host-files-'));
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  core = createTempCore({ shell: 'browser' });
  host = await startHost({ core, port: 0, rendererDir });
  contactId = (await core.call('contacts.create', { draft: { name: 'Ann Example' } })).id;
});

afterAll(async () => {
  await host?.close();
  core?.dispose();
  fs.rmSync(workDir, { recursive: true, force: true });
});

function send(options: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: Buffer | string }): Promise<Answer> {
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
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const cookie = () => ({ cookie: `fieldbook_token_${host.port}=${host.token}` });

function upload(name: string, bytes: Buffer, headers: http.OutgoingHttpHeaders = cookie()): Promise<Answer> {
  return send({
    method: 'POST',
    path: `/files/upload?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: bytes,
  });
}

async function attach(name: string, mimeType: string, bytes: Buffer): Promise<string> {
  const answer = await upload(name, bytes);
  expect(answer.status).toBe(200);
  const staged = JSON.parse(answer.body.toString('utf8')) as { ok: true; data: { uploadId: string; sha256: string; sizeBytes: number } };
  const file = await core.call('files.add', { contactId, uploadId: staged.data.uploadId, name, mimeType });
  return file.sha256;
}

function filesOnDisk(): string[] {
  const root = path.join(core.dataDir, 'files');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('browser host file upload', () => {
  it('stages the uploaded bytes and answers their hash and size', async () => {
    const answer = await upload('quote.pdf', pdfBytes);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({
      ok: true,
      data: {
        uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sha256: crypto.createHash('sha256').update(pdfBytes).digest('hex'),
        sizeBytes: pdfBytes.length,
      },
    });
  });

  it('refuses a file over the size limit with 413 and a message naming the limit, and stores nothing', async () => {
    await core.call('settings.update', { maxFileBytes: 2048 });
    try {
      const before = filesOnDisk();
      const answer = await upload('site-photo.jpg', crypto.randomBytes(64 * 1024));
      expect(answer.status).toBe(413);
      const result = JSON.parse(answer.body.toString('utf8'));
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file' } });
      expect(result.error.message).toBe('"site-photo.jpg" is larger than the 2 KB limit for files.');
      expect(filesOnDisk()).toEqual(before);
    } finally {
      await core.call('settings.update', { maxFileBytes: 100 * 1024 * 1024 });
    }
  });

  it('keeps the connection usable for the refusal: the client reads the answer after sending everything', async () => {
    await core.call('settings.update', { maxFileBytes: 1024 });
    try {
      const answer = await upload('big.bin', Buffer.alloc(2 * 1024 * 1024, 7));
      expect(answer.status).toBe(413);
    } finally {
      await core.call('settings.update', { maxFileBytes: 100 * 1024 * 1024 });
    }
  });

  it('takes a file to import past the file size limit, and refuses an upload for no known purpose', async () => {
    await core.call('settings.update', { maxFileBytes: 2048 });
    try {
      const csv = Buffer.from(['Name,Email', ...Array.from({ length: 200 }, (_, index) => `Customer ${index},c${index}@example.com`)].join('\n'));
      expect((await upload('customers.csv', csv)).status).toBe(413);
      const forImport = await send({
        method: 'POST',
        path: '/files/upload?name=customers.csv&purpose=import',
        headers: { 'content-type': 'text/csv', ...cookie() },
        body: csv,
      });
      expect(forImport.status).toBe(200);
      expect(JSON.parse(forImport.body.toString('utf8'))).toMatchObject({ ok: true, data: { sizeBytes: csv.length } });
      const unknown = await send({ method: 'POST', path: '/files/upload?name=a.csv&purpose=backup', headers: cookie(), body: 'x' });
      expect(unknown.status).toBe(400);
      expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'An upload is for one of: file, import.' } });
    } finally {
      await core.call('settings.update', { maxFileBytes: 100 * 1024 * 1024 });
    }
  });

  it('refuses an upload without a name', async () => {
    const answer = await send({ method: 'POST', path: '/files/upload', headers: cookie(), body: 'x' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an upload without the token, and from a foreign Origin', async () => {
    expect((await upload('a.txt', Buffer.from('a'), {})).status).toBe(403);
    expect((await upload('a.txt', Buffer.from('a'), { ...cookie(), origin: 'http://evil.example' })).status).toBe(403);
  });
});

describe('browser host stored files', () => {
  it('serves a PDF inline with its type, nosniff and a policy of its own', async () => {
    const sha256 = await attach('Quote 42.pdf', 'application/pdf', pdfBytes);
    const answer = await send({ path: `/files/${sha256}`, headers: cookie() });
    expect(answer.status).toBe(200);
    expect(answer.body.equals(pdfBytes)).toBe(true);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['content-length']).toBe(String(pdfBytes.length));
    expect(answer.headers['content-disposition']).toBe("inline; filename*=UTF-8''Quote%2042.pdf");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const policy = answer.headers['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("object-src 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toMatch(/; sandbox$/);
    expect(policy).not.toContain('script-src');
  });

  it('serves an image inline and sandboxed', async () => {
    const sha256 = await attach('boiler.png', 'image/png', Buffer.from('not really a png'));
    const answer = await send({ path: `/files/${sha256}`, headers: cookie() });
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-disposition']).toMatch(/^inline;/);
    expect(answer.headers['content-security-policy']).toMatch(/; sandbox$/);
  });

  it('sends a file it cannot preview as a download, even an HTML page, with its name encoded', async () => {
    const sha256 = await attach('Plan (v2) ü.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    const answer = await send({ path: `/files/${sha256}`, headers: cookie() });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toBe("attachment; filename*=UTF-8''Plan%20%28v2%29%20%C3%BC.html");
    expect(answer.headers['content-security-policy']).toMatch(/; sandbox$/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for an unknown or malformed hash, and 403 without the token', async () => {
    expect((await send({ path: `/files/${'0'.repeat(64)}`, headers: cookie() })).status).toBe(404);
    expect((await send({ path: '/files/../fieldbook.db', headers: cookie() })).status).not.toBe(200);
    expect((await send({ path: '/files/abc', headers: cookie() })).status).toBe(404);
    const sha256 = await attach('a.pdf', 'application/pdf', Buffer.from('%PDF-1.4 a'));
    expect((await send({ path: `/files/${sha256}` })).status).toBe(403);
  });

  it('stops serving a file once every contact holding it deleted it', async () => {
    const bytes = Buffer.from('%PDF-1.4 deleted');
    const answer = await upload('gone.pdf', bytes);
    const staged = JSON.parse(answer.body.toString('utf8')) as { data: { uploadId: string; sha256: string } };
    const file = await core.call('files.add', { contactId, uploadId: staged.data.uploadId, name: 'gone.pdf', mimeType: 'application/pdf' });
    await core.call('files.delete', { id: file.id });
    expect((await send({ path: `/files/${file.sha256}`, headers: cookie() })).status).toBe(404);
  });
});
