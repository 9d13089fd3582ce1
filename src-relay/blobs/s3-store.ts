import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { BlobIntegrityError, objectName, type BlobKey, type BlobStore, type StoredPart } from './store';

// S3 or an S3-compatible service (MinIO, Backblaze B2, Cloudflare R2, Wasabi) through
// @aws-sdk/client-s3. Laptops never see its credentials: the relay presigns one request at a
// time (a part to upload, a blob to download) for a device it has just authenticated, valid for
// `presignSeconds`. The relay itself only creates, completes and deletes, and reads a finished
// upload back once to check its SHA-256 before the blob counts as stored.

export interface S3StoreConfig {
  bucket: string;
  /** Default us-east-1; most S3-compatible services accept any region. */
  region?: string;
  /** For S3-compatible services: https://s3.us-west-004.backblazeb2.com, http://minio:9000… */
  endpoint?: string;
  /** Bucket in the path rather than the host name (MinIO and most self-hosted services). */
  forcePathStyle?: boolean;
  /** Prepended to every object name, e.g. `fieldbook/`. */
  prefix?: string;
  /** Default: the standard AWS chain (environment, shared files, instance role…). */
  credentials?: S3ClientConfig['credentials'];
  /** Lifetime of presigned URLs; default 15 minutes. */
  presignSeconds?: number;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly prefix: string;
  private readonly presignSeconds: number;

  constructor(private readonly config: S3StoreConfig) {
    this.client = new S3Client({
      region: config.region ?? 'us-east-1',
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle ?? false,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Without these the SDK adds its own checksums, which several S3-compatible services do
      // not understand (they store the aws-chunked framing as if it were the object).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.prefix = config.prefix ?? '';
    this.presignSeconds = config.presignSeconds ?? 15 * 60;
  }

  get description(): string {
    return `S3 bucket ${this.config.bucket}${this.config.endpoint ? ` at ${this.config.endpoint}` : ''}${this.prefix ? ` under ${this.prefix}` : ''}`;
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'error';
      throw new Error(`The S3 bucket "${this.config.bucket}" cannot be used (${name}). Check the bucket name, region, endpoint and credentials.`);
    }
  }

  private key(key: BlobKey): string {
    return objectName(this.prefix, key);
  }

  async startUpload(key: BlobKey): Promise<string> {
    const created = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.config.bucket, Key: this.key(key), ContentType: 'application/octet-stream' }),
    );
    if (!created.UploadId) throw new Error('S3 did not answer an upload id.');
    return created.UploadId;
  }

  async partTarget(key: BlobKey, storeUploadId: string, part: { partNumber: number; sizeBytes: number; md5: string }) {
    const command = new UploadPartCommand({
      Bucket: this.config.bucket,
      Key: this.key(key),
      UploadId: storeUploadId,
      PartNumber: part.partNumber,
      ContentLength: part.sizeBytes,
      ContentMD5: part.md5,
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: this.presignSeconds });
    return { url, viaRelay: false, headers: { 'content-md5': part.md5 }, expiresAt: Date.now() + this.presignSeconds * 1000 };
  }

  async completeUpload(key: BlobKey, storeUploadId: string, parts: readonly StoredPart[], expected: { sha256: string; sizeBytes: number }): Promise<void> {
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.config.bucket,
        Key: this.key(key),
        UploadId: storeUploadId,
        MultipartUpload: {
          Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })),
        },
      }),
    );
    // S3 checked each part's MD5; the SHA-256 of the whole is ours to check, once, here.
    const actual = await this.hashObject(key);
    if (actual.sha256 !== expected.sha256 || actual.sizeBytes !== expected.sizeBytes) {
      await this.delete(key);
      throw new BlobIntegrityError(expected, actual);
    }
  }

  private async hashObject(key: BlobKey): Promise<{ sha256: string; sizeBytes: number }> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
    const hash = createHash('sha256');
    let sizeBytes = 0;
    for await (const chunk of object.Body as Readable) {
      hash.update(chunk as Buffer);
      sizeBytes += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), sizeBytes };
  }

  async abortUpload(key: BlobKey, storeUploadId: string): Promise<void> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.config.bucket, Key: this.key(key), UploadId: storeUploadId }));
    } catch {
      // Already gone, or a service without AbortMultipartUpload: a bucket lifecycle rule for
      // incomplete multipart uploads cleans those up (see docs/files.md).
    }
  }

  async downloadTarget(key: BlobKey) {
    const command = new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key), ResponseContentType: 'application/octet-stream' });
    const url = await getSignedUrl(this.client, command, { expiresIn: this.presignSeconds });
    return { url, viaRelay: false, headers: {}, expiresAt: Date.now() + this.presignSeconds * 1000 };
  }

  async delete(key: BlobKey): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
