import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayError } from '../../../src-main/sync/relay-client';
import { blobUploadParts } from '../../../src-relay/db/schema';
import type { Relay } from '../../../src-relay/server';
import { call, createWorkspace, inviteAndJoin, openTestDatabase, startTestRelay, TestClock, type TestDatabase } from '../helpers/relay-harness';
import { blobClient, downloadBytes, md5Of, sha256Of, startStore, storeKinds, uploadBytes, type StoreUnderTest } from './blob-harness';

// The relay's blob store through its HTTP routes, against the folder store and a real S3
// protocol server (s3rver): upload in parts, dedupe, download with resume, integrity, isolation
// between workspaces, revoked devices, limits, and collection of unreferenced blobs. Bytes are
// compared by their SHA-256 (a deep equality of megabytes is slower than the transfer).

const partBytes = 5 * 1024 * 1024;
const dayMs = 24 * 60 * 60 * 1000;

describe.each(storeKinds)('blobs at the relay, %s store', { timeout: 120_000 }, (kind) => {
  let testDb: TestDatabase;
  let storeUnderTest: StoreUnderTest;
  let relay: Relay;
  const clock = new TestClock();

  beforeAll(async () => {
    testDb = await openTestDatabase();
    storeUnderTest = await startStore(kind);
    relay = await startTestRelay(testDb.database, {
      now: clock.now,
      blobs: { store: storeUnderTest.store, partBytes, maxFileBytes: 20 * 1024 * 1024, quotaBytes: 40 * 1024 * 1024, graceMs: dayMs },
    });
  }, 300_000);

  afterAll(async () => {
    await relay?.close();
    await storeUnderTest?.stop();
    await testDb?.close();
  }, 60_000);

  it('stores a file in parts, keeps it once however often it is uploaded, and gives back the same bytes', async () => {
    const ann = await createWorkspace(relay.url, 'Castle Roofing', 'Ann');
    const bob = await inviteAndJoin(relay.url, ann, 'Bob');
    const bytes = randomBytes(2 * partBytes + 1234);
    const sha256 = sha256Of(bytes);

    const first = await uploadBytes(blobClient(relay.url, ann.deviceToken), bytes);
    expect(first.started).toMatchObject({ status: 'uploading', partCount: 3, doneParts: [] });
    expect(first.sentParts).toEqual([1, 2, 3]);
    // Bob attaches the same bytes: nothing is sent again.
    const second = await uploadBytes(blobClient(relay.url, bob.deviceToken), bytes);
    expect(second.started).toEqual({ status: 'present', sizeBytes: bytes.length });

    expect(sha256Of(await downloadBytes(blobClient(relay.url, bob.deviceToken), sha256))).toBe(sha256Of(bytes));
    // A download that broke off resumes from where it stopped.
    expect(sha256Of(await downloadBytes(blobClient(relay.url, bob.deviceToken), sha256, partBytes + 7))).toBe(sha256Of(bytes.subarray(partBytes + 7)));
    expect(await storeUnderTest.objectExists(ann.workspaceId, sha256)).toBe(true);
  });

  it('resumes an interrupted upload with the parts it already has', async () => {
    const ann = await createWorkspace(relay.url);
    const bytes = randomBytes(3 * partBytes + 10);
    const client = blobClient(relay.url, ann.deviceToken);
    const interrupted = await uploadBytes(client, bytes, { stopAfter: 2 });
    expect(interrupted.sentParts).toEqual([1, 2]);

    const resumed = await uploadBytes(client, bytes);
    expect(resumed.started).toMatchObject({ status: 'uploading', uploadId: interrupted.started.status === 'uploading' ? interrupted.started.uploadId : '', doneParts: [1, 2] });
    expect(resumed.sentParts).toEqual([3, 4]);
    expect(sha256Of(await downloadBytes(client, sha256Of(bytes)))).toBe(sha256Of(bytes));
  });

  it('refuses bytes that do not hash to the SHA-256 they were announced with, and keeps nothing of them', async () => {
    const ann = await createWorkspace(relay.url);
    const client = blobClient(relay.url, ann.deviceToken);
    const claimed = randomBytes(1000);
    const actual = randomBytes(1000);
    const upload = uploadBytes(client, actual, { sha256: sha256Of(claimed) });
    await expect(upload).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining("do not match the file's SHA-256") });
    expect(await storeUnderTest.objectExists(ann.workspaceId, sha256Of(claimed))).toBe(false);
    await expect(client.downloadTarget(sha256Of(claimed))).rejects.toMatchObject({ code: 'not_found' });
    // The honest upload of those bytes then starts afresh and succeeds.
    const retry = await uploadBytes(client, claimed);
    expect(retry.started).toMatchObject({ status: 'uploading', doneParts: [] });
    expect(sha256Of(await downloadBytes(client, sha256Of(claimed)))).toBe(sha256Of(claimed));
  });

  it('never lets another workspace read, resume or even learn of a blob', async () => {
    const ann = await createWorkspace(relay.url, 'Castle Roofing', 'Ann');
    const eve = await createWorkspace(relay.url, 'Rival Roofing', 'Eve');
    const bytes = randomBytes(partBytes + 10);
    const sha256 = sha256Of(bytes);
    const unfinished = await uploadBytes(blobClient(relay.url, ann.deviceToken), bytes, { stopAfter: 1 });
    const uploadId = unfinished.started.status === 'uploading' ? unfinished.started.uploadId : '';

    const eveClient = blobClient(relay.url, eve.deviceToken);
    await expect(eveClient.partTarget(uploadId, 2, { sizeBytes: 10, md5: md5Of(bytes.subarray(partBytes)) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(eveClient.complete(uploadId)).rejects.toMatchObject({ code: 'not_found' });
    await uploadBytes(blobClient(relay.url, ann.deviceToken), bytes);
    await expect(eveClient.downloadTarget(sha256)).rejects.toMatchObject({ code: 'not_found' });
    const content = await call(relay.url, 'GET', `/v1/blobs/${sha256}/content`, { token: eve.deviceToken });
    expect(content.status).toBe(404);
    // Eve uploading the same bytes gets no dedupe (which would tell her Ann has them): her own copy.
    expect((await eveClient.startUpload(sha256, bytes.length)).status).toBe('uploading');
    expect(storeUnderTest.objectNames().filter((name) => name.includes(sha256))).toEqual([expect.stringContaining(ann.workspaceId)]);
  });

  it('refuses a revoked device everything, and a device with no token too', async () => {
    const ann = await createWorkspace(relay.url);
    const bob = await inviteAndJoin(relay.url, ann, 'Bob');
    const bytes = randomBytes(2000);
    await uploadBytes(blobClient(relay.url, ann.deviceToken), bytes);
    expect((await call(relay.url, 'POST', `/v1/devices/${bob.deviceId}/revoke`, { token: ann.deviceToken, body: {} })).status).toBe(200);

    const bobClient = blobClient(relay.url, bob.deviceToken);
    await expect(bobClient.downloadTarget(sha256Of(bytes))).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(bobClient.startUpload(sha256Of(randomBytes(10)), 10)).rejects.toBeInstanceOf(RelayError);
    expect((await call(relay.url, 'GET', `/v1/blobs/${sha256Of(bytes)}/content`, { token: bob.deviceToken })).status).toBe(401);
    expect((await call(relay.url, 'GET', `/v1/blobs/${sha256Of(bytes)}/content`)).status).toBe(401);
  });

  it('refuses a file over the upload limit, and one over the workspace quota, saying which', async () => {
    const ann = await createWorkspace(relay.url);
    const client = blobClient(relay.url, ann.deviceToken);
    await expect(client.startUpload(sha256Of(Buffer.from('big')), 21 * 1024 * 1024)).rejects.toMatchObject({
      code: 'too_large',
      status: 413,
      message: 'This file is 21 MB; the relay accepts files up to 20 MB.',
    });
    await client.startUpload(sha256Of(Buffer.from('one')), 19 * 1024 * 1024);
    await client.startUpload(sha256Of(Buffer.from('two')), 19 * 1024 * 1024);
    await expect(client.startUpload(sha256Of(Buffer.from('three')), 3 * 1024 * 1024)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining("The workspace's storage is full: 38 MB of 40 MB used."),
    });
    expect(await client.limits()).toEqual({ maxFileBytes: 20 * 1024 * 1024, partBytes, store: kind === 'folder' ? 'folder' : 's3' });
  });

  it('collects a blob only when no live row refers to it and the grace period has passed', async () => {
    const ann = await createWorkspace(relay.url);
    const client = blobClient(relay.url, ann.deviceToken);
    const bytes = randomBytes(3000);
    const sha256 = sha256Of(bytes);
    await uploadBytes(client, bytes);
    const collect = async () => {
      await relay.collectBlobGarbage();
      return storeUnderTest.objectExists(ann.workspaceId, sha256);
    };
    await client.declareReferences([{ tableName: 'files', rowId: 'file-1', sha256, cl: 1 }]);
    clock.offsetMs += 2 * dayMs;
    expect(await collect()).toBe(true);

    // Deleted: kept through the grace period, so an undo (or a teammate's restore) finds it.
    await client.declareReferences([{ tableName: 'files', rowId: 'file-1', sha256, cl: 2 }]);
    clock.offsetMs += dayMs / 2;
    expect(await collect()).toBe(true);
    // A late, stale declaration of the row alive does not bring it back.
    await client.declareReferences([{ tableName: 'files', rowId: 'file-1', sha256, cl: 1 }]);
    clock.offsetMs += dayMs;
    expect(await collect()).toBe(false);
    await expect(client.downloadTarget(sha256)).rejects.toMatchObject({ code: 'not_found' });
    const usage = await client.usage();
    expect(usage).toMatchObject({ usedBytes: 0, blobCount: 0 });

    // Restored after collection: the relay says the bytes are missing, to whoever still has them.
    expect(await client.declareReferences([{ tableName: 'files', rowId: 'file-1', sha256, cl: 3 }])).toEqual({ missing: [sha256] });
    await uploadBytes(client, bytes);
    expect(await client.declareReferences([{ tableName: 'files', rowId: 'file-1', sha256, cl: 3 }])).toEqual({ missing: [] });
    expect(sha256Of(await downloadBytes(client, sha256))).toBe(sha256Of(bytes));
  });

  it('keeps a blob another live row still refers to, and shows admins what the workspace stores', async () => {
    const ann = await createWorkspace(relay.url);
    const bob = await inviteAndJoin(relay.url, ann, 'Bob');
    const client = blobClient(relay.url, ann.deviceToken);
    const bytes = randomBytes(4096);
    const sha256 = sha256Of(bytes);
    await uploadBytes(client, bytes);
    await client.declareReferences([
      { tableName: 'files', rowId: 'quote.pdf', sha256, cl: 2 },
      { tableName: 'files', rowId: 'quote copy.pdf', sha256, cl: 1 },
    ]);
    clock.offsetMs += 3 * dayMs;
    await relay.collectBlobGarbage();
    expect(await storeUnderTest.objectExists(ann.workspaceId, sha256)).toBe(true);
    expect(await client.usage()).toEqual({ usedBytes: 4096, blobCount: 1, awaitingCollectionBytes: 0, quotaBytes: 40 * 1024 * 1024, maxFileBytes: 20 * 1024 * 1024 });
    await expect(blobClient(relay.url, bob.deviceToken).usage()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('abandons an upload left unfinished for a week, parts and all', async () => {
    const ann = await createWorkspace(relay.url);
    const client = blobClient(relay.url, ann.deviceToken);
    const bytes = randomBytes(partBytes + 5);
    const { started } = await uploadBytes(client, bytes, { stopAfter: 1 });
    const uploadId = started.status === 'uploading' ? started.uploadId : '';
    clock.offsetMs += 8 * dayMs;
    expect((await relay.collectBlobGarbage()).abandonedUploads).toBeGreaterThanOrEqual(1);
    expect(await testDb.database.db.select().from(blobUploadParts).where(eq(blobUploadParts.uploadId, uploadId))).toEqual([]);
    expect(await client.startUpload(sha256Of(bytes), bytes.length)).toMatchObject({ status: 'uploading', doneParts: [] });
  });
});
