import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

// A real S3-protocol server for tests and benchmarks: s3rver on loopback, a free port and a
// temporary folder, with one empty bucket. `clientConfig` is what an S3Client needs to talk to
// it (path-style addressing; checksums only when required, which s3rver expects). Anyone may reuse this.

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** s3rver's folder: objects are plain files under `<directory>/<bucket>/`. */
  directory: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** A ready S3Client on the server (for baselines and for looking at what was stored). */
  client: S3Client;
  stop(): Promise<void>;
}

export async function startS3rver(bucket = 'fieldbook-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  // s3rver's default account.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const region = 'us-east-1';
  const client = new S3Client({
    endpoint,
    region,
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    directory,
    region,
    credentials,
    client,
    async stop() {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
