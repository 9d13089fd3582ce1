import type { FollowUp, FollowUpListKind } from '../../../src-shared/domain/follow-up';
import { api } from '../../api';
import { useUi } from '../../store';
import { endOfToday } from '../../ui/dates';
import { formatWhen } from '../../ui/format';
import { useLiveQuery, type ReloadOn } from '../../ui/use-live-query';

// Lists move with the clock (due today becomes overdue), so they also reload every minute.
const reloadOn: ReloadOn = { activity: ['follow_ups'], contacts: true, reminders: true, everyMs: 60_000 };

export function useFollowUpList(view: FollowUpListKind, scope: 'mine' | 'team', limit: number, contactId?: string) {
  const request = { view, scope, limit, ...(contactId ? { contactId } : {}) };
  return useLiveQuery(
    `followups:${JSON.stringify(request)}`,
    () => api.invoke('followups.list', { ...request, endOfToday: endOfToday() }),
    contactId ? { ...reloadOn, contactId } : reloadOn,
  );
}

export function useFollowUpCounts(scope: 'mine' | 'team') {
  return useLiveQuery(`followup-counts:${scope}`, () => api.invoke('followups.counts', { scope, endOfToday: endOfToday() }), reloadOn);
}

/** A contact's open follow-ups, soonest first: overdue, today and upcoming together. */
export function useOpenFollowUpsOf(contactId: string) {
  return useLiveQuery(
    `open-followups:${contactId}`,
    async () => {
      const views = ['overdue', 'today', 'upcoming'] as const;
      const pages = await Promise.all(
        views.map((view) => api.invoke('followups.list', { view, scope: 'team', contactId, endOfToday: endOfToday(), limit: 100 })),
      );
      return pages.flatMap((page) => page.items).sort((a, b) => a.dueAt - b.dueAt);
    },
    { ...reloadOn, contactId },
  );
}

function run(action: Promise<unknown>, message: string, undo?: () => Promise<unknown>): void {
  const { showError, pushToast } = useUi.getState();
  action.then(
    () =>
      pushToast({
        message,
        ...(undo ? { action: { label: 'Undo', run: () => void undo().catch((error: unknown) => useUi.getState().showError(error)) } } : {}),
      }),
    showError,
  );
}

export function completeFollowUp(followUp: FollowUp): void {
  run(api.invoke('followups.complete', { id: followUp.id }), `Done: ${followUp.title}`, () =>
    api.invoke('followups.reopen', { id: followUp.id }),
  );
}

export function reopenFollowUp(followUp: FollowUp): void {
  run(api.invoke('followups.reopen', { id: followUp.id }), `Reopened: ${followUp.title}`, () =>
    api.invoke('followups.complete', { id: followUp.id }),
  );
}

export function snoozeFollowUp(followUp: FollowUp, until: number): void {
  const previous = followUp.dueAt;
  run(api.invoke('followups.snooze', { id: followUp.id, until }), `Snoozed until ${formatWhen(until, Date.now())}`, () =>
    api.invoke('followups.snooze', { id: followUp.id, until: previous }),
  );
}

export function deleteFollowUp(followUp: FollowUp): void {
  run(api.invoke('followups.delete', { id: followUp.id }), `Deleted follow-up: ${followUp.title}`, () =>
    api.invoke('followups.restore', { id: followUp.id }),
  );
}
