import type { Route } from '../../routes';
import { useUi } from '../../store';

/** Narrows the contacts list to a saved segment's members (its own search and filters cleared) and opens `route`. */
function narrowContactsTo(segmentId: string, route: Route): void {
  const { clearSearchAndFilters, setFilters, navigate } = useUi.getState();
  clearSearchAndFilters();
  setFilters({ segmentId });
  navigate(route);
}

/** The contacts list showing a segment's members. */
export const showSegmentInContacts = (segmentId: string) => narrowContactsTo(segmentId, { name: 'contacts' });

/** Import & export, whose CSV export takes "the contacts the list shows": the segment's members. */
export const exportSegment = (segmentId: string) => narrowContactsTo(segmentId, { name: 'exchange' });
