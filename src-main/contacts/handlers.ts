import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { contactsChannels } from '../../src-shared/ipc/contacts';
import type { Merger } from '../companies/merge';
import type { ContactPhotos } from '../files/contact-photos';
import type { ContactsService } from './service';

export function contactsHandlers(contacts: ContactsService, photos: ContactPhotos, merger: Merger) {
  return {
    'contacts.list': (query) => contacts.list(query),
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.create': ({ draft, allowDuplicate }) => contacts.create(draft, { allowDuplicate }),
    'contacts.update': ({ id, patch }) => contacts.update(id, patch),
    'contacts.delete': ({ id }) => contacts.delete(id),
    'contacts.restore': ({ id }) => contacts.restore(id),
    'contacts.findDuplicates': ({ phones, emails, excludeId }) => contacts.findDuplicatesOf(phones, emails, excludeId),
    'contacts.facets': () => contacts.facets(),
    'contacts.setPhoto': ({ contactId, uploadId }) => photos.set(contactId, uploadId),
    'contacts.duplicatesOf': ({ id }) => contacts.duplicatesOfContact(id),
    'contacts.merge': (input) => merger.mergeContacts(input),
    'contacts.unmerge': ({ undoId }) => merger.unmergeContacts(undoId),
  } satisfies HandlerMap<typeof contactsChannels>;
}
