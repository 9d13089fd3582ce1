import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSyncProgress } from '../../../src-shared/domain/mail';
import { readOnlyRefusal } from '../../../src-shared/sync/roles';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { dovecotInstalled } from '../../support/dovecot';
import { alice, quoteRequest, simpleMessage } from '../../fixtures/mail/messages';
import { addContact, createMailCore, startMailWorld, type MailWorld } from './harness';

// A member whose mail syncs is made read-only by an admin. Mail sync brings e-mail into the
// team's records, which a read-only member may not change: the round stores nothing and says so
// in the words of every read-only refusal, not as an error of the mail server, and mail arrives
// again once the admin makes them a member.

const relay = useRelayInMemory();
let world: MailWorld;
let admin: TempCore;
let ben: TempCore;
let accountId: string;
const statuses: MailSyncProgress[] = [];

const messages = () => (ben.sqlite.prepare('SELECT COUNT(*) AS n FROM mail_messages').get() as { n: number }).n;

async function setBensRole(role: 'read_only' | 'member'): Promise<void> {
  const workspace = await admin.call('sync.workspace', {});
  const member = workspace.members.find((entry) => entry.name === 'Ben')!;
  await admin.call('sync.setMemberRole', { memberId: member.id, role });
  expect((await ben.call('sync.now', {})).role).toBe(role);
}

beforeAll(async () => {
  if (!dovecotInstalled()) return;
  world = await startMailWorld();
  admin = createTempCore({ now: Date.now });
  await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Whitfield Plumbing', memberName: 'Ann' });
  const { inviteCode } = await admin.call('sync.invite', { role: 'member' });
  ben = createMailCore();
  await ben.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Ben' });
  ben.on('mail.syncProgress', (status) => statuses.push(status));
  await addContact(ben, alice.name, alice.email);
  await world.append('INBOX', quoteRequest());
  accountId = (await ben.call('mail.addAccount', { draft: world.draft(), password: 'office-secret' })).id;
  await ben.mail.syncAccount(accountId);
}, 60_000);

afterAll(async () => {
  ben?.dispose();
  admin?.dispose();
  await world?.stop();
});

describe.skipIf(!dovecotInstalled())("a read-only member's mail sync", () => {
  it('stores nothing and says why in the words of the read-only refusal, then gets mail again as a member', async () => {
    const before = messages();
    expect(before).toBeGreaterThan(0);

    await setBensRole('read_only');
    await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'Leak under the sink', body: 'Can you come today?', messageId: 'ro-1@customer.example' }));
    await expect(ben.mail.syncAccount(accountId)).rejects.toThrow(readOnlyRefusal);
    expect(statuses.at(-1)).toMatchObject({ state: 'error', message: readOnlyRefusal });
    expect(messages()).toBe(before);

    await setBensRole('member');
    await ben.mail.syncAccount(accountId);
    expect(messages()).toBe(before + 1);
    expect(statuses.at(-1)?.state).not.toBe('error');
  });
});
