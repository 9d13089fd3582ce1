import { z } from 'zod';
import { route } from './protocol';

// The wire protocol for file contents (blobs) between the app (src-main/files/blob-client.ts) and
// the relay (src-relay/blobs/). Blobs are named by a hash (see StartUploadRequestSchema), per workspace; the
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

/**
 * `sha256` names the blob. A laptop of an end-to-end encrypted workspace names it by a keyed hash
 * of its plain bytes (src-main/files/blob-sealing.ts) and sends the sealed bytes, whose own SHA-256
 * is `contentSha256`: the relay checks that instead, and never learns the plain hash. Without
 * `contentSha256` (laptops of earlier versions), the name is the hash of the bytes, checked as such.
 */
export const StartUploadRequestSchema = z.object({ sha256: Sha256Schema, sizeBytes: z.number().int().min(0), contentSha256: Sha256Schema.optional() });
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

/**
 * The relay's blob routes, declared like relayRoutes (protocol.ts): the relay's handlers
 * (src-relay/blobs/routes.ts) take their method and path from here and add who may call them;
 * BlobClient (src-main/files/blob-client.ts) its requests and the schema each answer is checked
 * against. `partBytes` and `content` carry raw bytes rather than JSON.
 */
export const blobRoutes = {
  limits: route({ method: 'GET', path: '/v1/blobs/limits', response: BlobLimitsSchema }),
  usage: route({ method: 'GET', path: '/v1/blobs/usage', response: BlobUsageSchema }),
  startUpload: route({ method: 'POST', path: '/v1/blobs/uploads', body: StartUploadRequestSchema, response: StartUploadResponseSchema }),
  partTarget: route({ method: 'POST', path: '/v1/blobs/uploads/:id/parts/:part', body: PartTargetRequestSchema, response: TransferTargetSchema }),
  /** The folder store's part upload: the raw bytes as the request body. */
  partBytes: route({ method: 'PUT', path: '/v1/blobs/uploads/:id/parts/:part', response: PartStoredResponseSchema }),
  partDone: route({ method: 'POST', path: '/v1/blobs/uploads/:id/parts/:part/done', body: PartDoneRequestSchema, response: PartStoredResponseSchema }),
  complete: route({ method: 'POST', path: '/v1/blobs/uploads/:id/complete', body: z.object({}), response: CompleteResponseSchema }),
  downloadTarget: route({ method: 'POST', path: '/v1/blobs/:sha256/download', body: z.object({}), response: DownloadTargetResponseSchema }),
  /** The folder store's download: the bytes, with HTTP Range support for resuming. */
  content: route({ method: 'GET', path: '/v1/blobs/:sha256/content', response: z.instanceof(Uint8Array) }),
  references: route({ method: 'POST', path: '/v1/blobs/references', body: ReferencesRequestSchema, response: ReferencesResponseSchema }),
} as const;
