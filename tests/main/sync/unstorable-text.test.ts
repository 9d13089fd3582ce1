import { describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Text the relay cannot store (a NUL, half of a surrogate pair) in the user's name, which every
// change carries as its author, must not hold up the outbox; and a push the relay refuses must
// not stop this laptop hearing from the others.

const relay = useRelayInMemory();

const names = async (core: TempCore) => (await core.call('contacts.list', { query: '' })).items.map((contact) => contact.name).sort();

async function teamOfTwo(memberOptions: Parameters<typeof createTempCore>[0] = {}) {
  const admin = createTempCore({ autoSync: false });
  const member = createTempCore({ autoSync: false, ...memberOptions });
  await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
  // Something to bootstrap from, so the member then pulls after a cursor.
  await admin.call('contacts.create', { draft: { name: 'From the start' } });
  await admin.call('sync.now', {});
  await member.call('sync.join', { relayUrl: relay.url, inviteCode: (await admin.call('sync.invite', {})).inviteCode, memberName: 'Priya' });
  return { admin, member };
}

describe('text the relay cannot store', () => {
  it("in the user's name does not block the outbox, also for changes made before", async () => {
    const { admin, member } = await teamOfTwo();
    try {
      await member.call('settings.update', { userName: 'Pri\u0000ya \ud800' });
      await member.call('contacts.create', { draft: { name: 'From Priya' } });
      // A change stored by an earlier version, whose author was never cleaned.
      member.sqlite.prepare('UPDATE changes SET author = ? WHERE local = 1 AND pushed = 0').run('Old\u0000name');
      expect(await member.call('sync.now', {})).toMatchObject({ state: 'synced', pendingChanges: 0, message: null });
      await admin.call('sync.now', {});
      expect(await names(admin)).toContain('From Priya');
    } finally {
      admin.dispose();
      member.dispose();
    }
  }, 60_000);

  it('a refused push still lets this laptop pull, and says what to do', async () => {
    const { admin, member } = await teamOfTwo({ now: () => Date.now() + 30 * 60 * 1000 });
    try {
      // Its change waits first, so every sync cycle of this laptop starts with a refused push.
      await member.call('contacts.create', { draft: { name: 'From the fast clock' } });
      await admin.call('contacts.create', { draft: { name: 'From Sam' } });
      await admin.call('sync.now', {});
      const status = await member.call('sync.now', {});
      expect(status).toMatchObject({ state: 'error', pendingChanges: 1 });
      expect(status.message).toMatch(/clock is 30 minutes ahead/);
      expect(await names(member)).toEqual(['From Sam', 'From the fast clock', 'From the start']);
    } finally {
      admin.dispose();
      member.dispose();
    }
  }, 60_000);
});
