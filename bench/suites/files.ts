import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createCore, type Core } from '../../src-main/core/create-core';
import { startChildServer } from '../lib/child-process';
import { call, type BenchContext } from '../lib/context';
import { finish, type Figure, type Measurement } from '../lib/figures';
import { nowMs } from '../lib/stats';

// File transfer through the relay: a 100 MB file uploaded by one laptop (the background uploader:
// parts to presigned URLs, then the relay's SHA-256 check of the whole) and fetched by another
// (a presigned download, checked by hash before use), beside a bare @aws-sdk/client-s3 PutObject
// and GetObject of the same file to the same s3rver. As in real use, s3rver and the relay
// (`npm run relay` with the S3 settings of README.md) run in processes of their own on loopback;
// the laptops and the bare client run here. The relay's folder store is measured too, without a
// baseline. Rounds alternate Fieldbook and the baseline.

const megabyte = 1024 * 1024;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const uploadDeadlineMs = 10 * 60 * 1000;
const s3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function filesSuite(context: BenchContext, options: { workDir: string }): Promise<Figure[]> {
  const dir = path.join(options.workDir, 'files-bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sizeMb = 100;
  const rounds = 3;
  const s3 = await startChildServer(['tests/support/s3rver-process.ts', 'fieldbook-bench'], { cwd: repoRoot, ready: /s3rver listening on (\S+) bucket (\S+)/ });
  const [, endpoint, bucket] = s3.match as unknown as [string, string, string];
  const bare = new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: s3Credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const s3Env = {
      FIELDBOOK_RELAY_S3_BUCKET: bucket,
      FIELDBOOK_RELAY_S3_ENDPOINT: endpoint,
      FIELDBOOK_RELAY_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: s3Credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3Credentials.secretAccessKey,
    };
    const viaS3 = await measureThroughRelay(context, dir, 's3', s3Env, sizeMb, rounds, { client: bare, bucket });
    const viaFolder = await measureThroughRelay(context, dir, 'folder', {}, sizeMb, rounds);
    return [...viaS3, ...viaFolder];
  } finally {
    bare.destroy();
    await s3.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const throughput = (megabytes: number, ms: number[]): Measurement => ({
  kind: 'amount',
  amount: { value: megabytes / (median(ms) / 1000), unit: 'MB/s' },
});

/** The middle round (mean of the two middle ones for an even count): one stall does not decide. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measureThroughRelay(
  context: BenchContext,
  dir: string,
  label: 's3' | 'folder',
  relayEnv: Record<string, string>,
  sizeMb: number,
  rounds: number,
  bare?: { client: S3Client; bucket: string },
): Promise<Figure[]> {
  const relay = await startChildServer(['src-relay/main.ts', '--port', '0', '--data-dir', path.join(dir, `relay-${label}`)], {
    cwd: repoRoot,
    env: { ...relayEnv, FIELDBOOK_RELAY_MAX_FILE_MB: '1024' },
    ready: /Fieldbook relay listening on (http:\/\/\S+)/,
  });
  const relayUrl = relay.match[1]!;
  const cores: Core[] = [];
  const newCore = (name: string) => {
    const core = createCore({ dataDir: path.join(dir, `${label}-${name}`), shell: 'test', logError: (error) => console.error(error) });
    cores.push(core);
    return core;
  };
  try {
    const ann = newCore('ann');
    const bob = newCore('bob');
    await call(ann, 'sync.createWorkspace', { relayUrl, workspaceName: `Bench files ${label}`, memberName: 'Ann' });
    const { inviteCode } = (await call(ann, 'sync.invite', {})) as { inviteCode: string };
    await call(bob, 'sync.join', { relayUrl, inviteCode, memberName: 'Bob' });
    // Bob fetches when asked, so the download is measured rather than done ahead by the policy.
    await call(bob, 'settings.update', { offlineFiles: { keep: 'on_demand', days: 30 } });
    await call(ann, 'settings.update', { maxFileBytes: 1024 * megabyte });
    const { id: contactId } = (await call(ann, 'contacts.create', { draft: { name: 'Bench' } })) as { id: string };

    const retries: string[] = [];
    const samples = { upload: [] as number[], download: [] as number[], bareUpload: [] as number[], bareDownload: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      const file = path.join(dir, `upload-${label}-${round}.bin`);
      fs.writeFileSync(file, randomBytes(sizeMb * megabyte));
      const staged = await ann.files.stageFromPath(file);
      const ours = async () => {
        const start = nowMs();
        const added = (await call(ann, 'files.add', { contactId, uploadId: staged.uploadId, name: `bench-${round}.bin`, mimeType: 'application/octet-stream', category: 'document' })) as {
          id: string;
          sha256: string;
        };
        // A failed try is retried by the uploader (resuming its parts), as for a person: a busy
        // machine makes the figure slower, not missing; the tries are counted and printed.
        let lastSeenError: string | null = null;
        for (let upload = ann.files.uploads.get(added.sha256); upload?.state !== 'done'; upload = ann.files.uploads.get(added.sha256)) {
          if (upload?.lastError && upload.lastError !== lastSeenError) {
            lastSeenError = upload.lastError;
            retries.push(`round ${round}: ${upload.lastError}`);
            ann.files.uploads.retryAllNow();
            ann.fileTransfers.uploader.kick();
          }
          if (nowMs() - start > uploadDeadlineMs) throw new Error(`upload not done after ${uploadDeadlineMs / 1000} s: ${upload?.lastError ?? 'no error recorded'}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        samples.upload.push(nowMs() - start);
        for (let attempt = 0; attempt < 100 && ann.engine.pendingCount() > 0; attempt += 1) await ann.sync.syncNow();
        await bob.sync.syncNow();
        const fetchStart = nowMs();
        await call(bob, 'files.fetch', { id: added.id });
        samples.download.push(nowMs() - fetchStart);
      };
      const baseline = async () => {
        if (!bare) return;
        const key = `bare/${round}.bin`;
        const start = nowMs();
        await bare.client.send(new PutObjectCommand({ Bucket: bare.bucket, Key: key, Body: fs.createReadStream(file), ContentLength: sizeMb * megabyte }));
        samples.bareUpload.push(nowMs() - start);
        const fetchStart = nowMs();
        const object = await bare.client.send(new GetObjectCommand({ Bucket: bare.bucket, Key: key }));
        await pipeline(object.Body as Readable, fs.createWriteStream(path.join(dir, `bare-${round}.bin`)));
        samples.bareDownload.push(nowMs() - fetchStart);
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

    const rounded = (ms: number[]) => ms.map((value) => value.toFixed(0)).join('/');
    context.log(`  files (${label}): upload ${rounded(samples.upload)} ms, download ${rounded(samples.download)} ms` + (bare ? `; bare ${rounded(samples.bareUpload)} / ${rounded(samples.bareDownload)} ms` : ''));
    for (const retry of retries) context.log(`  files (${label}): an upload was retried after: ${retry}`);
    const figure = (id: string, what: 'Upload' | 'Download', ours: number[], theirs: number[]): Figure => {
      const value = throughput(sizeMb, ours);
      const where = label === 's3' ? 'the relay to s3rver (S3 protocol) on loopback' : "the relay's folder store on loopback";
      const title = `${what} of a ${sizeMb} MB file through ${where} (median of ${ours.length})`;
      if (!bare) return finish({ id, title, status: 'measured', value, note: 'no baseline: the folder store has no bare client to compare with' });
      const baselineValue = throughput(sizeMb, theirs);
      const ratio = sizeMb / (median(ours) / 1000) / (sizeMb / (median(theirs) / 1000));
      return finish({
        id,
        title,
        status: 'measured',
        value,
        baseline: { title: `bare @aws-sdk/client-s3 ${what === 'Upload' ? 'PutObject' : 'GetObject'} of the same file to the same s3rver`, value: baselineValue },
        ratio: { statistic: 'MB/s', value: ratio },
        target: 'file transfer through the relay at least 0.8x a bare S3 client',
        checks: [{ text: 'ratio >= 0.8', pass: ratio >= 0.8 }],
        details: { roundsMs: ours, baselineRoundsMs: theirs },
      });
    };
    return [figure(`files.upload.${label}`, 'Upload', samples.upload, samples.bareUpload), figure(`files.download.${label}`, 'Download', samples.download, samples.bareDownload)];
  } finally {
    for (const core of cores) core.close();
    await relay.stop();
  }
}
