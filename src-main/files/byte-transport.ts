import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

// How a file's bytes cross the network (one part up, one blob down). By default node:http(s)
// with kept-alive connections: the platform's fetch moves large bodies through web streams in
// small chunks, which measured several times slower for 100 MB on loopback. A fetch injected
// for fault tests (CoreOptions.fetch) is used as given instead, so the tests see every byte.

export interface ByteResponse {
  status: number;
  header(name: string): string | undefined;
  body: Readable;
  text(): Promise<string>;
}

export interface ByteRequest {
  method: 'GET' | 'PUT';
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

export type ByteTransport = (url: URL, request: ByteRequest) => Promise<ByteResponse>;

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

export const nodeHttpTransport: ByteTransport = (url, request) => sendOnce(url, request).catch((error: unknown) => {
  // A kept-alive connection the server closed just as it was reused (its idle timeout; a busy
  // machine makes the race likelier): the request never reached the server, so it is sent again,
  // once, on a fresh connection, rather than failing the transfer as "offline".
  if (!(error instanceof ReusedConnectionError) || request.signal?.aborted) throw error instanceof ReusedConnectionError ? error.original : error;
  return sendOnce(url, request, { freshConnection: true });
});

class ReusedConnectionError extends Error {
  constructor(readonly original: unknown) {
    super('a reused connection was closed by the server');
  }
}

const closedConnection = new Set(['ECONNRESET', 'EPIPE']);

function sendOnce(url: URL, request: ByteRequest, options: { freshConnection?: boolean } = {}): Promise<ByteResponse> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const headers = { ...request.headers, ...(request.body ? { 'content-length': String(request.body.byteLength) } : {}) };
    const agent = options.freshConnection ? false : secure ? agents.https : agents.http;
    let answered = false;
    const outgoing = (secure ? https : http).request(url, { method: request.method, headers, agent, signal: request.signal }, (incoming) => {
      answered = true;
      resolve({
        status: incoming.statusCode ?? 0,
        header: (name) => {
          const value = incoming.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        body: incoming,
        text: async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of incoming) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks).toString('utf8');
        },
      });
    });
    // on, not once: an abort after the answer arrived errors the request again, harmlessly.
    outgoing.on('error', (error: Error & { code?: string }) => {
      const reused = !answered && outgoing.reusedSocket && (closedConnection.has(error.code ?? '') || error.message === 'socket hang up');
      reject(reused ? new ReusedConnectionError(error) : error);
    });
    outgoing.end(request.body);
  });
}

export function fetchTransport(fetchImpl: typeof fetch): ByteTransport {
  return async (url, request) => {
    const response = await fetchImpl(url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    // The body becomes a Node stream only when asked for: made up front, it would hold the web
    // stream locked (text() could not read it) and, never read, error unheard when aborted.
    let body: Readable | undefined;
    return {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      get body() {
        body ??= response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
        return body;
      },
      text: () => response.text(),
    };
  };
}
