import type { TimelineCursor, TimelineItem, TimelineKind } from '../../../src-shared/domain/timeline';
import { api } from '../../api';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

export const timelinePageSize = 50;

/**
 * The newest `pageCount` pages of a contact's timeline, reloaded together when anything about the
 * contact changes, so an item added at the top never shifts a page boundary under the user.
 */
export function useTimeline(contactId: string, kinds: readonly TimelineKind[], pageCount: number) {
  return useLiveData(
    `timeline:${contactId}:${kinds.join(',')}:${pageCount}`,
    async () => {
      const items: TimelineItem[] = [];
      let before: TimelineCursor | null | undefined;
      for (let page = 0; page < pageCount; page++) {
        const answer = await api.invoke('timeline.list', { contactId, kinds: [...kinds], limit: timelinePageSize, ...(before ? { before } : {}) });
        items.push(...answer.items);
        before = answer.nextCursor;
        if (!before) break;
      }
      return { items, hasMore: !!before };
    },
    { reloadOn: [activityChanged(undefined, contactId), contactsChanged(contactId)] },
  );
}
