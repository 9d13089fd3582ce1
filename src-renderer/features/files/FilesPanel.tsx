import { useState } from 'react';
import type { FileCategory, StoredFile } from '../../../src-shared/domain/file';
import { useUi } from '../../store';
import { describeError } from '../../api';
import { FileDropZone } from './FileDropZone';
import { FileItem } from './FileItem';
import { FilePreviewDialog } from './FilePreviewDialog';
import { attachFile, guessCategory, tooLargeMessage } from './hooks';
import './files.css';

/** A contact's files: attach by picker or drag and drop, preview, open or download, delete with undo. */
export function FilesPanel({ contactId, files }: { contactId: string; files: readonly StoredFile[] | undefined }) {
  const maxFileBytes = useUi((state) => state.settings?.maxFileBytes ?? 100 * 1024 * 1024);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [previewing, setPreviewing] = useState<StoredFile | null>(null);

  const attach = async (picked: File[], category: FileCategory | 'auto') => {
    const refused = picked.map((file) => tooLargeMessage(file, maxFileBytes)).filter((message): message is string => !!message);
    const accepted = picked.filter((file) => !tooLargeMessage(file, maxFileBytes));
    const failures = [...refused];
    setBusy(true);
    let attached = 0;
    for (const file of accepted) {
      setStatus(`Attaching ${file.name}…`);
      try {
        await attachFile(contactId, file, guessCategory(file, category));
        attached += 1;
      } catch (error) {
        failures.push(`“${file.name}” was not attached: ${describeError(error)}`);
      }
    }
    setBusy(false);
    setProblems(failures);
    setStatus(attached > 0 ? `Attached ${attached === 1 ? accepted[0]?.name : `${attached} files`}` : '');
  };

  return (
    <div className="files-panel">
      <FileDropZone maxFileBytes={maxFileBytes} busy={busy} onFiles={(picked, category) => void attach(picked, category)} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problems.length > 0 ? (
        <div className="notice notice--danger notice--stacked" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      {!files ? (
        <p className="muted panel-loading">Loading files…</p>
      ) : files.length === 0 ? (
        <p className="muted panel-empty">No files yet. Quotes, signed contracts and site photos you attach are kept here, on this computer.</p>
      ) : (
        <ul className="file-list" aria-label="Files">
          {files.map((file) => (
            <li key={file.id}>
              <FileItem file={file} onPreview={setPreviewing} />
            </li>
          ))}
        </ul>
      )}
      {previewing ? <FilePreviewDialog file={previewing} onClose={() => setPreviewing(null)} /> : null}
    </div>
  );
}
