import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Reminders wake at the minute a follow-up falls due, not at the next tick of a poll, and move
// when the follow-up does. A real core on fake timers: the clock is the only thing pretended.

const start = Date.UTC(2026, 11, 7, 9, 0, 0);
const minute = 60_000;
let core: TempCore;
let announced: number[];

beforeEach(() => {
  vi.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  core = createTempCore({ autoSync: false });
  announced = [];
  core.on('followups.reminderDue', () => announced.push(Date.now() - start));
});
afterEach(() => {
  core.dispose();
  vi.useRealTimers();
});

async function followUpDueIn(ms: number, title = 'Call back') {
  const ann = await core.call('contacts.create', { draft: { name: `Ann ${title}` } });
  return core.call('followups.create', { contactId: ann.id, title, dueAt: start + ms });
}

describe('reminder schedule', () => {
  it('announces a follow-up at its due minute, and looks at the database only a few times while waiting', async () => {
    await followUpDueIn(3 * minute);
    const looks = vi.spyOn(core.followUps, 'dueReminders');
    vi.advanceTimersByTime(3 * minute - 1);
    expect(announced).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(announced).toEqual([3 * minute]);
    // A 15-second poll would have looked 12 times.
    expect(looks.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('wakes at the new time when a follow-up is moved earlier, and not at all once it is done', async () => {
    const later = await followUpDueIn(30 * minute, 'Send quote');
    vi.advanceTimersByTime(minute);
    await core.call('followups.update', { id: later.id, patch: { dueAt: start + 2 * minute } });
    vi.advanceTimersByTime(minute);
    expect(announced).toEqual([2 * minute]);

    const done = await followUpDueIn(5 * minute, 'Order parts');
    await core.call('followups.complete', { id: done.id });
    vi.advanceTimersByTime(10 * minute);
    expect(announced).toEqual([2 * minute]);
  });

  it('announces a follow-up written when already overdue at once, and only once', async () => {
    await followUpDueIn(-5 * minute, 'Overdue');
    expect(announced).toEqual([0]);
    vi.advanceTimersByTime(60 * minute);
    expect(announced).toEqual([0]);
  });
});
