import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobUploadParts, blobUploads } from '../../../src-relay/db/schema';
import { sha256Of, storeKinds } from '../../relay/blobs/blob-harness';
import { createTempCore } from '../../helpers/temp-core';
import { contactOn, eventually, formTeam, laptop, partBytes, startTeamRelay, type TeamRelay } from './team-harness';

// A laptop killed with SIGKILL in the middle of uploading a large file: when it starts again, it
// sends only the parts the relay does not have yet (no restart from zero), and the teammate gets
// the very same bytes.

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe.each(storeKinds)('an upload killed midway, %s store', { timeout: 300_000 }, (kind) => {
  let team: TeamRelay;
  beforeAll(async () => {
    team = await startTeamRelay(kind);
  }, 300_000);
  afterAll(async () => {
    await team?.stop();
  }, 60_000);

  it('resumes after the laptop restarts, sending only the missing parts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upload-crash-'));
    const bytes = randomBytes(6 * partBytes + 99_999);
    const partCount = 7;
    const ann = createTempCore({ dataDir, autoSync: false });
    const bob = laptop();
    try {
      await formTeam(team.relay.url, ann, bob);
      // Attached with the uploader off, so the child process is the one that uploads.
      ann.fileTransfers.uploader.stop();
      const contactId = await contactOn(ann, 'Video customer');
      const staged = await ann.files.stage(Readable.from([bytes]), 'walkthrough.mp4');
      const attached = await ann.call('files.add', { contactId, uploadId: staged.uploadId, name: 'walkthrough.mp4', mimeType: 'video/mp4', category: 'photo' });
      ann.close();

      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/files/upload-in-background.ts', dataDir, '700'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const partsAtRelay = async () => (await team.database.db.select().from(blobUploadParts)).length;
      await eventually(async () => (await partsAtRelay()) >= 2, 'some parts are at the relay', 120_000);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const partsBeforeRestart = await partsAtRelay();
      expect(partsBeforeRestart).toBeLessThan(partCount);
      expect(await team.database.db.select().from(blobUploads)).toHaveLength(1);

      // Ann opens her laptop again; every byte it sends is counted.
      let bytesSent = 0;
      const countingFetch: typeof fetch = (input, init) => {
        if (init?.method === 'PUT' && init.body instanceof Uint8Array) bytesSent += init.body.byteLength;
        return fetch(input, init);
      };
      const reopened = createTempCore({ dataDir, autoSync: false, fetch: countingFetch });
      try {
        await eventually(async () => (await reopened.call('sync.now', {})).pendingUploads === 0, 'the upload finished', 120_000);
        expect(bytesSent).toBeGreaterThan(0);
        expect(bytesSent).toBeLessThanOrEqual(bytes.length - partsBeforeRestart * partBytes + partBytes);
        expect(bytesSent).toBeLessThan(bytes.length);
        await eventually(async () => (await reopened.call('sync.now', {})).pendingChanges === 0, 'the row was pushed');
      } finally {
        reopened.dispose();
      }
      await bob.call('sync.now', {});
      const fetched = await bob.call('files.fetch', { id: attached.id });
      expect(sha256Of(bob.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(bytes));
    } finally {
      bob.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
