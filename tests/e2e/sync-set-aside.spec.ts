import { PGlite } from '@electric-sql/pglite';
import { formatHlc } from '../../src-shared/hlc';
import { expect, test, type RunningRelay } from './sync-fixture';
import { createContact, formTeam, openContacts, openTeamSync, syncStatus, syncWaitMs } from './sync-steps';

// A change no laptop can apply, which a relay of an earlier version stored unchecked, sent by
// Bob's laptop: Alice, the admin, sees it named in Team sync with the device that sent it, and
// sync goes on for both.

test.describe.configure({ timeout: 180_000 });

/** Stops the relay, writes the change into its log as an earlier relay did, and starts it again. */
async function storeAsAnEarlierRelayDid(relay: RunningRelay, memberName: string): Promise<void> {
  await relay.kill();
  const db = await PGlite.create(relay.dataDir);
  try {
    const sender = await db.query<{ workspace_id: string; id: string }>(
      'SELECT d.workspace_id, d.id FROM devices d JOIN members m ON m.id = d.member_id WHERE m.name = $1',
      [memberName],
    );
    const { workspace_id: workspaceId, id: deviceId } = sender.rows[0]!;
    const payload = { tableName: 'contacts', rowId: 'contact-from-an-old-build', fields: { name: null, company: 'Broken Build Ltd' }, author: memberName };
    await db.query(
      `INSERT INTO changes (workspace_id, workspace_seq, change_id, device_id, hlc, schema_version, payload, received_at)
       VALUES ($1, (SELECT coalesce(max(workspace_seq), 0) + 1 FROM changes WHERE workspace_id = $1), 'old-build-change', $2, $3, 1, $4, $5)`,
      [workspaceId, deviceId, formatHlc({ wallMs: Date.now(), counter: 0, deviceId: 'bobs-old-build' }), JSON.stringify(payload), Date.now()],
    );
  } finally {
    await db.close();
  }
  await relay.restart();
}

test("the admin's Team sync names a change set aside and the device that sent it, and sync goes on", async ({ relay, appA, appB }) => {
  await formTeam(relay, appA, appB);
  // The team has worked together (each laptop's cursor is past the start of the log), so the
  // bad change reaches them by pull, as it would have from an earlier relay.
  await createContact(appA.page, 'Cara Before', 'Castle Roofing');
  await expect((await openContacts(appB.page)).getByRole('row', { name: /Cara Before/ })).toBeVisible({ timeout: syncWaitMs });
  await storeAsAnEarlierRelayDid(relay, 'Bob Builder');

  const panel = await openTeamSync(appA.page);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(appA.page)).toHaveText(/Synced/, { timeout: syncWaitMs });
  const setAside = panel.getByRole('list', { name: 'Changes set aside' });
  await expect(setAside.getByRole('listitem')).toHaveCount(1, { timeout: syncWaitMs });
  const item = setAside.getByRole('listitem');
  await expect(item).toContainText('A change to a contact (name, company)');
  await expect(item).toContainText('(Bob Builder)');
  await expect(item).toContainText('contacts.name cannot be empty');
  await expect(panel.getByText(/One change from other devices could not be applied/)).toBeVisible();
  await appA.page.screenshot({ path: test.info().outputPath('set-aside.png'), fullPage: true });

  // It holds nothing up: Alice's next contact still reaches Bob.
  await createContact(appA.page, 'Dana After', 'Acme Plumbing');
  const gridB = await openContacts(appB.page);
  await expect(gridB.getByRole('row', { name: /Dana After/ })).toBeVisible({ timeout: syncWaitMs });
});
