import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { eventsPath, filesPathPrefix, fileUploadPath, rpcPathPrefix, rpcSocketPath } from '../../src-shared/ipc/bridge';
import {
  createLaunchToken,
  hasValidToken,
  isAllowedHost,
  isAllowedOrigin,
  tokenCookie,
  tokensEqual,
} from './access';
import { contentSecurityPolicy } from './content-security-policy';
import { openEventStream } from './event-stream';
import { handleUpload, serveStoredFile } from './files-route';
import { downloadsPathPrefix, serveDownload } from './download-route';
import type { HostCore } from './host-core';
import { lockedMessage } from '../lock/app-lock';
import { failure, handleRpc, sendJson } from './rpc-route';
import { createRpcSocket } from './rpc-socket';
import { cacheControlOf, lookupStaticFile, sendFile } from './static-files';

export interface HostOptions {
  core: HostCore;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Loopback only: the token is the sole credential, so the host is never reachable from the network. */
  host?: '127.0.0.1';
}

export interface RunningHost {
  /** Open this to use the app: it carries the token, which the host trades for a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const healthPath = '/health';

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = createLaunchToken();
  const closeStreams = new Set<() => void>();
  let port = 0;

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('[fieldbook host] request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  // The calls' WebSocket (rpc-socket.ts) passes the same checks as every request; a browser always
  // sends Origin on an upgrade, so a page of another site is refused by it, as by the cookie.
  const rpcSocket = createRpcSocket(options.core);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(request, token, port);
    if (refusal === null) return rpcSocket.upgrade(request, socket, head);
    socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) return sendText(response, 403, 'Forbidden: unexpected Host header');
    if (!isAllowedOrigin(request.headers.origin, port)) return sendText(response, 403, 'Forbidden: foreign Origin');

    const url = parseRequestUrl(request);
    if (!url) return sendText(response, 400, 'Bad request target');
    const isRpc = url.pathname.startsWith(rpcPathPrefix);

    if (request.method === 'GET' && url.pathname === healthPath) return sendText(response, 200, 'ok');

    const queryToken = url.searchParams.get('token');
    if (request.method === 'GET' && queryToken !== null) {
      if (!tokensEqual(queryToken, token)) return sendText(response, 403, 'Forbidden: wrong token');
      // Trade the token for a cookie and take it out of the address bar (and so out of history).
      url.searchParams.delete('token');
      // One leading slash only: `//elsewhere` would be a redirect to another site.
      const location = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
      response.writeHead(302, { 'Set-Cookie': tokenCookie(token, port), Location: location });
      response.end();
      return;
    }

    if (!hasValidToken(request, token, port)) {
      const reason = 'Forbidden: open Fieldbook with the address it printed at start (it carries the token)';
      return isRpc ? sendJson(response, 403, failure('forbidden', reason)) : sendText(response, 403, reason);
    }

    if (request.method === 'POST' && isRpc) {
      return handleRpc(options.core, decodeChannel(url.pathname), request, response);
    }
    if (options.core.lock.isLocked() && (url.pathname.startsWith(filesPathPrefix) || url.pathname.startsWith(downloadsPathPrefix))) {
      request.resume();
      return sendJson(response, 423, failure('locked', lockedMessage));
    }
    if (url.pathname === fileUploadPath) {
      if (request.method === 'POST') return handleUpload(options.core, url, request, response);
      request.resume();
      response.setHeader('Allow', 'POST');
      return sendJson(response, 405, failure('invalid_input', `Use POST for ${fileUploadPath}`));
    }
    if (request.method === 'GET' && url.pathname.startsWith(filesPathPrefix)) {
      return serveStoredFile(options.core, url.pathname.slice(filesPathPrefix.length), response);
    }
    if (request.method === 'GET' && url.pathname.startsWith(downloadsPathPrefix)) {
      return serveDownload(options.core.exchange, url.pathname.slice(downloadsPathPrefix.length), response);
    }
    if (request.method === 'GET' && url.pathname === eventsPath) {
      const end = openEventStream(options.core, request, response);
      closeStreams.add(end);
      request.on('close', () => closeStreams.delete(end));
      return;
    }
    if (request.method === 'GET' && !isRpc) return serveStatic(options.rendererDir, url.pathname, response);

    response.setHeader('Allow', isRpc ? 'POST' : 'GET');
    return isRpc
      ? sendJson(response, 405, failure('invalid_input', 'Use POST for /rpc/<channel>'))
      : sendText(response, 405, 'Method not allowed');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const end of closeStreams) end();
        rpcSocket.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Why an upgrade is refused, as an HTTP status line; null when it may go on. */
function upgradeRefusal(request: IncomingMessage, token: string, port: number): string | null {
  if (!isAllowedHost(request.headers.host, port) || !isAllowedOrigin(request.headers.origin, port)) return '403 Forbidden';
  if (!hasValidToken(request, token, port)) return '403 Forbidden';
  const pathname = parseRequestUrl(request)?.pathname;
  if (pathname !== rpcSocketPath) return '404 Not Found';
  return null;
}

async function serveStatic(rendererDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const found = lookupStaticFile(rendererDir, pathname);
  if (found.kind === 'bad-path') return sendText(response, 400, 'Bad path');
  if (found.kind === 'not-found') return sendText(response, 404, 'Not found');
  await sendFile(response, found.file, found.size, cacheControlOf(rendererDir, found.file));
}

function parseRequestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', `http://${request.headers.host}`);
  } catch {
    return undefined;
  }
}

function decodeChannel(pathname: string): string {
  const raw = pathname.slice(rpcPathPrefix.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    // Left as is: core.invoke answers unknown_channel for it.
    return raw;
  }
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  // Other origins may not embed or read our responses, even where CORS would not stop them.
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
