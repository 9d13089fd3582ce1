import type { StoredFile } from '../../../src-shared/domain/file';
import { isPreviewable } from '../../../src-shared/domain/file';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatBytes, formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { useNow } from '../../ui/use-now';
import { categoryLabels, deleteFileWithUndo } from './hooks';

/** "PDF", "JPEG", "DOCX": the kind of file in the words people use. */
export function fileKind(file: StoredFile): string {
  const extension = file.name.includes('.') ? file.name.split('.').pop() : undefined;
  if (extension && extension.length <= 5) return extension.toUpperCase();
  return file.mimeType.split('/')[1]?.toUpperCase() ?? 'File';
}

/** One attached file: a thumbnail or icon, what it is, and preview, open or download, delete. */
export function FileItem({ file, onPreview }: { file: StoredFile; onPreview: (file: StoredFile) => void }) {
  const showError = useUi((state) => state.showError);
  const now = useNow();
  const previewable = isPreviewable(file.mimeType);
  const isImage = previewable && file.mimeType.startsWith('image/');
  const url = api.fileUrl(file.sha256);

  return (
    <div className="file-item">
      <span className={`file-item__thumb file-item__thumb--${isImage ? 'image' : 'icon'}`} aria-hidden="true">
        {isImage ? <img src={url} alt="" loading="lazy" /> : <Icon name={file.mimeType === 'application/pdf' ? 'note' : 'file'} size={22} />}
      </span>
      <div className="file-item__text">
        {previewable ? (
          <Button variant="link" className="file-item__name" onClick={() => onPreview(file)}>
            {file.name}
          </Button>
        ) : (
          <span className="file-item__name">{file.name}</span>
        )}
        <p className="file-item__meta">
          <Badge>{categoryLabels[file.category]}</Badge> {fileKind(file)} · {formatBytes(file.sizeBytes)} ·{' '}
          {file.addedBy || 'You'}, <time title={formatDateTime(file.createdAt)}>{formatWhen(file.createdAt, now)}</time>
        </p>
      </div>
      <div className="file-item__actions">
        {previewable ? <IconButton icon="eye" label={`Preview ${file.name}`} onClick={() => onPreview(file)} /> : null}
        {api.opensFilesWithOs() ? (
          <IconButton icon="external" label={`Open ${file.name} in another app`} onClick={() => void api.openFile(file.sha256).catch(showError)} />
        ) : (
          <a className="icon-button" href={url} download={file.name} aria-label={`Download ${file.name}`}>
            <Icon name="download" size={16} />
          </a>
        )}
        <IconButton icon="trash" label={`Delete ${file.name}`} onClick={() => void deleteFileWithUndo(file)} />
      </div>
    </div>
  );
}
