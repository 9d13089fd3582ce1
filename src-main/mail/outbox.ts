import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { mailPreset, outboxStates, type OutboxItem, type SendMailInput } from '../../src-shared/domain/mail';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from '../db/open';
import type { AccountSettings, MailAccounts } from './accounts';
import { createImapClient, createSmtpTransport, explainConnectionError, type ConnectionTimeouts } from './connection';
import { mailLibraries } from './mail-libraries';
import { messageRowId, threadIdFor } from './message-ids';
import { parseMessage } from './parse';
import { parseAddressList, parseReferences, type MailMessageRow } from './rows';
import type { MailStore } from './store';

interface OutboxRow {
  id: string;
  account_id: string;
  state: string;
  reason: string;
  raw: string;
  to_addresses: string;
  cc_addresses: string;
  subject: string;
  body_text: string;
  thread_id: string | null;
  message_row_id: string;
  attempts: number;
  next_attempt_at: number;
  filed: number;
  created_at: number;
  sent_at: number | null;
}

function rowToItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    accountId: row.account_id,
    threadId: row.thread_id,
    to: parseAddressList(row.to_addresses),
    cc: parseAddressList(row.cc_addresses),
    subject: row.subject,
    bodyText: row.body_text,
    state: outboxStates.find((state) => state === row.state) ?? 'waiting',
    reason: row.reason,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    messageId: row.state === 'sent' ? row.message_row_id : null,
  };
}

/** Waits before the next try of a message that could not go out: 30 s, doubling, at most 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

function replySubject(subject: string): string {
  return /^\s*re:/i.test(subject) ? subject : `Re: ${subject}`;
}

export interface OutboxDeps {
  sqlite: Sqlite;
  accounts: MailAccounts;
  store: MailStore;
  now: () => number;
  timeouts: ConnectionTimeouts;
  onChanged(): void;
  logError(error: unknown, context: string): void;
}

/**
 * Mail written here. Sending first stores the finished message (its bytes and Message-ID
 * fixed) in the outbox, then a worker sends it over SMTP, keeps it as a message at once, and
 * files a copy in the Sent folder by IMAP APPEND (unless the provider does that itself).
 * Offline, it waits and is tried again with backoff; a refusal (wrong password, recipient
 * refused) fails it with the reason. After a crash mid-send it is sent again: a message sent
 * twice is better than one silently lost.
 */
export class Outbox {
  private readonly statements;
  private timer: NodeJS.Timeout | undefined;
  private working: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly deps: OutboxDeps) {
    const { sqlite } = deps;
    this.statements = {
      insert: sqlite.prepare(
        `INSERT INTO mail_outbox (id, account_id, state, reason, raw, to_addresses, cc_addresses, subject, body_text, thread_id,
           message_row_id, created_at) VALUES (@id, @account_id, 'waiting', '', @raw, @to_addresses, @cc_addresses, @subject,
           @body_text, @thread_id, @message_row_id, @created_at)`,
      ),
      get: sqlite.prepare<[string], OutboxRow>('SELECT * FROM mail_outbox WHERE id = ?'),
      list: sqlite.prepare<[number], OutboxRow>(
        "SELECT * FROM mail_outbox WHERE state != 'sent' OR sent_at >= ? ORDER BY created_at DESC, id DESC",
      ),
      due: sqlite.prepare<[number], OutboxRow>("SELECT * FROM mail_outbox WHERE state = 'waiting' AND next_attempt_at <= ? ORDER BY created_at, id"),
      unfiled: sqlite.prepare<[], OutboxRow>("SELECT * FROM mail_outbox WHERE state = 'sent' AND filed = 0 ORDER BY created_at"),
      nextDue: sqlite.prepare<[], { at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM mail_outbox WHERE state = 'waiting'"),
      setState: sqlite.prepare('UPDATE mail_outbox SET state = ?, reason = ?, attempts = ?, next_attempt_at = ? WHERE id = ?'),
      setSent: sqlite.prepare("UPDATE mail_outbox SET state = 'sent', reason = '', sent_at = ?, filed = ? WHERE id = ?"),
      setFiled: sqlite.prepare('UPDATE mail_outbox SET filed = 1 WHERE id = ?'),
      remove: sqlite.prepare('DELETE FROM mail_outbox WHERE id = ?'),
      resumeSending: sqlite.prepare(
        "UPDATE mail_outbox SET state = 'waiting', reason = 'Fieldbook closed while sending this; it will be sent again.' WHERE state = 'sending'",
      ),
      dueNow: sqlite.prepare("UPDATE mail_outbox SET next_attempt_at = 0 WHERE account_id = ? AND state = 'waiting'"),
      removeOfAccount: sqlite.prepare("DELETE FROM mail_outbox WHERE account_id = ? AND state != 'sent'"),
    };
    this.statements.resumeSending.run();
  }

  list(): OutboxItem[] {
    return this.statements.list.all(this.deps.now() - 7 * 24 * 60 * 60 * 1000).map(rowToItem);
  }

  get(id: string): OutboxItem {
    const row = this.statements.get.get(id);
    if (!row) throw new AppError('not_found', 'That message is no longer in the outbox.', 'id');
    return rowToItem(row);
  }

  /** Builds the message and puts it in the outbox; the worker sends it as soon as it can. */
  async enqueue(input: SendMailInput, parent: MailMessageRow | undefined): Promise<OutboxItem> {
    const account = this.deps.accounts.get(input.accountId);
    const domain = account.email.split('@')[1] ?? 'fieldbook.invalid';
    const messageId = `${uuidv4()}@${domain}`;
    const references = parent ? [...parseReferences(parent.refs), parent.message_id].filter(Boolean) : [];
    const subject = input.subject || (parent ? replySubject(parent.subject) : '');
    const { MailComposer } = await mailLibraries();
    const raw = await new MailComposer({
      from: { name: account.displayName, address: account.email },
      to: input.to,
      cc: input.cc,
      subject,
      text: input.bodyText,
      messageId: `<${messageId}>`,
      date: new Date(this.deps.now()),
      ...(parent?.message_id ? { inReplyTo: `<${parent.message_id}>`, references: references.map((id) => `<${id}>`) } : {}),
    })
      .compile()
      .build();
    const id = uuidv7();
    this.statements.insert.run({
      id,
      account_id: account.id,
      raw: raw.toString('utf8'),
      to_addresses: JSON.stringify(input.to.map((address) => ({ name: '', address }))),
      cc_addresses: JSON.stringify(input.cc.map((address) => ({ name: '', address }))),
      subject,
      body_text: input.bodyText,
      thread_id: parent?.thread_id || threadIdFor(references[0] ?? messageId, messageRowId(messageId)),
      message_row_id: messageRowId(messageId),
      created_at: this.deps.now(),
    });
    this.deps.onChanged();
    this.poke();
    return this.get(id);
  }

  cancel(id: string): { id: string } {
    const item = this.get(id);
    if (item.state === 'sending') throw new AppError('conflict', 'This message is being sent right now and can no longer be stopped.', 'id');
    if (item.state === 'sent') throw new AppError('conflict', 'This message was already sent.', 'id');
    this.statements.remove.run(id);
    this.deps.onChanged();
    return { id };
  }

  retry(id: string): OutboxItem {
    const item = this.get(id);
    if (item.state !== 'failed') return item;
    this.statements.setState.run('waiting', '', 0, 0, id);
    this.deps.onChanged();
    this.poke();
    return this.get(id);
  }

  /** The account's server was just reached: what waits for it is tried now, not at its backoff time. */
  online(accountId: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.statements.dueNow.run(accountId);
    return this.poke();
  }

  /** The account is gone: what it had not sent goes with it. */
  removeAccount(accountId: string): void {
    this.statements.removeOfAccount.run(accountId);
  }

  /** Sends what is due now (and files sent copies); runs one worker at a time. */
  poke(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.working) {
      // Resolves after the run that follows the current one, which will see what is new.
      this.again = true;
      return this.working.then(() => this.working ?? Promise.resolve());
    }
    this.working = this.work()
      .catch((error: unknown) => {
        // After close() the database may be gone; what was not recorded is sent again next time.
        if (!this.closed) this.deps.logError(error, 'mail outbox');
      })
      .finally(() => {
        this.working = undefined;
        if (this.again) {
          this.again = false;
          void this.poke();
        } else {
          this.schedule();
        }
      });
    return this.working;
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    return this.working ?? Promise.resolve();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const at = this.statements.nextDue.get()?.at;
    const unfiled = this.statements.unfiled.all().length > 0;
    if ((at === null || at === undefined) && !unfiled) return;
    const delay = Math.max(1000, (at ?? this.deps.now() + 60_000) - this.deps.now());
    this.timer = setTimeout(() => void this.poke(), unfiled ? Math.min(delay, 60_000) : delay);
    this.timer.unref();
  }

  private async work(): Promise<void> {
    for (const row of this.statements.due.all(this.deps.now())) {
      if (this.closed) return;
      await this.sendOne(row);
    }
    for (const row of this.statements.unfiled.all()) {
      if (this.closed) return;
      await this.file(row);
    }
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    let account: AccountSettings;
    try {
      account = this.deps.accounts.get(row.account_id);
    } catch {
      this.statements.setState.run('failed', 'The account it was to be sent from was removed.', row.attempts, 0, row.id);
      this.deps.onChanged();
      return;
    }
    const password = this.deps.accounts.password(account.id);
    if (!password) {
      this.statements.setState.run('failed', 'The account’s password is not stored on this computer; enter it in Settings → Mail, then retry.', row.attempts, 0, row.id);
      this.deps.onChanged();
      return;
    }
    this.statements.setState.run('sending', '', row.attempts + 1, 0, row.id);
    this.deps.onChanged();
    const transport = await createSmtpTransport(account.smtp, password, this.deps.timeouts);
    const recipients = [...parseAddressList(row.to_addresses), ...parseAddressList(row.cc_addresses)].map((entry) => entry.address);
    try {
      await transport.sendMail({ envelope: { from: account.email, to: recipients }, raw: row.raw });
    } catch (error) {
      const explained = explainConnectionError(error, account.smtp, 'SMTP');
      const responseCode = (error as { responseCode?: unknown }).responseCode;
      const refused = !explained.transient || (typeof responseCode === 'number' && responseCode >= 500);
      if (refused) {
        this.statements.setState.run('failed', explained.message, row.attempts + 1, 0, row.id);
      } else {
        const retryAt = this.deps.now() + retryDelayMs(row.attempts + 1);
        const when = new Date(retryAt).toISOString().slice(11, 16);
        this.statements.setState.run('waiting', `Not sent yet: ${explained.message} Trying again at ${when} UTC.`, row.attempts + 1, retryAt, row.id);
      }
      this.deps.onChanged();
      return;
    } finally {
      transport.close();
    }
    // Taken out of the outbox while it was being sent: its recipient was forgotten
    // (src-main/privacy/local-rows.ts). It went, but no copy of it is kept here.
    if (!this.statements.get.get(row.id)) {
      this.deps.onChanged();
      return;
    }
    const raw = Buffer.from(row.raw, 'utf8');
    try {
      const parsed = await parseMessage(raw, new Date(this.deps.now()));
      this.deps.store.saveSent(account, { ...parsed, threadId: row.thread_id ?? parsed.threadId }, { list: [], files: [] });
    } catch (error) {
      this.deps.logError(error, 'keeping a sent message');
    }
    this.statements.setSent.run(this.deps.now(), mailPreset(account.preset).savesSentCopy ? 1 : 0, row.id);
    this.deps.onChanged();
  }

  /** Files the sent copy in Sent by IMAP APPEND; left for a later try when IMAP cannot be reached. */
  private async file(row: OutboxRow): Promise<void> {
    let account: AccountSettings;
    try {
      account = this.deps.accounts.get(row.account_id);
    } catch {
      this.statements.setFiled.run(row.id);
      return;
    }
    const password = this.deps.accounts.password(account.id);
    if (!password) return;
    const client = await createImapClient(account.imap, password, this.deps.timeouts);
    client.on('error', () => {});
    try {
      await client.connect();
      let sent = this.deps.store.queries.sentFolder.get(account.id)?.path;
      sent ??= (await client.list()).find((folder) => folder.specialUse === '\\Sent')?.path ?? 'Sent';
      await client.append(sent, Buffer.from(row.raw, 'utf8'), ['\\Seen'], new Date(row.sent_at ?? this.deps.now()));
      this.statements.setFiled.run(row.id);
      await client.logout();
    } catch (error) {
      client.close();
      const explained = explainConnectionError(error, account.imap, 'IMAP');
      if (explained.problem === 'other') this.deps.logError(error, 'filing a sent message');
    }
  }
}
