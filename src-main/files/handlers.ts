import type { Handlers } from '../../src-shared/ipc/contract';
import type { ContactPhotos } from './contact-photos';
import type { FilesService } from './service';

export function filesHandlers(files: FilesService) {
  return {
    'files.list': ({ contactId }) => files.listForContact(contactId),
    'files.add': (input) => files.add(input),
    'files.delete': ({ id }) => files.delete(id),
    'files.restore': ({ id }) => files.restore(id),
    'settings.setLogo': ({ uploadId }) => files.setOfficeLogo(uploadId),
  } satisfies Pick<Handlers, Extract<keyof Handlers, `files.${string}`> | 'settings.setLogo'>;
}

export function contactPhotoHandlers(photos: ContactPhotos) {
  return {
    'contacts.setPhoto': ({ contactId, uploadId }) => photos.set(contactId, uploadId),
  } satisfies Pick<Handlers, 'contacts.setPhoto'>;
}
