import { PGlite } from '@electric-sql/pglite';
import { sealedEpoch } from '../../src-shared/sync/sealing';
import { expect, test } from './sync-fixture';
import { createContact, formTeam, openTeamSync, syncStatus, syncWaitMs } from './sync-steps';

// An admin removes a member: the workspace key is rotated at once, the Team sync screen says
// which key the laptop now seals with, and the relay holds the new epoch, sealed to the laptops
// that remain and not to the removed member's, with the next contact sealed under it.

test.describe.configure({ timeout: 180_000 });

test('an admin removes a member and the next sync uses a rotated key', async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  const encryptionOf = (panel: Awaited<ReturnType<typeof openTeamSync>>) => panel.getByRole('definition').filter({ hasText: 'Secured end to end' });

  const panelB = await openTeamSync(appB.page);
  await expect(encryptionOf(panelB)).toContainText('Key 1', { timeout: syncWaitMs });
  const panelA = await openTeamSync(appA.page);
  await expect(encryptionOf(panelA)).toContainText('Key 1');

  await panelA.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Remove Bob Builder' }).click();
  await appA.page.getByRole('dialog').getByRole('button', { name: 'Remove Bob Builder' }).click();
  await expect(panelA.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: 'Bob Builder' })).toContainText('Removed');
  await expect(encryptionOf(panelA)).toContainText('Key 2');

  await createContact(appA.page, 'Dora After-Removal', 'Mill Lane Dairy');
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  // Bob's laptop is turned away and still knows only the first key.
  await openTeamSync(appB.page);
  await panelB.getByRole('button', { name: 'Sync now' }).click();
  await expect(panelB).toContainText(/no longer accepts this laptop/, { timeout: syncWaitMs });
  await expect(encryptionOf(panelB)).toContainText('Key 1');

  // What the relay stored.
  await relay.kill();
  const db = await PGlite.create(relay.dataDir);
  try {
    const epochs = await db.query<{ epoch: number }>('SELECT epoch FROM workspace_key_epochs ORDER BY epoch');
    expect(epochs.rows.map((row) => Number(row.epoch))).toEqual([1, 2]);
    const bob = await db.query<{ id: string }>("SELECT d.id FROM devices d JOIN members m ON m.id = d.member_id WHERE m.name = 'Bob Builder'");
    const sealedToBob = await db.query("SELECT 1 FROM key_envelopes WHERE epoch = 2 AND recipient = $1", [`device:${bob.rows[0]!.id}`]);
    expect(sealedToBob.rows).toHaveLength(0);
    const dora = await db.query<{ name: string; company: string }>(
      "SELECT payload->'fields'->>'name' AS name, payload->'fields'->>'company' AS company FROM changes WHERE payload->>'tableName' = 'contacts' ORDER BY workspace_seq DESC LIMIT 1",
    );
    expect(sealedEpoch(dora.rows[0]!.name)).toBe(2);
    expect(sealedEpoch(dora.rows[0]!.company)).toBe(2);
  } finally {
    await db.close();
  }
});
