import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { openDatabase } from '../../../src-main/db/open';
import { isPlainDatabase } from '../../../src-main/security/database-cipher';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// A database from before encryption is encrypted in place at the first start of this version:
// copied, encrypted, checked and renamed over the plain one. Killed at any point of that, the
// folder holds the plain database or the encrypted one, whole, and the next start finishes.

let work: string;
let plainDb: string;
const contacts = 30_000;
const nameOf = (index: number) => `Customer Quillfeather ${index}`;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-encrypt-kill-'));
  plainDb = path.join(work, 'plain.db');
  // As a version before encryption left it: every migration, no key.
  const { sqlite } = openDatabase({ file: plainDb });
  const insert = sqlite.prepare("INSERT INTO contacts (id, name, company, created_at, updated_at, cl) VALUES (?, ?, 'Firm', 1, 1, 1)");
  sqlite.transaction(() => {
    for (let index = 0; index < contacts; index += 1) insert.run(`contact-${index}`, nameOf(index));
  })();
  sqlite.close();
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function countContacts(db: Database.Database): number {
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('encrypting a plain database, killed part-way', { timeout: 120_000 }, () => {
  it('leaves the plain database or the encrypted one, never a broken one, and the next start finishes it', async () => {
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    fs.copyFileSync(plainDb, file);
    const copy = `${file}.encrypting`;
    // Some time after the encrypted copy appears: during the copy, the encryption, the check, or after the rename.
    const delayMs = randomPoint(0, 400);
    const point = `killed ${delayMs} ms after the copy appeared (FIELDBOOK_KILL_POINT=${delayMs} repeats it)`;
    let seenAt: number | undefined;
    const child = startChild(work, ['contacts', 'list', '--data-dir', dataDir, '--json']);
    await killWhen(child, () => {
      if (seenAt === undefined && fs.existsSync(copy)) seenAt = Date.now();
      return seenAt !== undefined && Date.now() - seenAt >= delayMs;
    }, 'the encrypted copy appeared');

    if (isPlainDatabase(file)) {
      expect(countContacts(new Database(file, { readonly: true })), point).toBe(contacts);
    } else {
      expect(() => new Database(file, { readonly: true }).prepare('SELECT count(*) FROM contacts').get(), point).toThrow(/not a database/);
      expect(countContacts(openDatabaseFile(dataDir, { readonly: true })), point).toBe(contacts);
    }

    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      expect(core.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get(), point).toBe(contacts);
    } finally {
      core.close();
    }
    expect(isPlainDatabase(file), point).toBe(false);
    expect(fs.existsSync(copy), point).toBe(false);
    const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes(Buffer.from('Quillfeather')), point).toBe(false);
  });
});
