import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import { createTempCore } from '../../helpers/temp-core';

let relayDir: string;
let database: RelayDatabase;
let relay: Relay;
beforeAll(async () => {
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-setup-relay-'));
  database = await openRelayDatabase({ dataDir: relayDir });
  relay = await createRelay({ database, port: 0, logger: () => {} });
}, 60_000);
afterAll(async () => {
  await relay.close();
  await database.close();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

describe('joining a workspace from the app', () => {
  it('says which field is wrong, tells an unreachable relay apart, and can leave and join again', async () => {
    const admin = createTempCore();
    const laptop = createTempCore();
    try {
      await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
      const wrongCode = await laptop.invoke('sync.join', { relayUrl: relay.url, inviteCode: 'NOSUCHCODE', memberName: 'Priya' });
      expect(wrongCode).toMatchObject({ ok: false, error: { code: 'not_found', field: 'inviteCode' } });
      const unreachable = await laptop.invoke('sync.join', { relayUrl: 'http://127.0.0.1:9', inviteCode: 'NOSUCHCODE', memberName: 'Priya' });
      expect(unreachable).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(unreachable.ok ? '' : unreachable.error.message).toContain('Check the address');

      const { inviteCode } = await admin.call('sync.invite', {});
      expect(await laptop.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Priya' })).toMatchObject({ state: 'synced' });
      const info = await admin.call('sync.workspace', {});
      const priyaDevice = info.devices.find((device) => info.members.find((member) => member.id === device.memberId)?.name === 'Priya')!;
      await admin.call('sync.revokeDevice', { deviceId: priyaDevice.id });
      expect(await laptop.call('sync.now', {})).toMatchObject({ state: 'error' });

      await laptop.call('contacts.create', { draft: { name: 'Made while revoked' } });
      expect(await laptop.call('sync.leave', {})).toMatchObject({ state: 'not_configured' });
      const again = await admin.call('sync.invite', {});
      await laptop.call('sync.join', { relayUrl: relay.url, inviteCode: again.inviteCode, memberName: 'Priya' });
      await admin.call('sync.now', {});
      // What was made on the laptop meanwhile is kept and shared after joining again.
      expect((await admin.call('contacts.list', { query: 'revoked' })).total).toBe(1);
    } finally {
      admin.dispose();
      laptop.dispose();
    }
  }, 60_000);
});
