import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobStore } from '../../src-main/files/blob-store';
import { openSealedFile, sealedCopyOf } from '../../src-main/files/blob-sealing';
import { newEpochKeys } from '../../src-shared/sync/sealing';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { nowMs, summarise } from '../lib/stats';

// What encrypting file bytes costs the laptop, beside the same work on plain bytes, in
// alternating rounds of one run so that the machine's load falls on both alike:
// - write: a file streamed into the store (hashed, and encrypted at rest or not);
// - read: the stored file streamed back whole (decrypted or not);
// - upload side: sealing the stored file for the relay (decrypt, seal, hash the sealed bytes)
//   against reading the plain file the way the plain uploader does;
// - download side: a downloaded sealed file opened into the store against a plain one stored.
// The network transfer itself is the same for both but for 16 bytes per 64 KiB frame (0.02%).

const fileBytes = Number(process.env.BENCH_FILE_ENCRYPTION_BYTES ?? 32 * 1024 * 1024);

async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // Reading is the work measured.
  }
}

export async function fileEncryptionSuite(options: { workDir: string; quick: boolean }): Promise<Figure[]> {
  const root = path.join(options.workDir, 'file-encryption');
  fs.rmSync(root, { recursive: true, force: true });
  const stores = { encrypted: new BlobStore(path.join(root, 'encrypted'), randomBytes(32)), plain: new BlobStore(path.join(root, 'plain'), null) };
  const epoch = newEpochKeys(1);
  const samples = { write: { encrypted: [] as number[], plain: [] as number[] }, read: { encrypted: [] as number[], plain: [] as number[] }, upload: { encrypted: [] as number[], plain: [] as number[] }, download: { encrypted: [] as number[], plain: [] as number[] } };
  const rounds = options.quick ? 3 : 6;
  try {
    for (let round = 0; round < rounds; round += 1) {
      const bytes = randomBytes(fileBytes);
      const order = round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const kind of order) {
        const store = stores[kind];
        let started = nowMs();
        const staged = await store.stage(Readable.from([bytes]), Number.MAX_SAFE_INTEGER, 'bench.bin');
        const { sha256 } = store.commit(staged.uploadId);
        samples.write[kind].push(nowMs() - started);

        started = nowMs();
        await drain(store.read(sha256));
        samples.read[kind].push(nowMs() - started);

        started = nowMs();
        const outgoing = kind === 'encrypted' ? (await sealedCopyOf(store, sha256, epoch)).file : store.blobPath(sha256);
        if (kind === 'plain') await drain(store.read(sha256));
        samples.upload[kind].push(nowMs() - started);

        // The downloaded file: the sealed copy, or the plain bytes as they would arrive.
        const partial = path.join(root, `${kind}.partial`);
        fs.copyFileSync(outgoing, partial);
        store.remove(sha256);
        started = nowMs();
        const source = kind === 'encrypted' ? openSealedFile(partial, (number) => (number === epoch.epoch ? epoch : undefined), sha256) : fs.createReadStream(partial);
        const downloaded = await store.stage(source, Number.MAX_SAFE_INTEGER, 'bench.bin');
        store.adoptStaged(downloaded, sha256);
        samples.download[kind].push(nowMs() - started);
        fs.rmSync(partial, { force: true });
        store.remove(sha256);
        fs.rmSync(path.join(store.root, '.outgoing'), { recursive: true, force: true });
      }
    }
    const megabytes = `${Math.round(fileBytes / 1024 / 1024)} MB`;
    const titles = {
      write: `Storing a ${megabytes} file on the laptop, encrypted at rest`,
      read: `Reading a ${megabytes} stored file back, decrypted`,
      upload: `Preparing a ${megabytes} file for upload, sealed end to end (and its SHA-256 taken)`,
      download: `Storing a downloaded ${megabytes} file: opened from its seal and encrypted at rest`,
    } as const;
    return (Object.keys(samples) as (keyof typeof samples)[]).map((step) => {
      const subject = latency(summarise(samples[step].encrypted));
      const baseline = latency(summarise(samples[step].plain));
      return finish({
        id: `files.encryption.${step}`,
        title: titles[step],
        status: 'measured',
        value: subject,
        baseline: { title: 'the same on plain bytes', value: baseline },
        ratio: latencyRatio(subject, baseline, 'p50'),
        details: { fileBytes, roundsEach: rounds, encryptedMs: samples[step].encrypted, plainMs: samples[step].plain },
      });
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
