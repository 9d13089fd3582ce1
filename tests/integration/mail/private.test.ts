import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempCore } from '../../helpers/temp-core';
import { dovecotInstalled } from '../../support/dovecot';
import { bob, office, supplierInvoice } from '../../fixtures/mail/messages';
import { addContact, createMailCore, startMailWorld, type MailWorld } from './harness';

// A private account's messages stay on this laptop: nothing of them enters the change log,
// which is what the relay is fed from.

let world: MailWorld;
let core: TempCore;
let bobId: string;
let accountId: string;

const loggedFor = (table: string) => (core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes WHERE table_name = ?').get(table) as { n: number }).n;

beforeAll(async () => {
  world = await startMailWorld();
  await world.append('INBOX', supplierInvoice());
  core = createMailCore();
  bobId = await addContact(core, bob.name, bob.email);
  accountId = (await core.call('mail.addAccount', { draft: world.draft({ private: true }), password: office.password })).id;
  await core.mail.syncAccount(accountId);
}, 60_000);

afterAll(async () => {
  core?.dispose();
  await world?.stop();
});

describe.skipIf(!dovecotInstalled())('a private mail account', () => {
  it('keeps its messages and attachments on this laptop only', async () => {
    const [message] = await core.call('mail.messages', { contactId: bobId, limit: 5 });
    expect(message).toMatchObject({ subject: 'Invoice 2025-118', private: true });
    expect(await core.call('files.list', { contactId: bobId })).toHaveLength(1);
    expect(loggedFor('mail_messages')).toBe(0);
    expect(loggedFor('files')).toBe(0);
    expect(core.engine.outbox(1000).map(({ change }) => change.tableName)).not.toContain('mail_messages');
    expect((await core.call('search.global', { query: 'payment', limit: 5 })).messages).toHaveLength(1);
  });

  it('shares what it kept once the account is no longer private', async () => {
    await core.call('mail.updateAccount', { id: accountId, patch: { private: false } });
    expect(loggedFor('mail_messages')).toBe(1);
    expect(loggedFor('files')).toBe(1);
    const [message] = await core.call('mail.messages', { contactId: bobId, limit: 5 });
    expect(message!.private).toBe(false);
  });

  it('deletes a message from the CRM but not from the mailbox', async () => {
    const [message] = await core.call('mail.messages', { contactId: bobId, limit: 5 });
    await core.call('mail.delete', { id: message!.id });
    expect(await core.call('mail.messages', { contactId: bobId, limit: 5 })).toEqual([]);
    await core.mail.syncAccount(accountId);
    expect(await core.call('mail.messages', { contactId: bobId, limit: 5 })).toEqual([]);
    const onServer = await world.withImap(async (client) => { const status = await client.status('INBOX', { messages: true }); return status ? status.messages : undefined; });
    expect(onServer).toBe(1);
  });
});
