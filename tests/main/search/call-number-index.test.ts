import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { createEverythingQueries } from '../../../src-main/search/everything-queries';
import { previousRelease } from '../../helpers/previous-release';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A run of digits typed on the search page finds the calls whose number holds it, through the
// trigram index of call numbers kept by the write path: the same calls a plain reading of the
// stored numbers gives, calls deleted or restored included, and calls logged before the index.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The plain reading: live calls whose stored number (E.164) holds the typed digits, a national 0 set aside. */
function plainReading(calls: { id: string; number: string }[], typed: string): string[] {
  const digits = typed.replace(/\D/g, '').replace(/^0+/, '');
  if (digits.length < 3) return [];
  return calls.filter((call) => call.number.includes(digits)).map((call) => call.id).sort();
}

describe('finding calls by the digits of their number', () => {
  let core: TempCore;
  beforeAll(() => {
    core = createTempCore({ autoSync: false });
  });
  afterAll(() => core.dispose());

  it('finds exactly the calls a plain reading of their numbers finds, after calls are deleted and restored', async () => {
    // Numbers that share runs of digits, so a typed run finds several calls and misses others.
    const national = fc.constantFrom('0117 496', '0117 960', '0207 946', '0161 496').chain((area) =>
      fc.integer({ min: 0, max: 9999 }).map((line) => `${area} ${String(line).padStart(4, '0')}`),
    );
    const drafts = fc.sample(national, { numRuns: 80, seed: 20 });
    const logged: string[] = [];
    for (const [index, number] of drafts.entries()) {
      logged.push((await core.call('calls.log', { direction: index % 2 ? 'inbound' : 'outbound', number, startedAt: Date.UTC(2026, 10, 1) + index * 60_000, disposition: 'booked' })).id);
    }
    for (const id of logged.filter((_, index) => index % 5 === 0)) await core.call('calls.delete', { id });
    for (const id of logged.filter((_, index) => index % 10 === 0)) await core.call('calls.restore', { id });

    const stored = core.sqlite.prepare(`SELECT id, number FROM calls WHERE cl % 2 = 1`).all() as { id: string; number: string }[];
    expect(stored.length).toBe(80 - 8);
    const queries = createEverythingQueries(core.sqlite);
    const typed = fc.oneof(
      // A run cut from a stored number, as someone reads it off a screen.
      fc.constantFrom(...drafts).chain((number) =>
        fc.tuple(fc.nat(number.length - 3), fc.integer({ min: 3, max: 12 })).map(([start, length]) => number.slice(start, start + length)),
      ),
      fc.stringMatching(/^0?[0-9]{3,7}$/),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '';
        const found = queries.calls('', digits, 500).map((row) => row.id).sort();
        expect(found).toEqual(plainReading(stored, text));
      }),
      { numRuns: 300, seed: 20 },
    );
  });

  it('shows a call found by its number on the search page, and not once it is deleted', async () => {
    const call = await core.call('calls.log', { direction: 'inbound', number: '0117 300 4455', startedAt: Date.UTC(2026, 10, 2), disposition: 'booked' });
    const kindsFound = async (query: string) => (await core.call('search.everything', { query, kinds: ['call'] })).hits.map((hit) => hit.id);
    expect(await kindsFound('300 445')).toEqual([call.id]);
    expect(await kindsFound('01173004455')).toEqual([call.id]);
    await core.call('calls.delete', { id: call.id });
    expect(await kindsFound('300 445')).toEqual([]);
  });
});

describe('upgrading to the index of call numbers', () => {
  it('indexes the numbers of the calls already there, but not deleted calls', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upgrade-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    const old = openDatabase({ file, migrationsFolder: previousRelease('call_number_digits', dirs) }).sqlite;
    old.exec(`
      INSERT INTO calls (id, direction, number, started_at, cl) VALUES
        ('k1', 'inbound', '+441174960123', 1, 1), ('k2', 'outbound', '+442079460123', 2, 1),
        ('k3', 'inbound', '+441174960999', 3, 2), ('k4', 'inbound', '', 4, 1);
    `);
    old.close();
    const sqlite = openDatabase({ file }).sqlite;
    const queries = createEverythingQueries(sqlite);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(queries.calls('', '0123', 10))).toEqual(['k1', 'k2']);
    expect(ids(queries.calls('', '01174960', 10))).toEqual(['k1']);
    sqlite.close();
  });
});
