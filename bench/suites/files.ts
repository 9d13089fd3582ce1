import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { createCore, type Core } from '../../src-main/core/create-core';
import { S3BlobStore } from '../../src-relay/blobs/s3-store';
import { FolderBlobStore } from '../../src-relay/blobs/folder-store';
import type { BlobStore } from '../../src-relay/blobs/store';
import { openRelayDatabase } from '../../src-relay/db/open';
import { createRelay } from '../../src-relay/server';
import { startS3rver, type TestS3 } from '../../tests/support/s3rver';
import { call, type BenchContext } from '../lib/context';
import { finish, type Figure, type Measurement } from '../lib/figures';
import { nowMs } from '../lib/stats';

// File transfer through the relay: a 100 MB file uploaded by one laptop (the background
// uploader: parts to presigned URLs, then the relay's SHA-256 check) and fetched by another
// (presigned download, checked by hash before use), beside a bare @aws-sdk/client-s3 PutObject
// and GetObject of the same file to the same s3rver on loopback. The relay's folder store is
// measured too, without a baseline. Rounds alternate Fieldbook and the baseline.

const megabyte = 1024 * 1024;

export async function filesSuite(context: BenchContext, options: { workDir: string }): Promise<Figure[]> {
  const dir = path.join(options.workDir, 'files-bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sizeMb = 100;
  const rounds = context.quick ? 2 : 3;
  const s3 = await startS3rver('fieldbook-bench');
  try {
    const s3Store = new S3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3.credentials });
    const viaS3 = await measureThroughRelay(context, dir, 's3', s3Store, sizeMb, rounds, s3);
    const folder = await measureThroughRelay(context, dir, 'folder', new FolderBlobStore(path.join(dir, 'relay-folder-blobs')), sizeMb, rounds);
    return [...viaS3, ...folder];
  } finally {
    await s3.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const throughput = (megabytes: number, ms: number[]): Measurement => ({
  kind: 'amount',
  // The median round, so one stall of a busy machine does not decide the figure.
  amount: { value: megabytes / (median(ms) / 1000), unit: 'MB/s' },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function measureThroughRelay(context: BenchContext, dir: string, label: string, store: BlobStore, sizeMb: number, rounds: number, bare?: TestS3): Promise<Figure[]> {
  const database = await openRelayDatabase({ dataDir: path.join(dir, `relay-${label}`) });
  const relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 }, blobs: { store, maxFileBytes: 1024 * megabyte } });
  const cores: Core[] = [];
  const newCore = (name: string) => {
    const core = createCore({ dataDir: path.join(dir, `${label}-${name}`), shell: 'test', logError: (error) => console.error(error) });
    cores.push(core);
    return core;
  };
  try {
    const ann = newCore('ann');
    const bob = newCore('bob');
    await call(ann, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: `Bench files ${label}`, memberName: 'Ann' });
    const { inviteCode } = (await call(ann, 'sync.invite', {})) as { inviteCode: string };
    await call(bob, 'sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Bob' });
    ann.files.setRelayMaxFileBytes(1024 * megabyte);
    await call(ann, 'settings.update', { maxFileBytes: 1024 * megabyte });
    const { id: contactId } = (await call(ann, 'contacts.create', { draft: { name: 'Bench' } })) as { id: string };

    const upload: number[] = [];
    const download: number[] = [];
    const bareUpload: number[] = [];
    const bareDownload: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const file = path.join(dir, `upload-${label}-${round}.bin`);
      fs.writeFileSync(file, randomBytes(sizeMb * megabyte));
      const staged = await ann.files.stageFromPath(file);
      const ours = async () => {
        const start = nowMs();
        const added = (await call(ann, 'files.add', { contactId, uploadId: staged.uploadId, name: `bench-${round}.bin`, mimeType: 'application/octet-stream', category: 'document' })) as { id: string; sha256: string };
        while (ann.files.uploads.get(added.sha256)?.state !== 'done') {
          const upload = ann.files.uploads.get(added.sha256);
          if (upload?.lastError) throw new Error(`upload failed: ${upload.lastError}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        upload.push(nowMs() - start);
        await waitForPush(ann);
        await bob.sync.syncNow();
        const fetchStart = nowMs();
        await call(bob, 'files.fetch', { id: added.id });
        download.push(nowMs() - fetchStart);
      };
      const baseline = async () => {
        if (!bare) return;
        const key = `bare/${round}.bin`;
        const start = nowMs();
        await bare.client.send(new PutObjectCommand({ Bucket: bare.bucket, Key: key, Body: fs.createReadStream(file), ContentLength: sizeMb * megabyte }));
        bareUpload.push(nowMs() - start);
        const fetchStart = nowMs();
        const object = await bare.client.send(new GetObjectCommand({ Bucket: bare.bucket, Key: key }));
        await pipeline(object.Body as Readable, fs.createWriteStream(path.join(dir, `bare-${round}.bin`)));
        bareDownload.push(nowMs() - fetchStart);
      };
      if (round % 2 === 0) {
        await ours();
        await baseline();
      } else {
        await baseline();
        await ours();
      }
      fs.rmSync(file, { force: true });
      fs.rmSync(path.join(dir, `bare-${round}.bin`), { force: true });
    }

    const figure = (id: string, what: string, ours: number[], theirs: number[]): Figure => {
      const value = throughput(sizeMb, ours);
      const where = label === 's3' ? 'the relay to s3rver (S3 protocol) on loopback' : "the relay's folder store on loopback";
      const title = `${what} of a ${sizeMb} MB file through ${where} (median of ${ours.length})`;
      if (!bare) return finish({ id, title, status: 'measured', value, note: 'no baseline: the folder store has no bare client to compare with' });
      const baselineValue = throughput(sizeMb, theirs);
      const ratio = (value.kind === 'amount' ? value.amount.value : 0) / (baselineValue.kind === 'amount' ? baselineValue.amount.value : 1);
      return finish({
        id,
        title,
        status: 'measured',
        value,
        baseline: { title: `bare @aws-sdk/client-s3 ${what === 'Upload' ? 'PutObject' : 'GetObject'} of the same file`, value: baselineValue },
        ratio: { statistic: 'MB/s', value: ratio },
        target: 'file transfer through the relay at least 0.8x a bare S3 client',
        checks: [{ text: 'ratio >= 0.8', pass: ratio >= 0.8 }],
      });
    };
    context.log(`  files (${label}): upload ${upload.map((ms) => ms.toFixed(0)).join('/')} ms, download ${download.map((ms) => ms.toFixed(0)).join('/')} ms`);
    return [
      figure(`files.upload.${label}`, 'Upload', upload, bareUpload),
      figure(`files.download.${label}`, 'Download', download, bareDownload),
    ];
  } finally {
    for (const core of cores) core.close();
    await relay.close();
    await database.close();
  }
}

/** Until the laptop's outbox is pushed (the file's row waits for its upload, then goes). */
async function waitForPush(core: Core): Promise<void> {
  for (let attempt = 0; attempt < 200 && core.engine.pendingCount() > 0; attempt += 1) await core.sync.syncNow();
}
