// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FollowUpListQuery } from '../../../src-shared/domain/follow-up';
import { useFollowUpTableRows } from '../../../src-renderer/features/followups/hooks';
import type { FollowUpTableFilters } from '../../../src-renderer/features/followups/follow-up-view';
import { plainFollowUpSort } from '../../../src-renderer/features/followups/follow-up-view';
import { installTestBridge } from '../test-bridge';
import { renderHook, settle, type RenderedHook } from '../render-hook';

// The follow-ups table moves with the clock as the grouped list does: a follow-up that falls due
// leaves "Today" for "Overdue" at its minute, without anything else changing in the core.

const bridge = installTestBridge();

// 10:00:30 on a Monday, local time; the call-back is due at 10:02.
const start = new Date(2026, 11, 7, 10, 0, 30).getTime();
const dueAt = new Date(2026, 11, 7, 10, 2).getTime();
const callBack = { id: 'f1', title: 'Ring Ann back', dueAt, doneAt: null };

/** The core's answer: which section the follow-up is in depends on the time it is asked at. */
function answerAsTheCore() {
  bridge.answer('followups.list', async (input) => {
    const query = input as FollowUpListQuery;
    const now = Date.now();
    const section = dueAt < now ? 'overdue' : dueAt <= query.endOfToday ? 'today' : 'upcoming';
    const items = section === query.view ? [callBack] : [];
    return { total: items.length, items };
  });
}

type Rows = ReturnType<typeof useFollowUpTableRows>;
let hook: RenderedHook<FollowUpTableFilters, Rows> | undefined;
const useRows = (filters: FollowUpTableFilters) => useFollowUpTableRows(filters, plainFollowUpSort);
/** Lets the clock run on by `ms`, with what the timers and answers then set applied. */
async function clockRunsOn(ms: number): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms));
  await settle();
}
const shownTitles = () => [...(hook!.current.snapshot.pages.get(0) ?? [])].map((followUp) => followUp.title);

beforeEach(() => {
  vi.useFakeTimers({ now: start, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  bridge.reset();
  answerAsTheCore();
});
afterEach(async () => {
  await hook?.unmount();
  hook = undefined;
  vi.useRealTimers();
});

describe('the follow-ups table as the clock moves', () => {
  it('takes a follow-up out of Today at the minute it falls due', async () => {
    hook = await renderHook(useRows, { view: 'today', scope: 'team' });
    await settle();
    expect(shownTitles()).toEqual(['Ring Ann back']);

    // 10:01: still ahead.
    await clockRunsOn(40_000);
    expect(shownTitles()).toEqual(['Ring Ann back']);

    // Just past 10:02: due, so no longer today's.
    await clockRunsOn(60_000);
    expect(hook.current.snapshot.total).toBe(0);
    expect(shownTitles()).toEqual([]);
  });

  it('shows it under Overdue from that minute', async () => {
    hook = await renderHook(useRows, { view: 'overdue', scope: 'team' });
    await settle();
    expect(hook.current.snapshot.total).toBe(0);
    await clockRunsOn(100_000);
    expect(shownTitles()).toEqual(['Ring Ann back']);
  });

  it('asks for today as the new day when midnight passes', async () => {
    vi.setSystemTime(new Date(2026, 11, 7, 23, 59, 10));
    hook = await renderHook(useRows, { view: 'today', scope: 'team' });
    await settle();
    await clockRunsOn(60_000);
    const asked = bridge.calls.filter((call) => call.channel === 'followups.list').map((call) => (call.input as FollowUpListQuery).endOfToday);
    expect(asked.at(-1)).toBe(new Date(2026, 11, 8, 23, 59, 59, 999).getTime());
  });
});
