import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempCore } from '../../helpers/temp-core';
import { dovecotInstalled } from '../../support/dovecot';
import { freePort } from '../../support/free-port';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp';
import { alice, office, quoteRequest } from '../../fixtures/mail/messages';
import { addContact, createMailCore, eventually, startMailWorld, type MailWorld } from './harness';

// Writing from Fieldbook: SMTP with nodemailer to a real SMTP server, the copy filed in Sent by
// IMAP APPEND, the outbox when the server cannot be reached or refuses.

let world: MailWorld;
let core: TempCore;
let aliceId: string;
let accountId: string;

const outboxItem = async (id: string) => (await core.call('mail.outbox', {})).find((item) => item.id === id);

beforeAll(async () => {
  world = await startMailWorld();
  await world.append('INBOX', quoteRequest());
  core = createMailCore();
  aliceId = await addContact(core, alice.name, alice.email);
  accountId = (await core.call('mail.addAccount', { draft: world.draft(), password: office.password })).id;
  await core.mail.syncAccount(accountId);
}, 60_000);

afterAll(async () => {
  core?.dispose();
  await world?.stop();
});

describe.skipIf(!dovecotInstalled())('sending mail', () => {
  it('sends a reply, shows it in the thread at once and files it in Sent without a duplicate', async () => {
    const [original] = await core.call('mail.messages', { contactId: aliceId, limit: 1 });
    const queued = await core.call('mail.send', { accountId, to: [alice.email], bodyText: 'We can come on Thursday at 9.', inReplyToId: original!.id });
    expect(queued).toMatchObject({ state: expect.stringMatching(/waiting|sending/), subject: 'Re: Devis pour la cuisine – café', threadId: original!.threadId });
    const sent = await eventually(async () => {
      const item = await outboxItem(queued.id);
      return item?.state === 'sent' && item;
    });

    const [received] = await world.smtp.waitFor(1);
    expect(received!.to).toEqual([alice.email]);
    const parsed = await simpleParser(received!.raw);
    expect(parsed.inReplyTo).toBe('<quote-1@customer.example>');
    expect(parsed.references).toBe('<quote-1@customer.example>');
    expect(parsed.subject).toBe('Re: Devis pour la cuisine – café');
    expect(parsed.text?.trim()).toBe('We can come on Thursday at 9.');

    const thread = await core.call('mail.thread', { threadId: original!.threadId });
    expect(thread.messages.map((message) => [message.direction, message.subject])).toEqual([
      ['received', 'Devis pour la cuisine – café'],
      ['sent', 'Re: Devis pour la cuisine – café'],
    ]);
    expect(thread.messages[1]!.id).toBe(sent.messageId);

    const messageId = parsed.messageId!;
    // Filed in Sent right after sending.
    const inSent = await eventually(() =>
      world.withImap(async (client) => {
        await client.mailboxOpen('Sent');
        const found = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
        return found.length > 0 && found;
      }),
    );
    expect(inSent).toHaveLength(1);
    await core.mail.syncAccount(accountId);
    const rows = core.sqlite
      .prepare('SELECT l.folder FROM mail_messages m JOIN mail_locations l ON l.message_id = m.id WHERE m.id = ?')
      .all(sent.messageId) as { folder: string }[];
    expect(rows).toEqual([{ folder: 'Sent' }]);
    expect((await core.call('mail.thread', { threadId: original!.threadId })).messages).toHaveLength(2);
  });

  it('keeps a message in the outbox while the SMTP server cannot be reached, and sends it when it can', async () => {
    const port = await freePort();
    await core.call('mail.updateAccount', { id: accountId, patch: { smtp: { ...world.draft().smtp, port } } });
    const queued = await core.call('mail.send', { accountId, to: [alice.email], subject: 'Your appointment', bodyText: 'See you Monday.' });
    const waiting = await eventually(async () => {
      const item = await outboxItem(queued.id);
      return item?.state === 'waiting' && item.reason !== '' && item;
    });
    expect(waiting.reason).toMatch(/^Not sent yet: Could not connect to 127\.0\.0\.1:\d+: the server refused/);
    expect(await core.call('mail.messages', { contactId: aliceId, limit: 10 })).not.toContainEqual(expect.objectContaining({ subject: 'Your appointment' }));

    let late: SmtpTestServer | undefined;
    try {
      late = await startSmtpServer({ user: office.email, password: office.password }, port);
      // The next successful mail sync (the computer is online again) sends what waits.
      await core.mail.syncAccount(accountId);
      await eventually(async () => (await outboxItem(queued.id))?.state === 'sent');
      const [received] = await late.waitFor(1);
      expect((await simpleParser(received!.raw)).subject).toBe('Your appointment');
      expect(await core.call('mail.messages', { contactId: aliceId, limit: 10 })).toContainEqual(expect.objectContaining({ subject: 'Your appointment', direction: 'sent' }));
    } finally {
      await late?.stop();
      await core.call('mail.updateAccount', { id: accountId, patch: { smtp: world.draft().smtp } });
    }
  });

  it('lets a waiting message be cancelled', async () => {
    const port = await freePort();
    await core.call('mail.updateAccount', { id: accountId, patch: { smtp: { ...world.draft().smtp, port } } });
    try {
      const queued = await core.call('mail.send', { accountId, to: [alice.email], subject: 'Never mind', bodyText: 'x' });
      await eventually(async () => (await outboxItem(queued.id))?.state === 'waiting');
      await core.call('mail.cancelOutbox', { id: queued.id });
      expect(await outboxItem(queued.id)).toBeUndefined();
    } finally {
      await core.call('mail.updateAccount', { id: accountId, patch: { smtp: world.draft().smtp } });
    }
  });

  it('fails a message the server refuses, with the reason, and sends it on retry', async () => {
    world.smtp.rejectRecipients(550);
    const queued = await core.call('mail.send', { accountId, to: ['nobody@customer.example'], subject: 'Refused', bodyText: 'x' });
    const failed = await eventually(async () => {
      const item = await outboxItem(queued.id);
      return item?.state === 'failed' && item;
    });
    expect(failed.reason).toMatch(/answered with an error: .*Mailbox unavailable/);
    world.smtp.rejectRecipients(undefined);
    await core.call('mail.retryOutbox', { id: queued.id });
    await eventually(async () => (await outboxItem(queued.id))?.state === 'sent');
  });

  it('sends again after the app was closed in the middle of sending', async () => {
    const dataDir = core.dataDir;
    const queued = await core.call('mail.send', { accountId, to: [alice.email], subject: 'Interrupted', bodyText: 'x' });
    await eventually(async () => (await outboxItem(queued.id))?.state === 'sent');
    // As if the app had died between "sending" and "sent".
    core.sqlite.prepare("UPDATE mail_outbox SET state = 'sending', sent_at = NULL WHERE id = ?").run(queued.id);
    core.close();
    core = createMailCore({ dataDir });
    const resumed = await core.call('mail.outbox', {});
    expect(resumed.find((item) => item.id === queued.id)).toMatchObject({ state: 'waiting', reason: expect.stringContaining('closed while sending') });
    await core.mail.outbox.poke();
    expect((await outboxItem(queued.id))?.state).toBe('sent');
    const subjects = await Promise.all(world.smtp.received.map(async (mail) => (await simpleParser(mail.raw)).subject));
    expect(subjects.filter((subject) => subject === 'Interrupted')).toHaveLength(2);
  });
});
