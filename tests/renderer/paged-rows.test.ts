import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagedRows, type PagedSnapshot } from '../../src-renderer/ui/paged-rows';

// The paging behind the contacts and calls lists: what the user sees while typing a search,
// scrolling, and while other devices change the data.

interface Request {
  search: string;
}

/** A core of `size` rows named "<search>-<n>", answering each page only when the test says so. */
function slowCore(size = 250) {
  const pending: { request: Request; offset: number; limit: number; settle: (fail?: Error) => void }[] = [];
  let version = 1;
  const rowsFor = (request: Request) => Array.from({ length: size }, (_, index) => `${request.search}-${index}@${version}`);
  return {
    pending,
    fetchPage: (request: Request, offset: number, limit: number) =>
      new Promise<{ total: number; items: readonly string[] }>((resolve, reject) => {
        pending.push({
          request,
          offset,
          limit,
          settle: (fail) => (fail ? reject(fail) : resolve({ total: size, items: rowsFor(request).slice(offset, offset + limit) })),
        });
      }),
    /** Answers the calls waiting, oldest first (or those `which` picks). */
    async answer(which: (call: (typeof pending)[number]) => boolean = () => true, fail?: Error) {
      for (const call of pending.filter(which)) {
        pending.splice(pending.indexOf(call), 1);
        call.settle(fail);
      }
      await settled();
    },
    changeData: () => version++,
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const rowsShown = (rows: PagedRows<string, Request>, snapshot: PagedSnapshot<string>, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, offset) => rows.itemAt(snapshot, from + offset));

describe('paged rows', () => {
  it('shows nothing until the first page arrives, then the total and the first rows', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'ann' });
    expect(rows.getSnapshot()).toMatchObject({ total: null, request: undefined });
    expect(rows.isStale()).toBe(true);
    expect(core.pending.map((call) => call.offset)).toEqual([0]);

    await core.answer();
    const snapshot = rows.getSnapshot();
    expect(snapshot).toMatchObject({ total: 250, request: { search: 'ann' }, failed: false });
    expect(rows.isStale()).toBe(false);
    expect(rows.itemAt(snapshot, 0)).toBe('ann-0@1');
    expect(rows.itemAt(snapshot, 100)).toBeUndefined();
  });

  it('fetches each page scrolled into view once, and keeps the pages already there', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'a' });
    await core.answer();
    rows.ensureRows(90, 140);
    rows.ensureRows(95, 145);
    expect(core.pending.map((call) => call.offset)).toEqual([100]);
    await core.answer();
    expect(rowsShown(rows, rows.getSnapshot(), 98, 101)).toEqual(['a-98@1', 'a-99@1', 'a-100@1', 'a-101@1']);
  });

  it('never lets a slow answer to an earlier search replace the answer to the latest one', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'an' });
    rows.setRequest({ search: 'ann' });
    await core.answer((call) => call.request.search === 'ann');
    await core.answer((call) => call.request.search === 'an');
    expect(rows.itemAt(rows.getSnapshot(), 0)).toBe('ann-0@1');
  });

  it('keeps the previous rows on screen, marked stale, while a new search loads', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'an' });
    await core.answer();
    const shown = rows.getSnapshot();
    rows.setRequest({ search: 'ann' });
    // The same snapshot, so nothing that draws the rows renders at the keystroke; only the grid's busy state changes.
    expect(rows.getSnapshot()).toBe(shown);
    expect(rows.isStale()).toBe(true);
    expect(rows.itemAt(shown, 0)).toBe('an-0@1');
    expect(shown.request).toEqual({ search: 'an' });
    await core.answer();
    expect(rows.isStale()).toBe(false);
    expect(rows.getSnapshot().request).toEqual({ search: 'ann' });
  });

  it('asks again only when the request really changed', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'an' });
    rows.setRequest({ search: 'an' });
    expect(core.pending).toHaveLength(1);
  });

  it('reloads the pages on screen when the data changes, all at once, and forgets the others', async () => {
    const core = slowCore();
    const rows = new PagedRows(core.fetchPage, () => {}, 100);
    rows.setRequest({ search: 'a' });
    await core.answer();
    rows.ensureRows(150, 210);
    await core.answer();
    core.changeData();
    rows.refresh();
    expect(core.pending.map((call) => call.offset)).toEqual([100, 200]);
    await core.answer((call) => call.offset === 100);
    expect(rows.itemAt(rows.getSnapshot(), 150)).toBe('a-150@1');
    await core.answer();
    const snapshot = rows.getSnapshot();
    expect(rowsShown(rows, snapshot, 199, 200)).toEqual(['a-199@2', 'a-200@2']);
    expect(rows.itemAt(snapshot, 0)).toBeUndefined();
  });

  it('reports a failed page, keeps what was shown, and fetches it again when scrolled to', async () => {
    const core = slowCore();
    const errors: unknown[] = [];
    const rows = new PagedRows(core.fetchPage, (error) => errors.push(error), 100);
    rows.setRequest({ search: 'a' });
    await core.answer();
    rows.ensureRows(100, 120);
    await core.answer(() => true, new Error('the core is busy'));
    expect(rows.getSnapshot()).toMatchObject({ failed: true, total: 250 });
    expect(errors).toEqual([new Error('the core is busy')]);
    expect(rows.itemAt(rows.getSnapshot(), 5)).toBe('a-5@1');

    rows.ensureRows(100, 120);
    await core.answer();
    expect(rows.getSnapshot().failed).toBe(false);
    expect(rows.itemAt(rows.getSnapshot(), 110)).toBe('a-110@1');
  });

  it('ends on the answer to the last search, whatever order the answers come back in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'an', 'ann', 'b'), { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.nat()), async (searches, picks) => {
        const core = slowCore(20);
        const rows = new PagedRows(core.fetchPage, () => {}, 10);
        const pick = picks[Symbol.iterator]();
        for (const search of searches) {
          rows.setRequest({ search });
          // Some earlier answers arrive between keystrokes, in any order.
          while (core.pending.length > 0 && (pick.next().value as number) % 2 === 0) {
            const call = core.pending[(pick.next().value as number) % core.pending.length];
            await core.answer((candidate) => candidate === call);
          }
        }
        while (core.pending.length > 0) {
          const call = core.pending[(pick.next().value as number) % core.pending.length];
          await core.answer((candidate) => candidate === call);
        }
        expect(rows.getSnapshot()).toMatchObject({ total: 20, request: { search: searches.at(-1) } });
        expect(rows.isStale()).toBe(false);
        expect(rows.itemAt(rows.getSnapshot(), 0)).toBe(`${searches.at(-1)}-0@1`);
      }),
      { numRuns: 200 },
    );
  });
});
