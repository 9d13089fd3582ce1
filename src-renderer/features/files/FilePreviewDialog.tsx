import type { StoredFile } from '../../../src-shared/domain/file';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button, buttonClassName } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { formatBytes } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { categoryLabels } from './hooks';

/** A picture or a PDF shown inside the app; the file itself is served sandboxed (src-main/host/files-route.ts). */
export function FilePreviewDialog({ file, onClose }: { file: StoredFile; onClose: () => void }) {
  const showError = useUi((state) => state.showError);
  const url = api.fileUrl(file.sha256);
  const isPdf = file.mimeType === 'application/pdf';
  return (
    <Dialog
      title={file.name}
      description={`${categoryLabels[file.category]} · ${formatBytes(file.sizeBytes)}`}
      size="xl"
      onClose={onClose}
      actions={
        <>
          {api.opensFilesWithOs() ? (
            <Button icon="external" onClick={() => void api.openFile(file.sha256).catch(showError)}>
              Open in another app
            </Button>
          ) : (
            <a className={buttonClassName()} href={url} download={file.name}>
              <Icon name="download" size={16} /> Download
            </a>
          )}
          <Button variant="primary" autoFocus onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <div className="file-preview">
        {isPdf ? (
          <iframe className="file-preview__frame" src={url} title={`Preview of ${file.name}`} />
        ) : (
          <img className="file-preview__image" src={url} alt={`Preview of ${file.name}`} />
        )}
      </div>
    </Dialog>
  );
}
