import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempCore } from '../../helpers/temp-core';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// The app killed with SIGKILL while its worker thread checkpoints the write-ahead log (src-main/db/
// background-checkpoints.ts): every write that had returned is there after a restart, and the
// database is whole.

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-checkpoint-kill-'));
  createTempCore({ dataDir: path.join(work, 'data') }).close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the app killed while its log is checkpointed in the background', { timeout: 180_000 }, () => {
  it('keeps every write that returned, in a whole database', async () => {
    const dataDir = path.join(work, 'data');
    const file = path.join(dataDir, 'fieldbook.db');
    const startSize = fs.statSync(file).size;
    const point = randomPoint(300, 1500);
    const child = startChild(work, [dataDir], { script: 'tests/main/crash/checkpoint-child.ts' });
    let acknowledged = 0;
    let pending = '';
    child.stdout!.on('data', (chunk) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop()!;
      if (lines.length > 0) acknowledged = Number(lines[lines.length - 1]);
    });
    // Killed once the worker has copied pages into the database file, and with writes going on.
    await killWhen(child, () => acknowledged >= point && fs.statSync(file).size > startSize, `${point} contacts were written and checkpointed`, 150_000);
    const at = `killed after contact ${acknowledged} (FIELDBOOK_KILL_POINT=${point} repeats it)`;

    const db = openDatabaseFile(dataDir, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true }), at).toBe('ok');
    const names = db.prepare(`SELECT name FROM contacts WHERE name LIKE 'Crash Test %'`).pluck().all() as string[];
    const last = db.prepare('SELECT id FROM contacts WHERE name = ?').pluck().get(`Crash Test ${acknowledged}`) as string;
    db.close();
    const numbers = new Set(names.map((name) => Number(name.slice('Crash Test '.length))));
    // Every contact whose write returned, and nothing but whole ones after it.
    for (let n = 1; n <= acknowledged; n += 1) expect(numbers.has(n), `${at}: contact ${n}`).toBe(true);
    expect(numbers.size, at).toBeLessThanOrEqual(acknowledged + 1);

    const core = createTempCore({ dataDir });
    try {
      // The app opens the folder again and shows the last contact written.
      const shown = await core.call('contacts.get', { id: last });
      expect(shown.name, at).toBe(`Crash Test ${acknowledged}`);
    } finally {
      core.close();
    }
  });
});
