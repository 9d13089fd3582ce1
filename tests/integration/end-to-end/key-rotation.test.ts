import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedEpoch } from '../../../src-shared/sync/sealing';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { joinTeam, startTeam } from '../../helpers/workspace-team';

// When an admin removes a member, the workspace key is rotated: what the laptops send from then
// on is sealed with a new epoch's key, sealed to every remaining device and never to the removed
// member's. What was sealed before still opens on the laptops that had it.

const relay = useRelayInMemory({ rateLimit: { perSecond: 1e6, burst: 1e6 } });
let admin: TempCore;
let teammate: TempCore;
let leaver: TempCore;

beforeAll(async () => {
  ({ admin, teammate } = await startTeam(relay.url));
  leaver = await joinTeam(admin, relay.url, 'Cal');
}, 120_000);

afterAll(() => {
  for (const core of [admin, teammate, leaver]) core?.dispose();
});

const rows = async <T>(query: ReturnType<typeof sql>) => ((await relay.database.db.execute(query)) as { rows: T[] }).rows;
const newContact = (core: TempCore, name: string) => core.call('contacts.create', { draft: { name } });

describe('removing a member', () => {
  it('rotates the workspace key: later changes are sealed with a key the removed member never receives', async () => {
    const before = await newContact(admin, 'Agnes Before-Removal');
    await admin.call('sync.now', {});
    expect(await leaver.call('sync.now', {})).toMatchObject({ state: 'synced', keyEpoch: 1 });
    expect((await leaver.call('contacts.get', { id: before.id })).name).toBe('Agnes Before-Removal');

    const { members, you } = await admin.call('sync.workspace', {});
    const cal = members.find((member) => member.name === 'Cal')!;
    const info = await admin.call('sync.removeMember', { memberId: cal.id });
    const calDevices = info.devices.filter((device) => device.memberId === cal.id).map((device) => device.id);
    expect(await admin.call('sync.status', {})).toMatchObject({ keyEpoch: 2 });

    const after = await newContact(admin, 'Bertram After-Removal');
    await admin.call('sync.now', {});
    expect(await teammate.call('sync.now', {})).toMatchObject({ state: 'synced', keyEpoch: 2, setAsideChanges: 0 });
    expect((await teammate.call('contacts.get', { id: after.id })).name).toBe('Bertram After-Removal');
    // The old epoch still opens: the teammate edits the contact from before and the admin reads it.
    await teammate.call('contacts.update', { id: before.id, patch: { company: 'Old Mill Bakery' } });
    await teammate.call('sync.now', {});
    await admin.call('sync.now', {});
    expect((await admin.call('contacts.get', { id: before.id })).company).toBe('Old Mill Bakery');

    // At the relay: epoch 2 exists, its key ring is sealed to the remaining devices only, and
    // the newest changes are sealed with it.
    const epochs = await rows<{ epoch: number; created_by: string }>(sql`SELECT epoch, created_by FROM workspace_key_epochs ORDER BY epoch`);
    expect(epochs.map((row) => Number(row.epoch))).toEqual([1, 2]);
    expect(epochs[1]!.created_by).toBe(you.deviceId);
    const recipients = (await rows<{ recipient: string }>(sql`SELECT recipient FROM key_envelopes WHERE epoch = 2`)).map((row) => row.recipient);
    expect(recipients.length).toBeGreaterThanOrEqual(2);
    for (const deviceId of calDevices) expect(recipients).not.toContain(`device:${deviceId}`);
    const newest = await rows<{ fields: Record<string, unknown> }>(sql`SELECT payload->'fields' AS fields FROM changes WHERE payload->>'rowId' = ${after.id}`);
    expect(sealedEpoch(newest[0]!.fields.name)).toBe(2);

    // The removed member's laptop is turned away and never holds epoch 2.
    expect(await leaver.call('sync.now', {})).toMatchObject({ state: 'error', action: 'rejoin', keyEpoch: 1 });
  }, 120_000);
});
