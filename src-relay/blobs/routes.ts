import type { ServerResponse } from 'node:http';
import {
  blobRoutes,
  PartDoneRequestSchema,
  PartTargetRequestSchema,
  ReferencesRequestSchema,
  Sha256Schema,
  StartUploadRequestSchema,
  UploadParamsSchema,
} from '../../src-shared/sync/blob-protocol';
import type { RelayRouteSpec } from '../../src-shared/sync/protocol';
import { invalidInput, parseInput, RelayHttpError } from '../http';
import { responseSent, type AuthedContext, type Route } from '../routes/types';
import type { BlobService } from './service';

// The relay's blob routes, declared in src-shared/sync/blob-protocol.ts. Every one needs a device
// token of a workspace that is not revoked (the server checks it before the handler runs), the
// storage use an admin's; every one is scoped to that workspace by BlobService.

type Handle = (context: AuthedContext) => Promise<unknown>;
const device = (declared: RelayRouteSpec, handle: Handle): Route => ({ ...declared, access: 'device', handle });
const admin = (declared: RelayRouteSpec, handle: Handle): Route => ({ ...declared, access: 'admin', handle });

export function createBlobRoutes(service: BlobService): Route[] {
  const sha256Param = (params: Record<string, string>) => parseInput(Sha256Schema, params.sha256);
  const uploadParams = (params: Record<string, string>) => parseInput(UploadParamsSchema, params);
  return [
    device(blobRoutes.limits, async () => service.limits()),
    admin(blobRoutes.usage, async ({ caller }) => service.usage(caller)),
    device(blobRoutes.startUpload, async ({ caller, body }) => service.startUpload(caller, parseInput(StartUploadRequestSchema, await body()))),
    device(blobRoutes.partTarget, async ({ caller, params, body }) => {
      const { id, part } = uploadParams(params);
      const request = parseInput(PartTargetRequestSchema, await body());
      return service.partTarget(caller, id, { partNumber: part, ...request });
    }),
    device(blobRoutes.partBytes, async ({ caller, params, request }) => {
      const { id, part } = uploadParams(params);
      const md5 = request.headers['content-md5'];
      const length = Number(request.headers['content-length']);
      if (typeof md5 !== 'string' || !Number.isInteger(length)) {
        throw invalidInput('A part is sent with its Content-Length and Content-MD5 headers.');
      }
      try {
        const stored = await service.writePart(caller, id, { partNumber: part, sizeBytes: length, md5 }, request);
        return { part: stored.partNumber, sizeBytes: stored.sizeBytes };
      } catch (error) {
        // Read what the device is still sending, so it gets the refusal rather than a reset.
        await drain(request);
        throw error;
      }
    }),
    device(blobRoutes.partDone, async ({ caller, params, body }) => {
      const { id, part } = uploadParams(params);
      const request = parseInput(PartDoneRequestSchema, await body());
      const stored = await service.partDone(caller, id, { partNumber: part, sizeBytes: request.sizeBytes, etag: request.etag });
      return { part: stored.partNumber, sizeBytes: stored.sizeBytes };
    }),
    device(blobRoutes.complete, async ({ caller, params, body }) => {
      await body();
      return service.complete(caller, parseInput(UploadParamsSchema.shape.id, params.id));
    }),
    device(blobRoutes.downloadTarget, async ({ caller, params, body }) => {
      await body();
      return service.downloadTarget(caller, sha256Param(params));
    }),
    device(blobRoutes.content, async ({ caller, params, request, response }) => {
      const content = await service.content(caller, sha256Param(params));
      const range = parseRange(request.headers.range, content.sizeBytes);
      const stream = await content.read(range ?? undefined);
      await sendBytes(response, stream, content.sizeBytes, range);
      return responseSent;
    }),
    device(blobRoutes.references, async ({ caller, body }) => {
      const { references } = parseInput(ReferencesRequestSchema, await body());
      return service.declareReferences(caller, references);
    }),
  ];
}

function drain(request: AuthedContext['request']): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    request.once('end', resolve);
    request.once('close', resolve);
    request.resume();
  });
}

/** `bytes=START-` or `bytes=START-END` (what a resuming download sends); other forms are ignored. */
function parseRange(header: string | undefined, sizeBytes: number): { start: number; end: number } | null {
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), sizeBytes - 1) : sizeBytes - 1;
  if (start >= sizeBytes || end < start) {
    throw new RelayHttpError(416, 'invalid_input', `The file has ${sizeBytes} bytes; that range is outside it.`, { 'content-range': `bytes */${sizeBytes}` });
  }
  return { start, end };
}

async function sendBytes(
  response: ServerResponse,
  stream: NodeJS.ReadableStream & { destroy(): void },
  sizeBytes: number,
  range: { start: number; end: number } | null,
): Promise<void> {
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'cache-control': 'no-store',
    'accept-ranges': 'bytes',
    'content-length': String(range ? range.end - range.start + 1 : sizeBytes),
  };
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${sizeBytes}`;
  response.writeHead(range ? 206 : 200, headers);
  await new Promise<void>((resolve) => {
    response.once('close', () => {
      stream.destroy();
      resolve();
    });
    stream.once('error', () => response.destroy());
    stream.pipe(response);
  });
}
