import { net, protocol } from 'electron';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { filesPathPrefix } from '../../src-shared/ipc/bridge';
import type { Core } from '../core/create-core';
import { contentSecurityPolicy } from '../host/content-security-policy';
import { storedFileHeaders } from '../host/files-route';
import { contentTypeOf, lookupStaticFile } from '../host/static-files';

// The renderer is served as app://fieldbook/… rather than file://, so the page has a real origin:
// it cannot read arbitrary files by relative URL, the CSP's 'self' means our bundle only, and
// ipc.ts can recognise our page by its URL.

const scheme = 'app';
const host = 'fieldbook';
export const appOrigin = `${scheme}://${host}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the code it compiled from our bundle, so the app opens without parsing it again.
    { scheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves files of rendererDir, index.html for client-side routes, with the CSP on every response;
 * and stored files under app://fieldbook/files/<sha256>, with the headers the browser host gives them.
 */
export function serveRenderer(rendererDir: string, files: Pick<Core['files'], 'open'>): void {
  protocol.handle(scheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== host) return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith(filesPathPrefix)) return serveStoredFile(files, url.pathname.slice(filesPathPrefix.length));
    const found = lookupStaticFile(rendererDir, url.pathname);
    if (found.kind !== 'file') return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(found.file).href);
    const headers = new Headers(file.headers);
    headers.set('Content-Type', contentTypeOf(found.file));
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
}

async function serveStoredFile(files: Pick<Core['files'], 'open'>, sha256: string): Promise<Response> {
  const found = /^[0-9a-f]{64}$/.test(sha256) ? files.open(sha256) : undefined;
  if (!found) return new Response('Not found', { status: 404 });
  const headers = new Headers();
  for (const [name, value] of Object.entries(storedFileHeaders(found.file, found.sizeBytes))) headers.set(name, String(value));
  // Decrypted on the way out (src-main/files/blob-store.ts).
  return new Response(Readable.toWeb(found.read()) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/** Stored files carry their own, stricter policy, which the session must not replace with the page's. */
export function isStoredFileUrl(url: string): boolean {
  return isAppUrl(url) && new URL(url).pathname.startsWith(filesPathPrefix);
}

// Compared by parts: Node's URL gives every non-special scheme the origin "null".
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${scheme}:` && parsed.host === host;
  } catch {
    return false;
  }
}
