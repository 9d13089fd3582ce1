import { useState } from 'react';
import type { JobStatus } from '../../../src-shared/domain/exchange';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { formatCount } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { downloadHref, useJob } from '../exchange/hooks';

export type ExportTarget = ChannelInput<'bulk.exportCsv'>;

const rowNouns: Record<ExportTarget['list'], string> = { contacts: 'contact', calls: 'call', followups: 'follow-up', jobs: 'job', deals: 'deal' };

/** Saves a file the core wrote, as the user's click on "Download" asks. */
function download(fileName: string): void {
  const link = document.createElement('a');
  link.href = downloadHref('exports', fileName);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "Export CSV" in a bulk bar: the selected rows (or all matching) written by the export of that
 * kind of row, with progress and Cancel while it runs, then a toast to download the file.
 */
export function ExportSelectionButton({ target }: { target: () => ExportTarget }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const settled = (status: JobStatus) => {
    setJobId(null);
    const noun = rowNouns[target().list];
    const file = status.exportResult;
    if (status.state === 'done' && file) {
      pushToast({ message: `Exported ${formatCount(file.rows, noun)} to ${file.fileName}`, action: { label: 'Download', run: () => download(file.fileName) } });
    } else if (status.state === 'cancelled') pushToast({ message: 'The export was cancelled.' });
    else if (status.error) showError(status.error);
  };
  const job = useJob(jobId, settled);

  if (jobId) {
    const done = job.status?.done ?? 0;
    const total = job.status?.total ?? 0;
    return (
      <span className="bulk-export">
        <ProgressBar label="Export progress" phase="Exporting…" done={done} total={total} counts={total > 0 ? `${done} of ${total}` : null} />
        <Button size="sm" onClick={() => void api.invoke('exchange.cancel', { jobId }).catch(showError)}>
          Cancel export
        </Button>
      </span>
    );
  }
  const start = async () => {
    setStarting(true);
    try {
      setJobId((await api.invoke('bulk.exportCsv', target())).jobId);
    } catch (error) {
      showError(error);
    } finally {
      setStarting(false);
    }
  };
  return (
    <Button size="sm" icon="download" disabled={starting} onClick={() => void start()}>
      Export CSV
    </Button>
  );
}
