import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailAccountDraftSchema } from '../../../src-shared/domain/mail';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { freePort } from '../../support/free-port';

// The shells a person opens start mail sync (and the relay's sync) only once the first contacts
// page has been answered, so that work does not compete with the first screen. Seen from outside
// as the mail account's status, which a started sync job sets.

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

/** A data folder with one mail account (on a port nobody listens on), reopened as `options` say. */
async function reopenedWithAccount(options: Parameters<typeof createTempCore>[0]): Promise<{ core: TempCore; mailStarted: () => boolean }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-background-'));
  const port = await freePort();
  const server = { host: '127.0.0.1', port, security: 'none', username: 'me@office.example' };
  const first = createTempCore({ dataDir, autoSync: false });
  first.mail.accounts.add(MailAccountDraftSchema.parse({ email: 'me@office.example', imap: server, smtp: server }), 'secret');
  // Until its sync job starts, an account's status is the one of an account not synced on this
  // run (src-main/mail/service.ts, view()); the job, once started, reports its own.
  const notStarted = first.mail.listAccounts()[0]!.status.message;
  first.close();
  const core = createTempCore({ ...options, dataDir, mail: { backoff: { firstMs: 60_000, maxMs: 60_000 } } });
  cores.push(core);
  return { core, mailStarted: () => core.mail.listAccounts()[0]!.status.message !== notStarted };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await pause(20);
  }
}

describe('background work at open', () => {
  it('starts mail sync in the browser host only after the first contacts page is answered', async () => {
    const { core, mailStarted } = await reopenedWithAccount({ shell: 'browser', firstScreenWaitMs: 60_000 });
    await core.call('app.info', {});
    await pause(300);
    expect(mailStarted()).toBe(false);
    const page = await core.call('contacts.list', {});
    expect(page.total).toBe(0);
    expect(mailStarted()).toBe(false);
    await until(mailStarted);
  });

  it('starts it anyway when no contacts page is asked for in time', async () => {
    const { mailStarted } = await reopenedWithAccount({ shell: 'browser', firstScreenWaitMs: 200 });
    expect(mailStarted()).toBe(false);
    await until(mailStarted);
  });

  it('looks for follow-ups that fell due a second after the first contacts page, not a second after the start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-background-'));
    const first = createTempCore({ dataDir, autoSync: false });
    const ann = await first.call('contacts.create', { draft: { name: 'Ann Overdue' } });
    await first.call('followups.create', { contactId: ann.id, title: 'Call back', dueAt: Date.now() - 60_000 });
    first.close();
    const core = createTempCore({ dataDir, shell: 'browser', autoSync: false, firstScreenWaitMs: 60_000 });
    cores.push(core);
    const announced: number[] = [];
    core.on('followups.reminderDue', ({ count }) => announced.push(count));
    await pause(1_300);
    expect(announced).toEqual([]);
    const asked = Date.now();
    await core.call('contacts.list', {});
    await until(() => announced.length > 0);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(900);
    expect(announced).toEqual([1]);
  });

  it('starts it at once for the command line and tests', async () => {
    const { mailStarted } = await reopenedWithAccount({ shell: 'cli' });
    await until(mailStarted, 1_000);
  });
});
