import type { Call } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { deleteWithUndo } from '../../ui/undoable';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLiveData } from '../../ui/use-live-data';

const reloadOnCallsOf = (contactId: string) => ({ reloadOn: [activityChanged(['calls'], contactId)] });

/** A contact's newest `limit` calls, and how many there are. */
export function useContactCalls(contactId: string, limit: number) {
  return useLiveData(
    `calls:${contactId}:${limit}`,
    () => api.invoke('calls.list', { contactId, limit, sort: { field: 'startedAt', direction: 'desc' } }),
    reloadOnCallsOf(contactId),
  );
}

/** How many calls a contact has, for the count on its Calls tab. */
export function useCallCount(contactId: string) {
  return useLiveData(`call-count:${contactId}`, () => api.invoke('calls.list', { contactId, limit: 1 }), reloadOnCallsOf(contactId));
}

export function deleteCallWithUndo(call: Call): Promise<boolean> {
  return deleteWithUndo('calls', call.id, { deleted: 'Call deleted', restored: 'Call restored' });
}

/** Whose a number is, asked once the typing pauses; the last answer stays while the next is asked. */
export function useNumberOwner(number: string) {
  const settled = useDebouncedValue(number.trim(), 150);
  const owner = useLiveData(settled ? `number-owner:${settled}` : null, () => api.invoke('calls.whoseNumber', { number: settled }), {
    reportErrors: false,
    reloadOn: [contactsChanged()],
  });
  return settled ? (owner.data ?? owner.latest) : undefined;
}

/** The tags in use on calls, most used first: the tag box's suggestions and the list's tag filter. */
export function useCallTagsInUse() {
  return useLiveData('call-tags', () => api.invoke('calls.tags', {}), { reloadOn: [activityChanged(['calls'])], reportErrors: false });
}
