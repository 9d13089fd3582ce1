import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { clockStoreOf } from '../../../src-main/writes/clock-store';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { createTempCore } from '../../helpers/temp-core';
import { clockTableNames as tableNames, toPreviousClockFormat } from '../sync/previous-clock-format';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// The first start after migration 0035 converts every row's JSON clocks to the compact form, in
// one transaction. Killed with SIGKILL part-way, the database still holds every JSON clock as it
// was and the app opens; the next start converts them all, each exactly.

let work: string;
let pristine: string;
let jsonClocks: Map<string, string>;
const perRead = 5000;
const notes = 40_000;

const hlc = (wallMs: number, counter: number, device: string) => `${String(wallMs).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${device}`;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-clocks-kill-'));
  pristine = path.join(work, 'pristine');
  const core = createTempCore({ dataDir: pristine, autoSync: false });
  for (let index = 0; index < 5; index += 1) await core.call('contacts.create', { draft: { name: `Customer ${index}`, company: 'Firm' } });
  core.close();
  // Clocks as a previous release stored them: most fields of a row by one change, some by others.
  const devices = ['0195f3c2-7a41-7c4e-9a3d-2f6a1b8c9d0e', '0195f3c2-7a41-7c4e-9a3d-2f6a1b8c9d0f', 'laptop-3'];
  const extraRows = Array.from({ length: notes }, (_, index) => {
    const made = hlc(1_790_000_000_000 + index, index % 3, devices[index % 3]!);
    const clocks: Record<string, string> = { contact_id: made, body: made, kind: made, pinned: made, cl: made, created_at: made };
    if (index % 4 === 0) clocks.body = hlc(1_790_100_000_000 + index, 0, devices[(index + 1) % 3]!);
    if (index % 9 === 0) clocks.pinned = hlc(1_790_200_000_000 + index, 7, devices[(index + 2) % 3]!);
    return { table: 'notes', rowId: `note-${index}`, json: JSON.stringify(clocks) };
  });
  jsonClocks = toPreviousClockFormat(pristine, extraRows);
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the conversion of clocks killed part-way', { timeout: 180_000 }, () => {
  it('leaves every JSON clock as it was, and the next start converts them all exactly', async () => {
    const dataDir = path.join(work, 'data');
    fs.cpSync(pristine, dataDir, { recursive: true });
    const batches = randomPoint(1, Math.floor((notes + 5) / perRead) - 1);
    const point = `killed after ${batches} reads of ${perRead} (FIELDBOOK_KILL_POINT=${batches} repeats it)`;
    const child = startChild(work, [dataDir], { script: 'tests/main/crash/clock-conversion-child.ts' });
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    await killWhen(child, () => stdout.includes(`converted ${batches * perRead} of`), `${batches} reads were converted`, 120_000);
    expect(stdout, point).not.toContain('done');

    // As the previous release left them, under the name migration 0035 gave them.
    expect(tableNames(dataDir), point).toEqual(['clocks', 'row_clocks_json']);
    const db = openDatabaseFile(dataDir, { readonly: true });
    const left = db.prepare('SELECT table_name, row_id, clocks FROM row_clocks_json').all() as { table_name: string; row_id: string; clocks: string }[];
    expect(db.prepare('SELECT COUNT(*) FROM clocks').pluck().get(), point).toBe(0);
    db.close();
    expect(new Map(left.map((row) => [`${row.table_name} ${row.row_id}`, row.clocks])), point).toEqual(jsonClocks);

    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      expect(tableNames(dataDir), point).toEqual(['clocks']);
      const store = clockStoreOf(core.sqlite);
      for (const [key, json] of jsonClocks) {
        const [table, rowId] = key.split(' ') as [string, string];
        expect(store.read(table, rowId), `${key}, ${point}`).toStrictEqual(JSON.parse(json));
      }
      expect(core.sqlite.prepare('SELECT COUNT(*) FROM clocks').pluck().get(), point).toBe(jsonClocks.size);
      expect(core.sqlite.prepare('PRAGMA integrity_check').pluck().get(), point).toBe('ok');
      expect((await core.invoke('contacts.list', {})).ok, point).toBe(true);
    } finally {
      core.close();
    }
  });
});
