import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTempCore } from '../../helpers/temp-core';

// A contact's notes, calls and follow-ups are read a page at a time from their indexes (timeline/queries.ts),
// the other kinds whole. Whatever the items and however many share the same minute, following the
// cursor page by page must give every item once, in the order of the whole timeline read at once.

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 20, 10, 0);
const item = fc.record({ kind: fc.constantFrom('note' as const, 'call' as const, 'followUp' as const, 'complete' as const), minute: fc.integer({ min: 0, max: 2 }), which: fc.nat() });

describe("a contact's timeline read page by page", () => {
  it('gives every item once, in the order of the whole timeline, for any items and page size', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 8, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), async (items, limit) => {
        let clock = t0;
        const core = createTempCore({ now: () => clock });
        try {
          const ann = await core.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '07700900123' }] } });
          const followUps: string[] = [];
          for (const [index, entry] of items.entries()) {
            // Times repeat on purpose: items at the same minute are ordered by their key.
            clock = t0 + (entry.minute + 1) * minute;
            if (entry.kind === 'note') await core.call('notes.create', { contactId: ann.id, kind: 'meeting', body: `Note ${index}` });
            else if (entry.kind === 'call') await core.call('calls.log', { direction: 'outbound', number: '07700900123', startedAt: clock, durationSeconds: index, disposition: 'booked' });
            else if (entry.kind === 'followUp') followUps.push((await core.call('followups.create', { contactId: ann.id, title: `Follow-up ${index}`, dueAt: clock + minute })).id);
            // Done at its own minute: a follow-up is two items, planned and done, at different times.
            else if (followUps.length > 0) await core.invoke('followups.complete', { id: followUps[entry.which % followUps.length]! });
          }
          const whole = await core.call('timeline.list', { contactId: ann.id, limit: 200 });
          expect(whole.nextCursor).toBeNull();
          const paged: string[] = [];
          let cursor: { at: number; key: string } | undefined;
          for (let pages = 0; pages <= whole.items.length; pages += 1) {
            const page = await core.call('timeline.list', { contactId: ann.id, limit, ...(cursor ? { before: cursor } : {}) });
            paged.push(...page.items.map((entry) => entry.key));
            if (!page.nextCursor) break;
            expect(page.items).toHaveLength(limit);
            cursor = page.nextCursor;
          }
          expect(paged).toEqual(whole.items.map((entry) => entry.key));
        } finally {
          core.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });
});
