import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempCore } from '../../helpers/temp-core';
import { dovecotInstalled } from '../../support/dovecot';
import {
  alice,
  bob,
  invoicePdf,
  latin1Complaint,
  newsletter,
  quoteRequest,
  replyFromOffice,
  supplierInvoice,
  undatedNote,
} from '../../fixtures/mail/messages';
import { addContact, createMailCore, startMailWorld, type MailWorld } from './harness';

// A first sync against a real Dovecot: what is stored, linked, threaded and searchable.

const undatedArrival = new Date('2026-11-20T10:00:00Z');
let world: MailWorld;
let core: TempCore;
let aliceId: string;
let bobId: string;
let accountId: string;

beforeAll(async () => {
  world = await startMailWorld();
  await world.append('INBOX', quoteRequest());
  await world.append('Sent', replyFromOffice());
  await world.append('INBOX', latin1Complaint());
  await world.append('INBOX', supplierInvoice());
  await world.append('INBOX', supplierInvoice('invoice-1-resent@supplier.example', 'Invoice 2025-118 (again)'));
  await world.append('INBOX', undatedNote(), undatedArrival);
  await world.append('INBOX', newsletter(1));
  core = createMailCore();
  aliceId = await addContact(core, alice.name, alice.email);
  bobId = await addContact(core, bob.name, bob.email);
  accountId = (await core.call('mail.addAccount', { draft: world.draft(), password: 'office-secret' })).id;
  await core.mail.syncAccount(accountId);
}, 60_000);

afterAll(async () => {
  core?.dispose();
  await world?.stop();
});

describe.skipIf(!dovecotInstalled())('first sync of a mailbox', () => {
  it('keeps the messages with a contact in From, To or Cc, and only headers of the others', async () => {
    const all = await core.call('mail.messages', { limit: 50 });
    expect(all.map((message) => message.subject).sort()).toEqual(
      ['Delivery slot', 'Devis pour la cuisine – café', 'Invoice 2025-118', 'Invoice 2025-118 (again)', 'Problème de chauffage', 'Re: Devis pour la cuisine'].sort(),
    );
    const unlinked = await core.call('mail.unlinked', { limit: 10 });
    expect(unlinked).toEqual([expect.objectContaining({ from: { name: 'Deals Weekly', address: 'news@deals.example' }, subject: "This week's deals #1" })]);
    const stored = core.sqlite.prepare("SELECT COUNT(*) AS n FROM mail_messages WHERE message_id = 'news-1@deals.example'").get() as { n: number };
    expect(stored.n).toBe(0);
  });

  it('decodes encoded-word headers and Latin-1 / Windows-1252 quoted-printable bodies', async () => {
    const messages = await core.call('mail.messages', { contactId: aliceId, limit: 50 });
    const complaint = await core.call('mail.get', { id: messages.find((message) => message.subject.startsWith('Probl'))!.id });
    expect(complaint.subject).toBe('Problème de chauffage');
    expect(complaint.from).toEqual({ name: 'Alice Martín', address: 'ALICE@Customer.Example' });
    expect(complaint.bodyText).toBe('Le radiateur de la chambre ne chauffe plus. Très urgent, merci à vous.');
    const invoice = (await core.call('mail.messages', { contactId: bobId, limit: 50 })).find((message) => message.subject === 'Invoice 2025-118')!;
    const full = await core.call('mail.get', { id: invoice.id });
    expect(full.bodyText).toBe('Total due: 1 250 €. Payment within 30 days.');
    expect(full.bodyHtml).toContain('<b>1 250 €</b>');
  });

  it('links a message whose sender writes the address in other letter case', async () => {
    const messages = await core.call('mail.messages', { contactId: aliceId, limit: 50 });
    expect(messages.map((message) => message.subject).sort()).toEqual(['Devis pour la cuisine – café', 'Problème de chauffage', 'Re: Devis pour la cuisine']);
    expect(messages.every((message) => message.contactIds.includes(aliceId))).toBe(true);
    const sent = messages.find((message) => message.subject.startsWith('Re:'))!;
    expect(sent.direction).toBe('sent');
    expect(sent.mailbox).toBe('me@office.example');
  });

  it('threads a conversation by Message-ID, In-Reply-To and References', async () => {
    const threads = await core.call('mail.threads', { contactId: aliceId });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ messageCount: 3, subject: 'Problème de chauffage' });
    const thread = await core.call('mail.thread', { threadId: threads[0]!.threadId });
    expect(thread.messages.map((message) => message.subject)).toEqual([
      'Devis pour la cuisine – café',
      'Re: Devis pour la cuisine',
      'Problème de chauffage',
    ]);
  });

  it('dates a message without a Date header by its arrival on the server', async () => {
    const undated = (await core.call('mail.messages', { contactId: bobId, limit: 50 })).find((message) => message.subject === 'Delivery slot')!;
    expect(undated.sentAt).toBe(undatedArrival.getTime());
  });

  it('files the PDF on the contact once, though it came twice', async () => {
    const files = await core.call('files.list', { contactId: bobId });
    expect(files).toEqual([expect.objectContaining({ name: 'invoice-2025-118.pdf', mimeType: 'application/pdf', sizeBytes: invoicePdf.length })]);
    const sha = createHash('sha256').update(invoicePdf).digest('hex');
    expect(files[0]!.sha256).toBe(sha);
    expect(core.files.blobs.readBytes(sha)).toEqual(invoicePdf);
    const invoices = (await core.call('mail.messages', { contactId: bobId, limit: 50 })).filter((message) => message.subject.startsWith('Invoice'));
    for (const invoice of invoices) {
      const full = await core.call('mail.get', { id: invoice.id });
      expect(full.attachments).toEqual([{ fileId: files[0]!.id, name: 'invoice-2025-118.pdf', mimeType: 'application/pdf', sizeBytes: invoicePdf.length, sha256: sha }]);
    }
  });

  it('finds mail by words of its body or subject from the global search', async () => {
    const byBody = await core.call('search.global', { query: 'radiateur', limit: 8 });
    expect(byBody.messages.map((message) => message.subject)).toEqual(['Problème de chauffage']);
    expect(byBody.messages[0]!.contactIds).toEqual([aliceId]);
    const accentless = await core.call('search.global', { query: 'cafe', limit: 8 });
    expect(accentless.messages.map((message) => message.subject)).toEqual(['Devis pour la cuisine – café']);
    const skipped = await core.call('search.global', { query: 'savings', limit: 8 });
    expect(skipped.messages).toEqual([]);
  });

  it('puts the e-mails on the contact’s timeline', async () => {
    const timeline = await core.call('timeline.list', { contactId: aliceId, kinds: ['email'], limit: 50 });
    expect(timeline.items.map((item) => item.title)).toEqual([
      'E-mail received: Problème de chauffage',
      'E-mail sent: Re: Devis pour la cuisine',
      'E-mail received: Devis pour la cuisine – café',
    ]);
  });

  it('a second sync with nothing new changes nothing and logs no change', async () => {
    const before = core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number };
    await core.mail.syncAccount(accountId);
    const after = core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('keeps a message when its sender becomes a contact later, and on "create contact from sender"', async () => {
    await world.append('INBOX', newsletter(2));
    await core.mail.syncAccount(accountId);
    const [first] = await core.call('mail.unlinked', { limit: 10 });
    const { contactId } = await core.call('mail.createContactFromSender', { id: first!.id });
    await core.mail.syncAccount(accountId);
    const kept = await core.call('mail.messages', { contactId, limit: 10 });
    expect(kept.map((message) => message.subject).sort()).toEqual(["This week's deals #1", "This week's deals #2"]);
    expect(await core.call('mail.unlinked', { limit: 10 })).toEqual([]);
    expect((await core.call('contacts.get', { id: contactId })).name).toBe('Deals Weekly');
  });

  it('gives the same message the same id on another laptop syncing the same mailbox', async () => {
    const other = createMailCore();
    try {
      await addContact(other, alice.name, alice.email);
      const otherAccount = await other.call('mail.addAccount', { draft: world.draft(), password: 'office-secret' });
      await other.mail.syncAccount(otherAccount.id);
      const ids = (target: TempCore) =>
        (target.sqlite.prepare("SELECT id, thread_id FROM mail_messages WHERE message_id LIKE '%customer.example' OR message_id LIKE 'reply-%' ORDER BY id").all() as object[]);
      expect(ids(other)).toEqual(ids(core));
      expect(ids(other)).toHaveLength(3);
    } finally {
      other.dispose();
    }
  });
});
