import { useId, type ReactNode } from 'react';
import { buttonClassName } from './Button';
import { cx } from './class-names';
import { Icon } from './Icon';
import { useFileDrop } from './use-file-drop';
import './DropZone.css';

export interface DropZoneProps {
  /** What to drop, and what dropping does once files are over the zone. */
  title: string;
  dropTitle: string;
  description: ReactNode;
  /** The picker button's words: also the file input's accessible name. */
  buttonLabel: string;
  busy?: boolean;
  busyLabel?: string;
  multiple?: boolean;
  /** The input's accept list (".csv,.vcf"). */
  accept?: string;
  onFiles: (files: File[]) => void;
  /** More controls before the button (a category for the files). */
  controls?: ReactNode;
}

/**
 * An area to drop files on, with a button that opens the file picker (a real <input type=file>,
 * so it works from the keyboard and its label names it).
 *   <DropZone title="Drag files here" dropTitle="Drop to attach" description="Up to 100 MB each." buttonLabel="Attach files" multiple onFiles={attach} />
 */
export function DropZone({ title, dropTitle, description, buttonLabel, busy = false, busyLabel, multiple, accept, onFiles, controls }: DropZoneProps) {
  const inputId = useId();
  const { dragging, dropHandlers } = useFileDrop((files) => {
    if (files.length > 0 && !busy) onFiles(multiple ? files : files.slice(0, 1));
  });
  return (
    <div className={cx('drop-zone', dragging && 'drop-zone--active')} {...dropHandlers}>
      <span className="drop-zone__icon" aria-hidden="true">
        <Icon name="upload" size={22} />
      </span>
      <div className="drop-zone__text">
        <p className="drop-zone__title">{dragging ? dropTitle : title}</p>
        <p className="drop-zone__description">{description}</p>
      </div>
      <div className="drop-zone__controls">
        {controls}
        <input
          id={inputId}
          type="file"
          multiple={multiple}
          accept={accept}
          className="drop-zone__input"
          disabled={busy}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <label htmlFor={inputId} className={buttonClassName('primary', 'md', 'drop-zone__button')} aria-disabled={busy || undefined}>
          <Icon name={multiple ? 'paperclip' : 'upload'} size={16} /> {busy && busyLabel ? busyLabel : buttonLabel}
        </label>
      </div>
    </div>
  );
}
