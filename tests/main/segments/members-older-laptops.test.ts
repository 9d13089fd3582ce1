import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { readChangeLog, type ChangeRecord } from '../../../src-main/writes/change-log';
import { mergeChange, type FieldClocks, type FieldValues } from '../../../src-shared/sync/merge';
import { exchange } from '../../helpers/exchange-logs';
import { previousRelease } from '../../helpers/previous-release';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { settled } from '../bulk/bulk-helpers';

// A teammate whose laptop is still on the release before member rows: it knows a static
// segment's members only by the whole list in segments.member_ids. Upgraded laptops keep writing
// that list, so the teammate sees who was added and taken out, while the upgraded laptops still
// merge member by member between themselves.

const dirs: string[] = [];
const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function laptop(aheadMs: number): TempCore {
  const core = createTempCore({ autoSync: false, now: () => Date.now() + aheadMs });
  cores.push(core);
  return core;
}

/**
 * A laptop of the previous release: its database made by that release's migrations (no
 * segment_members table), changes merged into it field by field by the shared merge rule, changes
 * of tables it does not know left aside (that release keeps them pending), and a segment's members
 * read as that release read them: the live contacts of the whole list, in its order.
 */
function olderLaptop() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-older-'));
  dirs.push(dataDir);
  const sqlite = openDatabase({ file: path.join(dataDir, 'fieldbook.db'), migrationsFolder: previousRelease('quotes_contact_and_segment_members', dirs) }).sqlite;
  const known = { contacts: ['name', 'cl'], segments: ['name', 'kind', 'member_ids', 'cl'] } as const;
  const rows = new Map<string, { fields: FieldValues; clocks: FieldClocks }>();
  return {
    receive(changes: ChangeRecord[]): void {
      for (const change of changes) {
        const columns = known[change.tableName as keyof typeof known] as readonly string[] | undefined;
        if (!columns) continue;
        const key = `${change.tableName}/${change.rowId}`;
        const row = rows.get(key) ?? { fields: {}, clocks: {} };
        const fields = Object.fromEntries(Object.entries(change.fields).filter(([name]) => columns.includes(name)));
        const merged = mergeChange(row, { hlc: change.hlc, fields });
        rows.set(key, { fields: { ...row.fields, ...merged.values }, clocks: { ...row.clocks, ...merged.clocks } });
        const stored = rows.get(key)!.fields;
        const names = columns.filter((name) => name in stored);
        sqlite
          .prepare(`INSERT INTO ${change.tableName} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}`)
          .run(change.rowId, ...names.map((name) => stored[name]));
      }
    },
    members(segmentId: string): string[] {
      return sqlite
        .prepare(
          `SELECT c.id FROM json_each((SELECT member_ids FROM segments WHERE id = ?)) l JOIN contacts c ON c.id = l.value AND c.cl % 2 = 1 ORDER BY l.key`,
        )
        .pluck()
        .all(segmentId) as string[];
    },
    close: () => sqlite.close(),
  };
}

const changesOf = (core: TempCore) => readChangeLog(core.sqlite, { localOnly: true }).map((entry) => entry.change);
const sorted = (ids: string[]) => ids.slice().sort();

describe('a teammate on the release before member rows', () => {
  it('sees the members a static segment was frozen with, and each contact added or taken out since', async () => {
    const a = laptop(0);
    const people: Record<string, string> = {};
    for (const name of ['Ann', 'Bob', 'Cat']) people[name] = (await a.call('contacts.create', { draft: { name, tags: ['landlord'] } })).id;
    const { id } = await a.call('segments.freeze', {
      name: 'Landlords',
      definition: { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] },
    });
    const older = olderLaptop();
    older.receive(changesOf(a));
    expect(sorted(older.members(id))).toEqual(sorted([people.Ann!, people.Bob!, people.Cat!]));

    people.Gil = (await a.call('contacts.create', { draft: { name: 'Gil' } })).id;
    await a.call('segments.changeMembers', { id, add: [people.Gil], remove: [people.Cat!] });
    older.receive(changesOf(a));
    expect(sorted(older.members(id))).toEqual(sorted([people.Ann!, people.Bob!, people.Gil]));
    older.close();
  });

  it('sees the last upgraded laptop’s list when two change members at once, and everything after the next change', async () => {
    const a = laptop(0);
    const b = laptop(1000);
    const people: Record<string, string> = {};
    for (const name of ['Ann', 'Bob', 'Cat', 'Hal', 'Ivy']) people[name] = (await a.call('contacts.create', { draft: { name, tags: name < 'D' ? ['landlord'] : [] } })).id;
    const { id } = await a.call('segments.freeze', {
      name: 'Landlords',
      definition: { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] },
    });
    exchange(a, b);
    await a.call('segments.changeMembers', { id, remove: [people.Ann!] });
    await b.call('segments.changeMembers', { id, add: [people.Hal!] });
    exchange(a, b);
    // The upgraded laptops keep both changes: the whole lists they wrote are not state to them.
    const both = sorted([people.Bob!, people.Cat!, people.Hal!]);
    expect(sorted((await a.call('segments.memberIds', { id })).ids)).toEqual(both);
    expect(sorted((await b.call('segments.memberIds', { id })).ids)).toEqual(both);

    const older = olderLaptop();
    older.receive([...changesOf(a), ...changesOf(b)]);
    // Between whole lists the last writer wins, as it always did between older laptops: B's clock is ahead.
    expect(sorted(older.members(id))).toEqual(sorted([people.Ann!, people.Bob!, people.Cat!, people.Hal!]));
    await a.call('segments.changeMembers', { id, add: [people.Ivy!] });
    older.receive(changesOf(a));
    expect(sorted(older.members(id))).toEqual(sorted([...both, people.Ivy!]));
    older.close();
  });

  it('sees contacts a bulk action added to a static segment, and taken out again by its undo', async () => {
    const a = laptop(0);
    const people: Record<string, string> = {};
    for (const name of ['Ann', 'Bob', 'Cat', 'Dan', 'Eve']) people[name] = (await a.call('contacts.create', { draft: { name, tags: name < 'C' ? ['landlord'] : [] } })).id;
    const { id } = await a.call('segments.freeze', {
      name: 'Landlords',
      definition: { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'tags', op: 'equals', value: 'landlord' }] },
    });
    const added = [people.Cat!, people.Dan!, people.Eve!];
    const action = await settled(a, (await a.call('bulk.start', { list: 'contacts', request: {}, selection: { mode: 'ids', ids: added }, action: { type: 'addToSegment', segmentId: id } })).id);
    expect(action.state).toBe('done');
    const older = olderLaptop();
    older.receive(changesOf(a));
    expect(sorted(older.members(id))).toEqual(sorted([people.Ann!, people.Bob!, ...added]));

    await settled(a, (await a.call('bulk.undo', { id: action.id })).id);
    older.receive(changesOf(a));
    expect(sorted(older.members(id))).toEqual(sorted([people.Ann!, people.Bob!]));
    // The upgraded laptop's own reading agrees.
    expect(sorted((await a.call('segments.memberIds', { id })).ids)).toEqual(sorted([people.Ann!, people.Bob!]));
    older.close();
  });
});
