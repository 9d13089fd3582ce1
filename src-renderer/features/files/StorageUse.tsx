import { api } from '../../api';
import { DetailList } from '../../ui/DetailList';
import { formatBytes, formatCount } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { ProgressBar } from '../../ui/ProgressBar';
import { onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

/** For admins: how much the workspace's files take at the relay, against its quota and limit. */
export function StorageUse() {
  const usage = useLiveData('files:storage-use', () => api.invoke('files.storageUsage', {}), {
    reloadOn: [onEvent('files.transfer', (transfer) => transfer.direction === 'upload' && transfer.state === 'done')],
    everyMs: 5 * 60_000,
    // Offline, the section says so itself; no banner over the whole screen.
    reportErrors: false,
  });
  return (
    <section className="sync-section" aria-labelledby="storage-use-title">
      <h3 className="sync-section__title" id="storage-use-title">
        Files at the relay
      </h3>
      <LiveContent live={usage} loading="Asking the relay…" failed="The relay could not say how much it stores." size="block">
        {(use) => (
          <>
            {use.quotaBytes !== null ? (
              <ProgressBar
                label="Storage used"
                phase={`${formatBytes(use.usedBytes)} of ${formatBytes(use.quotaBytes)} used`}
                done={use.usedBytes}
                total={use.quotaBytes}
              />
            ) : null}
            <DetailList
              items={[
                { term: 'Stored', value: `${formatBytes(use.usedBytes)} in ${formatCount(use.blobCount, 'file')}` },
                { term: 'Deleted, removed soon', value: formatBytes(use.awaitingCollectionBytes) },
                { term: 'Largest file accepted', value: formatBytes(use.maxFileBytes) },
                { term: 'Limit for the workspace', value: use.quotaBytes === null ? 'None' : formatBytes(use.quotaBytes) },
              ]}
            />
          </>
        )}
      </LiveContent>
    </section>
  );
}
