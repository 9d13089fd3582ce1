import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempCore } from '../../helpers/temp-core';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { seedContacts, settled, taggedIds } from '../bulk/bulk-helpers';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// A bulk action killed with SIGKILL part-way: every batch it finished is whole (the tags, their
// change records and their undo record together), none is half-done, and after a restart the
// action is listed as interrupted with what it did, which undo takes back.

let work: string;
const contacts = 6000; // twelve batches of 500
const batch = 500;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bulk-kill-'));
  const core = createTempCore({ dataDir: path.join(work, 'data') });
  seedContacts(core, contacts);
  core.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function progress(dataDir: string): number {
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT done FROM bulk_actions').get() as { done: number } | undefined)?.done ?? 0;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('a bulk action killed part-way', { timeout: 180_000 }, () => {
  it('leaves whole batches only, is listed as interrupted after a restart, and undo takes back what it did', async () => {
    const dataDir = path.join(work, 'data');
    const batches = randomPoint(1, 8);
    const child = startChild(work, [dataDir], { script: 'tests/main/crash/bulk-child.ts' });
    await killWhen(child, () => progress(dataDir) >= batches * batch, `${batches} batches were written`);
    const point = `killed after ${batches} batches (FIELDBOOK_KILL_POINT=${batches} repeats it)`;

    const db = openDatabaseFile(dataDir, { readonly: true });
    const tagged = (db.prepare(`SELECT COUNT(*) AS n FROM contact_tags WHERE tag = 'storm' AND present = 1`).get() as { n: number }).n;
    const recorded = (db.prepare('SELECT done, state FROM bulk_actions').get() as { done: number; state: string });
    const befores = (db.prepare('SELECT COUNT(*) AS n FROM bulk_action_rows').get() as { n: number }).n;
    const logged = (db.prepare(`SELECT COUNT(*) AS n FROM changes WHERE table_name = 'contact_tags'`).get() as { n: number }).n;
    db.close();
    expect(tagged % batch, point).toBe(0);
    expect(tagged, point).toBeGreaterThanOrEqual(batches * batch);
    expect(tagged, point).toBeLessThan(contacts);
    // The progress, the undo record and the synced changes all count the same committed batches.
    expect(recorded, point).toEqual({ done: tagged, state: 'running' });
    expect(befores, point).toBe(tagged);
    expect(logged, point).toBe(tagged);

    const core = createTempCore({ dataDir });
    try {
      const [action] = await core.call('bulk.recent', {});
      expect(action, point).toMatchObject({ state: 'interrupted', done: tagged, total: contacts, changed: tagged });
      await settled(core, (await core.call('bulk.undo', { id: action!.id })).id);
      expect(taggedIds(core, 'storm'), point).toEqual([]);
      expect((await core.call('bulk.status', { id: action!.id })).state).toBe('undone');
    } finally {
      core.close();
    }
  });
});
