import type { Readable } from 'node:stream';
import { blobRoutes, type BlobReference, type TransferTarget } from '../../src-shared/sync/blob-protocol';
import { RelayErrorSchema } from '../../src-shared/sync/protocol';
import { RelayError, type RelayClient } from '../sync/relay-client';
import { fetchTransport, nodeHttpTransport, type ByteResponse, type ByteTransport } from './byte-transport';

// The laptop's side of the blob protocol (src-shared/sync/blob-protocol.ts): JSON calls to the
// relay through its RelayClient, and the byte transfers to wherever the relay points — its own
// routes (with this device's token) or a presigned URL of the file store (with no token at all).

const partTimeoutMs = 5 * 60 * 1000;

export class BlobClient {
  private readonly transport: ByteTransport;

  constructor(private readonly relay: RelayClient) {
    // An injected fetch (fault tests) carries the bytes too; otherwise node:http does (byte-transport.ts).
    this.transport = relay.fetchImpl === globalThis.fetch ? nodeHttpTransport : fetchTransport(relay.fetchImpl);
  }

  get baseUrl(): string {
    return this.relay.baseUrl;
  }

  limits() {
    return this.relay.call(blobRoutes.limits);
  }

  usage() {
    return this.relay.call(blobRoutes.usage);
  }

  startUpload(sha256: string, sizeBytes: number, contentSha256?: string) {
    return this.relay.call(blobRoutes.startUpload, { body: { sha256, sizeBytes, ...(contentSha256 ? { contentSha256 } : {}) } });
  }

  partTarget(uploadId: string, part: number, body: { sizeBytes: number; md5: string }) {
    return this.relay.call(blobRoutes.partTarget, { params: { id: uploadId, part: String(part) }, body });
  }

  partDone(uploadId: string, part: number, body: { etag: string; sizeBytes: number }) {
    return this.relay.call(blobRoutes.partDone, { params: { id: uploadId, part: String(part) }, body });
  }

  complete(uploadId: string) {
    return this.relay.call(blobRoutes.complete, { params: { id: uploadId }, body: {} });
  }

  downloadTarget(sha256: string) {
    return this.relay.call(blobRoutes.downloadTarget, { params: { sha256 }, body: {} });
  }

  declareReferences(references: BlobReference[]) {
    return this.relay.call(blobRoutes.references, { body: { references } });
  }

  /** Sends one part's bytes where the relay said; answers the store's ETag ('' via the relay). */
  async putPart(target: TransferTarget, bytes: Uint8Array, signal?: AbortSignal): Promise<{ etag: string }> {
    const response = await this.send(target, { method: 'PUT', body: bytes, signal: withTimeout(signal, partTimeoutMs) });
    await response.text();
    if (target.viaRelay) return { etag: '' };
    const etag = response.header('etag');
    if (!etag) throw new RelayError('bad_response', 'The file store accepted a part but gave no ETag for it.', response.status);
    return { etag };
  }

  /**
   * Starts fetching a blob from byte `offset` (to resume a partial download). `resumed` is false
   * when the server sent the whole file instead (it ignored the range): start over then.
   */
  async openDownload(target: TransferTarget, offset: number, signal?: AbortSignal): Promise<{ body: Readable; resumed: boolean }> {
    const headers: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
    const response = await this.send(target, { method: 'GET', headers, ...(signal ? { signal } : {}) });
    return { body: response.body, resumed: response.status === 206 };
  }

  private async send(target: TransferTarget, init: { method: 'GET' | 'PUT'; body?: Uint8Array; headers?: Record<string, string>; signal?: AbortSignal }): Promise<ByteResponse> {
    const url = new URL(target.url, this.relay.baseUrl);
    // The device token goes to the relay only; a presigned URL carries its own authorisation.
    const headers = { ...target.headers, ...init.headers, ...(target.viaRelay ? this.relay.authorization() : {}) };
    let response: ByteResponse;
    try {
      response = await this.transport(url, { method: init.method, headers, ...(init.body ? { body: init.body } : {}), ...(init.signal ? { signal: init.signal } : {}) });
    } catch (error) {
      if (init.signal?.aborted && (init.signal.reason as Error | undefined)?.name !== 'TimeoutError') throw init.signal.reason;
      const where = target.viaRelay ? `the relay at ${this.relay.baseUrl}` : `the file store at ${url.host}`;
      throw new RelayError('offline', `Cannot reach ${where} (${describe(error)}).`, 0);
    }
    if (response.status >= 200 && response.status < 300) return response;
    const text = await response.text();
    if (target.viaRelay) {
      let parsed;
      try {
        parsed = RelayErrorSchema.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success) throw new RelayError(parsed.data.error.code, parsed.data.error.message, response.status);
    }
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    throw new RelayError(
      response.status >= 500 ? 'offline' : 'store_refused',
      `The file store refused the transfer (HTTP ${response.status}${code ? `, ${code}` : ''}).`,
      response.status,
    );
  }
}

function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  const code = (error as Error & { code?: string }).code;
  if (code) return code;
  if (error.name === 'TimeoutError') return 'timed out';
  return error.message;
}
