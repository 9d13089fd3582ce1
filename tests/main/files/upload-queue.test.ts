import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The upload queue on one laptop with no relay: what is queued with a file, what is held out of
// the push, and what is let go when the upload settles.

let core: TempCore;
let contactId: string;
beforeEach(async () => {
  core = createTempCore();
  contactId = (await core.call('contacts.create', { draft: { name: 'Ann' } })).id;
});
afterEach(() => core.dispose());

async function attach(bytes: Buffer, name: string) {
  const staged = await core.files.stage(Readable.from([bytes]), name);
  return core.call('files.add', { contactId, uploadId: staged.uploadId, name, mimeType: 'application/pdf', category: 'quote' });
}

const outboxRows = () => core.engine.outbox(1000).map((entry) => `${entry.change.tableName}:${entry.change.rowId}`);

describe('the upload queue', () => {
  it('queues a file with its row and keeps the row, and only it, out of the push until its bytes are uploaded', async () => {
    const file = await attach(Buffer.from('%PDF quote'), 'quote.pdf');
    await core.call('files.delete', { id: file.id });
    await core.call('contacts.update', { id: contactId, patch: { jobTitle: 'Landlord' } });

    expect(core.files.uploads.waiting()).toMatchObject([{ sha256: file.sha256, sizeBytes: 10, state: 'queued' }]);
    expect(outboxRows()).not.toContain(`files:${file.id}`);
    expect(outboxRows()).toContain(`contacts:${contactId}`);
    // Held changes still count as waiting: the status never says "synced" while they are here.
    const status = await core.call('sync.status', {});
    expect(status).toMatchObject({ pendingUploads: 1 });
    expect(status.pendingChanges).toBe(core.engine.pendingCount());
    expect(core.engine.pendingCount()).toBe(outboxRows().length + 2);

    core.files.uploads.markDone(file.sha256);
    expect(outboxRows().filter((row) => row === `files:${file.id}`)).toHaveLength(2);
    expect((await core.call('sync.status', {})).pendingUploads).toBe(0);
  });

  it('keeps waiting outside a workspace, and lets the rows go once the bytes are known to be gone', async () => {
    const file = await attach(Buffer.from('photo'), 'photo.jpg');
    core.files.blobs.remove(file.sha256);
    core.fileTransfers.uploader.kick();
    await core.fileTransfers.uploader.idle();
    // No workspace: the uploader does not even look, and the row stays held.
    expect(outboxRows()).not.toContain(`files:${file.id}`);
    core.files.uploads.markMissing(file.sha256);
    expect(outboxRows()).toContain(`files:${file.id}`);
    expect(core.files.uploads.get(file.sha256)?.state).toBe('missing');
  });

  it('backs off after a failure, and tries again at once when asked', async () => {
    const file = await attach(Buffer.from('contract'), 'contract.pdf');
    core.files.uploads.recordFailure(file.sha256, 'Waiting for the relay.', 60_000);
    expect(core.files.uploads.nextDue()).toBeUndefined();
    expect(await core.call('files.transfers', {})).toEqual([
      { sha256: file.sha256, direction: 'upload', state: 'failed', bytesDone: 0, totalBytes: 8, message: 'Waiting for the relay.', retryAt: expect.any(Number) },
    ]);
    expect(await core.call('files.retryUploads', {})).toEqual({ waiting: 1 });
    expect(core.files.uploads.nextDue()?.sha256).toBe(file.sha256);
  });

  it('says plainly that a file is not here, and that this laptop is in no workspace to fetch it from', async () => {
    const file = await attach(Buffer.from('plan'), 'plan.pdf');
    core.files.blobs.remove(file.sha256);
    expect((await core.call('files.list', { contactId }))[0]).toMatchObject({ id: file.id, available: false });
    expect(await core.invoke('files.fetch', { id: file.id })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: '"plan.pdf" is not on this laptop, and this laptop is in no workspace to fetch it from.' },
    });
  });
});
