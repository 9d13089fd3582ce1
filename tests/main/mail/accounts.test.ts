import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailAccountDraftSchema } from '../../../src-shared/domain/mail';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { freePort } from '../../support/free-port';

const password = 'app-password-7f3a9c';
let core: TempCore;

const draft = (port: number) =>
  MailAccountDraftSchema.parse({
    email: 'me@office.example',
    imap: { host: '127.0.0.1', port, security: 'none', username: 'me@office.example' },
    smtp: { host: '127.0.0.1', port, security: 'none', username: 'me@office.example' },
  });

function bytesOfDataDir(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).filter((name) => name.startsWith('fieldbook.db')).map((name) => fs.readFileSync(path.join(dir, name))));
}

beforeEach(() => {
  core = createTempCore({ autoSync: false });
});

afterEach(() => core.dispose());

describe('mail accounts of this laptop', () => {
  it('seals the password, never writes it in plain text, and removes it with the account', async () => {
    const account = core.mail.accounts.add(draft(993), password);
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytesOfDataDir(core.dataDir).includes(Buffer.from(password))).toBe(false);
    const [listed] = await core.call('mail.accounts', {});
    expect(listed).toMatchObject({ email: 'me@office.example', hasPassword: true });
    expect(JSON.stringify(listed)).not.toContain(password);
    expect(core.mail.accounts.password(account.id)).toBe(password);

    await core.call('mail.removeAccount', { id: account.id });
    expect(await core.call('mail.accounts', {})).toEqual([]);
    const secrets = core.sqlite.prepare("SELECT COUNT(*) AS n FROM local_settings WHERE key LIKE 'secret:mail:%'").get() as { n: number };
    expect(secrets.n).toBe(0);
  });

  it('keeps accounts off the change log: they are not shared with the team', () => {
    core.mail.accounts.add(draft(993), password);
    const logged = core.sqlite.prepare("SELECT COUNT(*) AS n FROM changes WHERE table_name LIKE 'mail%'").get() as { n: number };
    expect(logged.n).toBe(0);
  });

  it('refuses to add an account whose server cannot be reached, saying why, and stores nothing', async () => {
    const port = await freePort();
    const result = await core.invoke('mail.addAccount', { draft: draft(port), password });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', field: 'imap', message: expect.stringContaining('refused or dropped the connection') } });
    expect(await core.call('mail.accounts', {})).toEqual([]);
  });

  it('refuses the same address twice', () => {
    core.mail.accounts.add(draft(993), password);
    expect(() => core.mail.accounts.add(draft(993), password)).toThrow(/already connected/);
  });

  it('checks what the screens send before doing anything', async () => {
    const badHost = await core.invoke('mail.testConnection', { draft: { ...draft(993), imap: { ...draft(993).imap, host: 'imap example.com' } }, password });
    expect(badHost).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'draft.imap.host' } });
    const account = core.mail.accounts.add(draft(993), password);
    const noRecipient = await core.invoke('mail.send', { accountId: account.id, to: [], bodyText: 'hello' });
    expect(noRecipient).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('recipient') } });
    const badAddress = await core.invoke('mail.send', { accountId: account.id, to: ['not an address'], bodyText: 'hello' });
    expect(badAddress).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to.0' } });
    expect(await core.call('mail.outbox', {})).toEqual([]);
  });
});
