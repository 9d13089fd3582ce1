import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadsPathPrefix, findDownload, serveDownload, type DownloadFolders } from '../../../src-main/host/download-route';

// The route alone, behind a bare server that routes like src-main/host/server.ts does (the token
// check in front of it is server.ts's own and tested in server.test.ts).

let workDir: string;
let folders: DownloadFolders;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-downloads-'));
  folders = { exportsDir: path.join(workDir, 'data', 'exports'), backupDir: path.join(workDir, 'data', 'backups') };
  fs.mkdirSync(folders.exportsDir, { recursive: true });
  fs.mkdirSync(folders.backupDir, { recursive: true });
  fs.writeFileSync(path.join(folders.exportsDir, 'contacts-standard-20260110T093000000Z.csv'), 'Id,Name\nc1,Ann\n');
  fs.writeFileSync(path.join(folders.backupDir, 'fieldbook-backup-20260110T093000123Z.tar.gz'), Buffer.from([0x1f, 0x8b, 0, 1]));
  fs.writeFileSync(path.join(workDir, 'data', 'secret.txt'), 'not for download');
  fs.writeFileSync(path.join(workDir, 'outside.txt'), 'not for download either');
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(downloadsPathPrefix)) {
      void serveDownload(folders, url.pathname.slice(downloadsPathPrefix.length), response);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A raw request target, so that `..` and encoded slashes reach the server as written. */
function get(target: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}/`, { method: 'GET', path: target }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('GET /downloads/<kind>/<name>', () => {
  it('serves an export as an attachment with its name', async () => {
    const answer = await get('/downloads/exports/contacts-standard-20260110T093000000Z.csv');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toBe("attachment; filename*=UTF-8''contacts-standard-20260110T093000000Z.csv");
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body.toString('utf8')).toBe('Id,Name\nc1,Ann\n');
  });

  it('serves a backup from the backup folder', async () => {
    const answer = await get('/downloads/backups/fieldbook-backup-20260110T093000123Z.tar.gz');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/gzip');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; /);
    expect([...answer.body]).toEqual([0x1f, 0x8b, 0, 1]);
  });

  it.each([
    '/downloads/exports/..%2fsecret.txt',
    '/downloads/exports/..%2F..%2Foutside.txt',
    '/downloads/exports/..%5csecret.txt',
    '/downloads/exports/sub%2fcontacts.csv',
    '/downloads/exports/.hidden',
    '/downloads/exports/%00.csv',
    '/downloads/exports/%E0%A4%A',
  ])('refuses the name in %s', async (target) => {
    const answer = await get(target);
    expect(answer.status).toBe(400);
    expect(answer.body.toString('utf8')).not.toContain('not for download');
  });

  it('never reaches outside its folders through dot-segments in the path itself', async () => {
    for (const target of ['/downloads/exports/../secret.txt', '/downloads/backups/../../outside.txt', '/downloads/exports/%2e%2e/secret.txt']) {
      const answer = await get(target);
      expect(answer.status, target).not.toBe(200);
      expect(answer.body.toString('utf8')).not.toContain('not for download');
    }
  });

  it('answers 404 for an unknown kind or a file that is not there', async () => {
    expect((await get('/downloads/files/contacts-standard-20260110T093000000Z.csv')).status).toBe(404);
    expect((await get('/downloads/exports/missing.csv')).status).toBe(404);
    expect((await get('/downloads/exports')).status).toBe(404);
  });

  it('refuses traversal when called directly, whatever the transport normalised', () => {
    expect(findDownload(folders, 'exports/../secret.txt')).toEqual({ kind: 'bad-name' });
    expect(findDownload(folders, 'backups/..\\..\\outside.txt')).toEqual({ kind: 'bad-name' });
    expect(findDownload(folders, 'exports/a/b.csv')).toEqual({ kind: 'bad-name' });
  });
});
