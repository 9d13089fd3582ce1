import { z } from 'zod';

// The wire protocol for file contents (blobs) between the app (src-main/files/blob-client.ts) and
// the relay (src-relay/blobs/). Blobs are named by the SHA-256 of their bytes, per workspace; the
// workspace always comes from the device's token. Laptops never hold storage credentials: for
// each transfer the relay answers where to send or fetch the bytes — a presigned S3 URL, or a
// path on the relay itself (the folder store), which then needs the device's bearer token.
//
// Uploading, resumable at any point:
//   1. POST startUpload {sha256, sizeBytes}  → present (already stored: dedupe) or an upload
//      session with its part size and the parts the relay already has.
//   2. per missing part: POST partTarget {sizeBytes, md5} → where to PUT the part's bytes;
//      PUT them there; for a presigned URL, then POST partDone {etag} (the store answered it).
//   3. POST complete → the relay assembles the parts, checks the SHA-256 of the whole, and only
//      then marks the blob present.

export const blobPartBytesDefault = 8 * 1024 * 1024;
/** The relay's default upload limit; the app's own default (settings.maxFileBytes) matches it. */
export const maxBlobBytesDefault = 100 * 1024 * 1024;
/** Most references in one declaration. */
export const maxReferencesPerRequest = 1000;

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 in lower-case hex');
const Md5Base64 = z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'Not an MD5 digest in base64');
const PartNumber = z.coerce.number().int().min(1).max(10_000);

export interface BlobRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Who may call: any device of the workspace, or only an admin's. */
  access: 'device' | 'admin';
}

export const blobRoutes = {
  limits: { method: 'GET', path: '/v1/blobs/limits', access: 'device' },
  usage: { method: 'GET', path: '/v1/blobs/usage', access: 'admin' },
  startUpload: { method: 'POST', path: '/v1/blobs/uploads', access: 'device' },
  partTarget: { method: 'POST', path: '/v1/blobs/uploads/:id/parts/:part', access: 'device' },
  /** The folder store's part upload: the raw bytes as the request body. */
  partBytes: { method: 'PUT', path: '/v1/blobs/uploads/:id/parts/:part', access: 'device' },
  partDone: { method: 'POST', path: '/v1/blobs/uploads/:id/parts/:part/done', access: 'device' },
  complete: { method: 'POST', path: '/v1/blobs/uploads/:id/complete', access: 'device' },
  downloadTarget: { method: 'POST', path: '/v1/blobs/:sha256/download', access: 'device' },
  /** The folder store's download: the bytes, with HTTP Range support for resuming. */
  content: { method: 'GET', path: '/v1/blobs/:sha256/content', access: 'device' },
  references: { method: 'POST', path: '/v1/blobs/references', access: 'device' },
} as const satisfies Record<string, BlobRoute>;

/** A route's path with its parameters filled in (URL-encoded). */
export function blobPath(route: BlobRoute, params: Record<string, string | number> = {}): string {
  return route.path.replace(/:([a-z0-9]+)/gi, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path} needs :${name}`);
    return encodeURIComponent(String(value));
  });
}

export const BlobLimitsSchema = z.object({
  maxFileBytes: z.number().int().min(1),
  partBytes: z.number().int().min(1),
  store: z.enum(['folder', 's3']),
});
export type BlobLimits = z.infer<typeof BlobLimitsSchema>;

export const BlobUsageSchema = z.object({
  /** Bytes of the blobs the workspace has stored (each SHA-256 counted once). */
  usedBytes: z.number().int().min(0),
  blobCount: z.number().int().min(0),
  /** Of those, bytes no live file refers to any more, removed after the grace period. */
  awaitingCollectionBytes: z.number().int().min(0),
  quotaBytes: z.number().int().nullable(),
  maxFileBytes: z.number().int(),
});
export type BlobUsage = z.infer<typeof BlobUsageSchema>;

export const StartUploadRequestSchema = z.object({ sha256: Sha256Schema, sizeBytes: z.number().int().min(0) });
export const StartUploadResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('present'), sizeBytes: z.number().int() }),
  z.object({
    status: z.literal('uploading'),
    uploadId: z.string().min(1).max(64),
    partBytes: z.number().int().min(1),
    partCount: z.number().int().min(1),
    /** Parts the relay already has (from an earlier, interrupted attempt): skip them. */
    doneParts: z.array(z.number().int()),
  }),
]);
export type StartUploadResponse = z.infer<typeof StartUploadResponseSchema>;

export const UploadParamsSchema = z.object({ id: z.string().min(1).max(64), part: PartNumber });
export const PartTargetRequestSchema = z.object({ sizeBytes: z.number().int().min(0), md5: Md5Base64 });

/** Where to send or fetch bytes. `viaRelay`: a path on the relay, sent with the device's token. */
export const TransferTargetSchema = z.object({
  url: z.string().min(1).max(8192),
  viaRelay: z.boolean(),
  /** Headers the request must carry (they are part of a presigned URL's signature). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.number().int(),
});
export type TransferTarget = z.infer<typeof TransferTargetSchema>;

export const PartDoneRequestSchema = z.object({ etag: z.string().min(1).max(200), sizeBytes: z.number().int().min(0) });
export const PartStoredResponseSchema = z.object({ part: z.number().int(), sizeBytes: z.number().int() });

export const CompleteResponseSchema = z.object({ status: z.literal('present'), sizeBytes: z.number().int() });

export const DownloadTargetResponseSchema = TransferTargetSchema.extend({ sizeBytes: z.number().int() });
export type DownloadTarget = z.infer<typeof DownloadTargetResponseSchema>;

/**
 * "This row of mine refers to that blob": how the relay learns which blobs are still wanted. It is
 * told explicitly rather than reading `files` changes, because change values are to be end-to-end
 * encrypted; row ids, table names and causal lengths stay visible to the relay anyway.
 */
export const BlobReferenceSchema = z.object({
  tableName: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  rowId: z.string().min(1).max(200),
  sha256: Sha256Schema,
  /** The row's causal length: odd while it is alive, even once deleted. */
  cl: z.number().int().min(0),
});
export type BlobReference = z.infer<typeof BlobReferenceSchema>;

export const ReferencesRequestSchema = z.object({ references: z.array(BlobReferenceSchema).min(1).max(maxReferencesPerRequest) });
export const ReferencesResponseSchema = z.object({
  /** Blobs a live reference points to that the relay does not have: upload them if you can. */
  missing: z.array(Sha256Schema),
});
