import type { ContactListItem } from '../../../src-shared/domain/contact';
import type { PagedRows, PagedSnapshot } from '../../ui/paged-rows';
import { listQuery, type ListRequest } from '../contacts/contact-pages';
import type { Facets } from '../contacts/hooks';
import { ContactBulkActions } from './ContactBulkActions';
import { useBulkSelection } from './use-bulk-selection';

interface ContactSelectionOptions {
  rows: PagedRows<ContactListItem, ListRequest>;
  snapshot: PagedSnapshot<ContactListItem>;
  request: ListRequest;
  facets: Facets | null;
  userName: string;
}

const contactId = (item: ContactListItem) => item.id;
const contactName = (item: ContactListItem) => item.name;

/** The contacts list's selection and its bulk bar, for ContactsScreen. */
export function useContactSelection({ rows, snapshot, request, facets, userName }: ContactSelectionOptions) {
  // The list's request without paging: "all matching" is every page of it.
  const { offset: _offset, limit: _limit, ...coreRequest } = listQuery(request, 0, 1);
  return useBulkSelection({
    rows,
    snapshot,
    request,
    idOf: contactId,
    nameOf: contactName,
    noun: 'contacts',
    exporting: { list: 'contacts', request: coreRequest },
    actions: (selecting, run) => <ContactBulkActions selecting={selecting} request={coreRequest} facets={facets} userName={userName} run={run} />,
  });
}
