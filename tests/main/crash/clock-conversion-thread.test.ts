import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { convertClocksInThread } from '../../../src-main/db/clock-conversion-thread';
import { clockConversionPending } from '../../../src-main/db/open';
import { testKeySource } from '../../../src-main/security/key-source';
import { clockStoreOf } from '../../../src-main/writes/clock-store';
import type { ClockConversionProgress } from '../../../src-main/writes/clock-conversion';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { createTempCore } from '../../helpers/temp-core';
import { clockTableNames as tableNames, toPreviousClockFormat } from '../sync/previous-clock-format';

// The shells run the first start's conversion of JSON clocks in a worker thread
// (src-main/db/clock-conversion-thread.ts), so the thread that feeds the progress page or window
// stays free. Reported as it goes; stopped part-way, the folder is as it was and the next start
// converts it all.

let work: string;
let pristine: string;
let jsonClocks: Map<string, string>;
const notes = 30_000;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-clocks-thread-'));
  pristine = path.join(work, 'pristine');
  const core = createTempCore({ dataDir: pristine, autoSync: false });
  for (let index = 0; index < 3; index += 1) await core.call('contacts.create', { draft: { name: `Customer ${index}` } });
  core.close();
  const made = `${String(1_790_000_000_000).padStart(15, '0')}-00000-laptop-1`;
  const extraRows = Array.from({ length: notes }, (_, index) => ({ table: 'notes', rowId: `note-${index}`, json: JSON.stringify({ body: made, contact_id: made }) }));
  jsonClocks = toPreviousClockFormat(pristine, extraRows);
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function copyOfPristine(name: string): { dataDir: string; file: string; key: Buffer } {
  const dataDir = path.join(work, name);
  fs.cpSync(pristine, dataDir, { recursive: true });
  return { dataDir, file: path.join(dataDir, 'fieldbook.db'), key: testKeySource().unlock(dataDir).databaseKey! };
}

describe('the conversion of clocks in a worker thread', { timeout: 180_000 }, () => {
  it('reports its progress while the opening thread stays free, and the app then opens with every clock', async () => {
    const { dataDir, file, key } = copyOfPristine('converted');
    expect(clockConversionPending({ file, key })).toBe(true);
    const reported: ClockConversionProgress[] = [];
    // Turns of this thread's event loop while rows were being converted: none if the conversion held it.
    let turnsWhileConverting = 0;
    const ticker = setInterval(() => {
      if (reported.length > 0 && reported.at(-1)!.stage === 'converting') turnsWhileConverting += 1;
    }, 1);
    try {
      await convertClocksInThread({ file, key, onProgress: (progress) => reported.push(progress) }).finished;
    } finally {
      clearInterval(ticker);
    }

    const converting = reported.filter((progress) => progress.stage === 'converting');
    expect(converting.length).toBeGreaterThan(1);
    expect(converting.every((progress) => progress.of === jsonClocks.size)).toBe(true);
    expect(converting.map((progress) => progress.converted)).toEqual([...converting.map((progress) => progress.converted)].sort((a, b) => a - b));
    expect(converting.at(-1)!.converted).toBe(jsonClocks.size);
    expect(reported.at(-1)).toEqual({ stage: 'compacting', converted: jsonClocks.size, of: jsonClocks.size });
    expect(turnsWhileConverting).toBeGreaterThan(0);

    expect(clockConversionPending({ file, key })).toBe(false);
    expect(tableNames(dataDir)).toEqual(['clocks']);
    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      const store = clockStoreOf(core.sqlite);
      for (const [entry, json] of jsonClocks) {
        const [table, rowId] = entry.split(' ') as [string, string];
        expect(store.read(table, rowId), entry).toStrictEqual(JSON.parse(json));
      }
      const listed = await core.invoke('contacts.list', {});
      expect(listed).toMatchObject({ ok: true, data: { total: 3 } });
    } finally {
      core.close();
    }
  });

  it('stopped part-way, leaves the JSON clocks as they were, and the next start converts them all', async () => {
    const { dataDir, file, key } = copyOfPristine('stopped');
    let stopping: Promise<void> | undefined;
    const run = convertClocksInThread({
      file,
      key,
      onProgress: (progress) => {
        if (progress.converted >= 5000 && progress.converted < progress.of) stopping ??= run.cancel();
      },
    });
    await expect(run.finished).rejects.toThrow('The update of the data was stopped; it starts again at the next start.');
    expect(stopping).toBeDefined();
    await stopping;

    expect(tableNames(dataDir)).toEqual(['clocks', 'row_clocks_json']);
    const db = openDatabaseFile(dataDir, { readonly: true });
    const left = db.prepare('SELECT table_name, row_id, clocks FROM row_clocks_json').all() as { table_name: string; row_id: string; clocks: string }[];
    expect(db.prepare('SELECT COUNT(*) FROM clocks').pluck().get()).toBe(0);
    db.close();
    expect(new Map(left.map((row) => [`${row.table_name} ${row.row_id}`, row.clocks]))).toEqual(jsonClocks);
    expect(clockConversionPending({ file, key })).toBe(true);

    await convertClocksInThread({ file, key, onProgress: () => {} }).finished;
    expect(tableNames(dataDir)).toEqual(['clocks']);
  });

  it('says why when the folder cannot be converted, and changes nothing', async () => {
    const { dataDir, file } = copyOfPristine('wrong-key');
    const run = convertClocksInThread({ file, key: Buffer.alloc(32, 7), onProgress: () => {} });
    await expect(run.finished).rejects.toThrow('The database key does not open fieldbook.db');
    // As the previous release left it: not even migrated.
    expect(tableNames(dataDir)).toEqual(['row_clocks']);
  });
});
