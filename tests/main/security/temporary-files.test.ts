import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { applyDatabaseKey } from '../../../src-main/security/database-cipher';

// SQLite writes temporary files beside its work — the statement journal a write with triggers
// keeps, sorts too large for memory — and SQLite3 Multiple Ciphers does not encrypt them. Open
// while the transaction runs and unlinked from their folder, they are still on the disk: a
// laptop taken mid-import, or a disk read later, would give up the contacts' details from them.

const secretName = 'Ottoline Bracegirdle-Voss';
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** The temporary files SQLite holds open in this process (named etilqs_…, already unlinked), read whole. */
function openTemporaryFiles(): Buffer[] {
  const found: Buffer[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target.includes('etilqs_')) found.push(fs.readFileSync(`/proc/self/fd/${fd}`));
  }
  return found;
}

/**
 * In one transaction, as an import's chunk does: 400 contacts inserted (the contacts' triggers
 * make each INSERT keep a statement journal), then one statement that rewrites every page they are
 * on, whose journal holds those pages as they were. Returns the temporary files seen meanwhile.
 */
function writeContactsAndLook(sqlite: Database.Database): Buffer[] {
  const insert = sqlite.prepare('INSERT INTO contacts (id, name, company, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  let seen: Buffer[] = [];
  sqlite.transaction(() => {
    for (let index = 0; index < 400; index += 1) insert.run(crypto.randomUUID(), `${secretName} ${index}`, 'Bracegirdle Roofing', 'lead', index, index);
    sqlite.prepare("UPDATE contacts SET status = 'active'").run();
    seen = openTemporaryFiles();
  })();
  return seen;
}

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-temp-files-'));
  dirs.push(dir);
  return dir;
}

describe.runIf(process.platform === 'linux')("SQLite's temporary files (read through /proc, so on Linux)", () => {
  it('hold contacts in plain text when they are on disk, even for an encrypted database', () => {
    // The setting the app no longer uses, to show what the next test guards against.
    const key = crypto.randomBytes(32);
    const file = path.join(folder(), 'fieldbook.db');
    openDatabase({ file, key }).sqlite.close();
    const sqlite = new Database(file);
    applyDatabaseKey(sqlite, key);
    sqlite.pragma('temp_store = FILE');
    try {
      const seen = writeContactsAndLook(sqlite);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((bytes) => bytes.includes(Buffer.from(secretName)))).toBe(true);
    } finally {
      sqlite.close();
    }
  });

  it("never reach the disk from the app's connection, encrypted or not", () => {
    for (const key of [crypto.randomBytes(32), undefined]) {
      const { sqlite } = openDatabase({ file: path.join(folder(), 'fieldbook.db'), key });
      try {
        expect(writeContactsAndLook(sqlite)).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
  });
});
