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

export const nodeHttpTransport: ByteTransport = (url, request) =>
  new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const headers = { ...request.headers, ...(request.body ? { 'content-length': String(request.body.byteLength) } : {}) };
    const outgoing = (secure ? https : http).request(url, { method: request.method, headers, agent: secure ? agents.https : agents.http, signal: request.signal }, (incoming) =>
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
      }),
    );
    // on, not once: an abort after the answer arrived errors the request again, harmlessly.
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });

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
