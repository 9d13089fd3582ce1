import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSnapshotPage, SnapshotResponseSchema } from '../../../src-shared/sync/protocol';
import { RelayClient, type Fetch } from '../../../src-main/sync/relay-client';

// A snapshot page is checked by readSnapshotPage (src-shared/sync/protocol.ts) rather than zod's
// record checks, which cost more than the page's JSON parse: it must be exactly as strict as
// SnapshotResponseSchema, and what it does not accept still gets the schema's answer.

const goodRow = {
  tableName: 'contacts',
  rowId: 'ann',
  fields: { name: 'Ann Smith', cl: 1, company_id: null },
  clocks: { name: '001700000000000-00000-laptop-1', cl: '001700000000000-00000-laptop-1', company_id: '001700000000000-00000-laptop-1' },
  authors: { name: 'Sam', cl: 'Sam', company_id: 'Sam' },
};
const goodPage = { rows: [goodRow], cursor: 7, nextPageAfter: '7:contacts:ann' };

/** Any JSON value: what a broken or hostile relay may send in place of any part of a page. */
const jsonish = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxKeys: 2 }),
);
const text = fc.string({ maxLength: 6 });
const goodPages = fc.record({
  rows: fc.array(
    fc.record(
      {
        tableName: text,
        rowId: text,
        fields: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { maxKeys: 4 }),
        clocks: fc.dictionary(text, text, { maxKeys: 4 }),
        authors: fc.dictionary(text, text, { maxKeys: 4 }),
        extra: jsonish,
      },
      { requiredKeys: ['tableName', 'rowId', 'fields', 'clocks', 'authors'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  cursor: fc.integer({ min: 0 }),
  nextPageAfter: fc.option(text, { nil: null }),
});

/** The value with the part at `path` (each step picks a key of the object or array there) replaced. */
function replacedAt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = replacedAt((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

/** A good page, or one with a single part of it, at any depth, replaced by any JSON value. */
const pages = fc.oneof(
  goodPages,
  fc.tuple(goodPages, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), jsonish).map(([page, path, replacement]) => replacedAt(page, path, replacement)),
);

describe('readSnapshotPage', () => {
  it('accepts only what SnapshotResponseSchema accepts, and gives what it gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(pages, (value) => {
        // Through JSON, as the laptop receives it (no undefined, no -0, no NaN).
        const json: unknown = JSON.parse(JSON.stringify(value));
        const read = readSnapshotPage(json);
        const checked = SnapshotResponseSchema.safeParse(json);
        if (read === undefined) return;
        accepted += 1;
        expect(checked.success).toBe(true);
        expect(read).toEqual(checked.data);
      }),
      { numRuns: 3000 },
    );
    // The property says something only if pages were accepted, good ones and near misses alike.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('accepts a good page as the schema gives it, without the keys the schema does not know', () => {
    const read = readSnapshotPage(JSON.parse(JSON.stringify({ ...goodPage, rows: [{ ...goodRow, extra: 1 }], more: true })));
    expect(read).toEqual(goodPage);
  });
});

describe('RelayClient.snapshot', () => {
  const answering = (body: unknown): Fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  it('gives a good page', async () => {
    await expect(new RelayClient('http://relay.test', 't', answering(goodPage)).snapshot(null, 2000)).resolves.toEqual(goodPage);
  });

  it.each([
    ['a field holding an object', { ...goodPage, rows: [{ ...goodRow, fields: { name: { first: 'Ann' } } }] }],
    ['a clock that is a number', { ...goodPage, rows: [{ ...goodRow, clocks: { name: 1 } }] }],
    ['a cursor that is not a whole number', { ...goodPage, cursor: 1.5 }],
    ['rows that are not a list', { ...goodPage, rows: { 0: goodRow } }],
  ])('refuses a page with %s as an answer this version does not understand', async (_, body) => {
    const answer = new RelayClient('http://relay.test', 't', answering(body)).snapshot(null, 2000);
    await expect(answer).rejects.toMatchObject({ code: 'bad_response', message: 'The relay answered in a form this version does not understand.' });
  });
});
