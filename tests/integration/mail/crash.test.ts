import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotInstalled, seedInbox } from '../../support/dovecot';
import { alice, newsletter, office, simpleMessage } from '../../fixtures/mail/messages';
import { addContact, createMailCore, startMailWorld, type MailWorld } from './harness';

// A first sync killed with SIGKILL half-way: what was committed is whole, and the next sync
// carries on to exactly the same result as an uninterrupted one, with nothing twice.

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const keptTotal = 300;
const skippedTotal = 300;
let world: MailWorld;

beforeAll(async () => {
  world = await startMailWorld();
  const now = Date.now();
  const messages = Array.from({ length: keptTotal + skippedTotal }, (_, index) => ({
    raw:
      index % 2 === 0
        ? simpleMessage({ from: alice.email, subject: `Job update ${index}`, body: `Progress report number ${index}.`, messageId: `job-${index}@customer.example` })
        : newsletter(index),
    date: new Date(now - (keptTotal + skippedTotal - index) * 60_000),
  }));
  seedInbox(world.dovecot, office.email, messages);
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function countIn(file: string, sql: string): number {
  try {
    const reader = openDatabaseFile(path.dirname(file), { readonly: true, file });
    try {
      return (reader.prepare(sql).get() as { n: number }).n;
    } finally {
      reader.close();
    }
  } catch {
    return 0;
  }
}

describe.skipIf(!dovecotInstalled())('a mail sync killed midway', () => {
  it('keeps whole batches and resumes without losing or repeating a message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-mail-crash-'));
    const setup = createMailCore({ dataDir });
    await addContact(setup, alice.name, alice.email);
    const { id: accountId } = await setup.call('mail.addAccount', { draft: world.draft(), password: office.password });
    setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/mail/sync-once.ts', dataDir, accountId], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    const dbFile = path.join(dataDir, 'fieldbook.db');
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline && !output.includes('synced')) {
      seen = countIn(dbFile, 'SELECT COUNT(*) AS n FROM mail_messages');
      if (seen >= 40) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).not.toContain('synced');
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(keptTotal);

    const reopened = createMailCore({ dataDir });
    try {
      const sql = (query: string) => (reopened.sqlite.prepare(query).get() as { n: number }).n;
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // Each committed message came with its place on the server and its search entry.
      expect(sql('SELECT COUNT(*) AS n FROM mail_locations')).toBe(sql('SELECT COUNT(*) AS n FROM mail_messages'));
      expect(sql('SELECT COUNT(*) AS n FROM mail_messages WHERE search_rowid IS NULL')).toBe(0);
      await reopened.mail.syncAccount(accountId);
      expect(sql('SELECT COUNT(*) AS n FROM mail_messages')).toBe(keptTotal);
      expect(sql('SELECT COUNT(DISTINCT message_id) AS n FROM mail_messages')).toBe(keptTotal);
      expect(sql('SELECT COUNT(*) AS n FROM mail_locations')).toBe(keptTotal);
      expect(sql('SELECT COUNT(*) AS n FROM mail_skipped')).toBe(skippedTotal);
      expect(sql("SELECT COUNT(*) AS n FROM changes WHERE table_name = 'mail_messages'")).toBe(keptTotal);
      expect((await reopened.call('search.global', { query: 'report', limit: 50 })).messages).toHaveLength(50);
    } finally {
      reopened.dispose();
    }
  }, 120_000);
});
