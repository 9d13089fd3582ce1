import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { previousRelease } from '../../helpers/previous-release';

// The migration that queues the files of a laptop upgraded from the version before files travelled
// with sync, tested on a database made by that version's migrations.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('queueing the files of an upgraded laptop', () => {
  it('queues files attached on this laptop, holds those not yet pushed, and leaves teammates\u2019 files alone', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upgrade-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    const old = openDatabase({ file, migrationsFolder: previousRelease('blob_uploads', dirs) }).sqlite;
    const sha = (digit: string) => digit.repeat(64);
    const insertFile = old.prepare('INSERT INTO files (id, contact_id, sha256, name, size_bytes, cl) VALUES (?, ?, ?, ?, ?, ?)');
    const insertChange = old.prepare(
      `INSERT INTO changes (change_id, hlc, table_name, row_id, fields, schema_version, device_id, local, pushed) VALUES (?, '', 'files', ?, '{}', 1, 'd', ?, ?)`,
    );
    insertFile.run('mine-pushed', 'c', sha('a'), 'quote.pdf', 10, 1);
    insertChange.run('1', 'mine-pushed', 1, 1);
    insertFile.run('mine-waiting', 'c', sha('b'), 'photo.jpg', 20, 1);
    insertChange.run('2', 'mine-waiting', 1, 0);
    insertFile.run('teammates', 'c', sha('c'), 'plan.pdf', 30, 1);
    insertChange.run('3', 'teammates', 0, 1);
    insertFile.run('mine-deleted', 'c', sha('d'), 'old.pdf', 40, 2);
    insertChange.run('4', 'mine-deleted', 1, 0);
    old.close();

    const upgraded = openDatabase({ file }).sqlite;
    try {
      expect(upgraded.prepare('SELECT sha256, size_bytes, state FROM blob_uploads ORDER BY sha256').all()).toEqual([
        { sha256: sha('a'), size_bytes: 10, state: 'queued' },
        { sha256: sha('b'), size_bytes: 20, state: 'queued' },
      ]);
      expect(upgraded.prepare('SELECT table_name, row_id, sha256 FROM outbox_holds').all()).toEqual([{ table_name: 'files', row_id: 'mine-waiting', sha256: sha('b') }]);
    } finally {
      upgraded.close();
    }
  });
});
