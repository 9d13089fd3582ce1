import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { livePath, maxRequestBytes, metricsPath } from '../src-shared/sync/protocol';
import { authenticate, type Caller } from './auth';
import { pokeChannel, type RelayDatabase } from './db/open';
import { canWrite, readOnlyRefusal } from '../src-shared/sync/roles';
import { bearerToken, findUnstorableText, forbidden, invalidInput, RawResponse, readJsonBody, RelayHttpError, sendError, sendJson, sendRaw } from './http';
import { LiveHub } from './live';
import { RelayMetrics } from './metrics';
import { defaultFailedAuthLimit, defaultRateLimit, RateLimiter, type RateLimitOptions } from './rate-limit';
import { collectBlobGarbage, type BlobCollection } from './blobs/collector';
import { resolveBlobSettings, type BlobOptions } from './blobs/config';
import { FolderBlobStore } from './blobs/folder-store';
import { createBlobRoutes } from './blobs/routes';
import { BlobService } from './blobs/service';
import { matchRoute, routeHandlers } from './routes';
import { responseSent, type RouteContext } from './routes/types';
import { createTelephony, type TelephonyOptions } from './telephony';
import { webFormRoutesFor, type WebFormsOptions } from './forms';
import { intakeRoutesFor, type IntakeOptions } from './intake';

// The relay's HTTP + WebSocket server. Stateless apart from rate-limit buckets and open
// sockets: every request reads the database, so several processes can share one PostgreSQL.

export type RelayLogger = (entry: Record<string, unknown>) => void;

export interface RelayOptions {
  database: RelayDatabase;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default; 0.0.0.0 to serve a team on the network. */
  host?: string;
  now?: () => number;
  /** One JSON object per request; default: a JSON line on stdout. */
  logger?: RelayLogger;
  rateLimit?: RateLimitOptions;
  /** Requests with an unknown token, per address, before they are answered 429. */
  failedAuthLimit?: RateLimitOptions;
  /** Browser origins allowed on /v1/live besides the relay's own. */
  allowedOrigins?: readonly string[];
  maxRequestBytes?: number;
  /**
   * Where file contents go (src-relay/blobs/). `npm run relay` always passes a store; without one
   * the relay keeps them in a temporary folder removed on close (tests, benchmarks).
   */
  blobs?: BlobOptions;
  /** How often unreferenced blobs are collected; default hourly. */
  blobCollectionEveryMs?: number;
  /** The office phone line (Twilio): its secret key, and the Twilio client options tests use. */
  telephony?: TelephonyOptions;
  /** The website enquiry forms' limits (src-relay/forms/). */
  webForms?: WebFormsOptions;
  /** The intake API's limits (src-relay/intake/). */
  intake?: IntakeOptions;
}

export interface Relay {
  url: string;
  port: number;
  /** Collects unreferenced blobs now (it also runs periodically). */
  collectBlobGarbage(): Promise<BlobCollection>;
  close(): Promise<void>;
}

type LoggedCaller = Pick<Caller, 'workspaceId' | 'deviceId'>;

const stdoutLogger: RelayLogger = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);
const unauthorized = () =>
  new RelayHttpError(
    401,
    'unauthorized',
    'This device is not allowed in the workspace: its token is unknown or was revoked, or its member was removed.',
  );

export async function createRelay(options: RelayOptions): Promise<Relay> {
  const { db } = options.database;
  const now = options.now ?? Date.now;
  const log = options.logger ?? stdoutLogger;
  const metrics = new RelayMetrics();
  const limiter = new RateLimiter(options.rateLimit ?? defaultRateLimit);
  // Counted after the lookup, so a known device is never refused because of someone else's
  // guesses (behind a TLS proxy every device shares one address).
  const failedAuth = new RateLimiter(options.failedAuthLimit ?? defaultFailedAuthLimit);
  const unknownToken = (address: string | undefined) => failedAuth.take(`address:${address}`);
  const bodyLimit = options.maxRequestBytes ?? maxRequestBytes;
  const temporaryBlobDir = options.blobs ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-blobs-'));
  const blobSettings = resolveBlobSettings(options.blobs ?? { store: new FolderBlobStore(temporaryBlobDir!) });
  await blobSettings.store.check();
  const blobService = new BlobService(db, blobSettings, now);

  const logRequest = (request: IncomingMessage, route: string, status: number, started: number, caller?: LoggedCaller) => {
    const ms = performance.now() - started;
    metrics.recordRequest(route, status, ms / 1000);
    log({
      time: new Date().toISOString(),
      method: request.method,
      route,
      status,
      ms: Math.round(ms * 10) / 10,
      workspace: caller?.workspaceId ?? null,
      device: caller?.deviceId ?? null,
    });
  };
  const logError = (route: string, error: unknown) => log({ time: new Date().toISOString(), level: 'error', route, ...describeError(error) });

  const rateLimit = (key: string) => {
    const waitSeconds = limiter.take(key);
    if (waitSeconds === 0) return;
    const message = `Too many requests from this device; try again in ${waitSeconds} s.`;
    throw new RelayHttpError(429, 'rate_limited', message, { 'retry-after': String(waitSeconds) });
  };

  const telephony = createTelephony(db, now, logError, options.telephony);
  const routes = [...routeHandlers, ...createBlobRoutes(blobService), ...telephony.routes, ...webFormRoutesFor(db, now, options.webForms), ...intakeRoutesFor(db, now, options.intake)];

  const live = new LiveHub({
    db,
    now,
    metrics,
    allowedOrigins: options.allowedOrigins ?? [],
    takeToken: (deviceId) => limiter.take(`device:${deviceId}`),
    unknownToken,
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'http://relay.invalid');
    const isMetrics = request.method === 'GET' && url.pathname === metricsPath;
    const matched = matchRoute(request.method ?? 'GET', url.pathname, routes);
    const routeLabel = matched?.route.path ?? (isMetrics ? metricsPath : 'unmatched');
    let caller: Caller | undefined;
    // 'close' rather than 'finish': a request the client gave up on is logged too.
    response.once('close', () => logRequest(request, routeLabel, response.statusCode, started, caller));
    try {
      if (isMetrics) {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        response.end(metrics.render());
        return;
      }
      if (!matched) throw new RelayHttpError(404, 'not_found', `There is no ${request.method} ${url.pathname} on this relay.`);
      const { route } = matched;
      const context: RouteContext = {
        db,
        now,
        metrics,
        request,
        response,
        params: decodeParams(matched.params),
        query: url.searchParams,
        body: () => readJsonBody(request, bodyLimit),
        accessChanged: async (workspaceId) => {
          await db.execute(sql`SELECT pg_notify(${pokeChannel}, ${`${workspaceId}:access`})`);
        },
      };
      let body: unknown;
      if (route.access === 'public') {
        if (route.rateLimited) rateLimit(`address:${request.socket.remoteAddress}`);
        body = await route.handle(context);
      } else {
        caller = await authenticate(db, bearerToken(request), now());
        if (!caller) {
          const waitSeconds = unknownToken(request.socket.remoteAddress);
          if (waitSeconds > 0) {
            const message = `Too many requests with unknown device tokens from this address; try again in ${waitSeconds} s.`;
            throw new RelayHttpError(429, 'rate_limited', message, { 'retry-after': String(waitSeconds) });
          }
          throw unauthorized();
        }
        if (route.access === 'admin' && caller.role !== 'admin') throw forbidden('Only an admin of the workspace can do this.');
        if (route.access === 'writer' && !canWrite(caller.role)) throw forbidden(readOnlyRefusal);
        rateLimit(`device:${caller.deviceId}`);
        body = await route.handle({ ...context, caller });
      }
      if (body instanceof RawResponse) sendRaw(response, body);
      else if (body !== responseSent) sendJson(response, 200, body);
    } catch (error) {
      if (error instanceof RelayHttpError) return sendError(response, error);
      logError(routeLabel, error);
      sendError(response, new RelayHttpError(500, 'internal', 'The relay hit an unexpected error; it was logged. Try again.'));
    }
  }

  const server = http.createServer((request, response) => void handle(request, response));
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const started = performance.now();
    const report = (status: number, caller?: LoggedCaller) => logRequest(request, livePath, status, started, caller);
    if (new URL(request.url ?? '/', 'http://relay.invalid').pathname !== livePath) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    live.upgrade(request, socket, head, report).catch((error: unknown) => {
      logError(livePath, error);
      socket.destroy();
    });
  });

  // Pokes and access changes from every relay process on this database (this one included).
  const unlisten = await options.database.listen((payload) => {
    const separator = payload.lastIndexOf(':');
    const workspaceId = payload.slice(0, separator);
    const what = payload.slice(separator + 1);
    if (what === 'access') live.recheckAccess(workspaceId).catch((error: unknown) => logError(livePath, error));
    else if (/^\d+$/.test(what)) live.poke(workspaceId, Number(what));
    else if (what.startsWith('carried.')) {
      const [seq, poke] = what.slice('carried.'.length).split('.');
      live.carry(workspaceId, Number(seq), Buffer.from(poke ?? '', 'base64url').toString('utf8'));
    }
    else if (what.startsWith('keys.')) live.announceKeys(workspaceId, Number(what.slice('keys.'.length)));
    else if (what.startsWith('live.')) live.send(workspaceId, Buffer.from(what.slice('live.'.length), 'base64url').toString('utf8'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const collectBlobs = () => collectBlobGarbage(db, blobService, now());
  const collector = setInterval(() => {
    collectBlobs().catch((error: unknown) => logError('blob collection', error));
  }, options.blobCollectionEveryMs ?? 60 * 60 * 1000);
  collector.unref();

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    collectBlobGarbage: collectBlobs,
    async close() {
      clearInterval(collector);
      telephony.close();
      live.close();
      await unlisten();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (temporaryBlobDir) {
        await blobSettings.store.close();
        fs.rmSync(temporaryBlobDir, { recursive: true, force: true });
      }
    },
  };
}

function decodeParams(params: Record<string, string>): Record<string, string> {
  let decoded: Record<string, string>;
  try {
    decoded = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, decodeURIComponent(value)]));
  } catch {
    throw invalidInput('The path is not valid URL encoding.');
  }
  if (findUnstorableText(decoded)) throw invalidInput('The path contains a character no id can have.');
  return decoded;
}

/**
 * What an unexpected error logs: the database's own message and code, never drizzle's "Failed
 * query" text, whose parameters hold customers' data and token hashes.
 */
function describeError(error: unknown): Record<string, unknown> {
  const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : undefined;
  if (cause?.message) return { message: `${(error as Error).name}: ${cause.message}`, code: cause.code, stack: frames };
  return { message: error instanceof Error ? error.message : String(error), stack: frames };
}
