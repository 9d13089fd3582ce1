import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../host/content-security-policy';
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
    { scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files of rendererDir, index.html for client-side routes, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(scheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== host) return new Response('Not found', { status: 404 });
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

// Compared by parts: Node's URL gives every non-special scheme the origin "null".
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${scheme}:` && parsed.host === host;
  } catch {
    return false;
  }
}
