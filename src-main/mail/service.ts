import type {
  ConnectionCheck,
  MailAccount,
  MailAccountDraft,
  MailAccountPatch,
  MailFolder,
  MailMessage,
  MailMessageSummary,
  MailSyncProgress,
  MailThread,
  OutboxItem,
  SendMailInput,
  UnlinkedMessage,
} from '../../src-shared/domain/mail';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import type { TimelineItem } from '../../src-shared/domain/timeline';
import { AppError } from '../../src-shared/errors';
import type { EventName, EventPayload } from '../../src-shared/ipc/events';
import type { ContactsService } from '../contacts/service';
import { buildSearchMatch } from '../contacts/queries';
import type { SecretStore } from '../core/secret-store';
import type { BlobStore } from '../files/blob-store';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { AccountSyncJob } from './account-job';
import { MailAccounts, type AccountSettings } from './accounts';
import { checkImap, checkSmtp, defaultTimeouts, type ConnectionTimeouts } from './connection';
import { createContactMatcher } from './contact-matcher';
import type { FolderSyncResult } from './folder-sync';
import { Outbox } from './outbox';
import { createParsePool, type MailParser } from './parse-pool';
import { rowToMessage, rowToSummary, snippetOf, type MailMessageRow } from './rows';
import { createLateLinker, createMailIndexer } from './search-index';
import { MailStore } from './store';
import { foldersToSync, inboxPath } from './sync-round';

export interface MailServiceDeps extends WriteDeps {
  blobs: BlobStore;
  secrets: SecretStore;
  contacts: ContactsService;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  logError(error: unknown, context: string): void;
  timeouts?: ConnectionTimeouts;
  /** How often every folder is looked at even without IDLE news. */
  pollMs?: number;
  backoff?: { firstMs: number; maxMs: number };
  batchSize?: number;
}

/**
 * Mail: accounts of this laptop, the background sync of each, the kept messages (read from
 * the contact's side), the outbox. Sync and sending run in the background and report through
 * `mail.syncProgress` and `mail.changed`; nothing here waits on the network inside a call the
 * screens make, except testing and adding an account.
 */
export class MailService extends WritingService {
  readonly accounts: MailAccounts;
  readonly store: MailStore;
  readonly outbox: Outbox;
  private readonly jobs = new Map<string, AccountSyncJob>();
  private readonly matcher;
  private readonly parser: MailParser = createParsePool();
  private readonly timeouts: ConnectionTimeouts;
  private started = false;

  constructor(private readonly deps: MailServiceDeps) {
    super(deps);
    const { sqlite, engine } = deps;
    this.timeouts = deps.timeouts ?? defaultTimeouts;
    this.accounts = new MailAccounts(sqlite, deps.secrets, deps.now);
    const indexer = createMailIndexer(sqlite);
    engine.onRowsWritten((touched) => indexer.hook(touched));
    const lateLinker = createLateLinker(sqlite, () => this.pokeAll());
    engine.onRowsWritten((touched) => lateLinker.hook(touched));
    this.store = new MailStore({
      sqlite,
      engine,
      indexer,
      blobs: deps.blobs,
      maxFileBytes: () => deps.settings.get().maxFileBytes,
      now: deps.now,
      onPrivateWritten: (ids) => this.changed(ids),
    });
    this.matcher = createContactMatcher(sqlite);
    this.outbox = new Outbox({
      sqlite,
      accounts: this.accounts,
      store: this.store,
      now: deps.now,
      timeouts: this.timeouts,
      onChanged: () => deps.emit('mail.changed', { messageIds: [], contactIds: [], outbox: true }),
      logError: deps.logError,
    });
    engine.onCommitted((touched) => {
      if (touched.has('contacts')) this.matcher.forget();
      lateLinker.committed();
      const ids = touched.get('mail_messages');
      if (ids && ids.size > 0) this.changed([...ids]);
    });
  }

  /** Starts the background sync of every account and the outbox (the app; not the CLI). */
  start(): void {
    this.started = true;
    for (const account of this.accounts.list()) this.job(account.id).start();
    void this.outbox.poke();
  }

  /** Stops everything at once (synchronously, before the core closes the database), then waits. */
  async close(): Promise<void> {
    this.started = false;
    const stopping = [this.outbox.close(), ...[...this.jobs.values()].map((job) => job.stop())];
    this.jobs.clear();
    await Promise.all(stopping);
    await this.parser.close();
  }

  async testConnection(draft: MailAccountDraft, password: string): Promise<{ imap: ConnectionCheck; smtp: ConnectionCheck; folders: MailFolder[] }> {
    const [imap, smtp] = await Promise.all([checkImap(draft.imap, password, this.timeouts), checkSmtp(draft.smtp, password, this.timeouts)]);
    const account = { folders: draft.folders } as AccountSettings;
    const synced = new Set(foldersToSync(account, imap.folders));
    return {
      imap: imap.check,
      smtp,
      folders: imap.folders.map((folder) => ({ ...folder, synced: synced.has(folder.path), required: folder.path === inboxPath || folder.specialUse === '\\Sent' })),
    };
  }

  /** Adds an account after its IMAP and SMTP sign-ins work; the first sync starts at once. */
  async addAccount(draft: MailAccountDraft, password: string): Promise<MailAccount> {
    const test = await this.testConnection(draft, password);
    if (!test.imap.ok) throw new AppError('invalid_input', test.imap.message, 'imap');
    if (!test.smtp.ok) throw new AppError('invalid_input', test.smtp.message, 'smtp');
    const account = this.accounts.add(draft, password);
    this.store.saveFolderList(
      account.id,
      test.folders.map(({ path, name, specialUse }) => ({ path, name, specialUse })),
    );
    if (this.started) this.job(account.id).start();
    return this.view(account);
  }

  updateAccount(id: string, patch: MailAccountPatch, password?: string): MailAccount {
    const before = this.accounts.get(id);
    const after = this.accounts.update(id, patch, password);
    if (before.private && !after.private) this.store.publish(after.email);
    const job = this.jobs.get(id);
    if (job) job.reconnect();
    else if (this.started) this.job(id).start();
    return this.view(after);
  }

  /** Removes the account and its password from this laptop; the messages it kept stay in the CRM. */
  async removeAccount(id: string): Promise<{ id: string }> {
    this.accounts.get(id);
    await this.jobs.get(id)?.stop();
    this.jobs.delete(id);
    this.outbox.removeAccount(id);
    this.store.forgetAccount(id);
    this.accounts.remove(id);
    this.deps.emit('mail.changed', { messageIds: [], contactIds: [], outbox: true });
    return { id };
  }

  listAccounts(): MailAccount[] {
    return this.accounts.list().map((account) => this.view(account));
  }

  folders(accountId: string): MailFolder[] {
    const account = this.accounts.get(accountId);
    const listed = this.store.queries.folders.all(accountId).map((row) => ({ path: row.path, name: row.name, specialUse: row.special_use }));
    const synced = new Set(foldersToSync(account, listed));
    return listed.map((folder) => ({ ...folder, synced: synced.has(folder.path), required: folder.path === inboxPath || folder.specialUse === '\\Sent' }));
  }

  /** Asks for a round now without waiting for it (progress comes as events). */
  requestSync(accountId?: string): { accountIds: string[] } {
    const ids = accountId ? [this.accounts.get(accountId).id] : this.accounts.list().map((account) => account.id);
    for (const id of ids) void this.syncAccount(id).catch(() => {});
    return { accountIds: ids };
  }

  /** One whole round for the account; resolves when it is done, rejects with why it could not be. */
  syncAccount(accountId: string): Promise<void> {
    this.accounts.get(accountId);
    return this.job(accountId).syncNow();
  }

  cancelSync(accountId: string): MailSyncProgress {
    const job = this.job(accountId);
    job.cancel();
    return job.current();
  }

  messages(input: { contactId?: string | undefined; limit: number; before?: { at: number; id: string } | undefined }): MailMessageSummary[] {
    const { queries } = this.store;
    let rows: MailMessageRow[];
    if (input.contactId) {
      rows = input.before
        ? queries.ofContactBefore.all({ contactId: input.contactId, at: input.before.at, id: input.before.id, limit: input.limit })
        : queries.ofContactBefore.all({ contactId: input.contactId, at: Number.MAX_SAFE_INTEGER, id: '', limit: input.limit });
    } else {
      rows = queries.recent.all(input.limit);
    }
    return rows.map((row) => rowToSummary(row, this.contactIdsOf(row.id)));
  }

  /** The contact's conversations, newest first. */
  threads(contactId: string): MailThread[] {
    const byThread = new Map<string, MailThread>();
    for (const row of this.store.queries.allOfContact.all(contactId)) {
      const threadId = row.thread_id || row.id;
      const existing = byThread.get(threadId);
      if (existing) {
        existing.messageCount += 1;
        continue;
      }
      byThread.set(threadId, {
        threadId,
        subject: row.subject,
        messageCount: 1,
        lastAt: Math.max(0, row.sent_at),
        lastSnippet: snippetOf(row.body_text),
        lastFrom: { name: row.from_name, address: row.from_address },
      });
    }
    return [...byThread.values()];
  }

  thread(threadId: string): { messages: MailMessage[]; outbox: OutboxItem[] } {
    const messages = this.store.queries.thread.all(threadId).map((row) => rowToMessage(row, this.contactIdsOf(row.id)));
    const sentIds = new Set(messages.map((message) => message.id));
    const outbox = this.outbox.list().filter((item) => item.threadId === threadId && !(item.messageId && sentIds.has(item.messageId)));
    return { messages, outbox };
  }

  get(id: string): MailMessage {
    const row = this.store.queries.message.get(id);
    if (!row) throw new AppError('not_found', 'That e-mail does not exist or was deleted.', 'id');
    return rowToMessage(row, this.contactIdsOf(id));
  }

  async send(input: SendMailInput): Promise<OutboxItem> {
    const parent = input.inReplyToId ? this.store.queries.message.get(input.inReplyToId) : undefined;
    if (input.inReplyToId && !parent) throw new AppError('not_found', 'The e-mail you are answering no longer exists.', 'inReplyToId');
    return this.outbox.enqueue(input, parent);
  }

  /** Messages of no contact (headers only), newest first, for "create contact from sender". */
  unlinked(limit: number): UnlinkedMessage[] {
    return this.store.queries.unlinked.all(limit).map((row) => ({
      id: row.id,
      accountId: row.account_id,
      from: { name: row.from_name, address: row.from_address },
      subject: row.subject,
      sentAt: Math.max(0, row.sent_at),
    }));
  }

  /** Creates the sender as a contact; the late linker marks their messages and sync keeps them. */
  createContactFromSender(unlinkedId: string, name?: string): { contactId: string } {
    const skipped = this.store.queries.skipped.get(unlinkedId);
    if (!skipped) throw new AppError('not_found', 'That message is no longer listed; sync may have kept it already.', 'id');
    const draft = ContactDraftSchema.parse({
      name: ((name ?? '').trim() || skipped.from_name.trim() || skipped.from_address).slice(0, 200),
      emails: [{ type: 'work', address: skipped.from_address }],
      source: 'E-mail',
    });
    const contact = this.deps.contacts.create(draft, { allowDuplicate: false });
    return { contactId: contact.id };
  }

  /** Deletes a kept message from the CRM (not from the mailbox); a private one was never shared. */
  delete(id: string): { id: string } {
    const row = this.store.queries.message.get(id);
    if (!row) throw new AppError('not_found', 'That e-mail does not exist or was already deleted.', 'id');
    if (row.local_only === 1) {
      this.store.queries.deleteLocal.run(id);
      this.store.reindex([id]);
      this.changed([id]);
    } else {
      this.lifecycle.delete('mail_messages', id, 'e-mail');
    }
    return { id };
  }

  search(query: string, limit: number): MailMessageSummary[] {
    const match = buildSearchMatch(query);
    const words = [match?.words, match?.digits].filter(Boolean).join(' ');
    if (!words) return [];
    return this.store.queries.search.all(words, limit).map((row) => rowToSummary(row, this.contactIdsOf(row.id)));
  }

  /** The contact's e-mails for their timeline. */
  timelineItems(contactId: string): TimelineItem[] {
    return this.store.queries.allOfContact.all(contactId).map((row) => ({
      key: `email:${row.id}`,
      kind: 'email',
      at: Math.max(0, row.sent_at),
      actor: row.from_name || row.from_address,
      title: `${row.direction === 'sent' ? 'E-mail sent' : 'E-mail received'}: ${row.subject || '(no subject)'}`,
      detail: snippetOf(row.body_text),
      refId: row.id,
    }));
  }

  private contactIdsOf(messageId: string): string[] {
    return this.store.queries.contactsOfMessage.all(messageId).map((row) => row.contact_id);
  }

  private changed(messageIds: string[]): void {
    const contactIds = new Set<string>();
    for (const id of messageIds) for (const contactId of this.contactIdsOf(id)) contactIds.add(contactId);
    this.deps.emit('mail.changed', { messageIds, contactIds: [...contactIds], outbox: false });
    if (contactIds.size > 0) this.deps.emit('activity.changed', { contactIds: [...contactIds], tables: ['mail_messages'] });
  }

  private pokeAll(): void {
    for (const job of this.jobs.values()) job.poke();
  }

  private job(accountId: string): AccountSyncJob {
    let job = this.jobs.get(accountId);
    if (!job) {
      job = new AccountSyncJob(accountId, {
        accounts: this.accounts,
        store: this.store,
        matcher: this.matcher,
        parser: this.parser,
        now: this.now,
        timeouts: this.timeouts,
        pollMs: this.deps.pollMs ?? 5 * 60_000,
        backoff: this.deps.backoff ?? { firstMs: 2_000, maxMs: 5 * 60_000 },
        ...(this.deps.batchSize ? { batchSize: this.deps.batchSize } : {}),
        onStatus: (status) => this.deps.emit('mail.syncProgress', status),
        onRound: (accountId: string, _result: FolderSyncResult) => void this.outbox.online(accountId),
        logError: this.deps.logError,
      });
      this.jobs.set(accountId, job);
    }
    return job;
  }

  private view(account: AccountSettings): MailAccount {
    const status = this.jobs.get(account.id)?.current() ?? {
      accountId: account.id,
      state: 'stopped' as const,
      message: account.lastSyncAt ? 'Not syncing on this run.' : 'Not synced yet.',
      folder: null,
      done: 0,
      total: 0,
    };
    return {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      preset: account.preset,
      imap: account.imap,
      smtp: account.smtp,
      folders: account.folders,
      windowMonths: account.windowMonths,
      private: account.private,
      hasPassword: this.accounts.password(account.id) !== undefined,
      createdAt: account.createdAt,
      lastSyncAt: account.lastSyncAt,
      status,
    };
  }
}
