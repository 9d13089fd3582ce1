import type { FileTransfer } from '../../src-shared/domain/file';
import { AppError } from '../../src-shared/errors';
import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { filesChannels } from '../../src-shared/ipc/files';
import { RelayError } from '../sync/relay-client';
import type { FileTransfers } from './jobs';
import type { FilesService } from './service';

export function filesHandlers(files: FilesService, transfers: FileTransfers) {
  return {
    'files.list': ({ contactId }) => files.listForContact(contactId),
    'files.add': (input) => files.add(input),
    'files.delete': ({ id }) => files.delete(id),
    'files.restore': ({ id }) => files.restore(id),
    'files.fetch': async ({ id }) => {
      const file = files.get(id);
      await transfers.downloader.fetch(file.sha256, file.name);
      return files.get(id);
    },
    'files.cancelFetch': ({ sha256 }) => ({ cancelled: transfers.downloader.cancel(sha256) }),
    'files.transfers': () => currentTransfers(files, transfers),
    'files.retryUploads': () => {
      files.uploads.retryAllNow();
      transfers.uploader.kick();
      return { waiting: files.uploads.waitingCount() };
    },
    'files.storageUsage': async () => {
      const client = transfers.blobClient();
      if (!client) throw new AppError('conflict', 'This laptop is in no workspace, so nothing of it is stored at a relay.');
      try {
        return await client.usage();
      } catch (error) {
        if (!(error instanceof RelayError)) throw error;
        if (error.code === 'forbidden') throw new AppError('forbidden', 'Only an admin of the workspace can see its storage use.');
        throw new AppError(error.code === 'offline' ? 'unavailable' : 'conflict', error.message);
      }
    },
  } satisfies HandlerMap<typeof filesChannels>;
}

/** Waiting uploads from the queue, with the progress of those moving now; then active downloads. */
function currentTransfers(files: FilesService, transfers: FileTransfers): FileTransfer[] {
  const uploads = files.uploads.waiting().map(
    (upload): FileTransfer =>
      transfers.progress.get('upload', upload.sha256) ?? {
        sha256: upload.sha256,
        direction: 'upload',
        state: upload.lastError ? 'failed' : 'waiting',
        bytesDone: 0,
        totalBytes: upload.sizeBytes,
        message: upload.lastError,
        retryAt: upload.lastError ? upload.nextAttemptAt : null,
      },
  );
  const downloads = transfers.progress.list().filter((transfer) => transfer.direction === 'download');
  return [...uploads, ...downloads];
}
