import { buttonClassName } from '../../ui/Button';
import { formatBytes } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { downloadHref, type DownloadKind } from './hooks';

/** A file the core wrote, offered for saving (src-main/host/download-route.ts serves it). */
export function DownloadLink({
  kind,
  fileName,
  bytes,
  label,
  accessibleName,
}: {
  kind: DownloadKind;
  fileName: string;
  bytes: number;
  label?: string;
  /** When the visible label is short ("Download") and the list around it says what. */
  accessibleName?: string;
}) {
  return (
    <a className={buttonClassName('secondary', 'sm')} href={downloadHref(kind, fileName)} download={fileName} aria-label={accessibleName} title={fileName}>
      <Icon name="download" size={14} /> {label ?? `Download ${fileName}`}
      <span className="muted"> ({formatBytes(bytes)})</span>
    </a>
  );
}
