import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { mailChannels } from '../../src-shared/ipc/mail';
import type { MailService } from './service';

/** The mail channels of the contract (src-shared/ipc/mail.ts), over the mail service. */
export function mailHandlers(mail: MailService) {
  return {
    'mail.testConnection': ({ draft, password }) => mail.testConnection(draft, password),
    'mail.addAccount': ({ draft, password }) => mail.addAccount(draft, password),
    'mail.updateAccount': ({ id, patch, password }) => mail.updateAccount(id, patch, password),
    'mail.removeAccount': ({ id }) => mail.removeAccount(id),
    'mail.accounts': () => mail.listAccounts(),
    'mail.folders': ({ accountId }) => mail.folders(accountId),
    'mail.syncNow': ({ accountId }) => mail.requestSync(accountId),
    'mail.cancelSync': ({ accountId }) => mail.cancelSync(accountId),
    'mail.messages': (input) => mail.messages(input),
    'mail.threads': ({ contactId }) => mail.threads(contactId),
    'mail.thread': ({ threadId }) => mail.thread(threadId),
    'mail.get': ({ id }) => mail.get(id),
    'mail.delete': ({ id }) => mail.delete(id),
    'mail.send': (input) => mail.send(input),
    'mail.outbox': () => mail.outbox.list(),
    'mail.cancelOutbox': ({ id }) => mail.outbox.cancel(id),
    'mail.retryOutbox': ({ id }) => mail.outbox.retry(id),
    'mail.unlinked': ({ limit }) => mail.unlinked(limit),
    'mail.createContactFromSender': ({ id, name }) => mail.createContactFromSender(id, name),
  } satisfies HandlerMap<typeof mailChannels>;
}
