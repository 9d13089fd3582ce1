import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emptyRowState, foldChange } from '../../../src-shared/sync/merge';
import { formatHlc } from '../../../src-shared/hlc';
import { changes, rowState } from '../../../src-relay/db/schema';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { createWorkspace } from '../../relay/helpers/relay-harness';

// One bad change from one device (a buggy old version, a stolen token) must not stop sync for
// the workspace: the relay refuses it, and where one is already in the relay's log (stored by
// an earlier relay) every laptop sets it aside, says so, and carries on; a new laptop still
// bootstraps.

const relay = useRelayInMemory();

const names = async (core: TempCore) => (await core.call('contacts.list', { query: '' })).items.map((contact) => contact.name).sort();

async function push(token: string, change: Record<string, unknown>) {
  const response = await fetch(new URL('/v1/push', relay.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ changes: [change] }),
  });
  return { status: response.status, body: (await response.json()) as { acknowledged?: string[]; refused?: { changeId: string; reason: string }[] } };
}

/** Stores a change in the relay's log and snapshot as a relay of an earlier version did, unchecked. */
async function storeAsAnEarlierRelayDid(workspaceId: string, deviceId: string, change: { changeId: string; hlc: string; tableName: string; rowId: string; fields: Record<string, string | number | null>; author: string }) {
  await relay.database.db.transaction(async (tx) => {
    const [highest] = await tx.execute<{ seq: number }>(sql`SELECT coalesce(max(workspace_seq), 0)::int AS seq FROM changes WHERE workspace_id = ${workspaceId}`).then((result) => (result as unknown as { rows: { seq: number }[] }).rows);
    await tx.insert(changes).values({
      workspaceId,
      workspaceSeq: (highest?.seq ?? 0) + 1,
      changeId: change.changeId,
      deviceId,
      hlc: change.hlc,
      schemaVersion: 1,
      payload: { tableName: change.tableName, rowId: change.rowId, fields: change.fields, author: change.author },
      receivedAt: Date.now(),
    });
    const [row] = await tx.select().from(rowState).where(sql`${rowState.workspaceId} = ${workspaceId} AND ${rowState.tableName} = ${change.tableName} AND ${rowState.rowId} = ${change.rowId}`);
    const folded = foldChange(row ?? emptyRowState(), change);
    await tx
      .insert(rowState)
      .values({ workspaceId, tableName: change.tableName, rowId: change.rowId, ...folded })
      .onConflictDoUpdate({ target: [rowState.workspaceId, rowState.tableName, rowState.rowId], set: { fields: folded.fields, clocks: folded.clocks, authors: folded.authors } });
  });
}

describe('a change no laptop can apply', () => {
  it('is refused by the relay with its reason, and stored nowhere', async () => {
    const { deviceToken } = await createWorkspace(relay.url, 'Refusing', 'Sam');
    const hostile = { changeId: 'hostile-1', hlc: formatHlc({ wallMs: Date.now(), counter: 0, deviceId: 'x' }), tableName: 'contacts', rowId: 'some-contact', fields: { name: null }, schemaVersion: 1, deviceId: '', author: 'Mallory' };
    const answer = await push(deviceToken, hostile);
    expect(answer.status).toBe(200);
    expect(answer.body.acknowledged).toEqual([]);
    expect(answer.body.refused).toEqual([{ changeId: 'hostile-1', reason: expect.stringContaining('contacts.name cannot be empty') }]);
    const pulled = await (await fetch(new URL('/v1/pull?after=0', relay.url), { headers: { authorization: `Bearer ${deviceToken}` } })).json();
    expect(pulled.changes).toEqual([]);
  });

  it('already in the log is set aside by every laptop, which says so and syncs on; a new laptop bootstraps', async () => {
    const admin = createTempCore({ autoSync: false });
    const member = createTempCore({ autoSync: false });
    const newcomer = createTempCore({ autoSync: false });
    try {
      await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
      const ann = await admin.call('contacts.create', { draft: { name: 'Ann Smith' } });
      await admin.call('sync.now', {});
      await member.call('sync.join', { relayUrl: relay.url, inviteCode: (await admin.call('sync.invite', {})).inviteCode, memberName: 'Priya' });
      const info = await admin.call('sync.workspace', {});
      const priyasDevice = info.devices.find((device) => info.members.find((entry) => entry.id === device.memberId)?.name === 'Priya')!;

      await storeAsAnEarlierRelayDid(info.workspace.id, priyasDevice.id, {
        changeId: 'hostile-2',
        hlc: formatHlc({ wallMs: Date.now() + 1000, counter: 0, deviceId: 'priya-laptop' }),
        tableName: 'contacts',
        rowId: ann.id,
        fields: { name: null },
        author: 'Priya',
      });
      await admin.call('contacts.create', { draft: { name: 'Bo After' } });

      for (const laptop of [admin, member]) {
        const status = await laptop.call('sync.now', {});
        expect(status).toMatchObject({ state: 'synced', setAsideChanges: 1, message: null });
        expect(await laptop.call('sync.setAside', {})).toEqual([
          expect.objectContaining({ changeId: 'hostile-2', tableName: 'contacts', rowId: ann.id, fields: ['name'], deviceId: priyasDevice.id, reason: expect.stringContaining('contacts.name cannot be empty') }),
        ]);
      }
      expect(await names(admin)).toEqual(['Ann Smith', 'Bo After']);
      expect(await names(member)).toEqual(['Ann Smith', 'Bo After']);

      // A change after it still arrives: the cursor moved past the bad one.
      await member.call('contacts.create', { draft: { name: 'Cy Later' } });
      await member.call('sync.now', {});
      await admin.call('sync.now', {});
      expect(await names(admin)).toEqual(['Ann Smith', 'Bo After', 'Cy Later']);

      await newcomer.call('sync.join', { relayUrl: relay.url, inviteCode: (await admin.call('sync.invite', {})).inviteCode, memberName: 'Neil' });
      // The snapshot gives the newcomer what the others kept, not the refused value.
      expect(await names(newcomer)).toEqual(['Ann Smith', 'Bo After', 'Cy Later']);
    } finally {
      admin.dispose();
      member.dispose();
      newcomer.dispose();
    }
  }, 90_000);
});
