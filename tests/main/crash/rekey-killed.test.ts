import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { newEpochKeys } from '../../../src-shared/sync/sealing';
import { killWhen, randomPoint, startChild } from './kill-helpers';

// A laptop re-keys its tag and list-item rows (src-main/privacy/rekey.ts) the first time it holds
// its workspace's row-id key, a batch of rows per transaction. Killed at any point, each row is
// wholly under its earlier id or its keyed id (nothing lost, nothing twice), the contacts show the
// same, the rows' key stays the earlier one until the last batch is in, and the next start
// finishes the work by itself, without a relay.

const contactCount = 3000;
let work: string;
let dataDir: string;
let before: string;
const ring = [newEpochKeys(1)];

type OpenCore = ReturnType<typeof createCore>;

/** What a person sees of every contact: name, tags and numbers. */
function everyContact(core: OpenCore): string {
  const rows = core.sqlite.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: string }[];
  return JSON.stringify(rows.map(({ id }) => {
    const contact = core.contacts.get(id);
    return [contact.name, [...contact.tags].sort(), contact.phones, contact.emails];
  }));
}

const idsLike = (core: OpenCore, table: string, pattern: string) =>
  (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE id GLOB ?`).get(pattern) as { n: number }).n;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-rekey-kill-'));
  dataDir = path.join(work, 'data');
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    const empty = { street: '', city: '', region: '', postcode: '', country: '' };
    core.engine.transaction(() => {
      for (let index = 0; index < contactCount; index += 1) {
        const { id } = core.contacts.create(
          {
            kind: 'person',
            name: `Customer ${index}`,
            company: '',
            jobTitle: '',
            phones: [{ type: 'mobile', number: `07700 9${String(index).padStart(5, '0')}` }],
            emails: [{ type: 'work', address: `customer${index}@example.com` }],
            address: empty,
            status: 'active',
            source: '',
            tags: ['Landlord', `Round ${index % 7}`],
            potentialValue: null,
            summary: '',
            doNotContact: false,
            customFields: {},
          },
          { allowDuplicate: true },
        );
        // The number it was created with, its type edited: a row named after the entry.
        core.contacts.update(id, { phones: [{ type: 'work', number: `07700 9${String(index).padStart(5, '0')}` }] });
      }
    });
    before = everyContact(core);
  } finally {
    core.close();
  }
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('re-keying row ids, killed part-way', { timeout: 300_000 }, () => {
  it('leaves each row wholly under its earlier id or its keyed one, and the next start finishes by itself', async () => {
    const delayMs = randomPoint(0, 1000);
    const point = `killed ${delayMs} ms after re-keying began (FIELDBOOK_KILL_POINT=${delayMs} repeats it)`;
    let output = '';
    let startedAt: number | undefined;
    const child = startChild(dataDir, [dataDir, JSON.stringify(ring)], { script: 'tests/main/crash/rekey-child.ts' });
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    await killWhen(child, () => {
      if (startedAt === undefined && output.includes('re-keying')) startedAt = Date.now();
      return startedAt !== undefined && Date.now() - startedAt >= delayMs;
    }, 're-keying began', 120_000);

    // Read as it was left: the core goes on with the work only after it has opened.
    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
    try {
      const finished = core.rowIds.key() !== undefined;
      // Every row is of one form or the other; once the key is kept, every row is keyed.
      expect(idsLike(core, 'contact_tags', '*'), point).toBe(contactCount * 2);
      if (finished) expect(idsLike(core, 'contact_tags', '*:#*'), point).toBe(contactCount * 2);
      expect(idsLike(core, 'contact_phone_items', '*:=*') + idsLike(core, 'contact_phone_items', '*:~*'), point).toBe(contactCount);
      expect(everyContact(core), point).toBe(before);
      // The next start goes on by itself; adopting the same ring joins it.
      await core.rowIds.adopt(ring);
      expect(idsLike(core, 'contact_tags', '*:#*'), point).toBe(contactCount * 2);
      expect(idsLike(core, 'contact_phone_items', '*:=*'), point).toBe(contactCount);
      expect(everyContact(core), point).toBe(before);
      // Nothing is named twice in the change log: every change of a tag row names a row that exists.
      const orphans = core.sqlite
        .prepare("SELECT COUNT(*) AS n FROM changes WHERE table_name = 'contact_tags' AND row_id NOT IN (SELECT id FROM contact_tags)")
        .get() as { n: number };
      expect(orphans.n, point).toBe(0);
    } finally {
      core.close();
    }
  });
});
