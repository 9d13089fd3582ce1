import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../../src-shared/domain/contact';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The change log is the sync feed: replaying it into an empty database, in any order and with
// repeats, must rebuild exactly the same contacts (fields, tags, deletions and search index).

type Operation =
  | { kind: 'create'; draft: ContactDraft }
  | { kind: 'update'; target: number; patch: Record<string, unknown> }
  | { kind: 'delete'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'tag'; target: number; tags: string[] };

const names = fc.constantFrom('Ann Smith', 'Bob Jones', 'Chloé Martin', 'Dev Patel', 'Eve O’Neil', 'Fix-It Ltd');
const tags = fc.uniqueArray(fc.constantFrom('vip', 'boiler', 'roof', 'Landlord', 'urgent'), { maxLength: 3 });
const phone = fc.integer({ min: 1000, max: 9999 }).map((n) => ({ type: 'mobile' as const, number: `07700 90${n}` }));
const email = fc.constantFrom('ann', 'bob', 'info', 'office').map((user) => ({ type: 'work' as const, address: `${user}@example.com` }));

const draft = fc.record({
  name: names,
  company: fc.constantFrom('', 'Smith Plumbing', 'Acme Roofing'),
  phones: fc.array(phone, { maxLength: 2 }),
  emails: fc.array(email, { maxLength: 1 }),
  status: fc.constantFrom('active', 'won', 'lost', 'dormant' as const),
  tags,
});

const patch = fc
  .record(
    {
      name: names,
      company: fc.constantFrom('', 'Smith Plumbing', 'Acme Roofing', 'Northside Lettings'),
      status: fc.constantFrom('active', 'won', 'lost', 'dormant' as const),
      summary: fc.string({ maxLength: 20 }),
      doNotContact: fc.boolean(),
      phones: fc.array(phone, { maxLength: 2 }),
      potentialValue: fc.option(fc.record({ amountMinor: fc.nat({ max: 10_000_00 }), currency: fc.constant('GBP') })),
    },
    { requiredKeys: [] },
  )
  .filter((value) => Object.keys(value).length > 0);

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: draft.map((value) => ({ kind: 'create' as const, draft: value })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), target: fc.nat(), patch }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tag' as const), target: fc.nat(), tags }) },
);

async function run(core: TempCore, operations: Operation[]): Promise<string[]> {
  const ids: string[] = [];
  for (const op of operations) {
    if (op.kind === 'create') {
      ids.push((await core.call('contacts.create', { draft: op.draft, allowDuplicate: true })).id);
      continue;
    }
    if (ids.length === 0) continue;
    const id = ids[op.target % ids.length]!;
    // Edits of deleted contacts are refused (not_found) like in the app; that is fine here.
    if (op.kind === 'update') await core.invoke('contacts.update', { id, patch: op.patch });
    if (op.kind === 'delete') await core.invoke('contacts.delete', { id });
    if (op.kind === 'restore') await core.invoke('contacts.restore', { id });
    if (op.kind === 'tag') await core.invoke('contacts.update', { id, patch: { tags: op.tags } });
  }
  return ids;
}

/** Everything a person could see of the contacts, plus the rows behind it. */
function snapshot(core: TempCore) {
  const contacts = core.sqlite
    .prepare('SELECT * FROM contacts ORDER BY id')
    .all()
    .map((row) => ({ ...(row as Record<string, unknown>), search_rowid: undefined }));
  const tagRows = core.sqlite.prepare('SELECT id, contact_id, tag, present FROM contact_tags ORDER BY id').all();
  const phones = core.sqlite.prepare('SELECT contact_id, position, type, e164 FROM contact_phones ORDER BY 1, 2').all();
  const emails = core.sqlite.prepare('SELECT contact_id, position, type, address FROM contact_emails ORDER BY 1, 2').all();
  return { contacts, tagRows, phones, emails };
}

async function searchIds(core: TempCore, query: string): Promise<string[]> {
  const page = await core.call('contacts.list', { query, limit: 500 });
  return page.items.map((item) => item.id).sort();
}

describe('replaying the change log', () => {
  const cores: TempCore[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.dispose();
  });

  it('rebuilds the same contacts in an empty database, whatever the order and repeats of the changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.integer(), async (operations, seed) => {
        const source = createTempCore();
        const replica = createTempCore();
        cores.push(source, replica);
        await run(source, operations);

        const log = readChangeLog(source.sqlite).map((entry) => entry.change);
        // A deterministic shuffle from the seed, then some changes delivered twice.
        const shuffled = fc.sample(fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const repeated = [...shuffled, ...shuffled.slice(0, Math.ceil(shuffled.length / 3))];
        const half = Math.floor(repeated.length / 2);
        replica.engine.applyRemoteChanges(repeated.slice(0, half));
        replica.engine.applyRemoteChanges(repeated.slice(half));

        expect(snapshot(replica)).toEqual(snapshot(source));
        expect(await searchIds(replica, '')).toEqual(await searchIds(source, ''));
        for (const query of ['smi', '0790', 'vip', 'example.com']) {
          expect(await searchIds(replica, query)).toEqual(await searchIds(source, query));
        }
        // Replayed changes are not local: nothing of them is waiting to be pushed.
        expect(readChangeLog(replica.sqlite, { localOnly: true })).toEqual([]);
        source.dispose();
        replica.dispose();
        cores.length = 0;
      }),
      { numRuns: 60, seed: 20261122 },
    );
    // Sixty pairs of databases: on a busy machine this takes longer than the default timeout.
  }, 120_000);
});
