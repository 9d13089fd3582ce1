import { ImapFlow } from 'imapflow';
import type { MailAccountDraft } from '../../../src-shared/domain/mail';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { startDovecot, type Dovecot } from '../../support/dovecot';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp';
import { office } from '../../fixtures/mail/messages';

/** A mailbox on a real Dovecot and a real SMTP server, and what a test needs to use them. */
export interface MailWorld {
  dovecot: Dovecot;
  smtp: SmtpTestServer;
  /** Account settings for the office mailbox on these servers. */
  draft(overrides?: Partial<MailAccountDraft>): MailAccountDraft;
  /** A separate IMAP session, as another mail program (or the outside world) would have. */
  withImap<T>(work: (client: ImapFlow) => Promise<T>): Promise<T>;
  append(folder: string, raw: string, internalDate?: Date): Promise<number>;
  stop(): Promise<void>;
}

export async function startMailWorld(): Promise<MailWorld> {
  const dovecot = await startDovecot([{ user: office.email, password: office.password }]);
  const smtp = await startSmtpServer({ user: office.email, password: office.password });
  const withImap = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: office.email, pass: office.password },
      logger: false,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
  return {
    dovecot,
    smtp,
    draft: (overrides = {}) => ({
      email: office.email,
      displayName: 'Office',
      preset: 'other',
      imap: { host: dovecot.host, port: dovecot.port, security: 'none', username: office.email },
      smtp: { host: smtp.host, port: smtp.port, security: 'none', username: office.email },
      folders: [],
      windowMonths: 12,
      private: false,
      ...overrides,
    }),
    withImap,
    append: (folder, raw, internalDate) =>
      withImap(async (client) => {
        const result = await client.append(folder, raw, [], internalDate);
        if (!result || result.uid === undefined) throw new Error('APPEND did not return a UID');
        return result.uid;
      }),
    async stop() {
      await smtp.stop();
      await dovecot.stop();
    },
  };
}

/** A core with short mail timeouts; its mail jobs start only when a test syncs. */
export function createMailCore(options: { dataDir?: string } = {}): TempCore {
  return createTempCore({
    autoSync: false,
    ...options,
    mail: { timeouts: { connectMs: 3000, socketMs: 60_000 }, pollMs: 60_000, backoff: { firstMs: 200, maxMs: 1000 } },
  });
}

export async function addContact(core: TempCore, name: string, email: string): Promise<string> {
  const contact = await core.call('contacts.create', { draft: { name, emails: [{ type: 'work', address: email }] } });
  return contact.id;
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the expected state');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
