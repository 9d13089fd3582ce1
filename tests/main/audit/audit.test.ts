import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { disposeAll, startTeam, syncInTurn } from '../../helpers/workspace-team';

// The audit trail is the change log read by member, record and date: a change Ben makes on his
// laptop shows on Ann's, with his name, once it has synced.

const relay = useRelayInMemory();
let ann: TempCore;
let ben: TempCore;
let contactId: string;
let before: number;

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
  contactId = (await ann.call('contacts.create', { draft: { name: 'Rosa Diaz' } })).id;
  await ann.call('sync.now', {});
  await ben.call('sync.now', {});
  before = Date.now();
  await ben.call('contacts.update', { id: contactId, patch: { company: 'Diaz Heating' } });
  await syncInTurn(ben, ann);
}, 120_000);
afterAll(() => disposeAll(ann, ben));

describe('the audit trail', () => {
  it("shows a change made on another laptop with its member's name, filtered by member, record and date", async () => {
    const bens = await ann.call('audit.list', { member: 'Ben' });
    expect(bens).toHaveLength(1);
    expect(bens[0]).toMatchObject({ member: 'Ben', table: 'contacts', rowId: contactId, local: false });
    expect(bens[0]!.fields).toContain('company');
    expect(bens[0]!.at).toBeGreaterThanOrEqual(before);

    const ofRecord = await ann.call('audit.list', { table: 'contacts', rowId: contactId });
    expect(ofRecord.map((entry) => entry.member)).toEqual(['Ben', 'Ann']);
    expect(await ann.call('audit.list', { from: before })).toHaveLength(1);
    expect(await ann.call('audit.list', { to: before, member: 'Ben' })).toHaveLength(0);
  });

  it('exports as CSV with a header row, and is for admins only', async () => {
    const { csv, rows, nextCursor } = await ann.call('audit.csv', { rowId: contactId });
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.data[0]).toEqual(['When', 'Member', 'Device', 'Record', 'Table', 'Record id', 'Fields']);
    expect(parsed.data.slice(1).map((row) => [row[1], row[3]])).toEqual([
      ['Ben', 'Rosa Diaz'],
      ['Ann', 'Rosa Diaz'],
    ]);
    expect(rows).toBe(2);
    expect(nextCursor).toBeNull();
    for (const channel of ['audit.list', 'audit.page', 'audit.members'] as const) {
      expect(await ben.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('names each record, links it while it exists, and lists the members who changed anything', async () => {
    const noteId = (await ann.call('notes.create', { contactId, body: 'Boiler serviced' })).id;
    const pipeline = await ann.call('pipelines.createFromTemplate', { template: 'prospects' });
    const dealId = (await ann.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'New boiler' })).id;
    const page = await ann.call('audit.page', { limit: 50 });
    const note = page.rows.find((row) => row.rowId === noteId);
    expect(note).toMatchObject({ table: 'notes', label: 'Rosa Diaz', link: { kind: 'contact', id: contactId } });
    expect(page.rows.find((row) => row.rowId === dealId)).toMatchObject({ label: 'New boiler', link: { kind: 'deal', id: dealId } });
    expect(await ann.call('audit.members', {})).toEqual(['Ann', 'Ben']);

    // Deleted: the name stays, the link goes.
    await ann.call('notes.delete', { id: noteId });
    await ann.call('contacts.delete', { id: contactId });
    const after = await ann.call('audit.page', { rowId: contactId, limit: 50 });
    expect(after.rows.every((row) => row.label === 'Rosa Diaz' && row.link === null)).toBe(true);
    await ann.call('contacts.restore', { id: contactId });
  });

  it('finds the changes of a record and of what hangs off it by words of its name', async () => {
    const rows = (await ann.call('audit.page', { record: 'rosa', limit: 100 })).rows;
    expect(new Set(rows.map((row) => row.table))).toEqual(new Set(['contacts', 'notes', 'deals', 'deal_stage_events']));
    expect((await ann.call('audit.page', { record: 'nobody by that name', limit: 100 })).rows).toEqual([]);
    expect(await ann.call('audit.count', { record: 'rosa', member: 'Ben' })).toEqual({ total: 1 });
  });

  it('pages newest first from a cursor without repeating or skipping a change', async () => {
    const all = await ann.call('audit.list', { limit: 5000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ann.call('audit.page', { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((row) => row.changeId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((entry) => entry.changeId));
    expect(all.map((entry) => entry.at)).toEqual([...all.map((entry) => entry.at)].sort((a, b) => b - a));
    expect(await ann.call('audit.count', {})).toEqual({ total: all.length });
  });
});
