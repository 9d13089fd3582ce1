import { useState } from 'react';
import { WhenAllowed } from '../access/WhenAllowed';
import type { FileTransfer, StoredFile } from '../../../src-shared/domain/file';
import { isPreviewable } from '../../../src-shared/domain/file';
import { api, ApiError, describeError } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatBytes, formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { ListRow } from '../../ui/ListRow';
import { useNow } from '../../ui/use-now';
import { FileTransferStatus, type FetchState } from './FileTransferStatus';
import { categoryLabels, deleteFileWithUndo } from './hooks';

/** "PDF", "JPEG", "DOCX": the kind of file in the words people use. */
export function fileKind(file: StoredFile): string {
  const extension = file.name.includes('.') ? file.name.split('.').pop() : undefined;
  if (extension && extension.length <= 5) return extension.toUpperCase();
  return file.mimeType.split('/')[1]?.toUpperCase() ?? 'File';
}

interface FileItemProps {
  file: StoredFile;
  upload: FileTransfer | undefined;
  download: FileTransfer | undefined;
  onPreview: (file: StoredFile) => void;
  /** The bytes arrived: the list reloads to show the file as here. */
  onFetched: (file: StoredFile) => void;
}

/**
 * One attached file: a thumbnail or icon, what it is, where its bytes are (uploading, or not on
 * this laptop yet with Fetch), and preview, open or download, delete.
 */
export function FileItem({ file, upload, download, onPreview, onFetched }: FileItemProps) {
  const showError = useUi((state) => state.showError);
  const now = useNow();
  const [fetchState, setFetchState] = useState<FetchState>({ fetching: false, problem: null });
  const previewable = isPreviewable(file.mimeType);
  const isImage = previewable && file.mimeType.startsWith('image/') && file.available;
  const url = api.fileUrl(file.sha256);

  /** Fetches the bytes if they are not here; true once they are. */
  const fetchBytes = async (): Promise<StoredFile | null> => {
    if (file.available) return file;
    setFetchState({ fetching: true, problem: null });
    try {
      const fetched = await api.invoke('files.fetch', { id: file.id });
      setFetchState({ fetching: false, problem: null });
      onFetched(fetched);
      return fetched;
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'cancelled';
      setFetchState({ fetching: false, problem: cancelled ? null : describeError(error) });
      return null;
    }
  };
  const preview = async () => {
    const here = await fetchBytes();
    if (here) onPreview(here);
  };

  return (
    <ListRow
      align="center"
      leading={
        <span className="file-thumb" aria-hidden="true">
          {isImage ? <img src={url} alt="" loading="lazy" /> : <Icon name={file.mimeType === 'application/pdf' ? 'note' : 'file'} size={22} />}
        </span>
      }
      title={
        previewable ? (
          <Button variant="link" className="file-name truncate" onClick={() => void preview()}>
            {file.name}
          </Button>
        ) : (
          <span className="file-name truncate">{file.name}</span>
        )
      }
      meta={
        <>
          <Badge>{categoryLabels[file.category]}</Badge> {fileKind(file)} · {formatBytes(file.sizeBytes)} · {file.addedBy || 'You'},{' '}
          <time title={formatDateTime(file.createdAt)}>{formatWhen(file.createdAt, now)}</time>
        </>
      }
      trailing={
        <>
          {file.available ? (
            <>
              {previewable ? <IconButton icon="eye" label={`Preview ${file.name}`} onClick={() => onPreview(file)} /> : null}
              {api.opensFilesWithOs() ? (
                <IconButton icon="external" label={`Open ${file.name} in another app`} onClick={() => void api.openFile(file.sha256).catch(showError)} />
              ) : (
                <a className="icon-button" href={url} download={file.name} aria-label={`Download ${file.name}`}>
                  <Icon name="download" size={16} />
                </a>
              )}
            </>
          ) : null}
          <WhenAllowed>
            <IconButton icon="trash" label={`Delete ${file.name}`} onClick={() => void deleteFileWithUndo(file)} />
          </WhenAllowed>
        </>
      }
    >
      <FileTransferStatus
        file={file}
        upload={upload}
        download={download}
        fetchState={fetchState}
        onFetch={() => void fetchBytes()}
        onCancelFetch={() => void api.invoke('files.cancelFetch', { sha256: file.sha256 }).catch(showError)}
      />
    </ListRow>
  );
}
