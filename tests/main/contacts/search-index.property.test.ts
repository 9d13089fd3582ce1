import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactIndexer, tagRowId } from '../../../src-main/contacts/search-index';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { settled } from '../bulk/bulk-helpers';

// The contact indexer writes a contact's search rows again in two ways: all of them when its
// row was written, only its contacts_fts row when nothing but its tag rows were (a bulk tag, a
// tag pulled from another laptop). After any mix of edits, what the indexes hold must be what
// a full reindex of every contact gives: the same phone and e-mail rows, and the same terms at
// the same places in both full-text tables, so every search finds the same contacts. A contact
// written only in columns the index does not read (a status) is not reindexed at all.

const names = ['Ann Smith', 'Bob Jones', 'Cleo Park', 'Dai Evans'];
const phoneSets = [[], ['020 7946 0958'], ['07700 900123', '+1 212 555 0187'], ['+353 1 555 0100']];
const emailSets = [[], ['ann@smith-plumbing.co.uk'], ['bob@example.com', 'cleo@park.ie']];
const tagSets = [[], ['VIP'], ['vip', 'Lead'], ['Boiler', 'lead']];
const tags = ['VIP', 'Lead', 'Boiler', 'Night Shift'];

const slot = fc.nat({ max: 5 });
const edit = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom(...names), phones: fc.nat({ max: 3 }), emails: fc.nat({ max: 2 }), tags: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('rename' as const), slot, name: fc.constantFrom(...names) }),
  fc.record({ kind: fc.constant('phones' as const), slot, phones: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('retagThroughForm' as const), slot, tags: fc.nat({ max: 3 }) }),
  // Tag rows written alone, as a pull from another laptop writes them; present or taken away.
  fc.record({ kind: fc.constant('tagRow' as const), slot, tag: fc.constantFrom(...tags), present: fc.boolean() }),
  // A tag row of a contact this laptop does not have (yet), as a pull may bring first.
  fc.record({ kind: fc.constant('strayTag' as const), tag: fc.constantFrom(...tags) }),
  // One transaction that renames one contact and tags another (or the same).
  fc.record({ kind: fc.constant('renameAndTag' as const), slot, other: slot, name: fc.constantFrom(...names), tag: fc.constantFrom(...tags) }),
  fc.record({ kind: fc.constant('bulkTag' as const), slots: fc.uniqueArray(slot, { minLength: 1, maxLength: 4 }), tag: fc.constantFrom(...tags), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), slot }),
  fc.record({ kind: fc.constant('restore' as const), slot }),
  // Columns the index does not read, alone or with searched ones, in either order in one transaction.
  fc.record({ kind: fc.constant('status' as const), slot, status: fc.constantFrom('active', 'won', 'dormant') }),
  fc.record({ kind: fc.constant('statusAndPhones' as const), slot, status: fc.constantFrom('won', 'lost'), phones: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('statusAroundRename' as const), slot, name: fc.constantFrom(...names), renameFirst: fc.boolean(), tag: fc.oneof(fc.constant(null), fc.constantFrom(...tags)) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

let core: TempCore;
beforeAll(() => {
  core = createTempCore();
});
afterAll(() => core.dispose());
const rowIdKey = () => core.contacts.lists.rowIdKey();

async function apply(edits: Edit[]): Promise<void> {
  const ids: string[] = [];
  const pick = (slotIndex: number) => (ids.length === 0 ? undefined : ids[slotIndex % ids.length]);
  for (const change of edits) {
    if (change.kind === 'create') {
      const created = await core.call('contacts.create', {
        draft: {
          name: change.name,
          phones: phoneSets[change.phones]!.map((number) => ({ type: 'work', number })),
          emails: emailSets[change.emails]!.map((address) => ({ type: 'work', address })),
          tags: tagSets[change.tags],
        },
        allowDuplicate: true,
      });
      ids.push(created.id);
      continue;
    }
    if (change.kind === 'strayTag') {
      core.engine.transaction((tx) => tx.write('contact_tags', tagRowId('not-here-yet', change.tag, rowIdKey()), { contact_id: 'not-here-yet', tag: change.tag, present: 1 }));
      continue;
    }
    if (change.kind === 'bulkTag') {
      const chosen = [...new Set(change.slots.map(pick).filter((id): id is string => id !== undefined))];
      if (chosen.length === 0) continue;
      const action = change.remove ? { type: 'removeTag' as const, tag: change.tag } : { type: 'addTag' as const, tag: change.tag };
      const started = await core.invoke('bulk.start', { list: 'contacts', request: {}, selection: { mode: 'ids', ids: chosen }, action });
      if (!started.ok) {
        // Taking away a tag no contact has is refused in words and changes nothing (bulk/actions.ts).
        expect(started.error).toMatchObject({ code: 'invalid_input', field: 'tag' });
        expect(change.remove).toBe(true);
        continue;
      }
      await settled(core, (started.data as { id: string }).id);
      continue;
    }
    const id = pick(change.slot);
    if (id === undefined) continue;
    const alive = (core.sqlite.prepare('SELECT cl FROM contacts WHERE id = ?').pluck().get(id) as number) % 2 === 1;
    switch (change.kind) {
      case 'rename':
        if (alive) await core.call('contacts.update', { id, patch: { name: change.name } });
        break;
      case 'phones':
        if (alive) await core.call('contacts.update', { id, patch: { phones: phoneSets[change.phones]!.map((number) => ({ type: 'mobile', number })) } });
        break;
      case 'retagThroughForm':
        if (alive) await core.call('contacts.update', { id, patch: { tags: tagSets[change.tags] } });
        break;
      case 'tagRow':
        core.engine.transaction((tx) => tx.write('contact_tags', tagRowId(id, change.tag, rowIdKey()), { contact_id: id, tag: change.tag, present: change.present ? 1 : 0 }));
        break;
      case 'renameAndTag': {
        const other = pick(change.other)!;
        core.engine.transaction((tx) => {
          tx.write('contacts', id, { name: change.name });
          tx.write('contact_tags', tagRowId(other, change.tag, rowIdKey()), { contact_id: other, tag: change.tag, present: 1 });
        });
        break;
      }
      case 'status':
        if (alive) await core.call('contacts.update', { id, patch: { status: change.status } });
        break;
      case 'statusAndPhones':
        if (alive) await core.call('contacts.update', { id, patch: { status: change.status, phones: phoneSets[change.phones]!.map((number) => ({ type: 'home', number })) } });
        break;
      case 'statusAroundRename':
        core.engine.transaction((tx) => {
          if (change.renameFirst) tx.write('contacts', id, { name: change.name });
          tx.write('contacts', id, { status: 'won' });
          if (!change.renameFirst) tx.write('contacts', id, { name: change.name });
          if (change.tag !== null) tx.write('contact_tags', tagRowId(id, change.tag, rowIdKey()), { contact_id: id, tag: change.tag, present: 1 });
        });
        break;
      case 'delete':
        if (alive) await core.call('contacts.delete', { id });
        break;
      case 'restore':
        if (!alive) await core.call('contacts.restore', { id });
        break;
    }
  }
}

/** What the contact search indexes hold, in a fixed order. */
function indexes(): Record<string, unknown[]> {
  const all = (sql: string) => core.sqlite.prepare(sql).raw().all();
  for (const table of ['contacts_fts', 'contact_digits_fts']) {
    core.sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."${table}_terms" USING fts5vocab(main, "${table}", 'instance')`);
  }
  return {
    rowids: all('SELECT id, search_rowid FROM contacts ORDER BY id'),
    phones: all('SELECT contact_id, position, type, e164 FROM contact_phones ORDER BY 1, 2'),
    emails: all('SELECT contact_id, position, type, address FROM contact_emails ORDER BY 1, 2'),
    words: all('SELECT term, doc, col, offset FROM temp.contacts_fts_terms ORDER BY 1, 2, 3, 4'),
    digits: all('SELECT term, doc, col, offset FROM temp.contact_digits_fts_terms ORDER BY 1, 2, 3, 4'),
  };
}

/** Every contact reindexed in full, as if each contact's row had just been written. */
function fullReindex(): void {
  const everyContact = core.sqlite.prepare('SELECT id FROM contacts ORDER BY search_rowid').pluck().all() as string[];
  const reindex = createContactIndexer(core.sqlite);
  core.sqlite.transaction(() => reindex(new Map([['contacts', new Set(everyContact)]])))();
}

describe('the contact search index', () => {
  it('holds what a full reindex gives, after any mix of edits, tag-only writes and bulk tags', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
        await apply(edits);
        const kept = indexes();
        fullReindex();
        expect(indexes()).toEqual(kept);
      }),
      { numRuns: 100 },
    );
  }, 240_000);

  it('finds a contact by its new name whether its status changed before or after the rename, and keeps it found by a status change alone', async () => {
    const found = (word: string) => core.sqlite.prepare('SELECT c.id FROM contacts_fts f JOIN contacts c ON c.search_rowid = f.rowid WHERE contacts_fts MATCH ?').pluck().all(`"${word}"*`);
    for (const renameFirst of [true, false]) {
      const { id } = await core.call('contacts.create', { draft: { name: 'Fay Oldname', phones: [{ type: 'work', number: '020 7946 0222' }] }, allowDuplicate: true });
      const newName = renameFirst ? 'Fay Firstly' : 'Fay Lastly';
      core.engine.transaction((tx) => {
        if (renameFirst) tx.write('contacts', id, { name: newName });
        tx.write('contacts', id, { status: 'won' });
        if (!renameFirst) tx.write('contacts', id, { name: newName });
      });
      expect(found(newName.split(' ')[1]!)).toEqual([id]);
      await core.call('contacts.update', { id, patch: { status: 'dormant' } });
      expect(found(newName.split(' ')[1]!)).toEqual([id]);
      expect(found('02079460222')).toContain(id);
    }
  });

  it('finds a contact by a tag given to it alone, and no longer by one taken away', async () => {
    const { id } = await core.call('contacts.create', { draft: { name: 'Eve Tagged', phones: [{ type: 'work', number: '020 7946 0111' }], tags: ['Alpha'] }, allowDuplicate: true });
    const found = (word: string) => core.sqlite.prepare('SELECT c.id FROM contacts_fts f JOIN contacts c ON c.search_rowid = f.rowid WHERE contacts_fts MATCH ?').pluck().all(`"${word}"*`);
    core.engine.transaction((tx) => {
      tx.write('contact_tags', tagRowId(id, 'alpha', rowIdKey()), { present: 0 });
      tx.write('contact_tags', tagRowId(id, 'zebrafish', rowIdKey()), { contact_id: id, tag: 'Zebrafish', present: 1 });
    });
    expect(found('zebrafish')).toEqual([id]);
    expect(found('alpha')).not.toContain(id);
    // Its name, company and numbers are still found after the tag-only rewrite.
    expect(found('eve')).toContain(id);
    expect(found('02079460111')).toContain(id);
    expect(core.sqlite.prepare('SELECT count(*) FROM contact_phones WHERE contact_id = ?').pluck().get(id)).toBe(1);
  });
});
