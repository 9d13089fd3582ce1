import { useEffect, useMemo, useRef } from 'react';
import type { FollowUp, FollowUpListKind, FollowUpListQuery } from '../../../src-shared/domain/follow-up';
import { api } from '../../api';
import { endOfToday } from '../../ui/dates';
import { formatWhen } from '../../ui/format';
import { activityChanged, contactsChanged, remindersDue } from '../../ui/live-events';
import { runWithUndo } from '../../ui/undoable';
import { useLiveData, type LiveOptions } from '../../ui/use-live-data';
import { useNow } from '../../ui/use-now';
import { usePagedRows } from '../../ui/use-paged-rows';
import type { FollowUpTableFilters, FollowUpTableSort } from './follow-up-view';

/** Lists move with the clock (due today becomes overdue), so they also reload every minute. */
function followUpsLive(contactId?: string): LiveOptions {
  return { reloadOn: [activityChanged(['follow_ups'], contactId), contactsChanged(contactId), remindersDue], everyMs: 60_000 };
}

const tableReloadOn = [activityChanged(['follow_ups']), contactsChanged(), remindersDue];

function fetchFollowUpPage(request: FollowUpListQuery, offset: number, limit: number) {
  return api.invoke('followups.list', { ...request, offset, limit });
}

/**
 * The follow-ups table's rows. Its sections move with the clock as the grouped list's do: at the
 * start of every minute (the shared clock of ui/use-now.ts, so at the minute a follow-up falls
 * due) the rows on screen are fetched again and one that fell due leaves "Today" for "Overdue";
 * at midnight "today" itself moves on.
 */
export function useFollowUpTableRows(filters: FollowUpTableFilters, sort: FollowUpTableSort) {
  const now = useNow();
  const todayEnds = endOfToday(now);
  const request = useMemo<FollowUpListQuery>(() => ({ ...filters, endOfToday: todayEnds, sort }), [filters, sort, todayEnds]);
  const { rows, snapshot } = usePagedRows(fetchFollowUpPage, request, { reloadOn: tableReloadOn });
  const shownAt = useRef(now);
  useEffect(() => {
    if (shownAt.current === now) return;
    shownAt.current = now;
    rows.refresh();
  }, [rows, now]);
  return { rows, snapshot, request, now };
}

export function useFollowUpList(view: FollowUpListKind, scope: 'mine' | 'team', limit: number, contactId?: string) {
  const request = { view, scope, limit, ...(contactId ? { contactId } : {}) };
  return useLiveData(`followups:${JSON.stringify(request)}`, () => api.invoke('followups.list', { ...request, endOfToday: endOfToday() }), followUpsLive(contactId));
}

export function useFollowUpCounts(scope: 'mine' | 'team') {
  return useLiveData(`followup-counts:${scope}`, () => api.invoke('followups.counts', { scope, endOfToday: endOfToday() }), followUpsLive());
}

/** A contact's open follow-ups, soonest first: overdue, today and upcoming together. */
export function useOpenFollowUpsOf(contactId: string) {
  return useLiveData(
    `open-followups:${contactId}`,
    async () => {
      const views = ['overdue', 'today', 'upcoming'] as const;
      const pages = await Promise.all(
        views.map((view) => api.invoke('followups.list', { view, scope: 'team', contactId, endOfToday: endOfToday(), limit: 100 })),
      );
      return pages.flatMap((page) => page.items).sort((a, b) => a.dueAt - b.dueAt);
    },
    followUpsLive(contactId),
  );
}

export function completeFollowUp(followUp: FollowUp): void {
  const { id } = followUp;
  void runWithUndo({
    run: () => api.invoke('followups.complete', { id }),
    message: `Done: ${followUp.title}`,
    undo: () => api.invoke('followups.reopen', { id }),
  });
}

export function reopenFollowUp(followUp: FollowUp): void {
  const { id } = followUp;
  void runWithUndo({
    run: () => api.invoke('followups.reopen', { id }),
    message: `Reopened: ${followUp.title}`,
    undo: () => api.invoke('followups.complete', { id }),
  });
}

export function snoozeFollowUp(followUp: FollowUp, until: number): void {
  const { id, dueAt: previous } = followUp;
  void runWithUndo({
    run: () => api.invoke('followups.snooze', { id, until }),
    message: `Snoozed until ${formatWhen(until, Date.now())}`,
    undo: () => api.invoke('followups.snooze', { id, until: previous }),
  });
}

export function deleteFollowUp(followUp: FollowUp): void {
  const { id } = followUp;
  void runWithUndo({
    run: () => api.invoke('followups.delete', { id }),
    message: `Deleted follow-up: ${followUp.title}`,
    undo: () => api.invoke('followups.restore', { id }),
  });
}
