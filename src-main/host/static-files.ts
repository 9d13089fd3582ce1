import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; size: number }
  | { kind: 'not-found' }
  | { kind: 'bad-path' };

/**
 * Maps a URL path onto a file under rendererDir. A path without an extension that names no file is
 * a client-side route, so it gets index.html; a missing `x.js` is a real 404, which keeps a broken
 * asset reference from quietly loading the page HTML as a script.
 */
export function lookupStaticFile(rendererDir: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-path' };

  const root = path.resolve(rendererDir);
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  const candidate = path.resolve(root, relative === '' ? 'index.html' : relative);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { kind: 'bad-path' };

  const stat = statFile(candidate);
  if (stat) return { kind: 'file', file: candidate, size: stat.size };
  if (path.posix.extname(relative) !== '') return { kind: 'not-found' };

  const index = path.join(root, 'index.html');
  const indexStat = statFile(index);
  return indexStat ? { kind: 'file', file: index, size: indexStat.size } : { kind: 'not-found' };
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Vite names everything it emits under assets/ by a hash of its content (index-D9BCEkNe.js), so
 * such a file never changes under its name: the browser may keep it for good, and then keeps the
 * code V8 compiled from it too, which spares parsing the bundle again at every opening of the app.
 * Everything else (index.html first of all) is asked for again each time.
 */
export function cacheControlOf(rendererDir: string, file: string): string {
  const relative = path.relative(path.resolve(rendererDir), file).split(path.sep);
  const hashed = relative.length === 2 && relative[0] === 'assets' && /-[\w-]{8,}\.[a-z0-9]+$/i.test(relative[1]!);
  // private: the token cookie guards these files, so no shared cache may keep them.
  return hashed ? 'private, max-age=31536000, immutable' : 'no-cache, private';
}

export async function sendFile(response: ServerResponse, file: string, size: number, cacheControl = 'no-cache, private'): Promise<void> {
  response.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': size,
    'Cache-Control': cacheControl,
  });
  await pipeline(fs.createReadStream(file), response);
}
