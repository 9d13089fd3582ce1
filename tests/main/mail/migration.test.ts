import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from '../../../src-main/db/open';

// The mail migrations applied to a database made by the release before them: its data stays,
// and the new tables are there, empty.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The migrations before the one named `name` (its number left out: it changes as others land). */
function migrationsBefore(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-migrations-'));
  dirs.push(dir);
  const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const until = journal.entries.findIndex((entry) => entry.tag.replace(/^\d+_/, '') === name);
  expect(until).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, until);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(defaultMigrationsFolder, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

describe('the mail migrations', () => {
  it('upgrade a database of the previous release without touching its data', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upgrade-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    const old = openDatabase({ file, migrationsFolder: migrationsBefore('mail') });
    old.sqlite.prepare("INSERT INTO contacts (id, name, emails) VALUES ('c1', 'Alice', '[{\"type\":\"work\",\"address\":\"alice@x.example\"}]')").run();
    expect(() => old.sqlite.prepare('SELECT 1 FROM mail_messages').get()).toThrow(/no such table/);
    old.sqlite.close();

    const upgraded = openDatabase({ file });
    try {
      expect(upgraded.sqlite.prepare('SELECT name FROM contacts').all()).toEqual([{ name: 'Alice' }]);
      for (const table of ['mail_messages', 'mail_message_addresses', 'mail_accounts', 'mail_folders', 'mail_locations', 'mail_skipped', 'mail_outbox', 'mail_fts']) {
        expect(upgraded.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      }
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      upgraded.sqlite.close();
    }
  });
});
