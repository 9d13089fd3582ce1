import type { SegmentDefinition } from '../../../src-shared/domain/segment';
import { api } from '../../api';
import { contactsChanged, onEvent, activityChanged } from '../../ui/live-events';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLiveData } from '../../ui/use-live-data';

export const segmentsChanged = onEvent('segments.changed');

/** The saved segments this user sees, kept current as they change here or on a teammate's laptop. */
export function useSegments() {
  return useLiveData('segments', () => api.invoke('segments.list', {}), { reloadOn: [segmentsChanged] });
}

export function useSegment(id: string | undefined) {
  return useLiveData(id ? `segment:${id}` : null, () => api.invoke('segments.get', { id: id! }), { reloadOn: [segmentsChanged] });
}

/**
 * The live count and first rows of a definition being edited: asked again a moment after the
 * last edit (not at every keystroke), and when contacts or their activity change. Null
 * definition (an incomplete one): nothing is asked.
 */
export function useSegmentPreview(definition: SegmentDefinition | null) {
  const settled = useDebouncedValue(definition, 250);
  const key = settled ? `segment-preview:${JSON.stringify(settled)}` : null;
  return useLiveData(key, () => api.invoke('segments.preview', { definition: settled!, limit: 8 }), {
    reloadOn: [contactsChanged(), activityChanged()],
  });
}

/** How many members the builder lists; the contacts list shows them all. */
export const membersShown = 100;

/** A static segment's first members by name, as rows of the contacts list, kept current as members or contacts change. */
export function useSegmentMembers(segmentId: string) {
  return useLiveData(`segment-members:${segmentId}`, () => api.invoke('contacts.list', { filters: { owner: 'team', segmentId }, limit: membersShown }), {
    reloadOn: [segmentsChanged, contactsChanged()],
  });
}
