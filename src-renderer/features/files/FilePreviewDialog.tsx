import { useEffect, useRef, type RefObject } from 'react';
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
  const frameRef = useRef<HTMLIFrameElement>(null);
  useFocusOutOfFrame(frameRef);
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
          <Button variant="primary" data-autofocus onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <div className="file-preview">
        {isPdf ? (
          <iframe ref={frameRef} tabIndex={-1} className="file-preview__frame" src={url} title={`Preview of ${file.name}`} />
        ) : (
          <img className="file-preview__image" src={url} alt={`Preview of ${file.name}`} />
        )}
      </div>
    </Dialog>
  );
}

/**
 * Keeps the keyboard with the app while a PDF is shown: keys pressed in the PDF viewer go to its
 * frame and never reach the dialog, so Escape would not close it. When the focus goes into the
 * frame (a click on the PDF), it comes back to the dialog's Close button: the click itself, the
 * wheel and the viewer's toolbar still work, and Escape closes the preview.
 */
function useFocusOutOfFrame(frameRef: RefObject<HTMLIFrameElement | null>) {
  useEffect(() => {
    // The window's blur is the only sign the parent gets; the frame is then the active element.
    const onBlur = () =>
      window.setTimeout(() => {
        const frame = frameRef.current;
        if (frame && document.activeElement === frame) frame.closest('dialog')?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      }, 0);
    window.addEventListener('blur', onBlur);
    return () => window.removeEventListener('blur', onBlur);
  }, [frameRef]);
}
