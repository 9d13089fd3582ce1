import { useCallback, useState } from 'react';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Notice } from '../../ui/Notice';
import { ListRow } from '../../ui/ListRow';
import { RowList } from '../../ui/RowList';
import { DownloadLink } from './DownloadLink';
import { useBackups, useJob, useStartJob } from './hooks';
import { JobProgress } from './JobProgress';
import { Cluster } from '../../ui/Cluster';

/** One file with the database and every attached file; the app also makes one each day. */
export function BackupPanel() {
  const start = useCallback(() => api.invoke('exchange.backup', {}), []);
  const backup = useStartJob(start);
  const [reloadKey, setReloadKey] = useState(0);
  const job = useJob(backup.jobId, (settled) => {
    if (settled.state === 'done') setReloadKey((key) => key + 1);
  });
  const backups = useBackups(reloadKey);
  const status = job.status;
  const running = backup.starting || (backup.jobId !== null && (!status || status.state === 'running'));

  return (
    <Card title="Backup" help="Fieldbook backs up on its own once a day. Keep a copy somewhere else too: a USB stick or another computer.">
      <div>
        <Button variant="primary" onClick={() => void backup.run(undefined)} busy={running} busyLabel="Backing up…">
          Back up now
        </Button>
      </div>
      {backup.startError ? (
        <Notice tone="danger" role="alert">
          The backup could not start. {describeError(backup.startError)}
        </Notice>
      ) : null}
      {backup.jobId && running ? <JobProgress label="Backup progress" status={status} /> : null}
      {status?.state === 'done' && status.backupResult ? (
        <Notice tone="success" role="status" icon="check">
          <Cluster as="span" justify="between">
            Backup made.
            <DownloadLink kind="backups" fileName={status.backupResult.fileName} bytes={status.backupResult.bytes} label="Download the backup" />
          </Cluster>
        </Notice>
      ) : null}
      {status && (status.state === 'failed' || status.state === 'cancelled') ? (
        <Notice tone="danger" role="alert">
          The backup did not finish. {status.error?.message ?? 'It was stopped.'}
        </Notice>
      ) : null}
      <h3 className="exchange-subtitle">Recent backups</h3>
      <LiveContent live={backups} loading="Loading…" failed="The list of backups could not be read." keepLatest>
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact title="No backups yet." />
          ) : (
            <RowList label="Recent backups">
              {list.slice(0, 10).map((item) => (
                <li key={item.fileName}>
                  <ListRow
                    align="center"
                    title={<span className="exchange-plain">{formatDateTime(item.createdAt)}</span>}
                    trailing={
                      <DownloadLink kind="backups" fileName={item.fileName} bytes={item.bytes} label="Download" accessibleName={`Download backup of ${formatDateTime(item.createdAt)}`} />
                    }
                  />
                </li>
              ))}
            </RowList>
          )
        }
      </LiveContent>
    </Card>
  );
}
