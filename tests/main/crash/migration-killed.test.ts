import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { createCore } from '../../../src-main/core/create-core';
import { killWhen, randomPoint, repoRoot, startChild } from './kill-helpers';
import { openDatabaseFile } from '../../helpers/open-database-file';

// The first start of a new version upgrades the database (all pending migrations in one
// transaction). Killed at any point of it, the next start finds the database either as it was
// or fully upgraded, with every contact, and finishes the upgrade.

const migrations = path.join(repoRoot, 'migrations', 'local');
let work: string;
let olderDb: string;
const contacts = 20_000;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-migration-kill-'));
  // A database as an earlier release left it: only its first three migrations.
  const older = path.join(work, 'older-migrations');
  fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8'));
  const entries = journal.entries.slice(0, 3);
  for (const entry of entries) fs.copyFileSync(path.join(migrations, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  olderDb = path.join(work, 'older.db');
  const { sqlite } = openDatabase({ file: olderDb, migrationsFolder: older });
  const insert = sqlite.prepare("INSERT INTO contacts (id, name, company, created_at, updated_at, cl) VALUES (?, ?, 'Firm', 1, 1, 1)");
  sqlite.transaction(() => {
    for (let index = 0; index < contacts; index += 1) insert.run(`contact-${index}`, `Customer ${index}`);
  })();
  sqlite.close();
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// The first start of this version also encrypts the older (plain) database: opened plain or
// with the folder's key, whichever it is at that moment.
const applied = (dataDir: string) => {
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('an upgrade killed part-way', { timeout: 120_000 }, () => {
  it('leaves the database as it was or upgraded whole, and the next start finishes it', async () => {
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    fs.copyFileSync(olderDb, path.join(dataDir, 'fieldbook.db'));
    const before = applied(dataDir);
    const waitMs = randomPoint(0, 600);
    const point = `killed ${waitMs} ms after start (FIELDBOOK_KILL_POINT=${waitMs} repeats it)`;
    const started = Date.now();
    const child = startChild(work, ['contacts', 'list', '--data-dir', dataDir, '--json']);
    await killWhen(child, () => Date.now() - started >= waitMs, `${waitMs} ms passed`);

    const afterKill = applied(dataDir);
    const total = JSON.parse(fs.readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8')).entries.length;
    expect([before, total], point).toContain(afterKill);

    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      expect(applied(dataDir), point).toBe(total);
      expect(core.sqlite.prepare('SELECT COUNT(*) FROM contacts WHERE cl % 2 = 1').pluck().get(), point).toBe(contacts);
      expect(core.sqlite.prepare("PRAGMA integrity_check").pluck().get(), point).toBe('ok');
    } finally {
      core.close();
    }
  });
});
