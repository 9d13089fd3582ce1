import { useId, useState } from 'react';
import { useFileDrop } from '../../ui/use-file-drop';
import { fileCategories, type FileCategory } from '../../../src-shared/domain/file';
import { formatBytes } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { categoryLabels } from './hooks';

interface FileDropZoneProps {
  maxFileBytes: number;
  busy: boolean;
  onFiles: (files: File[], category: FileCategory | 'auto') => void;
}

/** Drop files here or pick them; the category applies to the files added next. */
export function FileDropZone({ maxFileBytes, busy, onFiles }: FileDropZoneProps) {
  const inputId = useId();
  const [category, setCategory] = useState<FileCategory | 'auto'>('auto');
  const { dragging, dropHandlers } = useFileDrop((files) => {
    if (files.length > 0) onFiles(files, category);
  });

  return (
    <div
      className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
      {...dropHandlers}
    >
      <span className="drop-zone__icon" aria-hidden="true">
        <Icon name="upload" size={22} />
      </span>
      <div className="drop-zone__text">
        <p className="drop-zone__title">{dragging ? 'Drop to attach' : 'Drag quotes, contracts and photos here'}</p>
        <p className="muted">Pictures and PDFs can be viewed right here. Up to {formatBytes(maxFileBytes)} each.</p>
      </div>
      <div className="drop-zone__controls">
        <label className="select-filter">
          <span className="visually-hidden">Category for new files</span>
          <select value={category} onChange={(event) => setCategory(event.target.value as FileCategory | 'auto')}>
            <option value="auto">Category: automatic</option>
            {fileCategories.map((option) => (
              <option key={option} value={option}>
                Category: {categoryLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          className="file-input"
          disabled={busy}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files, category);
          }}
        />
        <label htmlFor={inputId} className="button button--primary file-input__label">
          <Icon name="paperclip" size={16} /> {busy ? 'Attaching…' : 'Attach files'}
        </label>
      </div>
    </div>
  );
}
