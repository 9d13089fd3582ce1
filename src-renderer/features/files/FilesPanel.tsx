import { useState } from 'react';
import { fileCategories, type FileCategory, type StoredFile } from '../../../src-shared/domain/file';
import { describeError } from '../../api';
import { useUi } from '../../store';
import { DropZone } from '../../ui/DropZone';
import { EmptyState } from '../../ui/EmptyState';
import { formatBytes } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Notice } from '../../ui/Notice';
import { RowList } from '../../ui/RowList';
import { SelectField } from '../../ui/SelectField';
import { Stack } from '../../ui/Stack';
import type { LiveData } from '../../ui/use-live-data';
import { FileItem } from './FileItem';
import { FilePreviewDialog } from './FilePreviewDialog';
import { attachFile, categoryLabels, guessCategory, tooLargeMessage } from './hooks';
import { transferKey, useFileTransfers } from './transfers';
import './files.css';
import { WhenAllowed } from '../access/WhenAllowed';

const categoryOptions = [
  { value: 'auto' as const, label: 'Category: automatic' },
  ...fileCategories.map((category) => ({ value: category, label: `Category: ${categoryLabels[category]}` })),
];

/** A contact's files: attach by picker or drag and drop, preview, open or download, delete with undo. */
export function FilesPanel({ contactId, files }: { contactId: string; files: LiveData<StoredFile[]> }) {
  const maxFileBytes = useUi((state) => state.settings?.maxFileBytes ?? 100 * 1024 * 1024);
  const [category, setCategory] = useState<FileCategory | 'auto'>('auto');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [previewing, setPreviewing] = useState<StoredFile | null>(null);
  const transfers = useFileTransfers();

  const attach = async (picked: File[]) => {
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
    <Stack gap="md">
      <WhenAllowed>
        <DropZone
          title="Drag quotes, contracts and photos here"
          dropTitle="Drop to attach"
          description={`Pictures and PDFs can be viewed right here. Up to ${formatBytes(maxFileBytes)} each.`}
          buttonLabel="Attach files"
          busy={busy}
          busyLabel="Attaching…"
          multiple
          onFiles={(picked) => void attach(picked)}
          controls={<SelectField label="Category for new files" hideLabel size="sm" options={categoryOptions} value={category} onChange={setCategory} />}
        />
      </WhenAllowed>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problems.length > 0 ? (
        <Notice tone="danger" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </Notice>
      ) : null}
      <LiveContent live={files} loading="Loading files…" failed="The files could not be loaded.">
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact title="No files yet.">
              Quotes, signed contracts and site photos you attach are kept here, and shared with your team when you sync.
            </EmptyState>
          ) : (
            <RowList label="Files">
              {list.map((file) => (
                <li key={file.id}>
                  <FileItem
                    file={file}
                    upload={transfers.get(transferKey('upload', file.sha256))}
                    download={transfers.get(transferKey('download', file.sha256))}
                    onPreview={setPreviewing}
                    onFetched={files.reload}
                  />
                </li>
              ))}
            </RowList>
          )
        }
      </LiveContent>
      {previewing ? <FilePreviewDialog file={previewing} onClose={() => setPreviewing(null)} /> : null}
    </Stack>
  );
}
