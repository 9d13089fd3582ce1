import {
  mailPreset,
  mailPresetIds,
  mailSecurityModes,
  MailAccountDraftSchema,
  type MailAccount,
  type MailMessageSummary,
} from '../../src-shared/domain/mail';
import { AppError } from '../../src-shared/errors';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { choice, exactPositionals, flag, integer, listOption, parseCommand, stringOption, UsageError, type OptionValues } from './args';
import { openCore, type CommandContext } from './context';
import { readPassword } from '../security/read-secret';

export const mailUsage = `Usage:
  fieldbook mail add --email ADDRESS [--preset gmail|outlook|icloud|fastmail|yahoo|other]
                     [--imap-host H --imap-port N --imap-security tls|starttls|none --imap-user U]
                     [--smtp-host H --smtp-port N --smtp-security tls|starttls|none --smtp-user U]
                     [--name "Display name"] [--folder PATH]... [--months N] [--private]
      The password is read from standard input (a pipe) or asked for with echo off;
      it is never taken as an argument. The connection is tested before the account is kept.
  fieldbook mail list                      the accounts of this computer
  fieldbook mail sync [ACCOUNT]            sync one account (id or address) or all, then exit
  fieldbook mail remove ACCOUNT            disconnect an account and delete its password here
  fieldbook mail messages [--contact ID] [--limit N]   kept e-mails, newest first
Common: --data-dir <dir>  --json`;

const addOptions = {
  email: { type: 'string' },
  preset: { type: 'string' },
  name: { type: 'string' },
  'imap-host': { type: 'string' },
  'imap-port': { type: 'string' },
  'imap-security': { type: 'string' },
  'imap-user': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string' },
  'smtp-user': { type: 'string' },
  folder: { type: 'string', multiple: true },
  months: { type: 'string' },
  private: { type: 'boolean' },
} as const;

export async function runMailCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) return context.help(mailUsage);
  if (rest.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new UsageError('a password is never taken as an argument (it would stay in your shell history); pipe it in or type it when asked', `mail ${sub}`);
  }
  switch (sub) {
    case 'add':
      return addAccount(rest, context);
    case 'list':
    case 'sync':
    case 'remove':
    case 'messages':
      return runOnAccounts(sub, rest, context);
    default:
      throw new UsageError(`unknown mail command "${sub}" (add, list, sync, remove or messages)`, 'mail');
  }
}

function draftOf(values: OptionValues) {
  const command = 'mail add';
  const email = stringOption(values, 'email');
  if (!email) throw new UsageError('--email is required', command);
  const preset = mailPreset(choice(command, 'preset', stringOption(values, 'preset'), mailPresetIds) ?? 'other');
  const server = (kind: 'imap' | 'smtp') => ({
    host: stringOption(values, `${kind}-host`) ?? preset[kind].host,
    port: integer(command, `${kind}-port`, stringOption(values, `${kind}-port`), 1, 65535) ?? preset[kind].port,
    security: choice(command, `${kind}-security`, stringOption(values, `${kind}-security`), mailSecurityModes) ?? preset[kind].security,
    username: stringOption(values, `${kind}-user`) ?? email,
  });
  return parseOrThrow(MailAccountDraftSchema, {
    email,
    displayName: stringOption(values, 'name') ?? '',
    preset: preset.id,
    imap: server('imap'),
    smtp: server('smtp'),
    folders: listOption(values, 'folder'),
    windowMonths: integer(command, 'months', stringOption(values, 'months'), 1, 120) ?? 12,
    private: flag(values, 'private'),
  });
}

async function addAccount(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand('mail add', args, addOptions);
  if (flag(values, 'help')) return context.help(mailUsage);
  exactPositionals('mail add', positionals, []);
  const draft = draftOf(values);
  const preset = mailPreset(draft.preset);
  if (preset.appPassword === 'required') context.io.stderr.write(`${preset.note}\n`);
  const password = await readPassword(context.io, `Password for ${draft.email}: `);
  const { core, output, close } = await openCore(context, values, { create: true });
  try {
    output.note(`Testing ${draft.imap.host} and ${draft.smtp.host}…`);
    const account = await core.mail.addAccount(draft, password);
    output.result(account, () => `Connected ${account.email} (${account.id}). Run "fieldbook mail sync" to fetch its mail.`);
    return 0;
  } finally {
    close();
  }
}

async function runOnAccounts(sub: 'list' | 'sync' | 'remove' | 'messages', args: readonly string[], context: CommandContext): Promise<number> {
  const command = `mail ${sub}`;
  const { values, positionals } = parseCommand(command, args, sub === 'messages' ? { contact: { type: 'string' }, limit: { type: 'string' } } : {});
  if (flag(values, 'help')) return context.help(mailUsage);
  const [named] = sub === 'remove' ? exactPositionals(command, positionals, ['account']) : sub === 'sync' && positionals.length === 1 ? positionals : exactPositionals(command, positionals, []);
  const limit = integer(command, 'limit', stringOption(values, 'limit'), 1, 500) ?? 50;
  const { core, output, close } = await openCore(context, values);
  try {
    const accounts = core.mail.listAccounts();
    const pick = (name: string | undefined): MailAccount[] => {
      if (name === undefined) return accounts;
      const found = accounts.filter((account) => account.id === name || account.email.toLowerCase() === name.toLowerCase());
      if (found.length === 0) throw new AppError('not_found', `There is no mail account "${name}" on this computer (see "fieldbook mail list").`, 'account');
      return found;
    };
    switch (sub) {
      case 'list':
        output.result(accounts, () => (accounts.length === 0 ? 'No mail accounts.' : accounts.map(describeAccount).join('\n')));
        return 0;
      case 'remove': {
        const [account] = pick(named);
        await core.mail.removeAccount(account!.id);
        output.result({ id: account!.id }, () => `Removed ${account!.email} and its password from this computer. Its kept messages stay.`);
        return 0;
      }
      case 'messages': {
        const contactId = stringOption(values, 'contact');
        if (contactId) core.contacts.get(contactId);
        const messages = core.mail.messages({ contactId, limit });
        output.result(messages, () => (messages.length === 0 ? 'No e-mails.' : messages.map(describeMessage).join('\n')));
        return 0;
      }
      case 'sync': {
        const targets = pick(named);
        const stopProgress = core.on('mail.syncProgress', (status) => status.total > 0 && output.progress?.(`Syncing ${status.folder ?? ''}`, status.done, status.total));
        for (const account of targets) {
          await core.mail.syncAccount(account.id);
          output.done();
          output.note(`${account.email}: up to date.`);
        }
        // What the outbox had waiting went out when the server was reached; let it finish.
        await core.mail.outbox.poke();
        stopProgress();
        const synced = core.mail.listAccounts().filter((account) => targets.some((target) => target.id === account.id));
        output.result(synced, () => `Synced ${synced.length} account${synced.length === 1 ? '' : 's'}.`);
        return 0;
      }
    }
  } finally {
    close();
  }
}

function describeAccount(account: MailAccount): string {
  const last = account.lastSyncAt ? new Date(account.lastSyncAt).toISOString().slice(0, 16).replace('T', ' ') : 'never';
  return `${account.id}  ${account.email}  ${account.imap.host}${account.private ? '  private' : ''}  last synced ${last}`;
}

function describeMessage(message: MailMessageSummary): string {
  const when = new Date(message.sentAt).toISOString().slice(0, 16).replace('T', ' ');
  const who = message.direction === 'sent' ? `to ${message.to.map((entry) => entry.address).join(', ')}` : `from ${message.from.address}`;
  return `${when}  ${who}  ${message.subject || '(no subject)'}`;
}
