import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { createCore, type Core } from '../../src-main/core/create-core';
import { uidSet, windowStart } from '../../src-main/mail/folder-sync';
import { matchHeaderFields } from '../../src-main/mail/headers';
import { MailAccountDraftSchema } from '../../src-shared/domain/mail';
import { ContactDraftSchema } from '../../src-shared/domain/contact';
import { dovecotInstalled, seedInbox, startDovecot, type Dovecot } from '../../tests/support/dovecot';
import { contactAddress, generateMailbox, officeAddress } from '../generator/mailbox';
import { finish, notMeasured, rate, type Figure } from '../lib/figures';
import { nowMs } from '../lib/stats';

// Mail sync against a real Dovecot, beside bare imapflow fetching the same messages the same
// way (From/To/Cc/Message-ID/Subject/Date of every message in the window, then the whole message
// of those that concern a contact), with no parsing and no storing: what Fieldbook adds is mailparser, matching,
// attachments into the file store, SQLite with the change log and the search index.

const password = 'bench-secret';
const contacts = 300;
const contactShare = 0.3;
const target = 'Mail first sync at least half the rate of bare imapflow fetching the same mailbox';

interface MailSuiteContext {
  quick: boolean;
  seed: number;
  log: (line: string) => void;
}

function client(dovecot: Dovecot): ImapFlow {
  return new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: officeAddress, pass: password }, logger: false, qresync: true });
}

const contactAddresses = new Set(Array.from({ length: contacts }, (_, index) => contactAddress(index)));
const addressPattern = /[a-z0-9._%+-]+@[a-z0-9.-]+/g;

/** The same IMAP work as Fieldbook's folder sync, in batches of 200, newest first. */
async function bareFetch(connected: ImapFlow, uids: number[]): Promise<{ messages: number; whole: number; bytes: number }> {
  let whole = 0;
  let bytes = 0;
  const sorted = [...uids].sort((a, b) => b - a);
  for (let start = 0; start < sorted.length; start += 200) {
    const batch = sorted.slice(start, start + 200);
    const heads = await connected.fetchAll(uidSet(batch), { uid: true, headers: matchHeaderFields, internalDate: true, size: true }, { uid: true });
    // No header parsing: a scan of the bytes for the contacts' addresses is all the baseline does.
    const wanted = heads
      .filter(({ headers }) => (headers?.toString('latin1').toLowerCase().match(addressPattern) ?? []).some((address) => contactAddresses.has(address)))
      .map((message) => message.uid);
    if (wanted.length === 0) continue;
    for (const message of await connected.fetchAll(uidSet(wanted), { uid: true, source: true, internalDate: true }, { uid: true })) {
      whole += 1;
      bytes += message.source?.length ?? 0;
    }
  }
  return { messages: sorted.length, whole, bytes };
}

/** What a naive client would do: every message whole. */
async function bareFetchEverything(connected: ImapFlow): Promise<number> {
  let count = 0;
  for await (const message of connected.fetch('1:*', { uid: true, source: true })) if (message.source) count += 1;
  return count;
}

async function timedBare(dovecot: Dovecot, uidsOf: (connected: ImapFlow) => Promise<number[]>) {
  const connected = client(dovecot);
  const start = nowMs();
  await connected.connect();
  await connected.mailboxOpen('INBOX', { readOnly: true });
  const result = await bareFetch(connected, await uidsOf(connected));
  const seconds = (nowMs() - start) / 1000;
  await connected.logout();
  return { ...result, seconds };
}

function openFieldbook(dataDir: string, dovecot: Dovecot): { core: Core; accountId: string } {
  // Checkpoints in the background, as the shells a person syncs mail in (Electron, the browser host) run them.
  const core = createCore({ dataDir, shell: 'test', backgroundCheckpoints: true, autoSync: false, logError: (error) => console.error(error) });
  core.engine.transaction(() => {
    for (let index = 0; index < contacts; index += 1) {
      core.contacts.create(ContactDraftSchema.parse({ name: `Customer ${index}`, emails: [{ type: 'work', address: contactAddress(index) }] }), { allowDuplicate: true });
    }
  });
  const account = core.mail.accounts.add(
    MailAccountDraftSchema.parse({
      email: officeAddress,
      imap: { host: dovecot.host, port: dovecot.port, security: 'none', username: officeAddress },
      smtp: { host: dovecot.host, port: 1, security: 'none', username: officeAddress },
    }),
    password,
  );
  return { core, accountId: account.id };
}

export async function mailSuite(context: MailSuiteContext): Promise<Figure[]> {
  if (!dovecotInstalled()) {
    return [notMeasured('mail.firstSync', 'Mail first sync', 'not measured', 'Dovecot is not installed (apt-get install -y dovecot-imapd)', target)];
  }
  const total = context.quick ? 2_000 : 10_000;
  const endAt = Date.now() - 60_000;
  const mailbox = generateMailbox({ count: total, contacts, contactShare, seed: context.seed, endAt });
  const dovecot = await startDovecot([{ user: officeAddress, password }]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-mail-'));
  try {
    seedInbox(dovecot, officeAddress, mailbox);
    const since = windowStart(Date.now(), 12);
    const inWindow = async (connected: ImapFlow) => (await connected.search({ since }, { uid: true })) || [];
    // Dovecot indexes the folder on first access and the files reach the page cache: once, unmeasured.
    const warm = client(dovecot);
    await warm.connect();
    await warm.mailboxOpen('INBOX', { readOnly: true });
    const naiveStart = nowMs();
    const everything = await bareFetchEverything(warm);
    const naiveSeconds = (nowMs() - naiveStart) / 1000;
    await warm.logout();

    const bareBefore = await timedBare(dovecot, inWindow);
    const { core, accountId } = openFieldbook(dataDir, dovecot);
    let firstSeconds: number;
    let incrementalSeconds: number;
    let incrementalBare: Awaited<ReturnType<typeof timedBare>>;
    const newMail = generateMailbox({ count: 100, contacts, contactShare, seed: context.seed, endAt: Date.now(), label: 'new' });
    try {
      const start = nowMs();
      await core.mail.syncAccount(accountId);
      firstSeconds = (nowMs() - start) / 1000;
      context.log(`    mail: first sync of ${total} messages in ${firstSeconds.toFixed(1)} s`);

      const uidNext = (core.sqlite.prepare("SELECT uid_next AS n FROM mail_folders WHERE path = 'INBOX'").get() as { n: number }).n;
      seedInbox(dovecot, officeAddress, newMail);
      // The bare client sees the new files first (Dovecot indexes them then), which favours Fieldbook's run after it slightly less than the reverse.
      incrementalBare = await timedBare(dovecot, async (connected) => (await connected.search({ uid: `${uidNext}:*` }, { uid: true })) || []);
      const incrementalStart = nowMs();
      await core.mail.syncAccount(accountId);
      incrementalSeconds = (nowMs() - incrementalStart) / 1000;
    } finally {
      core.close();
    }
    const bareAfter = await timedBare(dovecot, inWindow);
    const bare = bareBefore.seconds <= bareAfter.seconds ? bareBefore : bareAfter;
    const kept = mailbox.filter((mail) => mail.fromContact).length;

    const stored = (() => {
      const check = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
      try {
        return (check.sqlite.prepare('SELECT COUNT(*) AS n FROM mail_messages').get() as { n: number }).n;
      } finally {
        check.close();
      }
    })();
    const keptNew = newMail.filter((mail) => mail.fromContact).length;
    const firstRate = total / firstSeconds;
    const bareRate = bare.messages / bare.seconds;
    const incrementalRate = newMail.length / incrementalSeconds;
    const incrementalBareRate = incrementalBare.messages / incrementalBare.seconds;
    return [
      finish({
        id: 'mail.firstSync',
        title: `Mail first sync of a ${total.toLocaleString('en-GB')}-message INBOX in Dovecot (${kept} kept, ${total - kept} skipped; core: mail.syncAccount)`,
        status: 'measured',
        value: rate(total, 0, firstSeconds),
        baseline: { title: 'bare imapflow: the same header fetch of every message and whole fetch of the kept ones, no parsing, no storing', value: rate(bare.messages, 0, bare.seconds) },
        ratio: { statistic: 'messages/s', value: firstRate / bareRate },
        target,
        checks: [
          { text: 'at least 0.5× the bare imapflow rate', pass: firstRate / bareRate >= 0.5 },
          { text: `every kept message stored (${stored} of ${kept + keptNew})`, pass: stored === kept + keptNew },
        ],
        details: {
          messagesPerSecond: firstRate,
          bareMessagesPerSecond: bareRate,
          bareRuns: [bareBefore.seconds, bareAfter.seconds],
          wholeMessagesFetched: bare.whole,
          wholeBytes: bare.bytes,
          naiveFetchEverything: { messages: everything, seconds: naiveSeconds, messagesPerSecond: everything / naiveSeconds, fieldbookRatio: firstRate / (everything / naiveSeconds) },
        },
      }),
      finish({
        id: 'mail.incremental',
        title: `Mail incremental sync of 100 new messages (${keptNew} kept) into the synced mailbox (core: mail.syncAccount on the running job)`,
        status: 'measured',
        value: rate(newMail.length, 0, incrementalSeconds),
        baseline: { title: 'bare imapflow on a new connection: SELECT, UID SEARCH of the new UIDs, the same fetches', value: rate(incrementalBare.messages, 0, incrementalBare.seconds) },
        ratio: { statistic: 'messages/s', value: incrementalRate / incrementalBareRate },
        target,
        checks: [{ text: 'at least 0.5× the bare imapflow rate', pass: incrementalRate / incrementalBareRate >= 0.5 }],
        details: { seconds: incrementalSeconds, bareSeconds: incrementalBare.seconds },
      }),
    ];
  } finally {
    await dovecot.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
