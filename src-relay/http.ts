import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { maxRequestBytes } from '../src-shared/sync/protocol';

// Request and response plumbing shared by the routes. Every refusal is a RelayHttpError, sent as
// the protocol's RelayErrorSchema body; anything else becomes `internal` without its stack.

export type RelayErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'clock_ahead'
  | 'too_large'
  | 'rate_limited'
  | 'conflict'
  | 'internal';

export class RelayHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: RelayErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RelayHttpError';
  }
}

/** A body that is not JSON (TwiML for Twilio, a recording's audio), sent as it is with its type. */
export class RawResponse {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function sendRaw(response: ServerResponse, raw: RawResponse): void {
  const body = typeof raw.body === 'string' ? Buffer.from(raw.body, 'utf8') : raw.body;
  response.writeHead(200, { 'content-type': raw.contentType, 'content-length': String(body.length), 'cache-control': 'no-store', ...raw.headers });
  response.end(body);
}

export const invalidInput = (message: string) => new RelayHttpError(400, 'invalid_input', message);
export const notFound = (message: string) => new RelayHttpError(404, 'not_found', message);
export const forbidden = (message: string) => new RelayHttpError(403, 'forbidden', message);

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: RelayHttpError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

/**
 * Reads a JSON body of at most `limit` bytes. A larger one is refused as soon as it is known to
 * be too large (from Content-Length, or while streaming): reading stops and the connection is
 * closed after the answer, so an oversized upload costs us little.
 */
export function readJsonBody(request: IncomingMessage, limit = maxRequestBytes): Promise<unknown> {
  const megabytes = Math.floor(limit / 1024 / 1024);
  const tooLarge = () =>
    new RelayHttpError(413, 'too_large', `The request is larger than the relay accepts (${megabytes} MB). Send fewer changes at a time.`, {
      connection: 'close',
    });
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.pause();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('error', reject);
    request.on('end', () => {
      if (size > limit) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(invalidInput('The request body is not valid JSON.'));
      }
    });
  });
}

// PostgreSQL text and jsonb cannot hold NUL or a lone UTF-16 surrogate, though JSON can.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = { test: (text: string) => text.includes('\u0000') || loneSurrogate.test(text) };

/** The dotted path of the first string (or key) that PostgreSQL cannot store, if any. */
/**
 * A form-encoded body (an HTML form's post, a webhook) as its fields, up to `maxBytes`; larger is
 * refused with `tooLarge` and the connection closed. A repeated field keeps its last value.
 */
export async function readFormBody(request: IncomingMessage, maxBytes: number, tooLarge: string): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new RelayHttpError(413, 'too_large', tooLarge, { connection: 'close' });
    chunks.push(chunk);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) fields[key] = value;
  return fields;
}

export function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return unstorable.test(value) ? path.join('.') || 'body' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (unstorable.test(key)) return [...path, key].join('.');
    const found = findUnstorableText(child, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Validates with a protocol schema; the refusal names the first offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: { storableText: boolean } = { storableText: true }): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.map(String).join('.') : 'body';
    throw invalidInput(`Invalid ${field}: ${issue?.message ?? 'not accepted'}.`);
  }
  const unstorableField = options.storableText ? findUnstorableText(result.data) : undefined;
  if (unstorableField) {
    throw invalidInput(`Invalid ${unstorableField}: it contains a NUL character or a broken Unicode character, which the relay cannot store.`);
  }
  return result.data;
}

/** The bearer token of a request, or undefined. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
