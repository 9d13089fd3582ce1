import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobClient } from '../../../src-main/files/blob-client';
import { RelayClient } from '../../../src-main/sync/relay-client';
import { FolderBlobStore } from '../../../src-relay/blobs/folder-store';
import { S3BlobStore } from '../../../src-relay/blobs/s3-store';
import type { BlobStore } from '../../../src-relay/blobs/store';
import { startS3rver } from '../../support/s3rver';

// The two blob stores the relay tests run against: the folder store and S3 through a real
// s3rver. `objectExists` looks at the store itself, not through the relay.

export interface StoreUnderTest {
  store: BlobStore;
  /** Whether the bytes of a blob are in the store (a file, or an object in the bucket). */
  objectExists(workspaceId: string, sha256: string): Promise<boolean>;
  /** Every stored object's name, to check that keys are namespaced by workspace. */
  objectNames(): string[];
  stop(): Promise<void>;
}

export const storeKinds = ['folder', 's3rver'] as const;

export async function startStore(kind: (typeof storeKinds)[number]): Promise<StoreUnderTest> {
  if (kind === 'folder') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-blobs-'));
    const store = new FolderBlobStore(dir);
    return {
      store,
      objectExists: async (workspaceId, sha256) => fs.existsSync(store.objectPath({ workspaceId, sha256 })),
      objectNames: () => listFiles(path.join(dir, 'objects')).map((file) => path.relative(dir, file)),
      async stop() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const s3 = await startS3rver();
  const store = new S3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3.credentials, prefix: 'fieldbook/' });
  const bucketDir = path.join(s3.directory, s3.bucket);
  // s3rver keeps an object's bytes in `<key>._S3rver_object`.
  const objectNames = () =>
    listFiles(bucketDir)
      .filter((file) => file.endsWith('._S3rver_object'))
      .map((file) => path.relative(bucketDir, file).replace(/\._S3rver_object$/, ''));
  return {
    store,
    objectExists: async (workspaceId, sha256) => objectNames().includes(`fieldbook/workspaces/${workspaceId}/blobs/${sha256}`),
    objectNames,
    async stop() {
      await store.close();
      await s3.stop();
    },
  };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const md5Of = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');

export function blobClient(relayUrl: string, token: string): BlobClient {
  return new BlobClient(new RelayClient(relayUrl, token));
}

/** Uploads `bytes` with the app's protocol client, part by part; `stopAfter` parts leaves it unfinished. */
export async function uploadBytes(client: BlobClient, bytes: Buffer, options: { stopAfter?: number; sha256?: string } = {}) {
  const sha256 = options.sha256 ?? sha256Of(bytes);
  const started = await client.startUpload(sha256, bytes.length);
  if (started.status === 'present') return { started, sentParts: [] as number[] };
  const sentParts: number[] = [];
  for (let part = 1; part <= started.partCount; part += 1) {
    if (started.doneParts.includes(part)) continue;
    if (options.stopAfter !== undefined && sentParts.length >= options.stopAfter) return { started, sentParts };
    const slice = bytes.subarray((part - 1) * started.partBytes, part * started.partBytes);
    const target = await client.partTarget(started.uploadId, part, { sizeBytes: slice.length, md5: md5Of(slice) });
    const { etag } = await client.putPart(target, Buffer.from(slice));
    if (!target.viaRelay) await client.partDone(started.uploadId, part, { etag, sizeBytes: slice.length });
    sentParts.push(part);
  }
  await client.complete(started.uploadId);
  return { started, sentParts };
}

export async function downloadBytes(client: BlobClient, sha256: string, offset = 0): Promise<Buffer> {
  const target = await client.downloadTarget(sha256);
  const { body } = await client.openDownload(target, offset);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
