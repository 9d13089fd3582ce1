import type { ImapFlow } from 'imapflow';
import type { MailSyncProgress, MailSyncState } from '../../src-shared/domain/mail';
import { AppError } from '../../src-shared/errors';
import type { AccountSettings, MailAccounts } from './accounts';
import { createImapClient, explainConnectionError, type ConnectionTimeouts } from './connection';
import type { ContactMatcher } from './contact-matcher';
import { SyncCancelled, type FolderSyncResult } from './folder-sync';
import type { MailParser } from './parse-pool';
import type { MailStore } from './store';
import { inboxPath, syncAccountRound } from './sync-round';

export interface AccountJobDeps {
  accounts: MailAccounts;
  store: MailStore;
  matcher: ContactMatcher;
  parser: MailParser;
  now: () => number;
  timeouts: ConnectionTimeouts;
  onStatus(status: MailSyncProgress): void;
  onRound(accountId: string, result: FolderSyncResult): void;
  logError(error: unknown, context: string): void;
  /** A full round even when IDLE says nothing (folders other than INBOX are not watched). */
  pollMs: number;
  backoff: { firstMs: number; maxMs: number };
  batchSize?: number;
}

/**
 * The background sync of one account, for as long as the app runs: connect, sync INBOX, Sent
 * and the ticked folders, then IDLE on INBOX and sync again when the server announces new
 * mail (or every few minutes for the other folders). A dropped connection reconnects with
 * backoff; a refused password waits until the account is fixed. Cancelling stops the round
 * between two batches; what was committed stays, and the next sync carries on from there.
 */
export class AccountSyncJob {
  private status: MailSyncProgress;
  private stopped = false;
  private paused = false;
  private running: Promise<void> | undefined;
  private client: ImapFlow | undefined;
  private abort = new AbortController();
  private wake: (() => void) | undefined;
  private woken = false;
  private roundWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    readonly accountId: string,
    private readonly deps: AccountJobDeps,
  ) {
    this.status = { accountId, state: 'stopped', message: 'Not started.', folder: null, done: 0, total: 0 };
  }

  current(): MailSyncProgress {
    return this.status;
  }

  start(): void {
    this.running ??= this.loop().catch((error: unknown) => this.deps.logError(error, 'mail sync'));
  }

  /** Wakes the job for a round now; resolves when a round has completed (or rejects with why not). */
  syncNow(): Promise<void> {
    this.paused = false;
    const done = new Promise<void>((resolve, reject) => this.roundWaiters.push({ resolve, reject }));
    this.start();
    this.poke();
    return done;
  }

  /** Stops the current round and watching; syncNow() carries on later. */
  cancel(): void {
    this.paused = true;
    this.interrupt();
    this.failWaiters(new SyncCancelled());
    this.setStatus('stopped', 'Sync stopped. What was synced so far is kept.');
  }

  /** The account's settings or password changed: connect again with the new ones. */
  reconnect(): void {
    this.paused = false;
    this.client?.close();
    this.poke();
  }

  /** Something to fetch (a contact got the address of a skipped message): sync soon. */
  poke(): void {
    if (this.wake) this.wake();
    else this.woken = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt();
    await this.running;
    this.failWaiters(new SyncCancelled());
  }

  private interrupt(): void {
    this.abort.abort();
    this.client?.close();
    this.poke();
  }

  private setStatus(state: MailSyncState, message: string, progress: { folder: string | null; done: number; total: number } = { folder: null, done: 0, total: 0 }) {
    this.status = { accountId: this.accountId, state, message, ...progress };
    this.deps.onStatus(this.status);
  }

  private async waitForWake(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
      timer?.unref?.();
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
    this.woken = false;
  }

  private failWaiters(error: Error): void {
    const waiters = this.roundWaiters;
    this.roundWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private async loop(): Promise<void> {
    let backoff = this.deps.backoff.firstMs;
    while (!this.stopped) {
      if (this.paused) {
        await this.waitForWake(Number.POSITIVE_INFINITY);
        continue;
      }
      let account: AccountSettings;
      try {
        account = this.deps.accounts.get(this.accountId);
      } catch {
        return; // removed
      }
      const password = this.deps.accounts.password(account.id);
      if (!password) {
        this.setStatus('error', 'The password of this account is not stored on this computer. Enter it again in Settings → Mail.');
        this.failWaiters(new Error(this.status.message));
        await this.waitForWake(Number.POSITIVE_INFINITY);
        continue;
      }
      this.abort = new AbortController();
      // A mailbox not yet synced brings many messages to parse: the parser loads beside the
      // mail libraries and the connection rather than after them.
      if (this.deps.store.queries.folder.get(this.accountId, inboxPath)?.window_done !== 1) this.deps.parser.warm();
      // The first client waits for the mail libraries to load (mail-libraries.ts): a stop or
      // pause asked meanwhile found no client to close, so it is honoured here.
      const client = await createImapClient(account.imap, password, this.deps.timeouts);
      if (this.stopped || this.paused) {
        client.close();
        continue;
      }
      this.client = client;
      client.on('error', () => {});
      // New mail or a deletion announced while idling on INBOX, or the connection dropped
      // while watching (a drop during a round fails the round's command instead).
      const current = () => this.client === client;
      client.on('exists', () => current() && this.poke());
      client.on('expunge', () => current() && this.poke());
      client.on('close', () => current() && this.status.state === 'watching' && this.poke());
      try {
        this.setStatus('connecting', `Connecting to ${account.imap.host}…`);
        await client.connect();
        backoff = this.deps.backoff.firstMs;
        while (!this.stopped && !this.paused && client.usable) {
          // Those who asked before this round started get its outcome; later askers the next one.
          const waiters = this.roundWaiters;
          this.roundWaiters = [];
          let result: FolderSyncResult;
          this.setStatus('syncing', 'Checking for new mail…');
          try {
            result = await syncAccountRound({
              client,
              account: this.deps.accounts.get(this.accountId),
              store: this.deps.store,
              matcher: this.deps.matcher,
              parser: this.deps.parser,
              signal: this.abort.signal,
              now: this.deps.now,
              ...(this.deps.batchSize ? { batchSize: this.deps.batchSize } : {}),
              onProgress: (folder, done, total) =>
                this.setStatus('syncing', total > 0 ? `Syncing ${folder}: ${done} of ${total}` : `Checking ${folder}…`, { folder, done, total }),
            });
          } catch (error) {
            this.roundWaiters.unshift(...waiters);
            throw error;
          }
          this.deps.accounts.markSynced(this.accountId);
          this.deps.onRound(this.accountId, result);
          this.setStatus('watching', 'Up to date. New mail arrives by itself.');
          for (const waiter of waiters) waiter.resolve();
          const inbox = await client.mailboxOpen(inboxPath, { readOnly: true });
          // Mail that arrived between the round's look at INBOX and this SELECT announces
          // nothing during IDLE: compare with what the round saw.
          const seen = this.deps.store.queries.folder.get(this.accountId, inboxPath);
          if (seen && (seen.uid_next !== inbox.uidNext || seen.message_count !== inbox.exists)) this.poke();
          void client.idle().catch(() => {});
          await this.waitForWake(this.deps.pollMs);
        }
      } catch (error) {
        if (this.stopped || this.paused) continue;
        if (error instanceof SyncCancelled) continue;
        if (error instanceof AppError && error.code === 'forbidden') {
          // This laptop may not change the workspace's data (a read-only member): the mail is
          // fine, the round stored nothing. Said as the refusal says it, not as a server error;
          // tried again at the next poll or request, so a member made writer again gets mail.
          this.failWaiters(error);
          this.woken = false;
          this.setStatus('error', error.message);
          await this.waitForWake(this.deps.pollMs);
          continue;
        }
        const explained = explainConnectionError(error, account.imap, 'IMAP');
        // Whoever asked for a sync until now is answered by this failure; only a new request
        // (or the backoff) tries again.
        this.failWaiters(explained);
        this.woken = false;
        if (explained.problem === 'other') this.deps.logError(error, 'mail sync');
        if (!explained.transient) {
          this.setStatus('error', explained.message);
          await this.waitForWake(Number.POSITIVE_INFINITY);
          continue;
        }
        this.setStatus('waiting', `${explained.message} Trying again in ${Math.round(backoff / 1000)} s.`);
        await this.waitForWake(backoff);
        backoff = Math.min(backoff * 2, this.deps.backoff.maxMs);
      } finally {
        this.client = undefined;
        client.close();
      }
    }
    this.setStatus('stopped', 'Mail sync is off.');
  }
}
