import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../../src-main/exchange/backup/backup';
import { restoreBackup } from '../../../../src-main/exchange/backup/restore';
import { testPassphrase } from '../../../../src-main/security/key-source';
import { useRelayInMemory } from '../../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';

// A backup of a laptop that syncs, restored (on a new laptop, or after a disk died): the copy
// cannot go on as the old laptop, so it says in plain words to join the workspace again, and
// once it has, it syncs both ways with everything kept.

const relay = useRelayInMemory();
let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-restore-synced-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const names = async (core: TempCore) => (await core.call('contacts.list', { query: '' })).items.map((contact) => contact.name).sort();

describe('restoring the backup of a laptop that syncs', () => {
  it('asks to join the workspace again, in plain words, and syncs both ways once it has', async () => {
    const original = createTempCore({ autoSync: false });
    let copy: TempCore | undefined;
    try {
      await original.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
      await original.call('contacts.create', { draft: { name: 'Ann Before' } });
      await original.call('sync.now', {});
      const backup = await createBackup(original, { dir: path.join(work, 'backups') });
      await original.call('contacts.create', { draft: { name: 'Cy After' } });
      await original.call('sync.now', {});

      const restored = path.join(work, 'restored');
      await restoreBackup(backup.path, restored, {}, { passphrase: testPassphrase });
      copy = createTempCore({ dataDir: restored, autoSync: false });
      const status = await copy.call('sync.now', {});
      expect(status.message ?? '').not.toMatch(/unexpected/i);
      expect(status).toMatchObject({ state: 'not_configured', relayUrl: relay.url, workspaceName: 'Office' });
      expect(status.message).toMatch(/restored from a backup/);
      expect(status.message).toMatch(/join the workspace "Office" again/);
      // Its own identity: never the clock identity of the laptop it was copied from.
      expect((await copy.call('app.info', {})).deviceId).not.toBe((await original.call('app.info', {})).deviceId);

      const { inviteCode } = await original.call('sync.invite', {});
      expect(await copy.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Sam' })).toMatchObject({ state: 'synced', message: null });
      await copy.call('contacts.create', { draft: { name: 'Bo On The Copy' } });
      await copy.call('sync.now', {});
      await original.call('sync.now', {});
      expect(await names(copy)).toEqual(['Ann Before', 'Bo On The Copy', 'Cy After']);
      expect(await names(original)).toEqual(['Ann Before', 'Bo On The Copy', 'Cy After']);
    } finally {
      copy?.dispose();
      original.dispose();
    }
  }, 60_000);

  it('says the same of a data folder copied without its sealing key', async () => {
    const original = createTempCore({ autoSync: false });
    const copied = path.join(work, 'copied');
    let copy: TempCore | undefined;
    try {
      await original.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
      original.close();
      fs.cpSync(original.dataDir, copied, { recursive: true });
      fs.rmSync(path.join(copied, 'secret.key'));
      copy = createTempCore({ dataDir: copied, autoSync: false });
      const status = await copy.call('sync.now', {});
      expect(status).toMatchObject({ state: 'not_configured', workspaceName: 'Office' });
      expect(status.message).toMatch(/copied from another computer/);
      expect(status.message).toMatch(/join the workspace "Office" again/);
    } finally {
      copy?.dispose();
      fs.rmSync(original.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
