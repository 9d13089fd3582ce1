import { useCallback, useState } from 'react';
import { api, describeError } from '../../api';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { DownloadLink } from './DownloadLink';
import { useBackups, useJob, useStartJob } from './hooks';
import { JobProgressBar } from './JobProgressBar';

/** One file with the database and every attached file; the app also makes one each day. */
export function BackupPanel() {
  const start = useCallback(() => api.invoke('exchange.backup', {}), []);
  const backup = useStartJob(start);
  const [reloadKey, setReloadKey] = useState(0);
  const job = useJob(backup.jobId, (settled) => {
    if (settled.state === 'done') setReloadKey((key) => key + 1);
  });
  const { backups, failed } = useBackups(reloadKey);
  const status = job.status;
  const running = backup.starting || (backup.jobId !== null && (!status || status.state === 'running'));

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title" className="card__title">
        Backup
      </h2>
      <p className="card__help">
        Fieldbook backs up on its own once a day. Keep a copy somewhere else too: a USB stick or another computer.
      </p>
      <div className="import-actions import-actions--start">
        <button type="button" className="button button--primary" onClick={() => void backup.run(undefined)} disabled={running}>
          {running ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {backup.startError ? (
        <p role="alert" className="notice notice--danger">
          The backup could not start. {describeError(backup.startError)}
        </p>
      ) : null}
      {backup.jobId && running ? <JobProgressBar label="Backup progress" status={status} /> : null}
      {status?.state === 'done' && status.backupResult ? (
        <div className="export-result" role="status">
          <Icon name="check" size={16} />
          <span className="export-result__text">Backup made.</span>
          <DownloadLink kind="backups" fileName={status.backupResult.fileName} bytes={status.backupResult.bytes} label="Download the backup" />
        </div>
      ) : null}
      {status && (status.state === 'failed' || status.state === 'cancelled') ? (
        <p role="alert" className="notice notice--danger">
          The backup did not finish. {status.error?.message ?? 'It was stopped.'}
        </p>
      ) : null}
      <h3 className="import-step__title">Recent backups</h3>
      {failed ? (
        <p role="alert" className="notice notice--danger">
          The list of backups could not be read.
        </p>
      ) : backups === null ? (
        <p className="muted">Loading…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <ul className="backup-list" aria-label="Recent backups">
          {backups.slice(0, 10).map((item) => (
            <li key={item.fileName} className="backup-list__item">
              <span>{formatDateTime(item.createdAt)}</span>
              <DownloadLink kind="backups" fileName={item.fileName} bytes={item.bytes} label="Download" accessibleName={`Download backup of ${formatDateTime(item.createdAt)}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
