import type { Handlers } from '../../src-shared/ipc/contract';
import type { ContactsService } from './service';

type ContactChannels =
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.restore'
  | 'contacts.findDuplicates'
  | 'contacts.facets';

export function contactsHandlers(contacts: ContactsService) {
  return {
    'contacts.list': (query) => contacts.list(query),
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.create': ({ draft, allowDuplicate }) => contacts.create(draft, { allowDuplicate }),
    'contacts.update': ({ id, patch }) => contacts.update(id, patch),
    'contacts.delete': ({ id }) => contacts.delete(id),
    'contacts.restore': ({ id }) => contacts.restore(id),
    'contacts.findDuplicates': ({ phones, emails, excludeId }) => contacts.findDuplicatesOf(phones, emails, excludeId),
    'contacts.facets': () => contacts.facets(),
  } satisfies Pick<Handlers, ContactChannels>;
}
