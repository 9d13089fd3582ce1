import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMigrationFill } from '../../helpers/migration-fill';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The counts of open follow-ups (the dashboard's overdue and today, the sidebar's badge, the
// follow-ups screen's totals) read a flag the triggers keep on each follow-up: whether its contact
// is live. After any sequence of follow-ups made, done, reopened, deleted and restored, and of
// contacts deleted, restored, merged and unmerged, they must equal the counts made by looking up
// every follow-up's contact, as they were made before the flag.

const hourMs = 60 * 60 * 1000;
const now = Date.UTC(2026, 11, 6, 10);
const endOfToday = Date.UTC(2026, 11, 6, 23, 59, 59, 999);

const step = fc.oneof(
  fc.record({ kind: fc.constant('contact' as const) }),
  fc.record({ kind: fc.constant('followUp' as const), at: fc.nat(), dueInHours: fc.integer({ min: -72, max: 72 }) }),
  fc.record({ kind: fc.constantFrom('complete' as const, 'reopen' as const, 'deleteFollowUp' as const, 'restoreFollowUp' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('deleteContact' as const, 'restoreContact' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('unmerge' as const), at: fc.nat() }),
);

/** The counts as made before the flag: each open follow-up's contact looked up. */
function looked(core: TempCore) {
  const count = (where: string, ...params: number[]) =>
    (
      core.sqlite
        .prepare(`SELECT COUNT(*) AS n FROM follow_ups f JOIN contacts c ON c.id = f.contact_id WHERE f.cl % 2 = 1 AND c.cl % 2 = 1 AND f.done_at IS NULL AND ${where}`)
        .get(...params) as { n: number }
    ).n;
  return {
    overdue: count('f.due_at < ?', now),
    today: count('f.due_at >= ? AND f.due_at <= ?', now, endOfToday),
    upcoming: count('f.due_at > ?', endOfToday),
  };
}

async function shown(core: TempCore) {
  const dashboard = await core.call('dashboard.get', { endOfToday, startOfWeek: 0 });
  const counts = await core.call('followups.counts', { scope: 'team', endOfToday });
  expect(dashboard.followUps).toEqual({ overdue: counts.overdue, today: counts.today });
  return counts;
}

async function attempt(work: () => Promise<unknown>): Promise<void> {
  // A step that does not apply (completing a done follow-up, merging a deleted contact) is refused
  // in words and changes nothing; the property is about what the steps that apply leave behind.
  await work().catch(() => undefined);
}

describe('the counts of open follow-ups', () => {
  it('equal the follow-ups counted with their contacts looked up, after any sequence of edits', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const core = createTempCore({ now: () => now });
        try {
          const contacts: string[] = [(await core.call('contacts.create', { draft: { name: 'First' } })).id];
          const followUps: string[] = [];
          const merges: string[] = [];
          for (const [index, action] of steps.entries()) {
            const pick = <T,>(list: T[], at: number) => list[at % list.length];
            if (action.kind === 'contact') contacts.push((await core.call('contacts.create', { draft: { name: `Contact ${index}` } })).id);
            else if (action.kind === 'followUp') {
              const contactId = pick(contacts, action.at)!;
              await attempt(async () => followUps.push((await core.call('followups.create', { contactId, title: `Call back ${index}`, dueAt: now + action.dueInHours * hourMs })).id));
            } else if (action.kind === 'deleteContact' || action.kind === 'restoreContact') {
              await attempt(() => core.call(action.kind === 'deleteContact' ? 'contacts.delete' : 'contacts.restore', { id: pick(contacts, action.at)! }));
            } else if (action.kind === 'merge') {
              const survivorId = pick(contacts, action.at)!;
              const otherId = pick(contacts, action.other)!;
              if (survivorId !== otherId) await attempt(async () => merges.push((await core.call('contacts.merge', { survivorId, otherId, fromOther: [] })).undoId));
            } else if (action.kind === 'unmerge') {
              const undoId = merges.splice(action.at % Math.max(1, merges.length), 1)[0];
              if (undoId) await attempt(() => core.call('contacts.unmerge', { undoId }));
            } else if (followUps.length > 0) {
              const channel = { complete: 'followups.complete', reopen: 'followups.reopen', deleteFollowUp: 'followups.delete', restoreFollowUp: 'followups.restore' }[action.kind];
              await attempt(() => core.call(channel as 'followups.complete', { id: pick(followUps, action.at)! }));
            }
          }
          expect(await shown(core)).toEqual(looked(core));
        } finally {
          core.dispose();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('are worked out for the follow-ups already there when a data folder is upgraded', async () => {
    const core = createTempCore({ now: () => now });
    try {
      const ann = (await core.call('contacts.create', { draft: { name: 'Ann' } })).id;
      const bob = (await core.call('contacts.create', { draft: { name: 'Bob' } })).id;
      await core.call('followups.create', { contactId: ann, title: 'Quote the boiler', dueAt: now - hourMs });
      await core.call('followups.create', { contactId: bob, title: 'Send the invoice', dueAt: now - hourMs });
      await core.call('contacts.delete', { id: bob });
      // As a folder of the previous version: no flags, then the migration's own fill.
      core.sqlite.exec('UPDATE follow_ups SET contact_live = 0');
      expect((await core.call('dashboard.get', { endOfToday, startOfWeek: 0 })).followUps.overdue).toBe(0);
      runMigrationFill(core.sqlite, '_follow_up_contact_live_triggers.sql', 'UPDATE follow_ups SET contact_live');
      expect((await core.call('dashboard.get', { endOfToday, startOfWeek: 0 })).followUps.overdue).toBe(1);
    } finally {
      core.dispose();
    }
  });
});
