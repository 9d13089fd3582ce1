import { useId } from 'react';
import { useFileDrop } from '../../ui/use-file-drop';
import { Icon } from '../../ui/Icon';

interface ImportFilePickerProps {
  busy: boolean;
  onFile: (file: File) => void;
}

/** The wizard's first step: drop a CSV or vCard file here, or pick one. */
export function ImportFilePicker({ busy, onFile }: ImportFilePickerProps) {
  const inputId = useId();
  const { dragging, dropHandlers } = useFileDrop((files) => {
    const file = files[0];
    if (file && !busy) onFile(file);
  });
  return (
    <div
      className={dragging ? 'import-drop import-drop--active' : 'import-drop'}
      {...dropHandlers}
    >
      <span className="import-drop__icon" aria-hidden="true">
        <Icon name="upload" size={22} />
      </span>
      <div className="import-drop__text">
        <p className="import-drop__title">{dragging ? 'Drop to read the file' : 'Drag a contacts file here'}</p>
        <p className="muted">
          A CSV from Google Contacts, Outlook, HubSpot, Salesforce, Pipedrive or a spreadsheet, or a vCard (.vcf) from a phone.
          Nothing is stored until you confirm.
        </p>
      </div>
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard"
        className="import-drop__input"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={inputId} className="button button--primary import-drop__button" aria-disabled={busy || undefined}>
        <Icon name="upload" size={16} /> {busy ? 'Reading…' : 'Choose a CSV or vCard file'}
      </label>
    </div>
  );
}
