import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../src-main/writes/change-log';
import type { ApplyResult } from '../../../src-main/writes/mutation-engine';
import type { FieldValues } from '../../../src-main/writes/synced-tables';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// applyRemoteChanges applies a page as one batch (src-main/writes/remote-page.ts). Whatever the
// page holds — edits of the same rows, older and newer clocks, deletes and restores, repeats of a
// change, a change this version keeps pending, one the contract refuses, one SQLite refuses (a
// second call with the same provider id) — the database must end exactly as applying the same
// changes one at a time leaves it: every table, the change log in its order, clocks, what was set
// aside, derived data and search indexes.

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const fixedNow = () => Date.UTC(2026, 5, 1);
const contactIds = ['ct-1', 'ct-2', 'ct-3'];
const devices = ['dev-a', 'dev-b'];

const hlcArb = fc
  .record({ wall: fc.integer({ min: 1, max: 6 }), counter: fc.integer({ min: 0, max: 1 }), device: fc.constantFrom(...devices) })
  .map(({ wall, counter, device }) => `${String(1_700_000_000_000 + wall * 1000).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${device}`);

/** Some fields of one row: what one change carries. */
const edit = <T extends Record<string, fc.Arbitrary<unknown>>>(table: string, rowIds: string[], fields: T) =>
  fc.record({
    tableName: fc.constant(table),
    rowId: fc.constantFrom(...rowIds),
    fields: fc.record(fields, { requiredKeys: [] }).filter((picked) => Object.keys(picked).length > 0),
  });

const rowChange = fc.oneof(
  edit('contacts', contactIds, {
    name: fc.constantFrom('Ann Lee', 'Bo Chan', 'Cy Dunn'),
    company: fc.constantFrom('', 'Acme', 'Harbour Plumbing'),
    status: fc.constantFrom('active', 'won', 'lost'),
    summary: fc.constantFrom('', 'rang twice', 'wants a quote'),
    cl: fc.integer({ min: 1, max: 4 }),
  }),
  edit('contact_tags', ['tg-1', 'tg-2'], { contact_id: fc.constantFrom(...contactIds), tag: fc.constantFrom('vip', 'lead'), present: fc.constantFrom(0, 1) }),
  edit('follow_ups', ['fu-1', 'fu-2'], {
    contact_id: fc.constantFrom(...contactIds),
    title: fc.constantFrom('Call back', 'Send quote'),
    due_at: fc.constantFrom(1_700_000_000_000, 1_800_000_000_000),
    priority: fc.constantFrom('low', 'high'),
    cl: fc.integer({ min: 1, max: 3 }),
  }),
  edit('calls', ['cl-1', 'cl-2'], {
    number: fc.constantFrom('+441632960001', '+441632960002'),
    provider: fc.constant('twilio'),
    provider_id: fc.constantFrom('CA1', 'CA2'),
    cl: fc.integer({ min: 1, max: 2 }),
  }),
  // For a newer version: kept pending.
  fc.constant({ tableName: 'contacts', rowId: 'ct-1', fields: { favourite_colour: 'teal' } }),
  // Refused by the contract: set aside.
  fc.constant({ tableName: 'contacts', rowId: 'ct-2', fields: { status: 'bogus' } }),
);

/** Changes with their ids; some are repeats of an earlier one (as a shuffled, duplicated pull page gives them). */
const changesArb = fc
  .array(fc.record({ change: rowChange, hlc: hlcArb, repeat: fc.nat({ max: 5 }) }), { minLength: 1, maxLength: 40 })
  .map((drawn) => {
    const changes: ChangeRecord[] = [];
    drawn.forEach(({ change, hlc, repeat }, index) => {
      if (repeat === 0 && changes.length > 0) changes.push(changes[index % changes.length]!);
      else changes.push({ changeId: `ch-${index}`, hlc, schemaVersion: 2, deviceId: hlc.slice(-5), author: 'Sam', ...change, fields: change.fields as FieldValues });
    });
    return changes;
  });

/** Page sizes to cut the changes into. */
const pagesArb = fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 6 });

function pagesOf(changes: ChangeRecord[], sizes: number[]): ChangeRecord[][] {
  const pages: ChangeRecord[][] = [];
  let at = 0;
  for (let index = 0; at < changes.length; index += 1) {
    const size = sizes[index % sizes.length]!;
    pages.push(changes.slice(at, at + size));
    at += size;
  }
  return pages;
}

function sum(results: ApplyResult[]): ApplyResult {
  return results.reduce((total, result) => ({
    applied: total.applied + result.applied,
    duplicates: total.duplicates + result.duplicates,
    pending: total.pending + result.pending,
    setAside: total.setAside + result.setAside,
  }));
}

/**
 * Every table's rows (all columns, rowids included) but the laptop's own settings (its HLC, its
 * device); a search index by what it holds, not by its segments (those follow the commits).
 */
function dump(core: TempCore): Record<string, string[]> {
  const tables = core.sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('local_settings', '__drizzle_migrations') ORDER BY name")
    .all() as { name: string; sql: string }[];
  const virtual = tables.filter((table) => table.sql.startsWith('CREATE VIRTUAL')).map((table) => table.name);
  const shadow = new Set(virtual.flatMap((name) => ['data', 'idx', 'docsize', 'config', 'content'].map((part) => `${name}_${part}`)));
  const dumped: Record<string, string[]> = {};
  for (const { name, sql } of tables) {
    if (shadow.has(name)) continue;
    const rowid = sql.includes('WITHOUT ROWID') ? '' : 'rowid AS _rowid, ';
    dumped[name] = core.sqlite
      .prepare(`SELECT ${rowid}* FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return dumped;
}

describe('applying a page of remote changes as one batch', () => {
  it('leaves the same database as applying the same changes one at a time in the same transactions', () => {
    fc.assert(
      fc.property(changesArb, pagesArb, (changes, sizes) => {
        const batched = createTempCore({ now: fixedNow });
        const oneByOne = createTempCore({ now: fixedNow });
        cores.push(batched, oneByOne);
        const pages = pagesOf(changes, sizes);
        const batchedResults = pages.map((page) => batched.engine.applyRemoteChanges(page));
        // The same pages, each one transaction (derived data is rebuilt per transaction), in which
        // each change is applied on its own: a call with one change is applied change by change.
        const oneByOneResults = pages.flatMap((page) => oneByOne.engine.transaction(() => page.map((change) => oneByOne.engine.applyRemoteChanges([change]))));
        expect(sum(batchedResults)).toEqual(sum(oneByOneResults));
        expect(dump(batched)).toEqual(dump(oneByOne));
        for (const core of cores.splice(0)) core.dispose();
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
