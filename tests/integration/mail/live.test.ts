import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSyncProgress } from '../../../src-shared/domain/mail';
import type { TempCore } from '../../helpers/temp-core';
import { dovecotInstalled } from '../../support/dovecot';
import { alice, newsletter, quoteRequest, simpleMessage } from '../../fixtures/mail/messages';
import { addContact, createMailCore, eventually, startMailWorld, type MailWorld } from './harness';

// The mailbox changes while the app runs: new mail (IDLE), deletions, a folder recreated with
// a new UIDVALIDITY, a password changed elsewhere, the server going down.

let world: MailWorld;
let core: TempCore;
let aliceId: string;
let accountId: string;
const statuses: MailSyncProgress[] = [];

const count = (sql: string) => (core.sqlite.prepare(sql).get() as { n: number }).n;

beforeAll(async () => {
  world = await startMailWorld();
  await world.append('INBOX', quoteRequest());
  await world.withImap((client) => client.mailboxCreate('Projects'));
  core = createMailCore();
  core.on('mail.syncProgress', (status) => statuses.push(status));
  aliceId = await addContact(core, alice.name, alice.email);
  accountId = (await core.call('mail.addAccount', { draft: world.draft({ folders: ['Projects'] }), password: 'office-secret' })).id;
  await core.mail.syncAccount(accountId);
}, 60_000);

afterAll(async () => {
  core?.dispose();
  await world?.stop();
});

describe.skipIf(!dovecotInstalled())('a mailbox that changes while the app runs', () => {
  it('receives new mail through IDLE without being asked to sync', async () => {
    await eventually(() => statuses.at(-1)?.state === 'watching');
    const changed = new Promise<void>((resolve) => core.on('mail.changed', (event) => event.contactIds.includes(aliceId) && resolve()));
    await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'Photos of the leak', body: 'See attached photos.', messageId: 'idle-1@customer.example' }));
    await changed;
    const subjects = (await core.call('mail.messages', { contactId: aliceId, limit: 10 })).map((message) => message.subject);
    expect(subjects).toContain('Photos of the leak');
  });

  it('keeps a message in the CRM when it is deleted on the server, and forgets where it was', async () => {
    const uid = await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'Archive me', body: 'x', messageId: 'gone-1@customer.example' }));
    await world.append('INBOX', newsletter(7));
    await core.mail.syncAccount(accountId);
    expect(count("SELECT COUNT(*) AS n FROM mail_locations l JOIN mail_messages m ON m.id = l.message_id WHERE m.message_id = 'gone-1@customer.example'")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM mail_skipped WHERE message_id = 'news-7@deals.example'")).toBe(1);
    await world.withImap(async (client) => {
      await client.mailboxOpen('INBOX');
      await client.messageDelete({ uid: `${uid}:*` }, { uid: true });
    });
    await core.mail.syncAccount(accountId);
    expect(count("SELECT COUNT(*) AS n FROM mail_messages WHERE message_id = 'gone-1@customer.example' AND cl % 2 = 1")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM mail_locations l JOIN mail_messages m ON m.id = l.message_id WHERE m.message_id = 'gone-1@customer.example'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM mail_skipped WHERE message_id = 'news-7@deals.example'")).toBe(0);
  });

  it('resyncs a folder whose UIDVALIDITY changed without duplicating anything', async () => {
    const first = simpleMessage({ from: alice.email, subject: 'Project plan', body: 'Plan attached.', messageId: 'plan-1@customer.example' });
    await world.append('Projects', first);
    await core.mail.syncAccount(accountId);
    const validity = () => (core.sqlite.prepare("SELECT uid_validity AS v FROM mail_folders WHERE path = 'Projects'").get() as { v: string }).v;
    const before = validity();
    // Another program deletes and recreates the folder: every UID starts over.
    await world.withImap(async (client) => {
      await client.mailboxDelete('Projects');
      await client.mailboxCreate('Projects');
    });
    await world.append('Projects', simpleMessage({ from: alice.email, subject: 'Unrelated first', body: 'y', messageId: 'plan-0@customer.example' }));
    await world.append('Projects', first);
    await core.mail.syncAccount(accountId);
    expect(validity()).not.toBe(before);
    expect(count("SELECT COUNT(*) AS n FROM mail_messages WHERE message_id = 'plan-1@customer.example'")).toBe(1);
    const places = core.sqlite.prepare("SELECT l.uid, m.message_id FROM mail_locations l JOIN mail_messages m ON m.id = l.message_id WHERE l.folder = 'Projects' ORDER BY l.uid").all();
    expect(places).toEqual([
      { uid: 1, message_id: 'plan-0@customer.example' },
      { uid: 2, message_id: 'plan-1@customer.example' },
    ]);
  });

  it('says in plain words that the password was refused, and loses nothing', async () => {
    const kept = count('SELECT COUNT(*) AS n FROM mail_messages');
    const test = await core.call('mail.testConnection', { draft: world.draft(), password: 'not-the-password' });
    expect(test.imap).toEqual({ ok: false, problem: 'wrong_password', message: expect.stringContaining('refused the user name or password') });
    expect(test.smtp).toMatchObject({ ok: false, problem: 'wrong_password' });
    await core.call('mail.updateAccount', { id: accountId, patch: {}, password: 'not-the-password' });
    await expect(core.mail.syncAccount(accountId)).rejects.toThrow(/refused the user name or password/);
    expect((await core.call('mail.accounts', {}))[0]!.status).toMatchObject({ state: 'error', message: expect.stringContaining('app password') });
    expect(count('SELECT COUNT(*) AS n FROM mail_messages')).toBe(kept);
    await core.call('mail.updateAccount', { id: accountId, patch: {}, password: 'office-secret' });
    await core.mail.syncAccount(accountId);
    expect((await core.call('mail.accounts', {}))[0]!.status.state).toBe('watching');
  });

  it('waits and reconnects by itself when the server goes down, and loses nothing', async () => {
    const kept = count('SELECT COUNT(*) AS n FROM mail_messages');
    await world.dovecot.pause();
    await expect(core.mail.syncAccount(accountId)).rejects.toThrow(/refused or dropped the connection|did not answer/);
    await eventually(() => statuses.at(-1)?.state === 'waiting' && statuses.at(-1));
    expect(statuses.at(-1)!.message).toMatch(/Trying again in \d+ s/);
    expect(count('SELECT COUNT(*) AS n FROM mail_messages')).toBe(kept);
    await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'Back online', body: 'z', messageId: 'back-1@customer.example' })).catch(() => undefined);
    await world.dovecot.resume();
    await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'Back online', body: 'z', messageId: 'back-1@customer.example' }));
    await eventually(async () => (await core.call('mail.messages', { contactId: aliceId, limit: 50 })).some((message) => message.subject === 'Back online'), 15_000);
    expect(count('SELECT COUNT(*) AS n FROM mail_messages')).toBe(kept + 1);
  });

  it('cancels a sync on request, keeping what it had', async () => {
    const status = await core.call('mail.cancelSync', { accountId });
    expect(status).toMatchObject({ state: 'stopped', message: expect.stringContaining('kept') });
    await world.append('INBOX', simpleMessage({ from: alice.email, subject: 'While stopped', body: 'w', messageId: 'stopped-1@customer.example' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(count("SELECT COUNT(*) AS n FROM mail_messages WHERE message_id = 'stopped-1@customer.example'")).toBe(0);
    await core.mail.syncAccount(accountId);
    expect(count("SELECT COUNT(*) AS n FROM mail_messages WHERE message_id = 'stopped-1@customer.example'")).toBe(1);
  });
});
