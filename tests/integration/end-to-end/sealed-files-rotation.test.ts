import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { joinTeam, startTeam } from '../../helpers/workspace-team';
import { eventually } from '../files/team-harness';

// Files are sealed with the workspace's epoch of the moment they are uploaded. After a member is
// removed and the key rotated, a file sealed under the old epoch still opens on the laptops of the
// workspace, a laptop that joins later included; the same file attached again after the rotation
// is not uploaded twice (its name at the relay does not change with the epoch).

const relay = useRelayInMemory({ rateLimit: { perSecond: 1e6, burst: 1e6 } });
let admin: TempCore;
let teammate: TempCore;
let leaver: TempCore;
let newcomer: TempCore | undefined;

beforeAll(async () => {
  ({ admin, teammate } = await startTeam(relay.url));
  leaver = await joinTeam(admin, relay.url, 'Cal');
}, 120_000);

afterAll(() => {
  for (const core of [admin, teammate, leaver, newcomer]) core?.dispose();
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function attach(core: TempCore, contactId: string, bytes: Buffer, name: string) {
  const staged = await core.files.stage(Readable.from([bytes]), name);
  return core.call('files.add', { contactId, uploadId: staged.uploadId, name, mimeType: 'application/pdf', category: 'document' });
}

const settled = (core: TempCore) =>
  eventually(async () => {
    const status = await core.call('sync.now', {});
    return status.pendingUploads === 0 && status.pendingChanges === 0;
  }, 'uploads and changes are at the relay');

async function storedBlobCount(): Promise<number> {
  const result = (await relay.database.db.execute(sql`SELECT count(*)::int AS n FROM blobs WHERE state = 'present'`)) as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

describe('files across a key rotation', () => {
  it('opens files sealed before and after the rotation, on a teammate and on a laptop that joins later', async () => {
    const contact = await admin.call('contacts.create', { draft: { name: 'Agatha Rotherham' } });
    const before = Buffer.concat([Buffer.from('%PDF-1.7 before the rotation\n'), randomBytes(300_000)]);
    const beforeFile = await attach(admin, contact.id, before, 'before.pdf');
    await settled(admin);
    expect(await storedBlobCount()).toBe(1);

    const { members } = await admin.call('sync.workspace', {});
    await admin.call('sync.removeMember', { memberId: members.find((member) => member.name === 'Cal')!.id });
    expect(await admin.call('sync.status', {})).toMatchObject({ keyEpoch: 2 });

    const after = Buffer.concat([Buffer.from('%PDF-1.7 after the rotation\n'), randomBytes(200_000)]);
    const afterFile = await attach(admin, contact.id, after, 'after.pdf');
    // The same bytes as before, attached again under epoch 2: the relay has them already.
    await attach(admin, contact.id, before, 'before again.pdf');
    await settled(admin);
    expect(await storedBlobCount()).toBe(2);

    expect(await teammate.call('sync.now', {})).toMatchObject({ state: 'synced', keyEpoch: 2, setAsideChanges: 0 });
    for (const [file, bytes] of [[beforeFile, before], [afterFile, after]] as const) {
      const fetched = await teammate.call('files.fetch', { id: file.id });
      expect(sha256Of(teammate.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(bytes));
    }

    newcomer = await joinTeam(admin, relay.url, 'Dora');
    await eventually(async () => (await newcomer!.call('sync.now', {})).keyEpoch === 2, 'the newcomer holds the key');
    const fetched = await newcomer.call('files.fetch', { id: beforeFile.id });
    expect(sha256Of(newcomer.files.open(fetched.sha256)!.bytes())).toBe(sha256Of(before));
  }, 180_000);
});
