import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blobs } from '../../../src-relay/db/schema';
import type { OfflineFiles } from '../../../src-shared/domain/file';
import { sha256Of, storeKinds } from '../../relay/blobs/blob-harness';
import type { TempCore } from '../../helpers/temp-core';
import { contactOn, eventually, formTeam, laptop, partBytes, startTeamRelay, type TeamRelay } from './team-harness';

// Two laptops and a relay, files travelling between them as a team would see it: attached on
// one, opened on the other with the same bytes; attached offline, arriving once online; damaged
// on the way and fetched again; refused to a revoked laptop; limits said plainly.

const dayMs = 24 * 60 * 60 * 1000;

describe.each(storeKinds)('files between two laptops, %s store at the relay', { timeout: 180_000 }, (kind) => {
  let team: TeamRelay;
  const laptops: TempCore[] = [];
  /** A laptop that fetches files only when they are opened, unless `keep` says otherwise. */
  const newLaptop = async (options: Parameters<typeof laptop>[0] = {}, keep: OfflineFiles = { keep: 'on_demand', days: 30 }) => {
    const core = laptop(options);
    laptops.push(core);
    await core.call('settings.update', { offlineFiles: keep });
    return core;
  };

  beforeAll(async () => {
    team = await startTeamRelay(kind);
  }, 300_000);
  afterEach(() => {
    for (const core of laptops.splice(0)) core.dispose();
  });
  afterAll(async () => {
    await team?.stop();
  }, 60_000);

  async function attach(core: TempCore, contactId: string, bytes: Buffer, name: string) {
    const staged = await core.files.stage(Readable.from([bytes]), name);
    return core.call('files.add', { contactId, uploadId: staged.uploadId, name, mimeType: 'application/pdf', category: 'quote' });
  }

  /** Until `core` has nothing waiting: every upload done and every change pushed. */
  const settled = (core: TempCore) =>
    eventually(async () => {
      const status = await core.call('sync.now', {});
      return status.pendingUploads === 0 && status.pendingChanges === 0;
    }, 'uploads and changes are at the relay');

  it('a file attached on one laptop opens on the other with the same bytes', async () => {
    const ann = await newLaptop();
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Mrs Patel');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(partBytes + 4321)]);
    const attached = await attach(ann, contactId, pdf, 'quote.pdf');
    await settled(ann);
    await bob.call('sync.now', {});

    const [seen] = await bob.call('files.list', { contactId });
    expect(seen).toMatchObject({ id: attached.id, name: 'quote.pdf', sha256: sha256Of(pdf), available: false });
    const fetched = await bob.call('files.fetch', { id: attached.id });
    expect(fetched.available).toBe(true);
    expect(sha256Of(bob.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(pdf));
    // Fetched once, it stays: the relay may go, the file still opens.
    expect((await bob.call('files.list', { contactId }))[0]?.available).toBe(true);
  });

  it("a contact's photo reaches the teammate, who fetches its bytes like any file's", async () => {
    const ann = await newLaptop();
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Mr Lindqvist');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(30_000)]);
    const staged = await ann.files.stage(Readable.from([png]), 'face.png');
    await ann.call('contacts.setPhoto', { contactId, uploadId: staged.uploadId });
    await settled(ann);
    await bob.call('sync.now', {});

    const photo = (await bob.call('files.list', { contactId })).find((file) => file.category === 'photo');
    expect(photo).toMatchObject({ sha256: sha256Of(png), available: false });
    const fetched = await bob.call('files.fetch', { id: photo!.id });
    expect(sha256Of(bob.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(png));
  });

  it('a file attached while offline waits with its row, and both reach the teammate once online', async () => {
    let online = true;
    const offlineFetch: typeof fetch = (input, init) =>
      online ? fetch(input, init) : Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    const ann = await newLaptop({ fetch: offlineFetch });
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Mr Okafor');
    await settled(ann);

    online = false;
    const photo = randomBytes(70_000);
    const attached = await attach(ann, contactId, photo, 'damp wall.jpg');
    const offline = await ann.call('sync.now', {});
    expect(offline).toMatchObject({ state: 'offline', pendingUploads: 1 });
    expect(ann.engine.outbox(1000).some((entry) => entry.change.rowId === attached.id)).toBe(false);

    online = true;
    await ann.call('files.retryUploads', {});
    await settled(ann);
    await bob.call('sync.now', {});
    const fetched = await bob.call('files.fetch', { id: attached.id });
    expect(sha256Of(bob.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(photo));
  });

  it('never pushes a file whose bytes the relay does not have', async () => {
    const ann = await newLaptop();
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Held');
    ann.fileTransfers.uploader.stop();
    const attached = await attach(ann, contactId, randomBytes(5000), 'contract.pdf');
    await ann.call('sync.now', {});
    await bob.call('sync.now', {});
    expect(await bob.call('files.list', { contactId })).toEqual([]);
    expect((await ann.call('sync.status', {})).pendingUploads).toBe(1);
    expect(ann.engine.pendingCount()).toBeGreaterThan(0);
    expect(attached.available).toBe(true);
  });

  it('detects a download damaged on the way, throws it away and fetches it again', async () => {
    let damaged = 0;
    const damagingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input);
      const isBlobDownload = (init?.method ?? 'GET') === 'GET' && (url.includes('/content') || url.includes('X-Amz-Signature'));
      if (!isBlobDownload || damaged > 0 || !response.body) return response;
      damaged += 1;
      const bytes = Buffer.from(await response.arrayBuffer());
      bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
      return new Response(bytes, { status: response.status, headers: response.headers });
    };
    const ann = await newLaptop();
    const bob = await newLaptop({ fetch: damagingFetch });
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Damaged');
    const bytes = randomBytes(200_000);
    const attached = await attach(ann, contactId, bytes, 'plan.pdf');
    await settled(ann);
    await bob.call('sync.now', {});
    await bob.call('files.fetch', { id: attached.id });
    expect(damaged).toBe(1);
    expect(sha256Of(bob.files.open(attached.sha256)!.bytes())).toBe(sha256Of(bytes));
  });

  it('resumes a download cut off midway from where it stopped, and the file opens whole', async () => {
    const ranges: (string | null)[] = [];
    let cut = false;
    const cuttingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input);
      const isBlobDownload = (init?.method ?? 'GET') === 'GET' && (url.includes('/content') || url.includes('X-Amz-Signature'));
      if (!isBlobDownload || !response.body) return response;
      ranges.push(new Headers(init?.headers).get('range'));
      if (cut) return response;
      cut = true;
      // The first download loses its connection after a third of the bytes.
      const bytes = Buffer.from(await response.arrayBuffer());
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent) {
            // What arrived is written before the connection drops, as on a real network.
            await new Promise((resolve) => setTimeout(resolve, 300));
            return controller.error(new Error('connection reset'));
          }
          sent = true;
          controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 3)));
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const ann = await newLaptop();
    const bob = await newLaptop({ fetch: cuttingFetch });
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Cut off');
    const bytes = randomBytes(1_500_000 + 12_345);
    const attached = await attach(ann, contactId, bytes, 'survey.pdf');
    await settled(ann);
    await bob.call('sync.now', {});
    await expect(bob.call('files.fetch', { id: attached.id })).rejects.toThrow();
    expect(bob.files.open(attached.sha256)).toBeUndefined();
    await bob.call('files.fetch', { id: attached.id });
    expect(ranges[0]).toBeNull();
    expect(ranges.at(-1)).toMatch(/^bytes=[1-9]\d*-$/);
    expect(sha256Of(bob.files.open(attached.sha256)!.bytes())).toBe(sha256Of(bytes));
  });

  it('refuses a revoked laptop any file, saying why', async () => {
    const ann = await newLaptop();
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Secret');
    const attached = await attach(ann, contactId, randomBytes(3000), 'secret.pdf');
    await settled(ann);
    await bob.call('sync.now', {});
    await ann.call('sync.revokeDevice', { deviceId: bob.sync.config!.deviceId });
    const refused = await bob.invoke('files.fetch', { id: attached.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'The relay no longer accepts this laptop, so files cannot be fetched.' } });
    expect(bob.files.blobs.has(attached.sha256)).toBe(false);
  });

  it('keeps the files of the last N days offline by itself, and everything when asked', async () => {
    let annClock = Date.now() - 40 * dayMs;
    const ann = await newLaptop({ now: () => annClock });
    const bob = await newLaptop({}, { keep: 'recent', days: 30 });
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Long-standing customer');
    const old = await attach(ann, contactId, randomBytes(4000), 'last year.pdf');
    annClock = Date.now();
    const recent = await attach(ann, contactId, randomBytes(5000), 'this week.pdf');
    await settled(ann);
    await bob.call('sync.now', {});
    await eventually(() => bob.files.blobs.has(recent.sha256), 'the recent file is fetched by itself');
    expect(bob.files.blobs.has(old.sha256)).toBe(false);

    await bob.call('settings.update', { offlineFiles: { keep: 'everything', days: 30 } });
    await eventually(() => bob.files.blobs.has(old.sha256), 'the old file is fetched too');
    expect((await bob.call('files.list', { contactId })).map((file) => file.available)).toEqual([true, true]);
  });

  it('uploads a file again when it is restored after the relay collected it', async () => {
    const ann = await newLaptop();
    const bob = await newLaptop();
    await formTeam(team.relay.url, ann, bob);
    const contactId = await contactOn(ann, 'Restored');
    const bytes = randomBytes(9000);
    const attached = await attach(ann, contactId, bytes, 'survey.pdf');
    await settled(ann);
    await ann.call('files.delete', { id: attached.id });
    await settled(ann);
    team.clock.offsetMs += 2 * dayMs;
    await team.relay.collectBlobGarbage();
    const stored = await team.database.db.select().from(blobs);
    expect(stored.some((row) => row.sha256 === attached.sha256)).toBe(false);

    // Ann's undo still has the bytes: restoring brings the row back and sends the bytes again.
    await ann.call('files.restore', { id: attached.id });
    await settled(ann);
    await bob.call('sync.now', {});
    await bob.call('files.fetch', { id: attached.id });
    expect(sha256Of(bob.files.open(attached.sha256)!.bytes())).toBe(sha256Of(bytes));
  });
});

describe('the upload limit, on both sides', { timeout: 180_000 }, () => {
  let team: TeamRelay;
  beforeAll(async () => {
    team = await startTeamRelay('folder', { maxFileBytes: 1024 * 1024 });
  }, 300_000);
  afterAll(async () => {
    await team?.stop();
  }, 60_000);

  it('refuses at the laptop a file larger than the relay accepts, once the relay has said its limit', async () => {
    const ann = laptop();
    const bob = laptop();
    try {
      // Attached before Ann's laptop ever talked to the relay, so before it knew the relay's
      // limit: the relay refuses the upload, and the reason is shown on the file.
      const contactId = await contactOn(ann, 'Big');
      const staged = await ann.files.stage(Readable.from([randomBytes(2 * 1024 * 1024)]), 'video.mp4');
      await ann.call('files.add', { contactId, uploadId: staged.uploadId, name: 'video.mp4', mimeType: 'video/mp4', category: 'photo' });
      await formTeam(team.relay.url, ann, bob);
      await eventually(async () => (await ann.call('files.transfers', {})).some((transfer) => transfer.state === 'failed'), 'the relay refused the upload');
      const [refused] = await ann.call('files.transfers', {});
      expect(refused).toMatchObject({ direction: 'upload', state: 'failed', message: 'This file is 2 MB; the relay accepts files up to 1 MB.' });

      // The relay's limit is learnt when it answers; after that the laptop refuses at once.
      await eventually(async () => {
        await ann.call('sync.now', {});
        return ann.files.stage(Readable.from([randomBytes(2 * 1024 * 1024)]), 'again.mp4').then(
          () => false,
          (error: Error) => error.message === '"again.mp4" is larger than the 1 MB your team\'s relay accepts, so it could not reach your teammates.',
        );
      }, 'the laptop learnt the relay limit');
    } finally {
      ann.dispose();
      bob.dispose();
    }
  });
});
