import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotInstalled } from '../../support/dovecot';
import { alice, office, quoteRequest } from '../../fixtures/mail/messages';
import { addContact, createMailCore, startMailWorld, type MailWorld } from './harness';

// `fieldbook mail …` through the real bin, on the same core as the app.

const bin = path.resolve(import.meta.dirname, '../../../bin/fieldbook.mjs');
let world: MailWorld;
let dataDir: string;
let aliceId: string;

function fieldbook(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args, '--data-dir', dataDir], { env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

beforeAll(async () => {
  world = await startMailWorld();
  await world.append('INBOX', quoteRequest());
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-mail-cli-'));
  const core = createMailCore({ dataDir });
  aliceId = await addContact(core, alice.name, alice.email);
  core.close();
}, 60_000);

afterAll(async () => {
  await world?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!dovecotInstalled())('fieldbook mail', { timeout: 180_000 }, () => {
  it('never takes a password as an argument', async () => {
    const run = await fieldbook(['mail', 'add', '--email', office.email, '--password', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/never taken as an argument/);
  });

  it('adds an account with the password from standard input, syncs it and lists a contact’s e-mails', async () => {
    const server = (kind: 'imap' | 'smtp', port: number) => [`--${kind}-host`, '127.0.0.1', `--${kind}-port`, String(port), `--${kind}-security`, 'none'];
    const add = await fieldbook(['mail', 'add', '--email', office.email, ...server('imap', world.dovecot.port), ...server('smtp', world.smtp.port), '--json'], `${office.password}\n`);
    expect(add.stderr).toBe(`Testing 127.0.0.1 and 127.0.0.1…\n`);
    expect(add.code).toBe(0);
    const account = JSON.parse(add.stdout);
    expect(account).toMatchObject({ email: office.email, hasPassword: true });
    expect(add.stdout).not.toContain(office.password);

    const sync = await fieldbook(['mail', 'sync', office.email]);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toContain(`${office.email}: up to date.`);

    const messages = await fieldbook(['mail', 'messages', '--contact', aliceId, '--json']);
    expect(messages.code).toBe(0);
    expect(JSON.parse(messages.stdout)).toEqual([expect.objectContaining({ subject: 'Devis pour la cuisine – café', contactIds: [aliceId] })]);

    const list = await fieldbook(['mail', 'list']);
    expect(list.stdout).toContain(`${account.id}  ${office.email}  127.0.0.1  last synced 20`);

    const remove = await fieldbook(['mail', 'remove', account.id]);
    expect(remove.code).toBe(0);
    expect(JSON.parse((await fieldbook(['mail', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('says in plain words when the password is refused, and keeps no account', async () => {
    const run = await fieldbook(
      ['mail', 'add', '--email', office.email, '--imap-host', '127.0.0.1', '--imap-port', String(world.dovecot.port), '--imap-security', 'none', '--smtp-host', '127.0.0.1', '--smtp-port', String(world.smtp.port), '--smtp-security', 'none'],
      'wrong\n',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused the user name or password/);
    expect(JSON.parse((await fieldbook(['mail', 'list', '--json'])).stdout)).toEqual([]);
  });
});
